import type { AuditRound } from '../../domain/auditRound';
import { previousClosedRound } from '../tab/roundChanges';

/**
 * Where a round sits among its team's rounds, for the plan's rules (issue 11). `rounds` is the
 * team's rounds as RoundsRepository.listForTeam gives them (any order).
 */

/**
 * When the team's previous round closed (ISO 8601), before `round`; undefined for its first.
 * Actions done before it are no longer in `round`'s plan (domain/plan.ts actionsOfOpenRound).
 */
export function previousCloseOf(rounds: readonly AuditRound[], round: AuditRound): string | undefined {
  return previousClosedRound(round, rounds)?.closedAt;
}

/** The round an action added now was agreed in: the team's open round, else its latest; undefined before its first. */
export function roundForNewAction(rounds: readonly AuditRound[]): AuditRound | undefined {
  const newestFirst = [...rounds].sort((a, b) => b.number - a.number);
  return newestFirst.find((round) => round.status === 'open') ?? newestFirst[0];
}

/** Whether `round` is the team's latest round (open or closed): its reports show the plan as it stands. */
export function isLatestRound(rounds: readonly AuditRound[], round: Pick<AuditRound, 'roundId'>): boolean {
  return [...rounds].sort((a, b) => b.number - a.number)[0]?.roundId === round.roundId;
}
