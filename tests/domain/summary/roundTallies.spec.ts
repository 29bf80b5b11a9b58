import { CONDITIONS } from '../../../bot/domain/conditions';
import { LEVELS, type LevelId } from '../../../bot/domain/levels';
import { RATINGS } from '../../../bot/domain/ratings';
import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { RoundTallies } from '../../../bot/domain/summary/roundTallies';
import { answer, pick, seededRandom, shuffled } from './fixtures';

/** The counts worked out the slow, obvious way: each stored row's newest version, then count. */
function expectedCounts(rows: readonly RatedAnswer[]) {
  const latest = new Map<string, RatedAnswer>();
  for (const row of rows) {
    const key = `${row.conditionId}|${row.respondentId}`;
    const previous = latest.get(key);
    if (!previous || previous.answeredAt <= row.answeredAt) latest.set(key, row);
  }
  const cells = new Map<string, number>();
  for (const row of latest.values()) cells.set(`${row.conditionId}|${row.level}|${row.rating}`, (cells.get(`${row.conditionId}|${row.level}|${row.rating}`) ?? 0) + 1);
  const levelOfPerson = new Map<string, RatedAnswer>();
  for (const row of rows) {
    const previous = levelOfPerson.get(row.respondentId);
    if (!previous || previous.answeredAt < row.answeredAt) levelOfPerson.set(row.respondentId, row);
  }
  const people = new Map<LevelId, number>(LEVELS.map((l) => [l.id, 0]));
  for (const row of levelOfPerson.values()) people.set(row.level, people.get(row.level)! + 1);
  return { cells, people, respondents: levelOfPerson.size };
}

function countsOf(tallies: RoundTallies) {
  const cells = new Map<string, number>();
  for (const { id: conditionId } of CONDITIONS) {
    for (const [level, tally] of tallies.tallies(conditionId)) {
      for (const { id: rating } of RATINGS) if (tally[rating] !== 0) cells.set(`${conditionId}|${level}|${rating}`, tally[rating]);
    }
  }
  return { cells, people: new Map(tallies.peopleByLevel()), respondents: tallies.respondents };
}

describe('RoundTallies: counts kept current one answer at a time', () => {
  it('moves a changed answer from its old cell to its new one, and a changed level with the person', () => {
    const tallies = new RoundTallies();
    tallies.record(answer('p1', 'C01', 'practitioner', 'partly'));
    tallies.record(answer('p1', 'C02', 'practitioner', 'partly'));
    tallies.record(answer('p1', 'C01', 'supervisor', 'fully'));

    expect(tallies.tallies('C01').get('practitioner')).toMatchObject({ partly: 0, fully: 0 });
    expect(tallies.tallies('C01').get('supervisor')).toMatchObject({ partly: 0, fully: 1 });
    // C02's answer stays where it was given; the person now counts once, as a supervisor.
    expect(tallies.tallies('C02').get('practitioner')).toMatchObject({ partly: 1 });
    expect(tallies.respondents).toBe(1);
    expect(tallies.peopleByLevel().get('supervisor')).toBe(1);
    expect(tallies.peopleByLevel().get('practitioner')).toBe(0);
  });

  it('counts the same answer read twice once, and ignores an older version read late', () => {
    const tallies = new RoundTallies();
    const older = answer('p1', 'C03', 'service-manager', 'mostly');
    const newer = answer('p1', 'C03', 'service-manager', 'fully');
    tallies.record(newer);
    tallies.record(newer);
    tallies.record(older);
    expect(tallies.tallies('C03').get('service-manager')).toMatchObject({ mostly: 0, fully: 1 });
    expect(tallies.respondents).toBe(1);
  });

  it('refuses a row with an unknown level or rating without moving any count', () => {
    const tallies = new RoundTallies();
    tallies.record(answer('p1', 'C01', 'practitioner', 'partly'));
    const bad = { ...answer('p1', 'C01', 'practitioner', 'fully'), rating: 'excellent' } as unknown as RatedAnswer;
    expect(() => tallies.record(bad)).toThrow(/Unknown level or rating/);
    expect(tallies.tallies('C01').get('practitioner')).toMatchObject({ partly: 1, fully: 0 });
  });

  it('after any order of reads, with re-reads and changed answers, matches counting every row from scratch', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = seededRandom(seed);
      const rows: RatedAnswer[] = [];
      for (let n = 0; n < 40; n++) {
        const person = `p${Math.floor(random() * 12)}`;
        rows.push(answer(person, pick(random, CONDITIONS).id, pick(random, LEVELS).id, pick(random, RATINGS).id));
      }
      // Refreshes read batches in storage order, overlapping the last, so rows come again and late.
      const reads = shuffled(random, [...rows, ...rows.filter(() => random() < 0.3)]);
      const tallies = new RoundTallies();
      for (const row of reads) tallies.record(row);
      expect(countsOf(tallies)).toEqual(expectedCounts(rows));
    }
  });
});
