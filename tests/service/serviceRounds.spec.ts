import type { ServiceRoundTeamJob } from '../../bot/app/organisation/openServiceRoundInTeam';
import { dayInWords } from '../../bot/domain/closeDate';
import type { OpenServiceRoundRequest } from '../../bot/domain/organisation/organisationView';
import type { RunningService } from '../../bot/service';
import { cardOf, cardText } from '../support/cardText';
import { loggedEvents } from '../support/dueWork';
import { startFakeConnector, type FakeConnector, type RecordedCall } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { startLocalIdentityProvider, TAB_AUDIENCE, type LocalIdentityProvider } from '../support/ssoTokens';
import { startTheRound } from '../support/startRound';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { busiest } from '../support/teamsLimits';
import { asRosterMember, installedInTeam, PEOPLE, TENANT_ID, type TestPerson } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 13: an organisation admin opens a service-wide round in every team that has the app,
 * through the tab's API, and each team's job (real due work queue on Azurite) opens the team's
 * own round and posts its cards into its own channel through the Teams stand-in, within Teams'
 * limits per conversation (7 per second, 8 per 2 seconds) and for the app in the tenant (50 per
 * second). A team left out gets nothing; a team running its own round keeps it. The clock stands
 * a second before the chosen close date (the end of a UK day) while all that happens, then runs
 * on, and every team's round closes itself on that date.
 */
const team = (name: string) => ({ id: `19:${name.toLowerCase()}-general@thread.tacv2`, name: `Children's Services – ${name}` });
/** Eight teams the round opens in, more than the 50 requests a second Teams allows the app take at once (8 × 7). */
const ASKED = ['Avon', 'Bath', 'Chew', 'Dart', 'Exe', 'Frome', 'Gwash', 'Hull'].map(team);
const BUSY = team('Isle'); // its champion has a round open
const LEFT_OUT = team('Wye');
const ELSEWHERE = team('Yare'); // the app installed in another tenant's team
const OTHER_TENANT_ID = '72f988bf-0000-4000-8000-0000000000ff';
const TENANT_TEAMS = [...ASKED, BUSY, LEFT_OUT];

const ADMIN = PEOPLE.admin;
const LEADER = PEOPLE.leader;
const CLOSES_ON = '2026-12-11';
const OPEN: OpenServiceRoundRequest = { closesOn: CLOSES_ON };
const closesAt = new Date('2026-12-12T00:00:00.000Z'); // the end of Friday 11 December 2026, UK (GMT)
const clock = testClock('2026-12-11T15:00:00.000Z');

let connector: FakeConnector;
let identity: LocalIdentityProvider;
let service: RunningService;
const logLines: string[] = [];

/** The tab's API as someone with these organisation roles (the token's `roles` claim). */
async function asRole(who: TestPerson, roles: string[], method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> & { error?: { code: string; message: string } } }> {
  const token = await identity.sign({ oid: who.aadObjectId, name: who.name, roles });
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}
const asAdmin = (method: string, path: string, body?: unknown) => asRole(ADMIN, ['Organisation.Admin'], method, path, body);

const jobsDone = () => loggedEvents(logLines, 'due_work_done').filter((e) => e.kind === 'openServiceRoundInTeam').length;
/** Waits until `count` more service-round jobs are done than before `action`. */
async function jobsAfter(count: number, action: () => Promise<unknown>): Promise<void> {
  const before = jobsDone();
  await action();
  await eventually(async () => (jobsDone() >= before + count ? true : undefined), 60_000, 'the teams\' jobs to be done');
  await service.settled();
}
const sentIn = (teamId: string) => connector.sentActivities().filter((s) => s.conversationId.startsWith(teamId));
const textsIn = (teamId: string) => sentIn(teamId).map((s) => cardText(cardOf(s.activity)));
const roundCardsIn = (teamId: string) => textsIn(teamId).filter((t) => /^Audit round \d+ is open|^Condition \d+ of 12/.test(t));
const latestServiceRound = async () => (await service.services.serviceRounds.list(TENANT_ID))[0];

