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

/**
 * Whether no round of the team closed after `round`: its reports show the plan as it stands. An
 * open round after it does not count: it has no results yet, so the round before it is the one a
 * service reports on and plans from, and its reports must show what has been agreed since.
 */
export function noLaterClosedRound(rounds: readonly AuditRound[], round: Pick<AuditRound, 'roundId' | 'number'>): boolean {
  return !rounds.some((other) => other.status === 'closed' && other.number > round.number);
}
