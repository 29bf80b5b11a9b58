import type { RunningService } from '../../bot/service';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
import { PEOPLE } from '../support/teamsActivities';
import { startTestService } from '../support/testService';

/**
 * Issue 13: organisation leaders and admins are Entra app roles, arriving in the SSO token's
 * `roles` claim; the app keeps no list of them. Local mode acts as the role its banner chooses.
 */
let identity: LocalIdentityProvider;
let service: RunningService;
let team: SignedInTeam | undefined;

beforeAll(async () => {
  team = await startSignedInTeam();
  ({ identity, service } = team);
});
afterAll(async () => team?.stop());

const signedIn = (roles: unknown) => identity.sign({ oid: PEOPLE.manager.aadObjectId, name: PEOPLE.manager.name, ...(roles === undefined ? {} : { roles }) });
const call = async (url: string, path: string, headers: Record<string, string>) => {
  const response = await fetch(`${url}${path}`, { headers });
  return { status: response.status, body: (await response.json()) as { orgRoles?: unknown; roles?: unknown; error?: { code: string } } };
};

describe("roles from the SSO token's roles claim", () => {
  it.each([
    ['the Organisation leader role', ['Organisation.Leader'], ['leader']],
    ['the Organisation admin role', ['Organisation.Admin'], ['admin']],
    ['both roles, and another app role beside them', ['Reader', 'Organisation.Admin', 'Organisation.Leader'], ['leader', 'admin']],
    ['no roles claim', undefined, []],
    ['an empty roles claim', [], []],
    ['a role as a string, not a list', 'Organisation.Admin', []],
    ['numbers', [1, 2], []],
    ['an object', { admin: true }, []],
    ['unknown values, and the right ones in the wrong case or with spaces', ['Organisation.Owner', 'organisation.admin', ' Organisation.Leader'], []],
  ])('a token with %s gives those organisation roles, and no others', async (_name, roles, expected) => {
    const token = await signedIn(roles);
    const me = await call(service.url, '/api/me', { authorization: `Bearer ${token}` });
    expect(me).toEqual({ status: 200, body: { name: PEOPLE.manager.name, local: false, orgRoles: expected } });
    const organisation = await call(service.url, '/api/organisation', { authorization: `Bearer ${token}` });
    if (expected.length > 0) expect({ status: organisation.status, roles: organisation.body.roles }).toEqual({ status: 200, roles: expected });
    else expect(organisation).toEqual({ status: 403, body: { error: expect.objectContaining({ code: 'NOT_AN_ORG_LEADER' }) } });
  });

  it('ignores X-Local-Org-Role with Teams sign-in: a member without a role who sends it is still refused', async () => {
    const headers = { authorization: `Bearer ${await signedIn(undefined)}`, 'x-local-org-role': 'admin' };
    // Admins read it too, and the role is given in Entra (the README's "Giving people the organisation roles"), not in Teams.
    const message = "Only the organisation's leaders and admins can see the organisation view. Your organisation's Microsoft Entra admin can give you the Organisation leader role.";
    expect(await call(service.url, '/api/organisation', headers)).toEqual({ status: 403, body: { error: { code: 'NOT_AN_ORG_LEADER', message } } });
    expect((await call(service.url, '/api/me', headers)).body.orgRoles).toEqual([]);
    // Nor does it lower a role the token grants.
    const leader = { authorization: `Bearer ${await signedIn(['Organisation.Leader'])}`, 'x-local-org-role': 'none' };
    expect((await call(service.url, '/api/organisation', leader)).status).toBe(200);
  });
});

describe('in local mode', () => {
  let local: RunningService;
  beforeAll(async () => {
    local = await startTestService();
  });
  afterAll(async () => local?.stop());

  it.each([
    ['no X-Local-Org-Role: an organisation admin', undefined, ['admin'], 200],
    ['X-Local-Org-Role: admin', 'admin', ['admin'], 200],
    ['X-Local-Org-Role: leader', 'leader', ['leader'], 200],
    ['X-Local-Org-Role: none (a team member only)', 'none', [], 403],
  ])('acts as the role asked for: %s', async (_name, role, orgRoles, organisationStatus) => {
    const headers: Record<string, string> = role ? { 'x-local-org-role': role } : {};
    expect((await call(local.url, '/api/me', headers)).body).toEqual({ name: 'Local developer (not signed in)', local: true, orgRoles });
    const organisation = await call(local.url, '/api/organisation', headers);
    expect(organisation.status).toBe(organisationStatus);
    if (organisationStatus === 200) expect(organisation.body.roles).toEqual(orgRoles);
    else expect(organisation.body.error?.code).toBe('NOT_AN_ORG_LEADER');
  });
});
