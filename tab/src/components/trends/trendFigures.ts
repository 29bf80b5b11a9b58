import type { CellSummary } from '@domain/summary/roundSummary';
import { scoreInTenths } from '@domain/summary/shownScore';
import type { ConditionId } from '@domain/conditions';
import type { TrendRound } from '../../api/types';
import { cellSummaryText, formatDate } from '../../format';

/** One round of one condition's trend, as the chart plots it and the table writes it. */
export interface TrendRow {
  readonly roundId: string;
  readonly number: number;
  /** "30 Jun 2025", or "" for a round that closed before close times were kept. */
  readonly closed: string;
  readonly cell: CellSummary;
  /** The score as shown (one decimal place: 1.4), or null: hidden, withheld, or every answer "don't know". */
  readonly shownScore: number | null;
  /** The table's words: "1.4", "No score" or "Hidden". */
  readonly scoreText: string;
  /** "35 answers, 11% don’t know", or why the cell is hidden or has no score (format.ts, as the overview says it). */
  readonly detail: string;
  readonly respondents: number;
}

/**
 * One condition's rounds, oldest first, each figure as the round's overview shows it: the chart
 * plots `shownScore` (the score rounded as shown, so a point sits where its label says) and the
 * table writes the same words as the overview's cell.
 */
export function trendRows(rounds: readonly TrendRound[], conditionId: ConditionId): TrendRow[] {
  return rounds.flatMap((round) => {
    const point = round.conditions.find((c) => c.conditionId === conditionId);
    if (!point) return [];
    const { allStaff: cell } = point;
    const text = cellSummaryText(cell, round.privacyThreshold);
    const shownScore = cell.shown && cell.score !== null ? scoreInTenths(cell.score) / 10 : null;
    return [{
      roundId: round.roundId,
      number: round.number,
      closed: formatDate(round.closedAt ?? undefined),
      cell,
      shownScore,
      scoreText: cell.shown ? text.score || 'No score' : 'Hidden',
      detail: text.detail,
      respondents: round.respondents,
    }];
  });
}
