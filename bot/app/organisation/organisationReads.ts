import type { TabUser } from '../../auth/ssoTokenVerifier';
import { ukDayOf } from '../../domain/closeDate';
import { AuditError } from '../../domain/errors';
import { compareServiceRounds } from '../../domain/organisation/compareServiceRounds';
import type { OrganisationPlans, ServiceRoundView } from '../../domain/organisation/organisationView';
import { planOverview } from '../../domain/organisation/planOverview';
import type { ServiceRound } from '../../domain/organisation/serviceRound';
import type { ServiceRoundChanges, ServiceSummary } from '../../domain/organisation/serviceSummary';
import type { TabDeps } from '../tab/tabDeps';
import { requireOrgLeader } from './orgAccess';
import { serviceRoundState, serviceSummaryOf, type FiguresDeps } from './serviceRoundFigures';

/** What the organisation's reads use. */
export type OrganisationReadDeps = FiguresDeps & Pick<TabDeps, 'serviceRounds' | 'teams' | 'plans' | 'now'>;

/**
 * GET /api/organisation/service-rounds/:serviceRoundId, for organisation leaders and admins
 * (NOT_AN_ORG_LEADER, 403, checked first): the round, each team's progress and response rate,
 * and, once every team's round is closed and released, the organisation's figures
 * (summariseService over the rounds' fixed counts) and the changes since the newest earlier
 * service-wide round whose results are released. Until then no figure that a rating or level
 * moves is served (so two reads cannot be differenced). SERVICE_ROUND_NOT_FOUND (404) for an
 * unknown id or one of another tenant (the repository's partition is the user's own tenant).
 */
export async function serviceRoundView(deps: OrganisationReadDeps, user: TabUser, serviceRoundId: string): Promise<ServiceRoundView> {
  const { partition } = requireOrgLeader(user);
  const serviceRound = await deps.tabServiceRounds.get(partition, serviceRoundId);
  if (!serviceRound) throw new AuditError('SERVICE_ROUND_NOT_FOUND');
  return deps.serviceSummaries.viewOf(partition, serviceRoundId, () => makeView(deps, partition, serviceRound));
}

/** The view as it stands now; a released one is kept for good (ServiceSummaryCache.keepView). */
async function makeView(deps: OrganisationReadDeps, partition: string, serviceRound: ServiceRound): Promise<ServiceRoundView> {
  const state = await serviceRoundState(deps, partition, serviceRound);
  const view: ServiceRoundView = { round: state.listing, teams: state.teams, results: state.results };
  if (state.results !== 'released') return view;
  const summary = await serviceSummaryOf(deps, state);
  const { changes, final } = await changesSincePrevious(deps, partition, serviceRound, summary);
  const released: ServiceRoundView = { ...view, summary, ...(changes ? { changes } : {}) };
  deps.serviceSummaries.keepView(partition, released, final && state.opened.every(({ round }) => round.finalCounts !== undefined));
  return released;
}

/**
 * Against the newest earlier service-wide round whose results are released; undefined when there
 * is none. `final` only when that is the newest earlier round (or there is none): an earlier round
 * passed over as not released may be seen released at a later read (its team rounds are read in
 * turn, and as this instance last read them), so the view is not kept for good with these changes.
 */
async function changesSincePrevious(deps: FiguresDeps, partition: string, current: ServiceRound, summary: ServiceSummary): Promise<{ readonly changes: ServiceRoundChanges | undefined; readonly final: boolean }> {
  const earlier = (await deps.tabServiceRounds.list(partition)).filter((round) => round.number < current.number);
  for (const [n, round] of earlier.entries()) {
    const state = await serviceRoundState(deps, partition, round);
    if (state.results === 'released') {
      const fromKeptCounts = state.opened.every(({ round: teamRound }) => teamRound.finalCounts !== undefined);
      return { changes: compareServiceRounds(await serviceSummaryOf(deps, state), round.number, summary), final: n === 0 && fromKeptCounts };
    }
  }
  return { changes: undefined, final: earlier.length === 0 };
}

/**
 * GET /api/organisation/plans, for organisation leaders and admins (NOT_AN_ORG_LEADER first):
 * the living plan of each of the organisation's teams (its installed teams less those left
 * out), as counts per condition (planOverview: actions, done, overdue today in the UK), in name
 * order. No action's text or owner is served.
 */
export async function organisationPlans(deps: OrganisationReadDeps, user: TabUser): Promise<OrganisationPlans> {
  const { partition, teamsTenantId } = requireOrgLeader(user);
  const today = ukDayOf(deps.now());
  const [installed, leftOut] = await Promise.all([deps.teams.listIn(teamsTenantId), deps.serviceRounds.leftOutTeams(partition)]);
  const teams = installed.filter((team) => !leftOut.has(team.teamId)).sort((a, b) => a.teamName.localeCompare(b.teamName, 'en-GB'));
  return { today, teams: await Promise.all(teams.map(async (team) => planOverview(team, await deps.plans.list(team.teamId), today))) };
}
