import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import { loggedEvents } from '../support/dueWork';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { remindersSent } from '../support/reminders';
import { eventually } from '../support/serviceProcess';
import { startTheRound } from '../support/startRound';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, cardAction, channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * A team's address follows Teams: Teams may move a conversation to another serviceUrl (Microsoft's
 * guidance: keep and use the latest one incoming activities give), and the Agents Playground's is
 * its port, which changes between runs. Each fake connector below is Teams at one address; the
 * one Teams left is closed (ECONNREFUSED, as a Playground gone from that port). The team's stored
 * address, and its open round's channel, must follow its activity there, but never another
 * organisation's activity.
 */
const ROSTER = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager].map(asRosterMember);
const OTHER_TENANT = '99999999-0000-4000-8000-000000000009';
const clock = testClock('2026-12-01T10:00:00.000Z');
const logLines: string[] = [];
const connectors: FakeConnector[] = [];
let service: RunningService;
let roundId = '';
const send = (activity: unknown) => postToBot(service, activity);

/** Teams answering at a new address, with the team's roster. */
async function teamsAt(): Promise<FakeConnector> {
  const connector = await startFakeConnector();
  connector.setRoster(TEAM.id, ROSTER);
  connectors.push(connector);
  return connector;
}

/** The champion's `status` through `connector`, as the card it answered with. */
async function status(connector: FakeConnector): Promise<string> {
  const before = connector.sentActivities().length;
  await send(channelCommand(connector.serviceUrl, PEOPLE.champion, 'status'));
  return cardText(cardOf(connector.sentActivities().slice(before).at(-1)?.activity));
}

const rosterReads = (connector: FakeConnector) => connector.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/pagedmembers'));
const participation = async () => (await (await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/participation`)).json()) as { teamSize: unknown };

let first: FakeConnector;
beforeAll(async () => {
  first = await teamsAt();
  service = await startTestService({ TABLES_PREFIX: uniqueTablePrefix(), DUE_WORK_POLL_MS: '100' }, { now: clock.now, logLines, logLevel: 'info' });
  await send(installedInTeam(first.serviceUrl, PEOPLE.champion));
  await startTheRound(service, first);
  await service.settled();
  roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
});
afterAll(async () => {
  await service?.stop();
  await Promise.all(connectors.map((c) => c.close().catch(() => undefined)));
});

it("another organisation's activity naming the team, from another address, moves nothing", async () => {
  const elsewhere = await teamsAt();
  const activity = channelCommand(elsewhere.serviceUrl, PEOPLE.outsider, 'status') as { channelData: Record<string, unknown>; conversation: Record<string, unknown> };
  await send({ ...activity, channelData: { ...activity.channelData, tenant: { id: OTHER_TENANT } }, conversation: { ...activity.conversation, tenantId: OTHER_TENANT } });
  await send({ ...installedInTeam(elsewhere.serviceUrl, PEOPLE.outsider), channelData: { ...activity.channelData, tenant: { id: OTHER_TENANT } }, conversation: { ...activity.conversation, tenantId: OTHER_TENANT } });
  await service.settled();

  // Where the bot would read the roster, remind and post: still where the team's own activity was.
  const serviceUrlOf = (address: unknown) => (address as { serviceUrl?: string } | undefined)?.serviceUrl;
  expect(serviceUrlOf((await service.services.teams.get(TEAM.id))?.postTo)).toBe(first.serviceUrl);
  expect(serviceUrlOf((await service.services.rounds.get(TEAM.id, roundId))?.postedIn)).toBe(first.serviceUrl);
  expect(loggedEvents(logLines, 'team_address_moved')).toEqual([]);
  expect(rosterReads(elsewhere)).toEqual([]);
});

it('a repeated install event from a new address (a Playground on another port) moves the team in its turn: the very next status reads the roster there', async () => {
  await first.close();
  // The tab asks while Teams is gone from the old address: the failed read is kept for a while.
  expect((await participation()).teamSize).toEqual({ known: false, why: 'unreadable' });

  const reloaded = await teamsAt();
  expect((await send(installedInTeam(reloaded.serviceUrl, PEOPLE.champion))).status).toBe(200);
  expect(await status(reloaded)).toContain('Response rate: 0 of 3 members (0%).');
  expect(rosterReads(reloaded)).toHaveLength(1);
  // No second welcome: the team was known.
  expect(reloaded.sentActivities().map((s) => cardText(cardOf(s.activity)))).not.toContainEqual(expect.stringMatching(/Welcome/));
});

it("any activity from the team at another address moves it, its open round's channel too: reminders, card updates and the automatic close go there", async () => {
  await connectors.at(-1)!.close();
  const moved = await teamsAt();
  // A practitioner answers from Teams' new address: the team's first activity there.
  const answered = await send(cardAction(moved.serviceUrl, PEOPLE.practitioner, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner' }));
  expect(answered.status).toBe(200);
  await service.settled();
  expect(loggedEvents(logLines, 'team_address_moved')).toHaveLength(2);

  // The champion's `remind`: the wave reads the roster and opens each chat through the new address.
  await send(channelCommand(moved.serviceUrl, PEOPLE.champion, 'remind'));
  const reminded = await eventually(() => (remindersSent(moved).size === 3 ? remindersSent(moved) : undefined), 20_000, 'three reminders');
  expect([...reminded.keys()].sort()).toEqual(ROSTER.map((m) => m.id).sort());

  // The round's close date comes: it closes itself, its cards updated and the channel told, there.
  const round = (await service.services.rounds.get(TEAM.id, roundId))!;
  clock.setTo(new Date(Date.parse(round.closesAt!) + 1_000));
  await service.services.dueWork.schedule({ kind: 'closeRound', teamId: TEAM.id, roundId, closesAt: round.closesAt! }, clock.now());
  const notice = await eventually(() => moved.sentActivities().find((s) => /closed at the end of its close date/.test(cardText(cardOf(s.activity)))), 20_000, 'the closing notice');
  expect(cardText(cardOf(notice.activity))).toMatch(/1 person took part\. Response rate: 1 of 3 members \(33%\)/);
  await service.settled();
  // Every card's update was asked of Teams there (this fake never saw the posts, so it answers 404).
  const updated = moved.calls.filter((c) => c.method === 'PUT').map((c) => c.activityId);
  expect(updated).toEqual(expect.arrayContaining([round.introMessageId, ...Object.values(round.conditionMessageIds)]));
  expect(loggedEvents(logLines, 'close_notice_failed')).toEqual([]);
}, 60_000);
