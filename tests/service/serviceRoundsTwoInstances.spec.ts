import { openServiceRoundInTeam } from '../../bot/app/organisation/openServiceRoundInTeam';
import type { RunningService } from '../../bot/service';
import { cardOf, cardText } from '../support/cardText';
import { loggedEvents } from '../support/dueWork';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { startLocalIdentityProvider, TAB_AUDIENCE, type LocalIdentityProvider } from '../support/ssoTokens';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, installedInTeam, PEOPLE, TENANT_ID } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 13, across two instances of the service sharing storage and due work: admins opening a
 * service-wide round at the same moment, on either instance, open one round, ask each team once,
 * and post each team's cards once.
 */
const team = (name: string) => ({ id: `19:${name.toLowerCase()}-general@thread.tacv2`, name: `Children's Services – ${name}` });
const TEAMS = ['Avon', 'Bath', 'Chew', 'Dart'].map(team);
const clock = testClock('2026-11-02T10:00:00.000Z');
const CLOSES_ON = '2026-11-20';

let connector: FakeConnector;
let identity: LocalIdentityProvider;
let first: RunningService;
let second: RunningService;
let logLines: string[] = [];

async function asAdmin(service: RunningService, method: string, path: string, body?: unknown): Promise<{ status: number; body: { error?: { code: string } } & Record<string, unknown> }> {
  const token = await identity.sign({ oid: PEOPLE.admin.aadObjectId, name: PEOPLE.admin.name, roles: ['Organisation.Admin'] });
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as { error?: { code: string } } };
}

const jobsDone = () => loggedEvents(logLines, 'due_work_done').filter((e) => e.kind === 'openServiceRoundInTeam').length;
const roundCardsIn = (teamId: string) =>
  connector
    .sentActivities()
    .filter((s) => s.conversationId.startsWith(teamId))
    .map((s) => cardText(cardOf(s.activity)))
    .filter((t) => /^Audit round \d+ is open|^Condition \d+ of 12/.test(t));

beforeAll(async () => {
  connector = await startFakeConnector();
  for (const t of TEAMS) connector.setRoster(t.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  identity = await startLocalIdentityProvider(TENANT_ID);
}, 60_000);
afterAll(async () => {
  await identity?.close();
  await connector?.close();
});
/** Each test: two instances on storage of their own, the app installed in every team. */
beforeEach(async () => {
  logLines = [];
  const env = { TABLES_PREFIX: uniqueTablePrefix(), DUE_WORK_POLL_MS: '100', TAB_SSO_AUDIENCE: TAB_AUDIENCE, TAB_SSO_TENANT_ID: TENANT_ID, TAB_SSO_JWKS_URI: identity.jwksUri };
  [first, second] = await Promise.all([startTestService(env, { now: clock.now, logLines, logLevel: 'info' }), startTestService(env, { now: clock.now, logLines, logLevel: 'info' })]);
  for (const t of TEAMS) await postToBot(first, installedInTeam(connector.serviceUrl, PEOPLE.champion, t));
  connector.reset();
}, 60_000);
afterEach(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
});

it('opens one round when two admins open one at the same moment on two instances: each team asked once, its cards posted once', async () => {
  const replies = await Promise.all([first, second].map((service) => asAdmin(service, 'POST', '/api/organisation/service-rounds', { closesOn: CLOSES_ON })));
  expect(replies.map((r) => r.status).sort((a, b) => a - b)).toEqual([201, 409]);
  await eventually(async () => (jobsDone() >= TEAMS.length ? true : undefined), 60_000, "the teams' jobs");
  await Promise.all([first.settled(), second.settled()]);
  expect(await first.services.serviceRounds.list(TENANT_ID)).toHaveLength(1);
  for (const t of TEAMS) expect(roundCardsIn(t.id)).toHaveLength(13);
  expect(jobsDone()).toBe(TEAMS.length);
}, 90_000);

