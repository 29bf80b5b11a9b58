import type { ConditionId } from '../conditions';
import { LEVELS, type LevelId } from '../levels';
import type { CellScore, RoundSummary } from './roundSummary';
import { shownDifference } from './shownScore';

/**
 * A score in two rounds (full precision: shown to one decimal place, see shownScore.ts), and
 * how far it moved as shown: the shown after less the shown before, so the change always agrees
 * with the two figures beside it (1.5 → 1.6 is +0.1). `direction` is read from that same change.
 */
export interface ScoreChange {
  readonly before: number;
  readonly after: number;
  /** A multiple of 0.1, -3 to 3. */
  readonly change: number;
  readonly direction: 'up' | 'down' | 'none';
}

export interface LevelChange extends ScoreChange {
  readonly level: LevelId;
}

export interface ConditionChange {
  readonly conditionId: ConditionId;
  /** Null when either round hides the all-staff cut or has no score for it (every answer "don't know"). */
  readonly allStaff: ScoreChange | null;
  /** Only the levels shown with a score in both rounds, in the levels' order. */
  readonly byLevel: readonly LevelChange[];
}

/**
 * How each condition moved between an earlier round and a later one. Works from the two
 * summaries, after every privacy rule has been applied to each: only a cut shown in both
 * rounds is compared, and nothing hidden in either round can be recovered from the change. A
 * score withheld for too few judgements (score null) is not compared either.
 */
export function compareRounds(previous: RoundSummary, current: RoundSummary): ConditionChange[] {
  const before = new Map(previous.conditions.map((c) => [c.conditionId, c]));
  return current.conditions.map((now) => {
    const then = before.get(now.conditionId);
    return {
      conditionId: now.conditionId,
      allStaff: then ? scoreChange(then.allStaff, now.allStaff) : null,
      byLevel: then
        ? LEVELS.flatMap(({ id }) => {
            const change = scoreChange(then.byLevel[id], now.byLevel[id]);
            return change ? [{ level: id, ...change }] : [];
          })
        : [],
    };
  });
}

/** One cut's move between two rounds: null unless it is shown with a score in both (so nothing hidden in either is compared). */
export function scoreChange(then: CellScore | undefined, now: CellScore | undefined): ScoreChange | null {
  if (!then?.shown || !now?.shown || then.score === null || now.score === null) return null;
  const change = shownDifference(now.score, then.score);
  return { before: then.score, after: now.score, change, direction: change > 0 ? 'up' : change < 0 ? 'down' : 'none' };
}
