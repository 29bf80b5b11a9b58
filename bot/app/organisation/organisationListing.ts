import type { TabUser } from '../../auth/ssoTokenVerifier';
import type { AuditRound } from '../../domain/auditRound';
import { listingOf, type OrganisationReply, type ServiceRoundListing } from '../../domain/organisation/organisationView';
import { teamStateOf, type OrganisationTeam, type ServiceRound, type ServiceRoundTeamState } from '../../domain/organisation/serviceRound';
import type { TabDeps } from '../tab/tabDeps';
import { requireOrgLeader } from './orgAccess';

type ListingDeps = Pick<TabDeps, 'serviceRounds' | 'tabRounds' | 'now'>;

/**
 * GET /api/organisation: the signed-in person's organisation roles, the tenant's teams with the
 * app installed (left-out ones marked), in name order (en-GB collation), and its service-wide
 * rounds, newest first. Only ever the signed-in person's own tenant (orgAccess.ts).
 * @throws AuditError NOT_AN_ORG_LEADER (403) for anyone without an organisation role; STORAGE_UNAVAILABLE.
 */
export async function organisationListing(deps: Pick<TabDeps, 'teams' | 'serviceRounds' | 'tabRounds' | 'now'>, user: TabUser): Promise<OrganisationReply> {
  const { partition, teamsTenantId } = requireOrgLeader(user);
  const [installed, leftOut, rounds] = await Promise.all([deps.teams.listIn(teamsTenantId), deps.serviceRounds.leftOutTeams(partition), deps.serviceRounds.list(partition)]);
  const teams: OrganisationTeam[] = installed
    .map((team) => ({ teamId: team.teamId, teamName: team.teamName, installedAt: team.installedAt, leftOut: leftOut.has(team.teamId) }))
    .sort((a, b) => a.teamName.localeCompare(b.teamName, 'en-GB') || a.teamId.localeCompare(b.teamId));
  return { roles: user.orgRoles, teams, serviceRounds: await Promise.all(rounds.map((round) => serviceRoundListing(deps, round))) };
}

/**
 * A service-wide round as the organisation view lists it. Its status is `open` while any team
 * asked is still `opening` (its job has not run, or has not written yet) or has its round open,
 * and `closed` once every team's round that opened has closed (teams not opened do not count),
 * with when the last of them closed (serviceRoundClosedAt).
 * `states`: the round's team states when the caller has read them already (saves a read).
 * Team rounds are read through the tab's round cache: a closed round with its counts kept is
 * served from memory, so an organisation's older rounds cost a read of their states only.
 * @throws AuditError STORAGE_UNAVAILABLE.
 */
export async function serviceRoundListing(deps: ListingDeps, round: ServiceRound, states?: ReadonlyMap<string, ServiceRoundTeamState>): Promise<ServiceRoundListing> {
  const byTeam = states ?? (await deps.serviceRounds.teamStates(round.tenantId, round.serviceRoundId));
  const now = deps.now();
  const parts = await Promise.all(round.teams.map(({ teamId }) => teamRound(deps, teamId, teamStateOf(byTeam.get(teamId), round, now))));
  return listingOf(round, parts);
}

/**
 * One team's part: still `opening`, its round once opened, or undefined when none opened (or its
 * round is no longer stored: its team's data deleted on request, nothing left open).
 */
async function teamRound(deps: ListingDeps, teamId: string, state: ServiceRoundTeamState): Promise<'opening' | AuditRound | undefined> {
  if (state.state === 'opening') return 'opening';
  if (state.state === 'not-opened') return undefined;
  return deps.tabRounds.get(teamId, state.roundId);
}
