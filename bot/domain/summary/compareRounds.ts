import type { ConditionId } from '../conditions';
import { LEVELS, type LevelId } from '../levels';
import type { CellSummary, RoundSummary } from './roundSummary';

/** A score in two rounds, and how far it moved (after less before, -3 to 3, full precision). */
export interface ScoreChange {
  readonly before: number;
  readonly after: number;
  readonly change: number;
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
 * rounds is compared, and nothing hidden in either round can be recovered from the change.
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

function scoreChange(then: CellSummary | undefined, now: CellSummary | undefined): ScoreChange | null {
  if (!then?.shown || !now?.shown || then.score === null || now.score === null) return null;
  return { before: then.score, after: now.score, change: now.score - then.score };
}
