import fc from 'fast-check';
import { CONDITIONS, type ConditionId } from '../../../bot/domain/conditions';
import { isAuditError } from '../../../bot/domain/errors';
import { LEVELS, type LevelId } from '../../../bot/domain/levels';
import { openParticipationOf, participationOf } from '../../../bot/domain/participation';
import { RATINGS, type RatingId } from '../../../bot/domain/ratings';
import {
  commentsFor,
  countsOfAnswers,
  releaseRound,
  releasedSummary,
  requireResults,
  resultsState,
  RoundTallies,
  talliesFrom,
  type CellSummary,
  type RatedAnswer,
  type ReleaseOf,
  type RoundSummary,
} from '../../../bot/domain/summary';

/**
 * Issue 8, item 1: the attacker. A member who reads everything the product serves of a round
 * (through the same domain functions the tab's API, the cards and the exports use) after every
 * single event: an answer, a change of answer, a change of level, the close. However the round
 * goes, no read, and no comparison of two reads, may pin one person's rating or level.
 *
 * While the round is open this is proved by indistinguishability: after each event, the reads
 * are the same whatever rating, level and comment the event's person gave, so two reads either
 * side of it can differ only in that the person answered. At close the round's results are one
 * fixed set, and each of its cuts obeys the threshold and the complementary rule: no hidden cut
 * (nor withheld judgement) can be recovered as a total less the cuts shown.
 */
const CONDITION_IDS: readonly ConditionId[] = CONDITIONS.slice(0, 3).map((c) => c.id); // few conditions: answers meet
const NOW = new Date('2026-11-20T12:00:00.000Z');
const SETTLE_MS = 1100;
const rating = fc.constantFrom(...RATINGS.map((r) => r.id));
const level = fc.constantFrom(...LEVELS.map((l) => l.id));
const comment = fc.constantFrom('', 'Supervision is rushed', 'We meet monthly with health');

interface Choice { readonly rating: RatingId; readonly level: LevelId; readonly comment: string }
interface Event extends Choice {
  readonly person: number;
  readonly conditionId: ConditionId;
  /** What the same person might have given instead, to the same condition. */
  readonly instead: Choice;
}

const roundArbitrary = fc.record({
  threshold: fc.integer({ min: 3, max: 6 }),
  levelOf: fc.array(level, { minLength: 30, maxLength: 30 }),
  events: fc.array(
    fc.record({
      person: fc.nat({ max: 29 }),
      conditionId: fc.constantFrom(...CONDITION_IDS),
      rating,
      // Mostly a person's own level; now and then a change of level.
      levelChange: fc.oneof({ arbitrary: fc.constant(null), weight: 5 }, { arbitrary: level, weight: 1 }),
      comment,
      instead: fc.record({ rating, level, comment }),
    }),
    { minLength: 1, maxLength: 70, size: 'max' },
  ),
});

type Attempt = { readonly served: unknown } | { readonly refused: string };
function attempt(read: () => unknown): Attempt {
  try {
    return { served: read() };
  } catch (error) {
    if (isAuditError(error)) return { refused: error.code };
    throw error;
  }
}

/** Everything the product serves of a round, as JSON would carry it. */
function readRound(round: ReleaseOf, answers: readonly RatedAnswer[], threshold: number) {
  const tallies = round.finalCounts ? talliesFrom(round.finalCounts) : new RoundTallies();
  if (tallies instanceof RoundTallies) for (const answer of answers) tallies.record(answer);
  const release = releaseRound(round, tallies, threshold, NOW, SETTLE_MS);
  const status = openParticipationOf(answers); // the champion's status card
  return JSON.parse(JSON.stringify({
    results: release.results,
    participation: release.participation, // …/participation, and the cards' answer counts
    // …/summary; the tab's overview, disagreement, don't-know and condition views, "what happens now",
    // the changes since the last round and the exports are all made from it.
    summary: attempt(() => releasedSummary(release, 2)),
    comments: CONDITION_IDS.map((conditionId) => attempt(() => {
      requireResults(resultsState(round, NOW, SETTLE_MS), 2);
      return commentsFor(answers, conditionId, { privacyThreshold: threshold, commentThreshold: threshold });
    })),
    statusCard: { respondents: status.respondents, answersByCondition: [...status.answersByCondition] },
  })) as { participation: { respondents: number; answersByCondition: Record<string, number> }; summary: Attempt } & Record<string, unknown>;
}

