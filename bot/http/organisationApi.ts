import { organisationListing } from '../app/organisation/organisationListing';
import { organisationPlans, serviceRoundView } from '../app/organisation/organisationReads';
import { serviceRoundExport } from '../app/organisation/serviceRoundExport';
import type { TabDeps } from '../app/tab/tabDeps';
import type { TabUser } from '../auth/ssoTokenVerifier';
import { jsonOnce } from './jsonBody';
import { changeOrganisationTeam, openServiceRound } from '../app/organisation/openServiceRound';

/** A route of the tab's API as tabApi.ts declares them. */
type OrganisationRoute = [method: 'get' | 'post' | 'put' | 'del', path: string, route: (user: TabUser, request: { params: Record<string, string>; body: unknown }) => Promise<unknown>];

const ORGANISATION = '/api/organisation';

/**
 * The organisation view's routes (issue 13), under /api/organisation: for organisation leaders and
 * admins only, each about the signed-in person's own tenant (app/organisation/orgAccess.ts). Every
 * use case checks the role itself, first (requireOrgLeader, requireOrgAdmin).
 */
export function organisationRoutes(deps: TabDeps): OrganisationRoute[] {
  const serviceRound = `${ORGANISATION}/service-rounds/:serviceRoundId`;
  return [
    // The organisation: roles, teams, service-wide rounds (app/organisation/organisationListing.ts).
    ['get', ORGANISATION, (user) => organisationListing(deps, user)],
    // A service-wide round's progress and results, the plans side by side, the exports (app/organisation/organisationReads.ts).
    // Served from memory and read far more often than it changes: written as JSON once per view.
    ['get', serviceRound, async (user, { params }) => jsonOnce(await serviceRoundView(deps, user, params.serviceRoundId!))],
    ['get', `${serviceRound}/export.csv`, (user, { params }) => serviceRoundExport(deps, user, params.serviceRoundId!, 'csv')],
    ['get', `${serviceRound}/export.xlsx`, (user, { params }) => serviceRoundExport(deps, user, params.serviceRoundId!, 'xlsx')],
    ['get', `${serviceRound}/export.docx`, (user, { params }) => serviceRoundExport(deps, user, params.serviceRoundId!, 'docx')],
    ['get', `${ORGANISATION}/plans`, (user) => organisationPlans(deps, user)],
    // Admins: opening a service-wide round, leaving a team out (app/organisation/openServiceRound.ts).
    ['post', `${ORGANISATION}/service-rounds`, (user, { body }) => openServiceRound(deps, user, body)],
    ['put', `${ORGANISATION}/teams/:teamId`, (user, { params, body }) => changeOrganisationTeam(deps, user, params.teamId!, body)],
  ];
}
