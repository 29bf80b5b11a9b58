import { CONDITIONS, type ConditionId } from '../conditions';
import { LEVELS, type LevelId } from '../levels';
import { suppressCounts } from '../privacy';
import { conditionVisibility, type CutCounts } from './conditionPrivacy';
import { disagreementOf } from './disagreement';
import { assertPrivacyThreshold } from './privacyThreshold';
import { addTally, emptyTally, judgedIn, shownCell, tallyTotal, type RatingTally } from './ratingTally';
import type { TallySource } from './roundCounts';
import { RoundTallies } from './roundTallies';
import type { CellSummary, ConditionSummary, RatedAnswer, RoundSummary } from './roundSummary';

/**
 * The Appendix 2 grid for leaders: every condition in the report's order, for all staff and
 * for each of the levels, with small cuts suppressed and scores only from enough judgements
 * (see conditionPrivacy.ts). Counts and
 * ratings only: nothing of an answer but its condition, level and rating is counted, so no
 * respondent id, time or comment can reach the summary.
 */
export function summariseRound(answers: Iterable<RatedAnswer>, privacyThreshold: number): RoundSummary {
  const tallies = new RoundTallies();
  for (const answer of answers) tallies.record(answer);
  return summariseTallies(tallies, privacyThreshold);
}

/** The same grid from counts kept current elsewhere: its cost does not grow with the answers. */
export function summariseTallies(tallies: TallySource, privacyThreshold: number): RoundSummary {
  assertPrivacyThreshold(privacyThreshold);
  return {
    privacyThreshold,
    respondents: tallies.respondents,
    respondentsByLevel: levelRecord(suppressCounts(tallies.peopleByLevel(), privacyThreshold)),
    conditions: CONDITIONS.map((c) => summariseCondition(c.id, tallies.tallies(c.id), privacyThreshold)),
  };
}

function summariseCondition(conditionId: ConditionId, tallies: ReadonlyMap<LevelId, Readonly<RatingTally>>, threshold: number): ConditionSummary {
  const allStaffTally = emptyTally();
  for (const tally of tallies.values()) addTally(allStaffTally, tally);

  const countsByLevel = new Map<LevelId, CutCounts>();
  for (const [level, tally] of tallies) countsByLevel.set(level, { answers: tallyTotal(tally), judged: judgedIn(tally) });
  const visibility = conditionVisibility(countsByLevel, threshold);

  const byLevel = levelRecord(
    new Map(
      LEVELS.map(({ id }): [LevelId, CellSummary] => {
        const seen = visibility.byLevel.get(id) ?? { shown: false, reason: 'too-small' };
        return [id, seen.shown ? shownCell(tallies.get(id) ?? emptyTally(), visibility.judgements.byLevel.get(id)) : seen];
      }),
    ),
  );
  return {
    conditionId,
    allStaff: visibility.allStaff.shown ? shownCell(allStaffTally, visibility.judgements.allStaff) : visibility.allStaff,
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
