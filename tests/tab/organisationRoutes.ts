import * as restify from 'restify';
import { endOfUkDay } from '../../bot/domain/closeDate';
import { ERROR_CODES, type ErrorCode } from '../../bot/domain/errors';
import type { OrgRole } from '../../bot/domain/organisation/orgRoles';
import type { OrganisationPlans, ServiceRoundListing, ServiceRoundView } from '../../bot/domain/organisation/organisationView';
import type { OrganisationTeam } from '../../bot/domain/organisation/serviceRound';
import { organisationPlans, organisationTeams, serviceRoundListings, serviceRoundViews } from './organisationFixtures';

/**
 * The organisation view's routes (issue 13) as the real API answers them
 * (bot/domain/organisation/organisationView.ts): anyone without an organisation role gets 403
 * NOT_AN_ORG_LEADER on every route, a leader 403 NOT_AN_ORG_ADMIN on the admins' routes, in the
 * service's own words (bot/domain/errors.ts). Tests set the roles and read what was sent.
 */
export interface OrganisationFake {
  /** The fixture user's organisation roles, as GET /api/me and GET /api/organisation answer them; none unless a test sets them. */
  roles: OrgRole[];
  teams: OrganisationTeam[];
  serviceRounds: ServiceRoundListing[];
  readonly views: Map<string, ServiceRoundView>;
  plans: OrganisationPlans;
  /** The next POST …/service-rounds' refusal (SERVICE_ROUND_OPEN…), if any; else it opens round n + 1 in the teams not left out. */
  refuseOpen: ErrorCode | null;
  /** The bodies POST …/service-rounds received. */
  readonly openRequests: unknown[];
  /** PUT …/teams/:teamId: each team id and body received. */
  readonly teamChanges: { teamId: string; body: unknown }[];
  /** Back to the fixtures, with no role. */
  reset(): void;
}

export function newOrganisationFake(): OrganisationFake {
  const fake: OrganisationFake = {
    roles: [], teams: [], serviceRounds: [], views: new Map(), plans: organisationPlans(), refuseOpen: null, openRequests: [], teamChanges: [],
    reset() {
      fake.roles = [];
      fake.teams = organisationTeams();
      fake.serviceRounds = serviceRoundListings();
      fake.views.clear();
      for (const [id, view] of serviceRoundViews()) fake.views.set(id, view);
      fake.plans = organisationPlans();
      fake.refuseOpen = null;
      fake.openRequests.length = 0;
      fake.teamChanges.length = 0;
    },
  };
  fake.reset();
  return fake;
}

const refuse = (res: restify.Response, code: ErrorCode) => res.send(ERROR_CODES[code].status, { error: { code, message: ERROR_CODES[code].message } });

export function registerOrganisationRoutes(server: restify.Server, fake: OrganisationFake): void {
  const leader = (res: restify.Response): boolean => {
    if (fake.roles.length > 0) return true;
    refuse(res, 'NOT_AN_ORG_LEADER');
    return false;
  };
  const admin = (res: restify.Response): boolean => {
    if (!leader(res)) return false;
    if (fake.roles.includes('admin')) return true;
    refuse(res, 'NOT_AN_ORG_ADMIN');
    return false;
  };
  const view = (req: restify.Request, res: restify.Response): ServiceRoundView | undefined => {
    const found = fake.views.get(req.params.serviceRoundId);
    if (!found) refuse(res, 'SERVICE_ROUND_NOT_FOUND');
    return found;
  };
  server.get('/api/organisation', async (_req, res) => {
    if (leader(res)) res.send(200, { roles: fake.roles, teams: fake.teams, serviceRounds: fake.serviceRounds });
  });
  server.get('/api/organisation/plans', async (_req, res) => {
    if (leader(res)) res.send(200, fake.plans);
  });
  server.get('/api/organisation/service-rounds/:serviceRoundId', async (req, res) => {
    if (!leader(res)) return;
    const found = view(req, res);
    if (found) res.send(200, found);
  });
  for (const format of ['csv', 'xlsx', 'docx']) {
    server.get(`/api/organisation/service-rounds/:serviceRoundId/export.${format}`, async (req, res) => {
      if (!leader(res)) return;
      const found = view(req, res);
      if (!found) return;
      if (found.results !== 'released') {
        res.send(409, { error: { code: 'RESULTS_AT_CLOSE', message: 'Results appear when every team’s round has closed.' } });
        return;
      }
      res.setHeader('Content-Disposition', `attachment; filename="service-wide-round-${found.round.number}.${format}"`);
      res.setHeader('Content-Type', 'application/octet-stream');
      res.sendRaw(200, Buffer.from(`service-wide round ${found.round.number} as ${format}`));
    });
  }
  server.post('/api/organisation/service-rounds', restify.plugins.bodyParser(), async (req, res) => {
    if (!admin(res)) return;
    fake.openRequests.push(req.body);
    if (fake.refuseOpen) {
      refuse(res, fake.refuseOpen);
      return;
    }
    const asked = fake.teams.filter((team) => !team.leftOut);
    const closesOn = (req.body as { closesOn: string }).closesOn;
    const round: ServiceRoundListing = {
      serviceRoundId: `sr-${fake.serviceRounds.length + 1}`, number: fake.serviceRounds.length + 1, openedAt: new Date().toISOString(),
      openedBy: 'Local developer', closesAt: endOfUkDay(closesOn).toISOString(), status: 'open', teamsAsked: asked.length,
    };
    fake.serviceRounds = [round, ...fake.serviceRounds];
    fake.views.set(round.serviceRoundId, { round, teams: asked.map((team) => ({ teamId: team.teamId, teamName: team.teamName, opening: { state: 'opening' } })), results: 'at-close' });
    res.send(201, round);
  });
  server.put('/api/organisation/teams/:teamId', restify.plugins.bodyParser(), async (req, res) => {
    if (!admin(res)) return;
    fake.teamChanges.push({ teamId: req.params.teamId, body: req.body });
    const team = fake.teams.find((t) => t.teamId === req.params.teamId);
    if (!team) {
      refuse(res, 'TEAM_NOT_IN_ORGANISATION');
      return;
    }
    const changed = { ...team, leftOut: (req.body as { leftOut: boolean }).leftOut };
    fake.teams = fake.teams.map((t) => (t.teamId === changed.teamId ? changed : t));
    res.send(200, changed);
  });
}
