import type { ConditionSummary, Disagreement, RoundSummary } from './roundSummary';

export type DisagreeingCondition = ConditionSummary & { readonly disagreement: Disagreement };

/** Gaps closer than this are the same gap (floating-point noise, far below what the UI shows). */
const SAME_GAP = 1e-9;

/**
 * "Where levels disagree": the conditions whose shown levels' scores differ (gap above 0),
 * largest gap first, equal gaps in the report's order. A condition whose shown levels all
 * agree (gap 0), or with fewer than two shown scored levels, is not listed.
 */
export function rankDisagreements(summary: RoundSummary): DisagreeingCondition[] {
  return summary.conditions
    .map((condition, order) => ({ condition, order }))
    .filter((row): row is { condition: DisagreeingCondition; order: number } =>
      row.condition.disagreement !== null && row.condition.disagreement.gap > SAME_GAP)
    .sort((a, b) => {
      const byGap = b.condition.disagreement.gap - a.condition.disagreement.gap;
      return Math.abs(byGap) > SAME_GAP ? byGap : a.order - b.order;
    })
    .map((row) => row.condition);
}
