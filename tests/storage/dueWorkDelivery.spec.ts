import { setTimeout as sleep } from 'node:timers/promises';
import { createDueWork, dueWorkQueueNames } from '../../bot/storage/dueWorkQueue';
import { closeRoundJob, consumersStoppedAfterEach, freshDueWorkQueues, messageCount, recordingConsumer } from '../support/dueWork';
import { eventually } from '../support/serviceProcess';

/**
 * Due work on Azurite's real queue service: a job is handed to its handler once, not before its
 * due time, whichever instance is running then, and however far ahead it was scheduled.
 */
const started = consumersStoppedAfterEach();

describe('due work', () => {
  it("names its queues from the tables prefix, within Azure's rules for queue names, poison queue included", async () => {
    // Lowercase letters, digits and single hyphens, starting with a letter or digit, 3 to 63 characters.
    const valid = /^(?=.{3,63}$)[a-z0-9]+(-[a-z0-9]+)*$/;
    for (const prefix of ['p', 'practiceaudit', `Pa${'x9'.repeat(19)}Z`]) {
      expect(dueWorkQueueNames(prefix).work).toMatch(valid);
      expect(dueWorkQueueNames(prefix).poison).toMatch(valid);
    }
    expect(dueWorkQueueNames('practiceAudit')).toEqual({ work: 'practiceaudit-duework', poison: 'practiceaudit-duework-poison' });
    // The service accepts them: both are created.
    const queues = await freshDueWorkQueues({ prefix: `Pa${'x9'.repeat(19)}Z` });
    expect(await queues.poison.exists()).toBe(true);
  });

  it('hands a job to its handler once, at or after its due time, and then removes it', async () => {
    const queues = await freshDueWorkQueues();
    const { handled } = started(recordingConsumer(queues));
    const dueAt = new Date(Date.now() + 1500);
    await createDueWork(queues, () => new Date()).schedule(closeRoundJob('round-1'), dueAt);

    await eventually(() => handled[0], 15_000, 'the job to be handled');
    expect(handled[0]!.job).toEqual(closeRoundJob('round-1'));
    expect(handled[0]!.at).toBeGreaterThanOrEqual(dueAt.getTime());
    await eventually(async () => ((await messageCount(queues.work)) === 0 ? true : undefined), 5000, 'the message to be deleted');
    // Several polls later, still once.
    await sleep(500);
    expect(handled).toHaveLength(1);
  });

  it('runs a job scheduled before a restart on the instance running after it', async () => {
    const queues = await freshDueWorkQueues();
    const before = started(recordingConsumer(queues));
    await createDueWork(queues, () => new Date()).schedule(closeRoundJob('round-2'), new Date(Date.now() + 1000));
    await before.consumer.stop();

    const after = started(recordingConsumer(queues));
    await eventually(() => after.handled[0], 15_000, 'the new instance to handle the job');
    expect(after.handled.map((entry) => entry.job)).toEqual([closeRoundJob('round-2')]);
    expect(before.handled).toEqual([]);
  });

  it('runs each job once when two instances share the queue', async () => {
    const queues = await freshDueWorkQueues();
    const dueWork = createDueWork(queues, () => new Date());
    const dueAt = new Date(Date.now() + 1000);
    const roundIds = Array.from({ length: 50 }, (_, index) => `round-${index}`);
    await Promise.all(roundIds.map((roundId) => dueWork.schedule(closeRoundJob(roundId), dueAt)));
    // Small batches, so that both instances take some.
    const first = started(recordingConsumer(queues, { batchSize: 5 }));
    const second = started(recordingConsumer(queues, { batchSize: 5 }));

    const all = () => [...first.handled, ...second.handled];
    await eventually(() => (all().length >= roundIds.length ? true : undefined), 20_000, 'every job to be handled');
    await eventually(async () => ((await messageCount(queues.work)) === 0 ? true : undefined), 5000, 'every message to be deleted');
    const handledRounds = all().map((entry) => (entry.job.kind === 'closeRound' ? entry.job.roundId : ''));
    expect(handledRounds.toSorted()).toEqual(roundIds.toSorted());
    expect(all().every((entry) => entry.at >= dueAt.getTime())).toBe(true);
    expect(first.handled.length).toBeGreaterThan(0);
    expect(second.handled.length).toBeGreaterThan(0);
  });

  it('hides a job due beyond the longest hiding again until it is due, unrun, and counts no try for it', async () => {
    // The service hides a message for at most 7 days at once; here at most 1 s, so a job due in
    // 3 s is received early (at least twice) and must be put back each time.
    const queues = await freshDueWorkQueues({ maxHideSeconds: 1 });
    // One try only: were early receptions counted as tries, the job would be given up unrun.
    const { handled, lines } = started(recordingConsumer(queues, { maxTries: 1 }));
    const dueAt = new Date(Date.now() + 3000);
    await createDueWork(queues, () => new Date()).schedule(closeRoundJob('round-3'), dueAt);

    await eventually(() => handled[0], 15_000, 'the job to be handled');
    expect(handled[0]!.at).toBeGreaterThanOrEqual(dueAt.getTime());
    await eventually(async () => ((await messageCount(queues.work)) === 0 ? true : undefined), 5000, 'the message to be deleted');
    expect(handled).toHaveLength(1);
    expect(await messageCount(queues.poison)).toBe(0);
    expect(lines.filter((line) => /due_work_(abandoned|poisoned)/.test(line))).toEqual([]);
  });

  it('puts back, unrun and at once, a job taken as the instance stops, for another to run as its first try', async () => {
    const queues = await freshDueWorkQueues();
    await createDueWork(queues, () => new Date()).schedule(closeRoundJob('round-5'), new Date());
    // The consumer asks the queue as it starts; stopping at once, the job arrives once it is stopping.
    const stopping = recordingConsumer(queues);
    await stopping.consumer.stop();
    expect(stopping.handled).toEqual([]);

    // Not left hidden for the 10-minute lease; one try only: the put-back reception is not one.
    const next = started(recordingConsumer(queues, { maxTries: 1 }));
    await eventually(() => next.handled[0], 15_000, 'another instance to run the job');
    expect(next.handled.map((entry) => entry.job)).toEqual([closeRoundJob('round-5')]);
  });

  it('waits, on stop, for the handler running then, which completes its job', async () => {
    const queues = await freshDueWorkQueues();
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let markRunning!: () => void;
    const handlerRunning = new Promise<void>((resolve) => (markRunning = resolve));
    const { consumer, handled } = recordingConsumer(queues, {
      onJob: () => {
        markRunning();
        return finished;
      },
    });
    await createDueWork(queues, () => new Date()).schedule(closeRoundJob('round-4'), new Date());
    await handlerRunning;

    let stopped = false;
    const stopping = consumer.stop().then(() => (stopped = true));
    await sleep(300);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(handled).toHaveLength(1);
    expect(await messageCount(queues.work)).toBe(0);
  });
});
