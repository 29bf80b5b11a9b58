import { CONDITIONS } from '../../../bot/domain/conditions';
import { LEVELS } from '../../../bot/domain/levels';
import { RATINGS } from '../../../bot/domain/ratings';
import { compareRounds, summariseRound, type RatedAnswer } from '../../../bot/domain/summary';
import { many, pick, seededRandom } from './fixtures';

/** How each condition moved since the previous round, from shown cuts only. Threshold 5. */
describe('comparing two rounds', () => {
  const first = summariseRound([
    ...many(6, 'p1', 'C01', 'practitioner', 'not-in-place'),
    ...many(6, 's1', 'C01', 'supervisor', 'mostly'),
    ...many(5, 'p1', 'C02', 'practitioner', 'dont-know'),
    ...many(6, 'p1', 'C03', 'practitioner', 'partly'),
    ...many(3, 'p1', 'C04', 'practitioner', 'fully'),
  ], 5);
  const second = summariseRound([
    ...many(6, 'p2', 'C01', 'practitioner', 'partly'),
    ...many(6, 's2', 'C01', 'supervisor', 'fully'),
    ...many(5, 'p2', 'C02', 'practitioner', 'mostly'),
    ...many(6, 'p2', 'C03', 'practitioner', 'mostly'),
    ...many(2, 'l2', 'C03', 'senior-leader', 'fully'),
    ...many(6, 'p2', 'C04', 'practitioner', 'mostly'),
  ], 5);
  const changes = compareRounds(first, second);
  const of = (id: string) => changes.find((c) => c.conditionId === id)!;

  it('gives every condition, in the report order', () => {
    expect(changes.map((c) => c.conditionId)).toEqual(CONDITIONS.map((c) => c.id));
  });

  it('gives the change of the all-staff score and of each level shown in both rounds', () => {
    expect(of('C01').allStaff).toEqual({ before: 1, after: 2, change: 1 });
    expect(of('C01').byLevel).toEqual([
      { level: 'practitioner', before: 0, after: 1, change: 1 },
      { level: 'supervisor', before: 2, after: 3, change: 1 },
    ]);
  });

  it('gives no all-staff change where either round has no score (every answer "don\'t know")', () => {
    expect(of('C02').allStaff).toBeNull();
    expect(of('C02').byLevel).toEqual([]);
  });

  it('gives no change where either round hides the cut', () => {
    expect(of('C04').allStaff).toBeNull(); // 3 answers in the first round: hidden
    expect(of('C04').byLevel).toEqual([]);
    expect(of('C05')).toEqual({ conditionId: 'C05', allStaff: null, byLevel: [] });
  });

  it('leaves out a level hidden in the later round, and the level hidden to protect it', () => {
    // C03 second round: practitioners 6, senior leaders 2 (too small): practitioners are hidden too.
    expect(second.conditions[2]!.byLevel.practitioner).toEqual({ shown: false, reason: 'protects-another' });
    expect(of('C03').allStaff).toEqual({ before: 1, after: (6 * 2 + 2 * 3) / 8, change: (6 * 2 + 2 * 3) / 8 - 1 });
    expect(of('C03').byLevel).toEqual([]);
  });

  it('never reports a cut hidden in either round, and reports the shown scores as they are (random rounds)', () => {
    const random = seededRandom(7);
    const round = (prefix: string): RatedAnswer[] =>
      CONDITIONS.flatMap((c) => LEVELS.flatMap((l) => many(Math.floor(random() * 9), `${prefix}-${l.id}`, c.id, l.id, pick(random, RATINGS).id)));
    const seen = { compared: 0, left: 0 };
    for (let trial = 0; trial < 30; trial++) {
      const [a, b] = [summariseRound(round('a'), 5), summariseRound(round('b'), 5)];
      compareRounds(a, b).forEach((change, i) => {
        const [then, now] = [a.conditions[i]!, b.conditions[i]!];
        if (change.allStaff) expect(change.allStaff).toEqual({ before: then.allStaff.shown && then.allStaff.score, after: now.allStaff.shown && now.allStaff.score, change: expect.any(Number) });
        else expect(then.allStaff.shown && then.allStaff.score !== null && now.allStaff.shown && now.allStaff.score !== null).toBe(false);
        for (const { id } of LEVELS) {
          const [x, y] = [then.byLevel[id], now.byLevel[id]];
          const both = x.shown && y.shown && x.score !== null && y.score !== null;
          const level = change.byLevel.find((l) => l.level === id);
          expect(Boolean(level)).toBe(both);
          seen[level ? 'compared' : 'left'] += 1;
          if (level && x.shown && y.shown) expect(level).toEqual({ level: id, before: x.score, after: y.score, change: y.score! - x.score! });
        }
      });
    }
    expect(seen.compared).toBeGreaterThan(50);
    expect(seen.left).toBeGreaterThan(50);
  });
});
