import { SOMETHING_WENT_WRONG } from '../../bot/domain/errors';
import type { RunningService } from '../../bot/service';
import type { FakeConnector } from '../support/fakeConnector';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
import { installedInTeam, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/** Who may see what: every route of the tab's API checks the token, then the team's roster. */
let connector: FakeConnector;
let identity: LocalIdentityProvider;
let service: RunningService;
let roundId = '';
let team: SignedInTeam | undefined;

beforeAll(async () => {
  team = await startSignedInTeam();
  ({ connector, identity, service, roundId } = team);
});
afterAll(async () => team?.stop());

const claimsOf = (p: TestPerson) => ({ oid: p.aadObjectId, name: p.name });
const get = async (path: string, token?: string) => {
  const response = await fetch(`${service.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  // The exports answer with a file; every error, like every other route, is JSON.
  const json = (response.headers.get('content-type') ?? '').startsWith('application/json');
  return { status: response.status, body: (json ? await response.json() : { file: response.headers.get('content-type') }) as Record<string, unknown> };
};
const teamPaths = () => {
  const team = encodeURIComponent(TEAM.id);
  const round = `/api/teams/${team}/rounds/${roundId}`;
  return [`/api/teams/${team}/rounds`, `${round}/participation`, ...resultPaths(round), `${round}/plan`, `/api/teams/${team}/plan`, `${round}/evidence`];
};
/** A round's results: answered only once it has closed (the round here is open). */
const resultPaths = (round: string) => [`${round}/summary`, `${round}/conditions/C01/comments`, `${round}/changes`, `${round}/export.csv`, `${round}/export.xlsx`, `${round}/export.docx`];
const isResult = (path: string) => resultPaths('').some((tail) => path.endsWith(tail));
/** Champions only (the owner picker; "you said, we did"): refused to members who are not, which their specs show. */
const allPaths = () => ['/api/me', '/api/me/rounds', ...teamPaths(), `/api/teams/${encodeURIComponent(TEAM.id)}/members`, `/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/you-said-we-did`];

describe("the tab's API", () => {
  it.each([
    ['no token', async () => undefined],
    ['an expired token', () => identity.sign(claimsOf(PEOPLE.champion), { expiresInSeconds: -600 })],
    ['a token signed with a key Entra never published', () => identity.sign(claimsOf(PEOPLE.champion), { signWithUnpublishedKey: true })],
    ['a token for another application', () => identity.sign(claimsOf(PEOPLE.champion), { audience: 'api://elsewhere.example.org/botid-other' })],
    ['a token from another tenant', () => identity.sign(claimsOf(PEOPLE.champion), { tenantId: '99999999-0000-4000-8000-000000000009' })],
    ['a token without the access_as_user scope', () => identity.sign({ ...claimsOf(PEOPLE.champion), scp: 'User.Read' })],
  ])('answers %s with 401 on every route', async (_name, makeToken) => {
    const token = await makeToken();
    for (const path of allPaths()) {
      const reply = await get(path, token);
      expect({ path, status: reply.status }).toEqual({ path, status: 401 });
      expect(reply.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Please sign in to Teams to see the audit.' } });
    }
  });

  it("answers a signed-in member of another team with 403 on this team's routes", async () => {
    const token = await identity.sign(claimsOf(PEOPLE.outsider));
    for (const path of teamPaths()) expect({ path, status: (await get(path, token)).status }).toEqual({ path, status: 403 });
    const mine = await get('/api/me/rounds', token);
    expect(mine.status).toBe(200);
    expect(mine.body.rounds).toEqual([]);
  });

  it("serves a team's members, who see their name and their team's rounds", async () => {
    const token = await identity.sign(claimsOf(PEOPLE.practitioner));
    expect((await get('/api/me', token)).body).toEqual({ name: 'Ben Hughes', local: false, orgRoles: [] });
    for (const path of teamPaths()) {
      const reply = await get(path, token);
      // The round is open: its results are withheld from members and everyone else until it closes.
      expect({ path, status: reply.status }).toEqual({ path, status: isResult(path) ? 409 : 200 });
      if (isResult(path)) expect(reply.body).toMatchObject({ error: { code: 'RESULTS_AT_CLOSE' } });
    }
    const rounds = (await get(`/api/teams/${encodeURIComponent(TEAM.id)}/rounds`, token)).body.rounds as { roundId: string; number: number; status: string }[];
    expect(rounds).toEqual([expect.objectContaining({ roundId, number: 1, status: 'open' })]);
    expect(((await get('/api/me/rounds', token)).body.rounds as { teamName: string }[]).map((r) => r.teamName)).toEqual([TEAM.name]);
  });

  it('answers 500 in the one wording when Teams cannot say who is in the team, with nothing of the cause', async () => {
    // Chloe has not been asked about yet, so the roster is read, and fails on every try.
    connector.failNext(5, { status: 500, retryAfterSeconds: 0 }, (call) => call.path.includes('/members/'));
    const reply = await get(`/api/teams/${encodeURIComponent(TEAM.id)}/rounds`, await identity.sign(claimsOf(PEOPLE.manager)));
    expect(reply).toEqual({ status: 500, body: { error: { code: 'InternalError', message: SOMETHING_WENT_WRONG } } });
  });
});

describe('in local mode', () => {
  it('serves a clearly labelled local identity, and only for teams the service knows', async () => {
    const local = await startTestService();
    try {
      await postToBot(local, installedInTeam(connector.serviceUrl, PEOPLE.champion));
      const me = await fetch(`${local.url}/api/me`);
      expect(await me.json()).toEqual({ name: 'Local developer (not signed in)', local: true, orgRoles: ['admin'] });
      expect((await fetch(`${local.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds`)).status).toBe(200);
      expect((await fetch(`${local.url}/api/teams/${encodeURIComponent('19:unknown@thread.tacv2')}/rounds`)).status).toBe(403);
    } finally {
      await local.stop();
    }
  });
});