it("asks each team once when two admins open the round again at the same moment while its teams' states are not written yet", async () => {
  // As a POST leaves it between storing the round and writing its teams' states (or when those writes were lost).
  await first.services.serviceRounds.open({
    tenantId: TENANT_ID,
    serviceRoundId: '20261102-1000-stored00',
    openedAt: clock.now().toISOString(),
    openedBy: PEOPLE.admin.name,
    closesAt: '2026-11-21T00:00:00.000Z',
    teams: TEAMS.map((t) => ({ teamId: t.id, teamName: t.name })),
  });
  const replies = await Promise.all([first, second].map((service) => asAdmin(service, 'POST', '/api/organisation/service-rounds', { closesOn: CLOSES_ON })));
  expect(replies.map((r) => r.status)).not.toContain(500);
  await eventually(async () => (jobsDone() >= TEAMS.length ? true : undefined), 60_000, "the teams' jobs");
  // Any second job would be taken within a few polls.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  await Promise.all([first.settled(), second.settled()]);
  expect(await first.services.serviceRounds.list(TENANT_ID)).toHaveLength(1);
  expect(jobsDone()).toBe(TEAMS.length);
  for (const t of TEAMS) expect(roundCardsIn(t.id)).toHaveLength(13);
}, 90_000);

it("posts each card once when a team's job is delivered to both instances at the same moment", async () => {
  const { serviceRounds } = first.services;
  await serviceRounds.open({ tenantId: TENANT_ID, serviceRoundId: 'twice', openedAt: clock.now().toISOString(), openedBy: PEOPLE.admin.name, closesAt: '2026-11-21T00:00:00.000Z', teams: [{ teamId: TEAMS[0]!.id, teamName: TEAMS[0]!.name }] });
  await serviceRounds.claimOpening(TENANT_ID, 'twice', TEAMS[0]!.id);
  const job = { kind: 'openServiceRoundInTeam', tenantId: TENANT_ID, serviceRoundId: 'twice', teamId: TEAMS[0]!.id } as const;
  // Each instance's consumer runs the job's handler (as a lease that ran out would have it).
  const outcomes = await Promise.allSettled([first, second].map((service) => openServiceRoundInTeam(service.services, job)));
  await Promise.all([first.settled(), second.settled()]);
  expect(roundCardsIn(TEAMS[0]!.id)).toHaveLength(13);
  expect(await first.services.rounds.listForTeam(TEAMS[0]!.id)).toHaveLength(1);
  // The delivery that found the cards being posted is tried again later, not counted done: tried
  // again now, it posts nothing more.
  if (outcomes.some((outcome) => outcome.status === 'rejected')) await openServiceRoundInTeam(first.services, job);
  await first.settled();
  expect(roundCardsIn(TEAMS[0]!.id)).toHaveLength(13);
}, 90_000);

it("tries a team's job again later, rather than counting it done, while another delivery holds the posting of its cards", async () => {
  const { serviceRounds, announcements } = first.services;
  await serviceRounds.open({ tenantId: TENANT_ID, serviceRoundId: 'held', openedAt: clock.now().toISOString(), openedBy: PEOPLE.admin.name, closesAt: '2026-11-21T00:00:00.000Z', teams: [{ teamId: TEAMS[1]!.id, teamName: TEAMS[1]!.name }] });
  await serviceRounds.claimOpening(TENANT_ID, 'held', TEAMS[1]!.id);
  const job = { kind: 'openServiceRoundInTeam', tenantId: TENANT_ID, serviceRoundId: 'held', teamId: TEAMS[1]!.id } as const;
  const opened = await openServiceRoundInTeam(first.services, job);
  const roundId = opened!.round.roundId;
  const before = roundCardsIn(TEAMS[1]!.id).length;
  // Another delivery holds the posting of the round's cards (an instance that may yet stop mid-way).
  const held = await announcements.posts.claim(TEAMS[1]!.id, { kind: 'roundCards', roundId }, 'another delivery', clock.now());
  expect(held.claimed).toBe(true);
  await expect(openServiceRoundInTeam(second.services, job)).rejects.toThrow(/being posted by another delivery/);
  expect(roundCardsIn(TEAMS[1]!.id)).toHaveLength(before);
}, 90_000);
