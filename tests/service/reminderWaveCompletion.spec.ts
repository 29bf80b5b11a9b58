import type { DueJob, DueWork } from '../../bot/app/dueWork';
import { reminderJobHandlers } from '../../bot/app/reminders/reminderJobs';
import { remindNow } from '../../bot/app/reminders/remindNow';
import { createLogger } from '../../bot/logger';
import type { RunningService } from '../../bot/service';
import type { ReminderProgress } from '../../bot/storage/reminderProgress';
import type { ReminderWaves } from '../../bot/storage/reminderWaves';
import { cardOf, cardText } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { PEOPLE, TEAM } from '../support/teamsActivities';

/**
 * Issue 10: a champion's `remind` is answered in their thread with the wave's counts once every
 * batch is done. The wave's own delivery records that it scheduled its batches a moment after
 * handing them over, so with two instances a batch can finish on the other one meanwhile: its
 * storage slow just then, the wave's row changes between its read and its write. The wave must
 * still complete, and the champion still hear how it went.
 */
let connector: FakeConnector;
let service: RunningService;

beforeAll(async () => {
  ({ connector, service } = await startRoundInTeam({ roster: [PEOPLE.champion, PEOPLE.practitioner] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it("completes the wave and tells the champion when its last batch finishes while the wave's delivery records its batches scheduled", async () => {
  const round = (await service.services.rounds.findOpen(TEAM.id))!;
  const { reminders } = service.services;
  const logger = createLogger('silent');

  // The two instances' storage calls land in this order: the batch's instance reads the wave's row,
  // the wave's instance records its batches scheduled, the batch's instance reads the batches.
  let batchReadTheWave!: () => void;
  const waveRead = new Promise<void>((resolve) => (batchReadTheWave = resolve));
  let markedScheduled!: () => void;
  const scheduledMarked = new Promise<void>((resolve) => (markedScheduled = resolve));
  const waveInstanceWaves: ReminderWaves = Object.create(reminders.waves, {
    markScheduled: { value: async (...args: Parameters<ReminderWaves['markScheduled']>) => { await waveRead; await reminders.waves.markScheduled(...args); markedScheduled(); } },
  });
  const batchInstanceWaves: ReminderWaves = Object.create(reminders.waves, {
    wave: { value: async (...args: Parameters<ReminderWaves['wave']>) => { const read = await reminders.waves.wave(...args); batchReadTheWave(); return read; } },
  });
  const progress: ReminderProgress = Object.create(reminders.progress, {
    batchesOf: { value: async (...args: Parameters<ReminderProgress['batchesOf']>) => { await scheduledMarked; return reminders.progress.batchesOf(...args); } },
  });
  const batchInstance = reminderJobHandlers({ ...service.services, reminders: { ...reminders, waves: batchInstanceWaves, progress }, dueWork: { schedule: async () => undefined }, logger });
  const batchesRunning: Promise<void>[] = [];
  const handOver: DueWork = {
    schedule: async (job: DueJob) => {
      if (job.kind === 'reminderBatch') batchesRunning.push(batchInstance.reminderBatch(job));
    },
  };
  const waveInstance = reminderJobHandlers({ ...service.services, reminders: { ...reminders, waves: waveInstanceWaves }, dueWork: handOver, logger });

  const asked: DueJob[] = [];
  const champion = { entraObjectId: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name, teamsUserId: PEOPLE.champion.id };
  expect((await remindNow({ ...service.services, dueWork: { schedule: async (job) => void asked.push(job) } }, TEAM.id, champion, round.postedIn!)).sent).toBe(true);
  connector.reset();
  const [wave] = asked;
  if (wave?.kind !== 'reminderWave') throw new Error('remind asked for no wave');
  await waveInstance.reminderWave(wave);
  await Promise.all(batchesRunning);

  expect((await reminders.waves.wave(round.roundId, wave.waveId))?.totals).toMatchObject({ reminded: 2 });
  const report = connector.sentActivities().filter((s) => s.conversationId.startsWith(TEAM.id)).map((s) => cardText(cardOf(s.activity)));
  expect(report).toEqual([expect.stringMatching(/^Reminders for audit round 1\n2 people reminded\./)]);
});