beforeAll(async () => {
  connector = await startFakeConnector();
  for (const t of [...TENANT_TEAMS, ELSEWHERE]) connector.setRoster(t.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  identity = await startLocalIdentityProvider(TENANT_ID);
  service = await startTestService(
    { TABLES_PREFIX: uniqueTablePrefix(), DUE_WORK_POLL_MS: '100', TAB_SSO_AUDIENCE: TAB_AUDIENCE, TAB_SSO_TENANT_ID: TENANT_ID, TAB_SSO_JWKS_URI: identity.jwksUri },
    { now: clock.now, logLines, logLevel: 'info' },
  );
  for (const t of TENANT_TEAMS) await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion, t));
  const elsewhere = installedInTeam(connector.serviceUrl, PEOPLE.champion, ELSEWHERE) as { conversation: object; channelData: object };
  await postToBot(service, { ...elsewhere, conversation: { ...elsewhere.conversation, tenantId: OTHER_TENANT_ID }, channelData: { ...elsewhere.channelData, tenant: { id: OTHER_TENANT_ID } } });
  await startTheRound(service, connector, { team: BUSY });
  await service.settled();
}, 60_000);
afterAll(async () => {
  await service?.stop();
  await identity?.close();
  await connector?.close();
});

describe('leaving a team out', () => {
  it('is for admins only: a leader gets 403 NOT_AN_ORG_ADMIN, and nothing is marked', async () => {
    const reply = await asRole(LEADER, ['Organisation.Leader'], 'PUT', `/api/organisation/teams/${encodeURIComponent(LEFT_OUT.id)}`, { leftOut: true });
    expect(reply).toMatchObject({ status: 403, body: { error: { code: 'NOT_AN_ORG_ADMIN' } } });
    expect(await service.services.serviceRounds.leftOutTeams(TENANT_ID)).toEqual(new Set());
  });

  it("answers 404 TEAM_NOT_IN_ORGANISATION for a team without the app and for another tenant's team, and 400 for a change that is not true or false", async () => {
    for (const teamId of ['19:never-installed@thread.tacv2', ELSEWHERE.id]) {
      expect(await asAdmin('PUT', `/api/organisation/teams/${encodeURIComponent(teamId)}`, { leftOut: true })).toMatchObject({ status: 404, body: { error: { code: 'TEAM_NOT_IN_ORGANISATION' } } });
    }
    expect(await asAdmin('PUT', `/api/organisation/teams/${encodeURIComponent(LEFT_OUT.id)}`, { leftOut: 'yes' })).toMatchObject({ status: 400, body: { error: { code: 'BAD_REQUEST' } } });
    expect(await service.services.serviceRounds.leftOutTeams(TENANT_ID)).toEqual(new Set());
  });

  it('marks the team, answering with it as the organisation now sees it; with every team left out there is no one to ask', async () => {
    const reply = await asAdmin('PUT', `/api/organisation/teams/${encodeURIComponent(LEFT_OUT.id)}`, { leftOut: true });
    expect(reply).toEqual({ status: 200, body: { teamId: LEFT_OUT.id, teamName: LEFT_OUT.name, installedAt: expect.any(String), leftOut: true } });

    for (const t of [...ASKED, BUSY]) expect((await asAdmin('PUT', `/api/organisation/teams/${encodeURIComponent(t.id)}`, { leftOut: true })).status).toBe(200);
    expect(await asAdmin('POST', '/api/organisation/service-rounds', OPEN)).toMatchObject({ status: 409, body: { error: { code: 'NO_TEAMS_TO_ASK' } } });
    for (const t of [...ASKED, BUSY]) expect((await asAdmin('PUT', `/api/organisation/teams/${encodeURIComponent(t.id)}`, { leftOut: false })).body).toMatchObject({ leftOut: false });
    expect(await service.services.serviceRounds.leftOutTeams(TENANT_ID)).toEqual(new Set([LEFT_OUT.id]));
    expect(await latestServiceRound()).toBeUndefined();
  });
});

