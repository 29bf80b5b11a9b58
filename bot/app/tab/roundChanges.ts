import type { TabUser } from '../../auth/ssoTokenVerifier';
import type { AuditRound } from '../../domain/auditRound';
import { compareRounds, releasedSummary, type ConditionChange } from '../../domain/summary';
import { roundOfTeam, type RoundOfTeamDeps } from './roundSummary';
import type { TabDeps } from './tabDeps';

export interface RoundChanges {
  /** The team's closed round opened most recently before this one; null when there is none. */
  readonly previousRound: { readonly roundId: string; readonly number: number; readonly closedAt: string } | null;
  /** Empty when there is no previous round to compare with. */
  readonly conditions: readonly ConditionChange[];
}

/**
 * How each condition has moved since the team's previous closed round: shown cuts only, in both
 * rounds. Only once the chosen round's results are out (RESULTS_AT_CLOSE otherwise, as its
 * summary): a change is a result.
 */
export async function roundChanges(deps: RoundOfTeamDeps & Pick<TabDeps, 'roundSummaries' | 'rounds'>, user: TabUser, teamId: string, roundId: string): Promise<RoundChanges> {
  const round = await roundOfTeam(deps, user, teamId, roundId);
  const after = releasedSummary(await deps.roundSummaries.release(round), round.number);
  const previous = previousClosedRound(round, await deps.rounds.listForTeam(teamId));
  const earlier = previous && (await deps.roundSummaries.release(previous));
  if (!previous || earlier?.results !== 'released') return { previousRound: null, conditions: [] };
  const before = earlier.summary;
  return {
    previousRound: { roundId: previous.roundId, number: previous.number, closedAt: previous.closedAt ?? '' },
    conditions: compareRounds(before, after),
  };
}

/** Opened before the chosen round, closed, the latest such: by opening time, then by number. */
export function previousClosedRound(round: AuditRound, teamRounds: readonly AuditRound[]): AuditRound | undefined {
  const earlier = (r: AuditRound) => r.openedAt < round.openedAt || (r.openedAt === round.openedAt && r.number < round.number);
  return teamRounds
    .filter((r) => r.roundId !== round.roundId && r.status === 'closed' && earlier(r))
    .sort((a, b) => b.openedAt.localeCompare(a.openedAt) || b.number - a.number)[0];
}
