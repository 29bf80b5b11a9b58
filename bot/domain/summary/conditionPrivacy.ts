import { LEVELS, type LevelId } from '../levels';
import { suppressCounts } from '../privacy';

export type CutVisibility =
  | { readonly shown: true }
  | { readonly shown: false; readonly reason: 'too-small' | 'protects-another' };

export interface ConditionVisibility {
  readonly allStaff: CutVisibility;
  readonly byLevel: ReadonlyMap<LevelId, CutVisibility>;
}

/**
 * Which cuts of one condition may be shown, from its answer counts by level (every level,
 * zeros included). A level below the threshold is hidden, and further levels with it (the
 * smallest first, privacy.ts's hiddenGroups) until the hidden levels hold at least the
 * threshold together: so all staff less the shown levels gives only a group of at least
 * the threshold, never one hidden level. The all-staff cut is hidden when the condition has
 * fewer answers than the threshold, and then every level is hidden too (empty ones included).
 */
export function conditionVisibility(answersByLevel: ReadonlyMap<LevelId, number>, threshold: number): ConditionVisibility {
  const sizes = new Map<LevelId, number>(LEVELS.map((l) => [l.id, answersByLevel.get(l.id) ?? 0]));
  const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const byLevel = new Map<LevelId, CutVisibility>();
  if (total < threshold) {
    // Nothing of a condition this small is shown, not even its empty levels (with no answers at
    // all, hiddenGroups would show every level as an empty group).
    for (const level of sizes.keys()) byLevel.set(level, { shown: false, reason: 'too-small' });
    return { allStaff: { shown: false, reason: 'too-small' }, byLevel };
  }
  for (const [level, cell] of suppressCounts(sizes, threshold)) {
    byLevel.set(level, cell.shown ? { shown: true } : { shown: false, reason: cell.reason });
  }
  return { allStaff: { shown: true }, byLevel };
}