describe('opening a service-wide round', () => {
  it('is for admins only: a leader gets 403 NOT_AN_ORG_ADMIN, staff without a role NOT_AN_ORG_LEADER, and nothing opens', async () => {
    expect(await asRole(LEADER, ['Organisation.Leader'], 'POST', '/api/organisation/service-rounds', OPEN)).toMatchObject({ status: 403, body: { error: { code: 'NOT_AN_ORG_ADMIN' } } });
    expect(await asRole(PEOPLE.practitioner, [], 'POST', '/api/organisation/service-rounds', OPEN)).toMatchObject({ status: 403, body: { error: { code: 'NOT_AN_ORG_LEADER' } } });
    expect(await latestServiceRound()).toBeUndefined();
  });

  it('refuses a close date that is missing, not a day, passed or too far ahead with 400 INVALID_CLOSE_DATE, storing nothing and asking no team', async () => {
    connector.reset();
    for (const body of [{}, '"2026-12-20"', { closesOn: 'next Friday' }, { closesOn: '2026-12-10' }, { closesOn: '2027-06-30' }]) {
      expect(await asAdmin('POST', '/api/organisation/service-rounds', body)).toMatchObject({ status: 400, body: { error: { code: 'INVALID_CLOSE_DATE' } } });
    }
    expect(await latestServiceRound()).toBeUndefined();
    expect(connector.calls).toHaveLength(0);
  });

  it("opens a round in every team of the organisation, each posting its 13 cards into its own channel within Teams' limits; the left-out team and another tenant's get nothing", async () => {
    // Everything happens a second before the close date ends (however slow the machine); the clock runs on in the closing test.
    clock.holdAt(new Date(closesAt.getTime() - 1_000));
    connector.reset();
    // One of the teams' cards is refused by Teams (not a fault worth retrying): condition 5 in Bath.
    connector.failNext(1, { status: 403, body: { error: { code: 'Forbidden' } } }, (call: RecordedCall) => call.method === 'POST' && !!call.conversationId?.startsWith(ASKED[1]!.id) && JSON.stringify(call.body).includes('Condition 5 of 12'));
    let reply: Awaited<ReturnType<typeof asAdmin>> | undefined;
    await jobsAfter(ASKED.length + 1, async () => {
      reply = await asAdmin('POST', '/api/organisation/service-rounds', OPEN);
    });
    expect(reply).toEqual({
      status: 201,
      body: { serviceRoundId: expect.any(String), number: 1, openedAt: clock.now().toISOString(), openedBy: ADMIN.name, closesAt: closesAt.toISOString(), status: 'open', teamsAsked: ASKED.length + 1 },
    });
    const serviceRound = (await latestServiceRound())!;
    expect(serviceRound.teams.map((t) => t.teamName)).toEqual([...ASKED, BUSY].map((t) => t.name));

    for (const t of ASKED.filter((_, i) => i !== 1)) expect(roundCardsIn(t.id)).toHaveLength(13);
    expect(roundCardsIn(ASKED[1]!.id)).toHaveLength(12);
    expect(textsIn(ASKED[1]!.id).filter((text) => /not posted/.test(text))).toEqual([expect.stringMatching(/Teams did not accept 1 of audit round 1's card, even after several tries: condition 5\. A practice champion can post it with "repost"\./)]);
    expect(sentIn(LEFT_OUT.id)).toEqual([]);
    expect(sentIn(ELSEWHERE.id)).toEqual([]);
    expect(sentIn(BUSY.id)).toEqual([]);

    // Within Teams' limits: per conversation (7 a second, 8 in 2 seconds), and for the app (50 a second).
    for (const t of ASKED) {
      const times = sentIn(t.id).map((s) => s.at);
      expect(busiest(times, 1_000)).toBeLessThanOrEqual(7);
      expect(busiest(times, 2_000)).toBeLessThanOrEqual(8);
    }
    expect(connector.mostCallsInAnySecond()).toBeLessThanOrEqual(50);

    // Each team's round is an ordinary round of the team, saying what it is part of.
    const avon = (await service.services.rounds.findOpen(ASKED[0]!.id))!;
    expect(avon).toMatchObject({ number: 1, status: 'open', closesAt: closesAt.toISOString(), serviceRoundId: serviceRound.serviceRoundId, teamName: ASKED[0]!.name });
    expect(roundCardsIn(ASKED[0]!.id)[0]).toMatch(/^Audit round 1 is open\nOpened by \nEwa Nowak \(service-wide round 1\)\n on 11 December 2026\.\nCloses on Friday 11 December 2026/);
    const opened = (await service.services.activityLog.read(ASKED[0]!.id)).entries.filter((e) => e.kind === 'round-opened');
    expect(opened).toEqual([expect.objectContaining({ actor: { kind: 'app' }, roundId: avon.roundId, summary: 'Practice Audit opened audit round 1 (service-wide round 1, opened by Ewa Nowak), closing on Friday 11 December 2026.' })]);

    // How the opening went in each team, as the organisation view reads it.
    const states = await service.services.serviceRounds.teamStates(TENANT_ID, serviceRound.serviceRoundId);
    expect(states.get(ASKED[0]!.id)).toEqual({ state: 'opened', roundId: avon.roundId, roundNumber: 1, cards: { posted: 13, notPosted: 0 } });
    expect(states.get(ASKED[1]!.id)).toMatchObject({ state: 'opened', roundNumber: 1, cards: { posted: 12, notPosted: 1 } });
    expect(states.get(BUSY.id)).toEqual({ state: 'not-opened', reason: 'round-already-open', openRoundNumber: 1 });
    expect([...states.keys()].sort()).toEqual([...ASKED, BUSY].map((t) => t.id).sort());
  }, 90_000);

  it("leaves a team's own open round as it was", async () => {
    const rounds = await service.services.rounds.listForTeam(BUSY.id);
    expect(rounds.map((r) => [r.number, r.status, r.openedBy, r.serviceRoundId])).toEqual([[1, 'open', PEOPLE.champion.name, undefined]]);
  });

  it('refuses another while its teams\' rounds are open before its close date (409 SERVICE_ROUND_OPEN), asking no team', async () => {
    connector.reset();
    // Says until when, naming the round, and what lets the next one open.
    const message = `Service-wide round 1 is still running until the end of ${dayInWords(CLOSES_ON)}: the next can open once every team's round in it has closed.`;
    expect(await asAdmin('POST', '/api/organisation/service-rounds', OPEN)).toMatchObject({ status: 409, body: { error: { code: 'SERVICE_ROUND_OPEN', message } } });
    expect((await service.services.serviceRounds.list(TENANT_ID)).map((r) => r.number)).toEqual([1]);
    expect(connector.calls).toHaveLength(0);
  });

  it('opens nothing twice and posts no card twice when a team\'s job comes again: only the card Teams refused is posted', async () => {
    const { serviceRoundId } = (await latestServiceRound())!;
    const job = (teamId: string): ServiceRoundTeamJob => ({ kind: 'openServiceRoundInTeam', tenantId: TENANT_ID, serviceRoundId, teamId });
    connector.reset();
    await jobsAfter(3, () => Promise.all([job(ASKED[0]!.id), job(ASKED[1]!.id), job(BUSY.id)].map((j) => service.services.dueWork.schedule(j, clock.now()))));
    expect(sentIn(ASKED[0]!.id)).toEqual([]);
    expect(textsIn(ASKED[1]!.id)).toEqual([expect.stringMatching(/^Condition 5 of 12/)]);
    expect(connector.sentActivities()).toHaveLength(1);
    for (const t of [...ASKED, BUSY]) expect(await service.services.rounds.listForTeam(t.id)).toHaveLength(1);
    expect((await service.services.activityLog.read(ASKED[0]!.id)).entries.filter((e) => e.kind === 'round-opened')).toHaveLength(1);
    const states = await service.services.serviceRounds.teamStates(TENANT_ID, serviceRoundId);
    expect(states.get(ASKED[1]!.id)).toMatchObject({ state: 'opened', cards: { posted: 13, notPosted: 0 } });
    expect(states.get(BUSY.id)).toEqual({ state: 'not-opened', reason: 'round-already-open', openRoundNumber: 1 });
  }, 60_000);

  it("closes every team's round on the shared close date, as any round closes on its date; the team's own round stays open", async () => {
    connector.reset();
    clock.runOn();
    for (const t of ASKED) {
      await eventually(() => textsIn(t.id).find((text) => text.startsWith('Round closed\nAudit round 1 closed at the end of its close date, Friday 11 December 2026.')), 30_000, `${t.name}'s closing notice`);
    }
    await service.settled();
    for (const t of ASKED) expect((await service.services.rounds.listForTeam(t.id)).map((r) => r.status)).toEqual(['closed']);
    expect((await service.services.rounds.findOpen(BUSY.id))?.number).toBe(1);
  }, 60_000);
});
