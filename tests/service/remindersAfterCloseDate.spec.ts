import { remindNow } from '../../bot/app/reminders/remindNow';
import type { DueJob } from '../../bot/app/dueWork';
import type { AuditRound } from '../../bot/domain/auditRound';
import type { RunningService } from '../../bot/service';
import { cardOf, cardText } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { remindersSent } from '../support/reminders';
import { reminderJobsOf } from '../support/reminderJobs';
import { startTheRound } from '../support/startRound';
import { asRosterMember, channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { testClock } from '../support/testClock';
import { postToBot, startTestService } from '../support/testService';

/**
 * Issue 10: no answer is taken at or after a round's close date, even before its automatic close
 * has run (due work may be a poll, a retry or an outage late). A reminder then would ask people
 * to answer a round that refuses them: none is sent, whether a champion asks for it then or a
 * wave (or one of its batches) planned before the close date is delivered after it.
 */
const MEMBERS = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager];
const clock = testClock();

let connector: FakeConnector;
let service: RunningService;
let round: AuditRound;
const asPerson = (p: typeof PEOPLE.champion) => ({ entraObjectId: p.aadObjectId, name: p.name, teamsUserId: p.id });
const afterClose = () => new Date(Date.parse(round.closesAt!) + 60_000);

beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, MEMBERS.map(asRosterMember));
  service = await startTestService({}, { now: clock.now });
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
  round = (await service.services.rounds.findOpen(TEAM.id))!;
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});
beforeEach(() => {
  clock.setTo(new Date());
  connector.reset();
});

describe('reminders once the close date has come, before the automatic close has run', () => {
  it('refuses a champion\'s remind, saying the round has reached its close date, and schedules nothing', async () => {
    clock.setTo(afterClose());
    const jobs = reminderJobsOf(service, { now: clock.now });
    await expect(remindNow({ ...service.services, dueWork: jobs.dueWork }, TEAM.id, asPerson(PEOPLE.champion), round.postedIn!)).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
    expect(jobs.scheduled).toEqual([]);
    expect(await service.services.reminders.waves.lastManualReminder(round.roundId)).toBeUndefined();

    const reply = await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'remind'));
    expect(reply.status).toBe(200);
    expect(cardText(cardOf(connector.sentActivities().at(-1)?.activity))).toMatch(/reached its close date/);
    expect(cardText(cardOf(connector.sentActivities().at(-1)?.activity))).not.toMatch(/Reminding everyone/);
  });

  it('reminds nobody when a wave planned before the close date is delivered after it', async () => {
    clock.setTo(afterClose());
    const jobs = reminderJobsOf(service, { now: clock.now });
    await jobs.run({ kind: 'reminderWave', teamId: TEAM.id, roundId: round.roundId, waveId: 'auto-2', closesAt: round.closesAt! });
    await jobs.runScheduled();
    expect(remindersSent(connector).size).toBe(0);
    expect(connector.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });

  it('reminds nobody when a batch its wave scheduled before the close date runs after it', async () => {
    const before = reminderJobsOf(service, { now: clock.now });
    await before.run({ kind: 'reminderWave', teamId: TEAM.id, roundId: round.roundId, waveId: 'across-midnight' });
    const batch = before.scheduled.find((s) => s.job.kind === 'reminderBatch')!.job as Extract<DueJob, { kind: 'reminderBatch' }>;

    clock.setTo(afterClose());
    const after = reminderJobsOf(service, { now: clock.now });
    await after.run(batch);
    expect(remindersSent(connector).size).toBe(0);
    expect((await service.services.reminders.progress.batch(round.roundId, 'across-midnight', 0))?.finished).toBe(true);
  });
});
