import type { RunningService } from '../../bot/service';
import type { ServiceRound } from '../../bot/domain/organisation/serviceRound';
import { closesOnIn, orgCaller } from '../support/orgCalls';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { OTHER_TEAM, PEOPLE, TEAM, TENANT_ID } from '../support/teamsActivities';

/**
 * Issue 13: organisation leaders and admins are Entra app roles in the SSO token. Every
 * organisation route refuses anyone signed in without one (even a practice champion) with 403
 * NOT_AN_ORG_LEADER, anyone not signed in with 401, and the admins' routes refuse a leader with
 * 403 NOT_AN_ORG_ADMIN; a refused change changes nothing.
 */
let service: RunningService;
let team: SignedInTeam | undefined;
let call: ReturnType<typeof orgCaller>;
let serviceRound: ServiceRound;

beforeAll(async () => {
  team = await startSignedInTeam();
  service = team.service;
  call = orgCaller(team.identity, service);
  // A service-wide round of the tenant's, so the routes that name one name a real one.
  serviceRound = await service.services.serviceRounds.open({
    tenantId: TENANT_ID,
    serviceRoundId: 'sr-access-1',
    openedAt: new Date().toISOString(),
    openedBy: PEOPLE.admin.name,
    closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
    teams: [{ teamId: TEAM.id, teamName: TEAM.name }],
  });
});
afterAll(async () => team?.stop());

type Route = readonly [method: string, path: () => string, body?: () => unknown];
const round = () => `/api/organisation/service-rounds/${serviceRound.serviceRoundId}`;
/** Leaders and admins. */
const LEADER_ROUTES: readonly Route[] = [
  ['GET', () => '/api/organisation'],
  ['GET', round],
  ['GET', () => `${round()}/export.csv`],
  ['GET', () => `${round()}/export.xlsx`],
  ['GET', () => `${round()}/export.docx`],
  ['GET', () => '/api/organisation/plans'],
];
/** Admins only. */
const ADMIN_ROUTES: readonly Route[] = [
  ['PUT', () => `/api/organisation/teams/${encodeURIComponent(OTHER_TEAM.id)}`, () => ({ leftOut: true })],
  ['POST', () => '/api/organisation/service-rounds', () => ({ closesOn: closesOnIn(14) })],
];
const EVERY_ROUTE = [...LEADER_ROUTES, ...ADMIN_ROUTES];
const named = ([method, path]: Route) => `${method} ${path()}`;

/** Each route's answer (status and error code) as `caller`: compared as one list, so a failure names every route that answered otherwise. */
async function answers(routes: readonly Route[], caller: Parameters<typeof call>[0]) {
  const replies = [];
  for (const route of routes) {
    const reply = await call(caller, route[0], route[1](), route[2]?.());
    replies.push({ route: named(route), status: reply.status, code: reply.body.error?.code });
  }
  return replies;
}
const every = (routes: readonly Route[], status: number, code?: string) => routes.map((route) => ({ route: named(route), status, code }));

/** What a refused change must not have changed: no team left out, no service-wide round opened. */
async function expectNothingChanged(): Promise<void> {
  expect(await service.services.serviceRounds.leftOutTeams(TENANT_ID)).toEqual(new Set());
  expect((await service.services.serviceRounds.list(TENANT_ID)).map((r) => r.serviceRoundId)).toEqual([serviceRound.serviceRoundId]);
}

describe('the organisation routes', () => {
  it('answer 401 to a request without a token, on every route', async () => {
    expect(await answers(EVERY_ROUTE, undefined)).toEqual(every(EVERY_ROUTE, 401, 'UNAUTHENTICATED'));
    await expectNothingChanged();
  });

  it.each([
    ['a practice champion of a team', PEOPLE.champion],
    ['a practitioner', PEOPLE.practitioner],
    ['a member of another team', PEOPLE.outsider],
  ])('answer 403 NOT_AN_ORG_LEADER to %s signed in without an organisation role, on every route', async (_name, who) => {
    expect(await answers(EVERY_ROUTE, { who, roles: [] })).toEqual(every(EVERY_ROUTE, 403, 'NOT_AN_ORG_LEADER'));
    await expectNothingChanged();
  });

  it("answer 403 NOT_AN_ORG_ADMIN to an organisation leader on the admins' routes, and change nothing", async () => {
    expect(await answers(ADMIN_ROUTES, { who: PEOPLE.leader, roles: ['leader'] })).toEqual(every(ADMIN_ROUTES, 403, 'NOT_AN_ORG_ADMIN'));
    await expectNothingChanged();
  });

  it.each([
    ['an organisation leader', ['leader'] as const],
    ['an organisation admin', ['admin'] as const],
  ])("let %s through on the leaders' routes", async (_name, roles) => {
    // The round is open: its exports answer 409 RESULTS_AT_CLOSE; everything else answers.
    const expected = LEADER_ROUTES.map((route) => (named(route).includes('/export.') ? { route: named(route), status: 409, code: 'RESULTS_AT_CLOSE' } : { route: named(route), status: 200, code: undefined }));
    expect(await answers(LEADER_ROUTES, { who: PEOPLE.leader, roles })).toEqual(expected);
  });

  it('answer 401 to a token from another tenant, whatever roles it carries', async () => {
    const otherTenant = { who: PEOPLE.admin, roles: ['leader', 'admin'] as const, tenantId: '0b9d1f5e-0000-4000-8000-00000000beef' };
    expect(await answers(EVERY_ROUTE, otherTenant)).toEqual(every(EVERY_ROUTE, 401, 'UNAUTHENTICATED'));
    await expectNothingChanged();
  });
});
