// The team roster (the response rate's denominator) as the service builds it: botbuilder's real
// CloudAdapter and the paced connector pipeline, the team's address stored in the real Azurite,
// and the fake Bot Connector as Teams, answering Teams' paged member call with continuation tokens.
import type { PostingAddress } from '../../bot/domain/auditRound';
import { createLogger } from '../../bot/logger';
import { TeamsRepository } from '../../bot/storage/teamsRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { createBotAdapter } from '../../bot/teams/botbuilder/adapter';
import { createTeamsPort } from '../../bot/teams/botbuilder/proactive';
import { createTeamRoster } from '../../bot/teams/teamRoster';
import { startFakeConnector, type FakeConnector, type RosterMember } from '../support/fakeConnector';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';
import { BOT, TEAM, TENANT_ID } from '../support/teamsActivities';

const TEN_MINUTES = 10 * 60_000;
const adapter = createBotAdapter({ mode: 'local' }, createLogger('silent'));
const teamsPort = createTeamsPort(adapter, '');
let fake: FakeConnector;
let teams: TeamsRepository;

const staff = (count: number, from = 0): RosterMember[] =>
  Array.from({ length: count }, (_, i) => ({ id: `29:staff-${from + i}`, name: `Staff ${from + i}`, aadObjectId: `aad-${from + i}`, userRole: 'user' }));
const guests = [
  { id: '29:guest-1', name: 'Partner agency worker', aadObjectId: 'aad-guest-1', userRole: 'guest' },
  { id: '29:guest-2', name: 'Volunteer', aadObjectId: 'aad-guest-2', userRole: 'guest' },
];
/** Another app in the team, and Practice Audit itself, as a roster may list them. */
const bots = [
  { id: '28:another-bot', name: 'Polly' },
  { id: BOT.id, name: BOT.name },
];

const pagedReads = () => fake.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/pagedmembers'));

beforeAll(async () => {
  fake = await startFakeConnector();
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  teams = new TeamsRepository(tables.teams);
  const postTo: PostingAddress = {
    bot: BOT,
    channelId: 'msteams',
    serviceUrl: fake.serviceUrl,
    conversation: { id: `${TEAM.id};messageid=1700000000000`, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
  };
  await teams.add({ teamId: TEAM.id, teamName: TEAM.name, tenantId: TENANT_ID, postTo, installedAt: '2026-11-01T09:00:00.000Z' });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.setRoster(TEAM.id, [...staff(1_201), ...guests, ...bots]);
});

/** A roster with its own clock, so its cache's time can be moved on without waiting. */
function rosterAt(clock: { now: number }, cacheMs = TEN_MINUTES) {
  return createTeamRoster({ teamsPort, teams, cacheMs, logger: createLogger('silent'), now: () => clock.now });
}

it('reads every page of a team of 1,203 people, 500 a page, following the continuation tokens; bots, Practice Audit included, are left out', async () => {
  const roster = rosterAt({ now: 0 });

  const members = await roster.membersOf(TEAM.id);

  expect(pagedReads().map((c) => [c.conversationId, c.query])).toEqual([
    [TEAM.id, { pageSize: '500' }],
    [TEAM.id, { pageSize: '500', continuationToken: '500' }],
    [TEAM.id, { pageSize: '500', continuationToken: '1000' }],
  ]);
  expect(members).toHaveLength(1_203);
  expect(new Set(members.map((m) => m.teamsUserId)).size).toBe(1_203);
  expect(members.some((m) => m.teamsUserId.startsWith('28:'))).toBe(false);
  expect(members[0]).toEqual({ teamsUserId: '29:staff-0', entraObjectId: 'aad-0', name: 'Staff 0', guest: false });
  expect(members.filter((m) => m.guest).map((m) => m.teamsUserId)).toEqual(['29:guest-1', '29:guest-2']);
});

it('keeps the members for the cache time: asked again within it, Teams is not asked; after it, read afresh', async () => {
  const clock = { now: 0 };
  const roster = rosterAt(clock);
  await roster.membersOf(TEAM.id);

  clock.now = TEN_MINUTES - 1;
  fake.setRoster(TEAM.id, staff(40));
  expect(await roster.membersOf(TEAM.id)).toHaveLength(1_203);
  expect(pagedReads()).toHaveLength(3);

  clock.now = TEN_MINUTES + 1;
  expect(await roster.membersOf(TEAM.id)).toHaveLength(40);
  expect(pagedReads()).toHaveLength(4);
});

it('callers asking for one team at the same time share one read', async () => {
  const roster = rosterAt({ now: 0 });

  const [first, second, third] = await Promise.all([roster.membersOf(TEAM.id), roster.membersOf(TEAM.id), roster.membersOf(TEAM.id)]);

  expect(pagedReads()).toHaveLength(3); // one read: three pages
  expect(second).toBe(first);
  expect(third).toBe(first);
});

it('a page Teams fails (503) is tried again by the pipeline, and no member is lost or counted twice', async () => {
  const roster = rosterAt({ now: 0 });
  fake.failNext(1, { status: 503, retryAfterSeconds: 0 }, (call) => call.query.continuationToken === '500');

  const members = await roster.membersOf(TEAM.id);

  expect(pagedReads().map((c) => c.status)).toEqual([200, 503, 200, 200]);
  expect(new Set(members.map((m) => m.teamsUserId)).size).toBe(1_203);
});

it("Teams refusing the roster (403: the app was removed) is Teams' answer, not an empty team; it is asked again only after a minute", async () => {
  const clock = { now: 0 };
  const roster = rosterAt(clock);
  fake.failNext(1, { status: 403, body: { error: { code: 'Forbidden', message: 'The bot is not part of the team' } } });

  await expect(roster.membersOf(TEAM.id)).rejects.toMatchObject({ statusCode: 403 });
  expect(pagedReads()).toHaveLength(1); // a real answer is not retried

  clock.now = 59_000;
  await expect(roster.membersOf(TEAM.id)).rejects.toMatchObject({ statusCode: 403 });
  expect(pagedReads()).toHaveLength(1);

  clock.now = 61_000;
  expect(await roster.membersOf(TEAM.id)).toHaveLength(1_203);
});

it('a team the app is not recorded in has no address to read through: refused without asking Teams', async () => {
  const roster = rosterAt({ now: 0 });

  await expect(roster.membersOf('19:never-installed@thread.tacv2')).rejects.toThrow(/not recorded in this team/);
  expect(fake.calls).toHaveLength(0);
});
