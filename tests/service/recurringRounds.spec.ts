import type { RecurringRoundJob } from '../../bot/app/recurringRound';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions, inputValues } from '../support/cardText';
import { loggedEvents } from '../support/dueWork';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { startTheRound } from '../support/startRound';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, cardAction, channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 10: with a cadence, the next round opens by itself when it is due, and the previous one
 * closes if still open; turning the cadence off stops it. A month cannot pass in a test: the
 * service's clock is moved on a month, and the team's `openRecurringRound` job is delivered through
 * the due work queue at that moment, as it would be when its real visibility timeout ends.
 */
const prefix = uniqueTablePrefix();
const clock = testClock('2026-12-01T10:00:00.000Z');
let connector: FakeConnector;
let service: RunningService;
const logLines: string[] = [];
const send = (activity: unknown) => postToBot(service, activity);
const lastSent = () => connector.sentActivities().at(-1)!;
const rounds = () => service.services.rounds.listForTeam(TEAM.id);

/** Changes the team's settings as a champion does: "settings", then Save with `inputs`. */
async function saveSettings(inputs: Record<string, unknown>): Promise<string> {
  await send(channelCommand(connector.serviceUrl, PEOPLE.champion, 'settings'));
  const card = cardOf(lastSent().activity);
  const button = executeActions(card).find((a) => a.verb === VERBS.saveSettings)!;
  return cardText(cardOf((await send(cardAction(connector.serviceUrl, PEOPLE.champion, VERBS.saveSettings, { ...button.data, ...inputValues(card), ...inputs }))).body));
}

/** Delivers the team's recurrence job now, and waits until the service has done it and posted what it posts. */
async function deliver(job: RecurringRoundJob): Promise<void> {
  const done = () => loggedEvents(logLines, 'due_work_done').filter((e) => e.kind === 'openRecurringRound').length;
  const before = done();
  await service.services.dueWork.schedule(job, clock.now());
  await eventually(async () => (done() > before ? true : undefined), 20_000, 'the job to be done');
  await service.settled();
}

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  service = await startTestService({ TABLES_PREFIX: prefix, DUE_WORK_POLL_MS: '100' }, { now: clock.now, logLines, logLevel: 'info' });
  await send(installedInTeam(connector.serviceUrl, PEOPLE.champion));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('rounds that repeat by themselves', () => {
  let first = '';

  it('start from the next round a champion opens, once a cadence is set', async () => {
    expect(await saveSettings({ cadenceMonths: '1' })).toMatch(/^Saved\.[\s\S]*Rounds repeat every month from the next round a champion starts\./);
    await startTheRound(service, connector);
    await service.settled();
    first = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
    await send(cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, { roundId: first, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'partly', level: 'practitioner' }));
    await send(channelCommand(connector.serviceUrl, PEOPLE.champion, 'settings'));
    expect(cardText(cardOf(lastSent().activity))).toMatch(/The next round opens by itself on 1 January 2027\./);
  });

  it('open the next round when it is due, closing the one before, and post its cards in the team\'s channel', async () => {
    clock.setTo('2027-01-01T10:01:00.000Z');
    connector.reset();
    await deliver({ kind: 'openRecurringRound', teamId: TEAM.id, afterRoundId: first });

    const [second, previous] = await rounds();
    expect(previous).toMatchObject({ roundId: first, status: 'closed' });
    expect(second).toMatchObject({ number: 2, status: 'open', openedBy: 'Practice Audit (every month)', closesAt: '2027-01-16T00:00:00.000Z' });
    const texts = connector.sentActivities().map((s) => cardText(cardOf(s.activity)));
    expect(texts.filter((t) => t.startsWith('Round closed'))).toEqual([
      expect.stringMatching(/^Round closed\nAudit round 1 closed as the next round opened \(this team repeats rounds every month\)\. 1 person took part\./),
    ]);
    expect(texts.filter((t) => /^Audit round 2 is open\n[\s\S]*Practice Audit \(every month\)\n on 1 January 2027\.\nCloses on Friday 15 January 2027/.test(t))).toHaveLength(1);
    expect(texts.filter((t) => /^Condition \d+ of 12/.test(t))).toHaveLength(12);
    // Posted where the app was installed: the team's channel.
    const installedIn = (await service.services.teams.get(TEAM.id))!.postTo as { conversation: { id: string } };
    expect(second!.postedIn).toEqual(expect.objectContaining({ conversation: expect.objectContaining({ id: installedIn.conversation.id }) }));
    // The team's activity log: the app closed round 1 and opened round 2 (issue 12).
    const byApp = (await service.services.activityLog.read(TEAM.id)).entries.filter((e) => e.actor.kind === 'app').map((e) => [e.kind, e.roundId]);
    expect(byApp).toEqual([['round-closed', first], ['round-opened', second!.roundId]]);
  });

  it('open nothing more when the same job comes again', async () => {
    connector.reset();
    await deliver({ kind: 'openRecurringRound', teamId: TEAM.id, afterRoundId: first });
    expect(await rounds()).toHaveLength(2);
    expect(connector.sentActivities()).toHaveLength(0);
  });

  it('stop once the cadence is turned off', async () => {
    const [second] = await rounds();
    expect(await saveSettings({ cadenceMonths: 'none' })).toMatch(/^Saved\./);
    clock.setTo('2027-02-01T10:01:00.000Z');
    connector.reset();
    await deliver({ kind: 'openRecurringRound', teamId: TEAM.id, afterRoundId: second!.roundId });
    expect((await rounds()).map((r) => [r.number, r.status])).toEqual([[2, 'open'], [1, 'closed']]);
    expect(connector.sentActivities()).toHaveLength(0);
  });
});
