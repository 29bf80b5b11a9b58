import type { RunningService } from '../../bot/service';
import { AUTOMATIC_WAVE_ROSTER_TRIES } from '../../bot/app/reminders/reminderWave';
import { cardOf, cardText } from '../support/cardText';
import type { FakeConnector, RecordedCall } from '../support/fakeConnector';
import { remindersSent } from '../support/reminders';
import { reminderJobsOf } from '../support/reminderJobs';
import { startRoundInTeam } from '../support/roundInTeam';
import { eventually } from '../support/serviceProcess';
import { channelCommand, PEOPLE, TEAM } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot } from '../support/testService';

/**
 * Reminders that reached nobody say so, and do not hold the champion back: Teams refusing the
 * team's roster (403) or every chat. A champion's `remind` runs through the service's own due
 * work; an automatic wave's job is handed to its handler as due work hands it, once per try.
 */
const MEMBERS = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager];
const FORBIDDEN = { status: 403, body: { error: { code: 'Forbidden', message: 'The bot is not part of the team' } } };
const isRosterRead = (call: RecordedCall) => call.method === 'GET' && call.path.endsWith('/pagedmembers');
const opensChat = (call: RecordedCall) => call.method === 'POST' && call.path === '/v3/conversations';

let connector: FakeConnector;
let service: RunningService;
const url = () => connector.serviceUrl;
const threadPosts = () => connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => cardText(cardOf(s.activity)));
const say = async (words: string) => {
  const before = connector.sentActivities().length;
  await postToBot(service, channelCommand(url(), PEOPLE.champion, words));
  return cardText(cardOf(connector.sentActivities().slice(before).at(-1)?.activity));
};
const remindersLine = async () => /Reminders\n(.*)/.exec(await say('status'))?.[1];
const clock = testClock();

beforeAll(async () => {
  ({ connector, service } = await startRoundInTeam({ roster: MEMBERS, env: { DUE_WORK_POLL_MS: '100' }, now: clock.now }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});
beforeEach(() => connector.reset());

describe("a champion's remind that reaches nobody", () => {
  it('tells the thread promptly when Teams will not give the team\'s members, shows it in status, and lets the champion ask again at once', async () => {
    connector.failNext(1, FORBIDDEN, isRosterRead);
    expect(await say('remind')).toMatch(/Reminding everyone who has not answered every condition…/);

    const told = await eventually(() => threadPosts().find((text) => /could not go/.test(text)), 10_000, 'the thread told');
    expect(told).toBe("Reminders for audit round 1\nThe reminders could not go: Teams would not give the team's members just now. Nobody was reminded. Say \"remind\" to try again.");
    expect(connector.calls.filter(isRosterRead).map((c) => c.status)).toEqual([403]);
    expect(connector.calls.filter(opensChat)).toEqual([]);

    const line = await remindersLine();
    expect(line).toMatch(/^\d+ \w+ \d{4}, not sent: Teams would not give the team's members\. Nobody was reminded\.$/);

    // Teams answers again: the champion's next remind is not "asked for recently", and goes.
    expect(await say('remind')).toMatch(/Reminding everyone/);
    const outcome = await eventually(() => threadPosts().find((text) => /people reminded|^Nobody was reminded;/m.test(text)), 10_000, 'the outcome');
    expect(outcome).toMatch(/^Reminders for audit round 1\n3 people reminded\./);
    expect(remindersSent(connector).size).toBe(3);
    expect(await say('remind')).toMatch(/^Reminders asked for recently/);
  });

  it('says nobody was reminded when Teams refused every chat, and lets the champion ask again', async () => {
    // Three days after the last remind, which reached people.
    clock.setTo(new Date(clock.now().getTime() + 3 * 24 * 60 * 60_000 + 60_000));
    connector.failNext(MEMBERS.length, { status: 403, body: { error: { code: 'BotDisabledByAdmin', message: 'blocked' } } }, opensChat);
    await say('remind');
    const outcome = await eventually(() => threadPosts().find((text) => /people reminded|^Nobody was reminded;/m.test(text)), 10_000, 'the outcome');
    expect(outcome).toMatch(/^Reminders for audit round 1\nNobody was reminded; 3 were not reminded, as they had answered every condition or Teams could not reach them\. Say "remind" to try again\./);
    expect(await say('remind')).toMatch(/Reminding everyone/);
    await eventually(() => threadPosts().find((text) => /^3 people reminded/m.test(text)), 10_000, 'the second outcome');
  });
});

describe('an automatic wave while Teams will not give the roster', () => {
  it('is tried again through due work, says so in status meanwhile, and is given up after its tries, which status says too', async () => {
    const round = (await service.services.rounds.findOpen(TEAM.id))!;
    const jobs = reminderJobsOf(service);
    const wave = { kind: 'reminderWave' as const, teamId: TEAM.id, roundId: round.roundId, waveId: 'auto-1', closesAt: round.closesAt! };
    // The roster read above is not kept for this wave: it asks Teams.
    service.services.roster.forget(TEAM.id);
    connector.failNext(AUTOMATIC_WAVE_ROSTER_TRIES, FORBIDDEN, isRosterRead);

    await expect(jobs.run(wave)).rejects.toMatchObject({ statusCode: 403 });
    expect(await remindersLine()).toMatch(/^\d+ \w+ \d{4}, not sent yet: Teams would not give the team's members\. Practice Audit will try again\.$/);
    for (let tries = 2; tries < AUTOMATIC_WAVE_ROSTER_TRIES; tries += 1) await expect(jobs.run(wave)).rejects.toMatchObject({ statusCode: 403 });
    // The last try: given up, and done (due work does not try again).
    await jobs.run(wave);
    expect(connector.calls.filter(isRosterRead)).toHaveLength(AUTOMATIC_WAVE_ROSTER_TRIES);
    expect(await remindersLine()).toMatch(/^\d+ \w+ \d{4}, not sent: Teams would not give the team's members\. Nobody was reminded\.$/);

    // Delivered again after that: nothing more is asked of Teams, nobody reminded, nothing posted.
    await jobs.run(wave);
    expect(connector.calls.filter(isRosterRead)).toHaveLength(AUTOMATIC_WAVE_ROSTER_TRIES);
    expect(connector.calls.filter(opensChat)).toEqual([]);
    expect(threadPosts().filter((text) => text.startsWith('Reminders for audit round'))).toEqual([]);
  });
});
