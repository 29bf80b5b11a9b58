import { CONDITIONS, type ConditionId } from '../conditions';
import { isLevelId, LEVELS, type LevelId } from '../levels';
import { isRatingId } from '../ratings';
import { emptyTally, type RatingTally } from './ratingTally';
import { countsOf, type RoundCounts, type TallySource } from './roundCounts';
import type { RatedAnswer } from './roundSummary';

type Counted = Pick<RatedAnswer, 'level' | 'rating' | 'answeredAt'>;

/**
 * The counts behind a round's summary, kept current one answer at a time: recording an answer
 * moves its person out of the cell of their previous answer to that condition and into the new
 * one, so keeping a big round's counts up to date costs what changed, not the whole round.
 *
 * Only the latest answer per person per condition counts, and each person is counted once, at
 * the level of their latest answer to any condition (ties keep the first seen, as participation
 * does), so recording the same answer twice changes nothing. Storage keeps one row per person per
 * condition, so of two reads of it with the same answeredAt the later read is the newer version,
 * and wins.
 */
export class RoundTallies implements TallySource {
  private readonly answerOf = new Map<string, Counted>();
  private readonly latestOfPerson = new Map<string, Counted>();
  private readonly cells = new Map<ConditionId, Map<LevelId, RatingTally>>();
  private readonly people = new Map<LevelId, number>(LEVELS.map((l) => [l.id, 0]));

  record(answer: RatedAnswer): void {
    // A bad stored row must not corrupt the counts: refuse it before anything moves.
    if (!isLevelId(answer.level) || !isRatingId(answer.rating)) {
      throw new Error(`Unknown level or rating in a stored answer: ${answer.level}, ${answer.rating}`);
    }
    const counted: Counted = { level: answer.level, rating: answer.rating, answeredAt: answer.answeredAt };
    this.recordPerson(answer.respondentId, counted);

    const key = `${answer.conditionId}|${answer.respondentId}`;
    const previous = this.answerOf.get(key);
    if (previous && counted.answeredAt < previous.answeredAt) return;
    if (previous) this.cellOf(answer.conditionId, previous.level)[previous.rating] -= 1;
    this.cellOf(answer.conditionId, counted.level)[counted.rating] += 1;
    this.answerOf.set(key, counted);
  }

  /** Each level's ratings of one condition (every level present, empty where nobody answered). */
  tallies(conditionId: ConditionId): ReadonlyMap<LevelId, Readonly<RatingTally>> {
    return new Map(LEVELS.map(({ id }) => [id, { ...(this.cells.get(conditionId)?.get(id) ?? emptyTally()) }]));
  }

  /** How many people answered anything, by the level of their latest answer. */
  peopleByLevel(): ReadonlyMap<LevelId, number> {
    return new Map(this.people);
  }

  get respondents(): number {
    return this.latestOfPerson.size;
  }

  private recordPerson(respondentId: string, counted: Counted): void {
    const previous = this.latestOfPerson.get(respondentId);
    if (previous && !(previous.answeredAt < counted.answeredAt)) return;
    if (previous) this.people.set(previous.level, this.people.get(previous.level)! - 1);
    this.people.set(counted.level, this.people.get(counted.level)! + 1);
    this.latestOfPerson.set(respondentId, counted);
  }

  private cellOf(conditionId: ConditionId, level: LevelId): RatingTally {
    let ofCondition = this.cells.get(conditionId);
    if (!ofCondition) this.cells.set(conditionId, (ofCondition = new Map()));
    let tally = ofCondition.get(level);
    if (!tally) ofCondition.set(level, (tally = emptyTally()));
    return tally;
  }
}

/** The counts a round keeps when it closes, from all its answers. */
export function countsOfAnswers(answers: Iterable<RatedAnswer>): RoundCounts {
  const tallies = new RoundTallies();
  for (const answer of answers) tallies.record(answer);
  return countsOf(tallies, CONDITIONS.map((c) => c.id));
}