/** Plays the events; calls `afterEach` with the answers before and after each one, and the alternative after. */
function play(
  { levelOf, events }: { levelOf: LevelId[]; events: (Omit<Event, 'level'> & { levelChange: LevelId | null })[] },
  afterEach: (before: RatedAnswer[], after: RatedAnswer[], instead: RatedAnswer[], event: Event) => void,
): RatedAnswer[] {
  const levels = [...levelOf];
  const latest = new Map<string, RatedAnswer>();
  events.forEach((raw, i) => {
    if (raw.levelChange) levels[raw.person] = raw.levelChange;
    const event: Event = { ...raw, level: levels[raw.person]! };
    const answeredAt = new Date(Date.UTC(2026, 10, 2, 9, 0, i)).toISOString();
    const answerOf = (choice: Choice): RatedAnswer =>
      ({ respondentId: `person-${event.person}`, conditionId: event.conditionId, answeredAt, ...choice });
    const key = `${event.person}|${event.conditionId}`;
    const before = [...latest.values()];
    const instead = [...new Map(latest).set(key, answerOf(event.instead)).values()];
    latest.set(key, answerOf(event));
    afterEach(before, [...latest.values()], instead, event);
  });
  return [...latest.values()];
}

describe('an attacker reading an open round after every event', () => {
  it('reads the same whatever rating, level and comment the event gave: no read, nor two compared, pins it', () => {
    const open: ReleaseOf = { status: 'open' };
    const seen = { events: 0, changes: 0, levelChanges: 0 };
    fc.assert(
      fc.property(roundArbitrary, (round) => {
        const personLevel = new Map<string, LevelId>();
        play(round, (before, after, instead, event) => {
          const [previous, now, otherwise] = [before, after, instead].map((answers) => readRound(open, answers, round.threshold));
          expect(otherwise).toEqual(now);
          // And between two reads only participation moved: one more answer, maybe one more person.
          expect({ ...now, participation: null, statusCard: null }).toEqual({ ...previous!, participation: null, statusCard: null });
          const isNew = !before.some((a) => a.respondentId === `person-${event.person}` && a.conditionId === event.conditionId);
          const isNewPerson = !before.some((a) => a.respondentId === `person-${event.person}`);
          expect(now!.participation.respondents - previous!.participation.respondents).toBe(isNewPerson ? 1 : 0);
          for (const id of CONDITION_IDS) {
            expect(now!.participation.answersByCondition[id]! - previous!.participation.answersByCondition[id]!).toBe(isNew && id === event.conditionId ? 1 : 0);
          }
          expect(now!.summary).toEqual({ refused: 'RESULTS_AT_CLOSE' });
          seen.events += 1;
          if (!isNew) seen.changes += 1;
          const wasLevel = personLevel.get(event.person.toString());
          if (wasLevel && wasLevel !== event.level) seen.levelChanges += 1;
          personLevel.set(event.person.toString(), event.level);
        });
      }),
      { numRuns: 100 },
    );
    // The random rounds did play every kind of event.
    expect(Math.min(seen.events / 10, seen.changes, seen.levelChanges)).toBeGreaterThan(100);
  });
});

type Shown = Extract<CellSummary, { shown: true }>;
const judged = (cell: Shown) => (cell.distribution === null ? cell.answers - cell.dontKnow : cell.answers - cell.distribution['dont-know']);
const outsideGap = (n: number, threshold: number) => n === 0 || n >= threshold;

