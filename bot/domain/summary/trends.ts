import type { AuditRound } from '../auditRound';
import type { ConditionId } from '../conditions';
import type { CellSummary, RoundSummary } from './roundSummary';

/** One condition in one round of a trend: its all-staff cut exactly as the round's summary shows it. */
export interface TrendPoint {
  readonly conditionId: ConditionId;
  /** Hidden stays hidden (with its reason); a score withheld stays withheld. Scores are full precision, shown to one decimal place (shownScore.ts). */
  readonly allStaff: CellSummary;
}

/** One closed round of a team's trend. */
export interface TrendRound {
  readonly roundId: string;
  readonly number: number;
  /** ISO 8601; null for a round that closed before close times were kept. */
  readonly closedAt: string | null;
  /** The smallest group shown in this round (its summary's): a hidden cell's wording names it. */
  readonly privacyThreshold: number;
  /** How many people answered the round (any condition). */
  readonly respondents: number;
  /** Every condition, in the audit's order (as the summary). */
  readonly conditions: readonly TrendPoint[];
}

/** GET /api/teams/:teamId/trends: each condition's all-staff score across the team's closed rounds, oldest round first. */
export interface TeamTrends {
  readonly rounds: readonly TrendRound[];
}

/**
 * A team's trend from the released summaries of its closed rounds, oldest (lowest number) first.
 * Takes each summary as it was served, after every privacy rule of that round: nothing is
 * worked out across rounds, so a trend shows no more than the rounds' own overviews do.
 */
export function trendOfRounds(closed: readonly { readonly round: Pick<AuditRound, 'roundId' | 'number' | 'closedAt'>; readonly summary: RoundSummary }[]): TeamTrends {
  const rounds = [...closed]
    .sort((a, b) => a.round.number - b.round.number)
    .map(({ round, summary }): TrendRound => ({
      roundId: round.roundId,
      number: round.number,
      closedAt: round.closedAt ?? null,
      privacyThreshold: summary.privacyThreshold,
      respondents: summary.respondents,
      conditions: summary.conditions.map(({ conditionId, allStaff }) => ({ conditionId, allStaff })),
    }));
  return { rounds };
}
