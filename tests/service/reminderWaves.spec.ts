import type { DueJob } from '../../bot/app/dueWork';
import { INTERRUPTED_AFTER_MS } from '../../bot/app/reminders/reminderBatch';
import { remindNow } from '../../bot/app/reminders/remindNow';
import type { AuditRound } from '../../bot/domain/auditRound';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import type { FakeConnector, RecordedCall } from '../support/fakeConnector';
import { chatOpenings, reminderActivities, remindersSent } from '../support/reminders';
import { reminderJobsOf } from '../support/reminderJobs';
import { startRoundInTeam } from '../support/roundInTeam';
import { cardAction, PEOPLE, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot } from '../support/testService';
import { closeRoundNow } from '../support/closeRoundNow';

/**
 * Issue 10: reminder waves that must happen once, whatever due work and Teams do: a wave planned
 * against a close date that changed, two champions asking at once, Teams failing to the end, an
 * instance stopping between a claim and its send, a round closed before its wave.
 */
const MEMBERS: readonly TestPerson[] = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager];

let connector: FakeConnector;
let service: RunningService;
let round: AuditRound;
const asPerson = (p: TestPerson) => ({ entraObjectId: p.aadObjectId, name: p.name, teamsUserId: p.id });
const opensChatWith = (p: TestPerson) => (call: RecordedCall) => call.method === 'POST' && call.path === '/v3/conversations' && (call.body as { members?: { id: string }[] }).members?.[0]?.id === p.id;
const wave = (waveId: string, closesAt?: string) => ({ kind: 'reminderWave' as const, teamId: TEAM.id, roundId: round.roundId, waveId, ...(closesAt ? { closesAt } : {}) });
const threadPosts = () => connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => cardText(cardOf(s.activity)));

beforeAll(async () => {
  ({ connector, service } = await startRoundInTeam({ roster: MEMBERS }));
  round = (await service.services.rounds.findOpen(TEAM.id))!;
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});
beforeEach(() => connector.reset());

describe('reminder waves', () => {
  it('sends one wave when two champions say remind at the same moment', async () => {
    const jobs = reminderJobsOf(service);
    const asked = await Promise.all([PEOPLE.champion, PEOPLE.champion].map((p) => remindNow({ ...service.services, dueWork: jobs.dueWork }, TEAM.id, asPerson(p), round.postedIn!)));
    expect(asked.filter((outcome) => outcome.sent)).toHaveLength(1);
    expect(asked.find((outcome) => !outcome.sent)).toMatchObject({ sent: false, nextAt: expect.any(String) });
    expect(jobs.scheduled.map((s) => s.job.kind)).toEqual(['reminderWave']);
    await jobs.runScheduled();
    expect([...remindersSent(connector).keys()]).toHaveLength(3);
  });

  it('does nothing for an automatic wave planned against a close date the round no longer has', async () => {
    const jobs = reminderJobsOf(service);
    await jobs.run(wave('auto-1', '2020-01-01T17:00:00.000Z'));
    expect(jobs.scheduled).toEqual([]);
    expect(await service.services.reminders.waves.wave(round.roundId, 'auto-1')).toBeUndefined();
    expect(connector.calls).toEqual([]);
  });

  it('counts a person Teams still fails for after its retries as not reached, and does not try them again', async () => {
    connector.failNext(10, { status: 500, retryAfterSeconds: 0 }, opensChatWith(PEOPLE.manager));
    const jobs = reminderJobsOf(service);
    await jobs.run(wave('teams-failing'));
    await jobs.runScheduled();
    const attempts = chatOpenings(connector, PEOPLE.manager.id);
    expect(attempts).toBe(5);
    expect((await service.services.reminders.waves.wave(round.roundId, 'teams-failing'))?.totals).toMatchObject({ reminded: 2, failed: 1 });

    await jobs.run(jobs.scheduled[0]!.job);
    expect(chatOpenings(connector, PEOPLE.manager.id)).toBe(attempts);
  });

  it('misses, rather than reminds twice, a person whose send was claimed when an instance stopped, and counts them once the claim is old', async () => {
    const jobs = reminderJobsOf(service);
    await jobs.run(wave('interrupted'));
    const batch = jobs.scheduled[0]!.job as Extract<DueJob, { kind: 'reminderBatch' }>;
    // An instance claimed the first member, then stopped before sending.
    const { progress } = service.services.reminders;
    const started = await progress.startBatch(round.roundId, 'interrupted', 0, batch.members.length, new Date().toISOString());
    await progress.advance(started, { next: 1, counts: started.counts, finished: false, at: new Date().toISOString() });

    await jobs.run(batch);
    expect([...remindersSent(connector).keys()].sort()).toEqual([PEOPLE.practitioner.id, PEOPLE.manager.id].sort());
    expect(threadPosts()).toEqual([]);
    const check = jobs.scheduled.at(-1)!;
    expect(check.job).toEqual(batch);
    expect(check.dueAt.getTime()).toBeGreaterThan(Date.now() + INTERRUPTED_AFTER_MS - 60_000);

    const later = reminderJobsOf(service, { now: () => new Date(Date.now() + INTERRUPTED_AFTER_MS + 1000) });
    await later.run(check.job);
    expect(chatOpenings(connector, PEOPLE.champion.id)).toBe(0);
    expect((await service.services.reminders.waves.wave(round.roundId, 'interrupted'))?.totals).toMatchObject({ reminded: 2, interrupted: 1 });
  });

  it('opens the next condition in the chat when the person presses Answer now', async () => {
    const jobs = reminderJobsOf(service);
    await jobs.run(wave('answer-now'));
    await jobs.runScheduled();
    const [reminder] = reminderActivities(connector, PEOPLE.practitioner.id);
    const answerNow = executeActions(cardOf(reminder)).find((a) => a.title === 'Answer now')!;
    expect(answerNow.verb).toBe(VERBS.answerInChat);
    const reply = await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.practitioner, answerNow.verb, answerNow.data, 'personal'));
    expect(cardText(cardOf(reply.body))).toMatch(/^Condition 1 of 12/);
  });

  it('does nothing once the round has closed', async () => {
    const jobs = reminderJobsOf(service);
    await jobs.run(wave('before-close'));
    await closeRoundNow(service);
    connector.reset();
    await jobs.run(wave('after-close'));
    await jobs.runScheduled();
    expect(jobs.scheduled.map((s) => (s.job as { waveId: string }).waveId)).toEqual(['before-close']);
    expect(connector.calls.filter((call) => call.method === 'POST')).toEqual([]);
  });
});
