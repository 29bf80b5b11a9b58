import { CONDITIONS, type ConditionId } from '../conditions';
import { LEVELS, type LevelId } from '../levels';
import { suppressCounts } from '../privacy';
import { RATINGS } from '../ratings';
import { conditionVisibility } from './conditionPrivacy';
import { disagreementOf } from './disagreement';
import { latestAnswers } from './latestAnswers';
import { assertPrivacyThreshold } from './privacyThreshold';
import { addTally, emptyTally, shownCell, type RatingTally } from './ratingTally';
import type { CellSummary, ConditionSummary, RatedAnswer, RoundSummary } from './roundSummary';

/**
 * The Appendix 2 grid for leaders: every condition in the report's order, for all staff and
 * for each of the levels, with small cuts suppressed (see conditionPrivacy.ts). Counts and
 * ratings only: nothing of an answer but its condition, level and rating is copied, so no
 * respondent id, time or comment can reach the summary.
 */
export function summariseRound(answers: Iterable<RatedAnswer>, privacyThreshold: number): RoundSummary {
  assertPrivacyThreshold(privacyThreshold);
  const { byCondition, levelOfPerson } = latestAnswers(answers);

  const peopleByLevel = new Map<LevelId, number>(LEVELS.map((l) => [l.id, 0]));
  for (const level of levelOfPerson.values()) peopleByLevel.set(level, (peopleByLevel.get(level) ?? 0) + 1);

  return {
    privacyThreshold,
    respondents: levelOfPerson.size,
    respondentsByLevel: levelRecord(suppressCounts(peopleByLevel, privacyThreshold)),
    conditions: CONDITIONS.map((c) => summariseCondition(c.id, byCondition.get(c.id)?.values() ?? [], privacyThreshold)),
  };
}

function summariseCondition(conditionId: ConditionId, answers: Iterable<RatedAnswer>, threshold: number): ConditionSummary {
  const tallies = new Map<LevelId, RatingTally>(LEVELS.map((l) => [l.id, emptyTally()]));
  for (const { level, rating } of answers) {
    const tally = tallies.get(level);
    if (!tally || !Object.hasOwn(tally, rating)) throw new Error(`Unknown level or rating in a stored answer: ${level}, ${rating}`);
    tally[rating] += 1;
  }
  const allStaffTally = emptyTally();
  for (const tally of tallies.values()) addTally(allStaffTally, tally);

  const answersByLevel = new Map<LevelId, number>();
  for (const [level, tally] of tallies) answersByLevel.set(level, RATINGS.reduce((sum, r) => sum + tally[r.id], 0));
  const visibility = conditionVisibility(answersByLevel, threshold);

  const byLevel = levelRecord(
    new Map(
      LEVELS.map(({ id }): [LevelId, CellSummary] => {
        const seen = visibility.byLevel.get(id) ?? { shown: false, reason: 'too-small' };
        return [id, seen.shown ? shownCell(tallies.get(id) ?? emptyTally()) : seen];
      }),
    ),
  );
  return {
    conditionId,
    allStaff: visibility.allStaff.shown ? shownCell(allStaffTally) : visibility.allStaff,
    byLevel,
    disagreement: disagreementOf(byLevel),
  };
}

function levelRecord<V>(values: ReadonlyMap<LevelId, V>): Record<LevelId, V> {
  const record = {} as Record<LevelId, V>;
  for (const { id } of LEVELS) {
    const value = values.get(id);
    if (value === undefined) throw new Error(`No value for level ${id}`);
    record[id] = value;
  }
  return record;
}
