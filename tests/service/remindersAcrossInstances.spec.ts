import type { RunningService } from '../../bot/service';
import { cardOf, cardText } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { remindersSent } from '../support/reminders';
import { loggedEvents } from '../support/dueWork';
import { eventually } from '../support/serviceProcess';
import { startTheRound } from '../support/startRound';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, channelCommand, installedInTeam, PEOPLE, person, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 10, end to end: a champion's `remind` in the channel, run by the due work of two
 * instances sharing storage and Teams. Everyone who has not answered is reminded once, whichever
 * instance takes each batch, and once again only after three days.
 */
const STAFF = [PEOPLE.champion, ...Array.from({ length: 149 }, (_, i) => person(`Staff member ${i + 1}`, 700_001 + i))];

let connector: FakeConnector;
let instances: RunningService[] = [];
/** Both instances' log lines: due work says when each job is done (due_work_done). */
const logLines: string[] = [];
const jobsDone = (kind: string) => loggedEvents(logLines, 'due_work_done').filter((e) => e.kind === kind).length;
const url = () => connector.serviceUrl;
const threadPosts = () => connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => cardText(cardOf(s.activity)));
const outcome = () => threadPosts().find((text) => /^\d+ people reminded/m.test(text));

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, STAFF.map(asRosterMember));
  const shared = { TABLES_PREFIX: uniqueTablePrefix(), DUE_WORK_POLL_MS: '100' };
  instances = [await startTestService(shared, { logLines, logLevel: 'info' }), await startTestService(shared, { logLines, logLevel: 'info' })];
  await postToBot(instances[0]!, installedInTeam(url(), PEOPLE.champion));
  await startTheRound(instances[0]!, connector);
  await instances[0]!.settled();
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await connector?.close();
});

describe("a champion's remind with two instances", () => {
  it('answers at once, reminds everyone who has not answered exactly once, and tells the champion how many', async () => {
    connector.reset();
    const reply = await postToBot(instances[0]!, channelCommand(url(), PEOPLE.champion, 'remind'));
    expect(reply.status).toBe(200);
    expect(threadPosts()[0]).toMatch(/Reminding everyone who has not answered every condition…/);

    const told = await eventually(async () => outcome(), 60_000, 'the outcome of the reminders in the thread');
    expect(told).toMatch(/^150 people reminded\.$/m);
    const sent = remindersSent(connector);
    expect(sent.size).toBe(STAFF.length);
    for (const cards of sent.values()) expect(cards).toHaveLength(1);
  });

  it('sends nothing twice when the same jobs reach the queue again', async () => {
    await eventually(async () => (jobsDone('reminderWave') === 1 && jobsDone('reminderBatch') === 2 ? true : undefined), 20_000, 'the first remind\'s jobs to be done');
    const before = connector.calls.filter((c) => c.method === 'POST').length;
    const round = (await instances[1]!.services.rounds.findOpen(TEAM.id))!;
    const [wave] = await instances[1]!.services.reminders.waves.wavesOf(round.roundId);
    await instances[1]!.services.dueWork.schedule({ kind: 'reminderWave', teamId: TEAM.id, roundId: round.roundId, waveId: wave!.waveId }, new Date());
    await instances[1]!.services.dueWork.schedule({ kind: 'reminderBatch', teamId: TEAM.id, roundId: round.roundId, waveId: wave!.waveId, batch: 0, members: STAFF.slice(0, 100).map((p) => ({ teamsUserId: p.id, entraObjectId: p.aadObjectId })) }, new Date());
    // The first remind was one wave of two batches (150 people, 100 a batch): wait for both jobs again.
    await eventually(async () => (jobsDone('reminderWave') === 2 && jobsDone('reminderBatch') === 3 ? true : undefined), 20_000, 'both jobs to be done again');
    await Promise.all(instances.map((i) => i.settled()));
    expect(connector.calls.filter((c) => c.method === 'POST').length).toBe(before);
  });

  it('refuses a second remind within three days politely, saying when it will be possible', async () => {
    await postToBot(instances[1]!, channelCommand(url(), PEOPLE.champion, 'remind'));
    expect(threadPosts().at(-1)).toMatch(/^Reminders asked for recently\nReminders for audit round 1 were asked for on .+\. .*you can ask again from \d+ \w+ \d{4} at \d\d:\d\d\.$/);
  });
});
