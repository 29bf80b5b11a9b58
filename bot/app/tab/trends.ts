import type { TabUser } from '../../auth/ssoTokenVerifier';
import { trendOfRounds, type TeamTrends } from '../../domain/summary/trends';
import type { TabDeps } from './tabDeps';
import { requireTeamAccess } from './teamAccess';

/**
 * GET /api/teams/:teamId/trends: each condition's all-staff score across all of the team's
 * closed rounds, for the team's members (403 otherwise, as every team route). Each round's
 * figures are its released summary, read through the round summary cache (a closed round that
 * kept its counts is summarised once per instance, and then served from memory), never
 * recomputed here. An open round is left out, and so is a round in the moment after its close
 * while its last answers land (its results are not out yet: domain/summary/release.ts).
 */
export async function teamTrends(deps: Pick<TabDeps, 'teamCache' | 'roster' | 'rounds' | 'roundSummaries'>, user: TabUser, teamId: string): Promise<TeamTrends> {
  await requireTeamAccess(deps, user, teamId);
  const closed = (await deps.rounds.listForTeam(teamId)).filter((round) => round.status === 'closed');
  const released = await Promise.all(closed.map(async (round) => ({ round, release: await deps.roundSummaries.release(round) })));
  return trendOfRounds(released.flatMap(({ round, release }) => (release.results === 'released' ? [{ round, summary: release.summary }] : [])));
}
