import type { DueJob } from '../../bot/app/dueWork';
import { createDueWork } from '../../bot/storage/dueWorkQueue';
import { closeRoundJob, freshDueWorkQueues, recordingConsumer } from '../support/dueWork';
import { eventually } from '../support/serviceProcess';

/**
 * Issue 10: due work happens on time. A job whose handler runs long (a batch of reminders while
 * Teams answers slowly: each send may take its retries, minutes in all) must not hold up the jobs
 * that come due meanwhile on the same instance, such as a round's close at the end of its day:
 * with one instance, nothing else would take them.
 */
it('runs a job that comes due while another job\'s handler is still running, without waiting for it', async () => {
  const queues = await freshDueWorkQueues();
  let releaseBatch!: () => void;
  const batchReleased = new Promise<void>((resolve) => (releaseBatch = resolve));
  let markBatchRunning!: () => void;
  const batchRunning = new Promise<void>((resolve) => (markBatchRunning = resolve));
  const slowBatch: Extract<DueJob, { kind: 'reminderBatch' }> = { kind: 'reminderBatch', teamId: '19:team@thread.tacv2', roundId: 'round-1', waveId: 'auto-1', batch: 0, members: [] };
  const { consumer, handled } = recordingConsumer(queues, {
    handlers: {
      reminderBatch: () => {
        markBatchRunning();
        return batchReleased;
      },
      closeRound: async (job) => void handled.push({ job, at: Date.now() }),
    },
  });
  try {
    const dueWork = createDueWork(queues, () => new Date());
    await dueWork.schedule(slowBatch, new Date());
    await batchRunning;
    await dueWork.schedule(closeRoundJob('round-1'), new Date());

    await eventually(() => handled[0], 15_000, 'the close to run while the batch still runs');
    expect(handled.map((entry) => entry.job)).toEqual([closeRoundJob('round-1')]);
  } finally {
    releaseBatch();
    await consumer.stop();
  }
});