/** The per-cut threshold and the complementary rule, for answers and for judgements, in one condition. */
function expectCutsProtected(condition: RoundSummary['conditions'][number], threshold: number): void {
  const levels = LEVELS.map((l) => condition.byLevel[l.id]);
  const all = condition.allStaff;
  if (!all.shown) {
    expect(levels.every((cell) => !cell.shown)).toBe(true);
    return;
  }
  expect(all.answers).toBeGreaterThanOrEqual(threshold);
  const shownLevels = levels.filter((cell): cell is Shown => cell.shown);
  for (const cell of shownLevels) expect(outsideGap(cell.answers, threshold)).toBe(true);
  // All staff less the levels shown: the hidden levels together, never one small group.
  expect(outsideGap(all.answers - shownLevels.reduce((sum, cell) => sum + cell.answers, 0), threshold)).toBe(true);
  // A score, or a split of judgements, only from enough judgements; and none recoverable by subtraction.
  for (const cell of [all, ...shownLevels]) {
    if (cell.distribution !== null) expect(outsideGap(judged(cell), threshold)).toBe(true);
    if (cell.score !== null) expect(judged(cell)).toBeGreaterThanOrEqual(threshold);
  }
  if (all.distribution !== null) {
    const judgedShown = shownLevels.filter((cell) => cell.distribution !== null).reduce((sum, cell) => sum + judged(cell), 0);
    expect(outsideGap(judged(all) - judgedShown, threshold)).toBe(true);
  }
  for (const side of condition.disagreement ? [condition.disagreement.mostPositive, condition.disagreement.leastPositive] : []) {
    expect(condition.byLevel[side.level]).toMatchObject({ shown: true, score: side.score });
  }
}

describe('the same attacker once the round has closed', () => {
  it('reads one fixed set of figures whose every cut obeys the threshold and the complementary rule', () => {
    const seen = { hiddenLevels: 0, withheld: 0, scored: 0 };
    fc.assert(
      fc.property(roundArbitrary, (round) => {
        const answers = play(round, () => undefined);
        const { threshold } = round;
        const closed: ReleaseOf = { status: 'closed', closedAt: '2026-11-20T11:00:00.000Z', finalCounts: countsOfAnswers(answers) };
        const read = readRound(closed, answers, threshold);
        expect(readRound(closed, answers, threshold)).toEqual(read); // fixed: the same on every read
        expect(read.results).toBe('released');
        const summary = (read.summary as { served: RoundSummary }).served;

        for (const condition of summary.conditions) {
          expectCutsProtected(condition, threshold);
          for (const cell of Object.values(condition.byLevel)) {
            if (!cell.shown) seen.hiddenLevels += 1;
            else if (cell.withheld) seen.withheld += 1;
            else if (cell.score !== null) seen.scored += 1;
          }
        }
        // People by level: as the closing card shows them, and complementary too.
        const closing = participationOf(answers, threshold);
        expect(Object.fromEntries(closing.respondentsByLevel)).toEqual(summary.respondentsByLevel);
        const shownPeople = Object.values(summary.respondentsByLevel).flatMap((cell) => (cell.shown ? [cell.count] : []));
        for (const count of shownPeople) expect(outsideGap(count, threshold)).toBe(true);
        // (With every level hidden, what is left is everyone: no level of anyone.)
        if (shownPeople.length > 0) expect(outsideGap(summary.respondents - shownPeople.reduce((a, b) => a + b, 0), threshold)).toBe(true);

        // Comments: a level named only where its cut and judgements are shown; a judgement's rating only where all staff's are.
        (read.comments as Attempt[]).forEach((reply, i) => {
          const condition = summary.conditions.find((c) => c.conditionId === CONDITION_IDS[i])!;
          const { comments } = (reply as { served: { comments: { rating: RatingId | null; level: LevelId | null }[] } }).served;
          if (!condition.allStaff.shown) expect(comments).toEqual([]);
          for (const { rating: given, level: named } of comments) {
            if (named) expect(condition.byLevel[named]).toMatchObject({ shown: true, distribution: expect.any(Object) });
            if (given !== null && given !== 'dont-know') expect(condition.allStaff).toMatchObject({ distribution: expect.any(Object) });
          }
        });
      }),
      { numRuns: 200 },
    );
    expect(Math.min(seen.hiddenLevels, seen.withheld, seen.scored)).toBeGreaterThan(50);
  });

  it('holds back even a closed round while its last answers may still land, then shows it', () => {
    const answers = play({ levelOf: Array(30).fill('practitioner'), events: [{ person: 1, conditionId: 'C01', rating: 'fully', levelChange: null, comment: '', instead: { rating: 'partly', level: 'volunteer', comment: '' } }] }, () => undefined);
    const justClosed: ReleaseOf = { status: 'closed', closedAt: new Date(NOW.getTime() - SETTLE_MS + 1).toISOString() };
    expect(readRound(justClosed, answers, 3).summary).toEqual({ refused: 'RESULTS_AT_CLOSE' });
    expect(readRound({ ...justClosed, closedAt: new Date(NOW.getTime() - SETTLE_MS).toISOString() }, answers, 3).results).toBe('released');
  });
});
