import type { RunningService } from '../../bot/service';
import { closesOnIn } from '../support/orgCalls';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { PEOPLE, TEAM, TENANT_ID } from '../support/teamsActivities';

/**
 * Issue 13, what an organisation route does with what it was not built for: roles claims that are
 * not what Entra sends, ids that cannot be storage keys, and bodies that are wrong or too big.
 * Each gets a clear answer (never a 500), and the error body carries its code and message only.
 */
let team: SignedInTeam | undefined;
let service: RunningService;

beforeAll(async () => {
  team = await startSignedInTeam();
  service = team.service;
});
afterAll(async () => team?.stop());

async function send(claims: Record<string, unknown>, method: string, path: string, body?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const token = await team!.identity.sign({ oid: PEOPLE.admin.aadObjectId, name: PEOPLE.admin.name, ...claims });
  const response = await fetch(`${service.url}${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}
const admin = { roles: ['Organisation.Admin'] };
const errorOnly = (status: number, code: unknown) => ({ status, body: { error: { code, message: expect.any(String) } } });

describe('a roles claim that is not an array of the app roles as declared', () => {
  it.each([
    ['a string', 'Organisation.Admin'],
    ['values in another case', ['organisation.admin', 'ORGANISATION.LEADER']],
    ['values that are not text', [1, null, {}, ['Organisation.Admin'], { value: 'Organisation.Leader' }]],
    ['an object', { 'Organisation.Admin': true }],
    ['many unknown values', Array.from({ length: 400 }, (_, i) => `Role.${i}`)],
  ])('grants no organisation role: %s', async (_, roles) => {
    expect(await send({ roles }, 'GET', '/api/organisation')).toEqual(errorOnly(403, 'NOT_AN_ORG_LEADER'));
  });

  it('grants the role among many others', async () => {
    expect((await send({ roles: [...Array.from({ length: 400 }, (_, i) => `Role.${i}`), 'Organisation.Leader'] }, 'GET', '/api/organisation')).status).toBe(200);
  });
});

describe('ids that cannot be storage keys', () => {
  const odd = ['a/b', 'a#b', 'a?b', 'a\\b', 'round|x', '%00', 'x'.repeat(99)];
  it.each(odd)('answer 404 for a service-wide round named %#', async (id) => {
    for (const suffix of ['', '/export.csv', '/export.xlsx', '/export.docx']) {
      expect(await send(admin, 'GET', `/api/organisation/service-rounds/${encodeURIComponent(id)}${suffix}`)).toEqual(errorOnly(404, 'SERVICE_ROUND_NOT_FOUND'));
    }
  });
  it.each(odd)('answer 404 for a team named %#, leaving nothing out', async (id) => {
    expect(await send(admin, 'PUT', `/api/organisation/teams/${encodeURIComponent(id)}`, JSON.stringify({ leftOut: true }))).toEqual(errorOnly(404, 'TEAM_NOT_IN_ORGANISATION'));
    expect(await service.services.serviceRounds.leftOutTeams(TENANT_ID)).toEqual(new Set());
  });

  it("answer 404 where no route matches: '..' (a path the client resolves) and 2 KB ids (the router's longest parameter)", async () => {
    for (const id of ['..', 'x'.repeat(2_048)]) {
      for (const path of [`/api/organisation/service-rounds/${id}`, `/api/organisation/service-rounds/${id}/export.csv`]) {
        expect(await send(admin, 'GET', path)).toEqual(errorOnly(404, expect.any(String)));
      }
      expect(await send(admin, 'PUT', `/api/organisation/teams/${id}`, JSON.stringify({ leftOut: true }))).toEqual(errorOnly(404, expect.any(String)));
    }
    expect(await service.services.serviceRounds.leftOutTeams(TENANT_ID)).toEqual(new Set());
  });
});

describe('bodies that are wrong', () => {
  it.each([
    ['closesOn a number', { closesOn: 20261120 }],
    ['closesOn an array', { closesOn: [closesOnIn(14)] }],
    ['closesOn null', { closesOn: null }],
    ['closesOn with a time', { closesOn: `${closesOnIn(14)}T10:00:00Z` }],
    ['a list', [{ closesOn: closesOnIn(14) }]],
    ['null', null],
  ])('opening with %s: 400 INVALID_CLOSE_DATE, nothing opened', async (_, body) => {
    expect(await send(admin, 'POST', '/api/organisation/service-rounds', JSON.stringify(body))).toEqual(errorOnly(400, 'INVALID_CLOSE_DATE'));
    expect(await service.services.serviceRounds.list(TENANT_ID)).toEqual([]);
  });

  it('opening with a body that is not JSON, or too big: a 4xx, nothing opened', async () => {
    expect((await send(admin, 'POST', '/api/organisation/service-rounds', '{"closesOn":')).status).toBe(400);
    const big = JSON.stringify({ closesOn: closesOnIn(14), padding: 'x'.repeat(1_000_000) });
    expect((await send(admin, 'POST', '/api/organisation/service-rounds', big)).status).toBe(413);
    expect(await service.services.serviceRounds.list(TENANT_ID)).toEqual([]);
  });

  it.each([
    ['leftOut missing', {}],
    ['leftOut as text', { leftOut: 'true' }],
    ['another field', { leftOut: true, teamName: 'Renamed' }],
    ['null', null],
  ])('leaving a team out with %s: 400, nothing marked', async (_, body) => {
    expect(await send(admin, 'PUT', `/api/organisation/teams/${encodeURIComponent(TEAM.id)}`, JSON.stringify(body))).toEqual(errorOnly(400, 'BAD_REQUEST'));
    expect(await service.services.serviceRounds.leftOutTeams(TENANT_ID)).toEqual(new Set());
  });
});
