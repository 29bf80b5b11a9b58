import { mkdtempSync } from 'node:fs';
import { removeDir } from '../support/removeDir';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDueWork, readDueMessage } from '../../bot/storage/dueWorkQueue';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../../bot/storage/embeddedAzurite';
import { closeRoundJob, consumersStoppedAfterEach, freshDueWorkQueues, loggedEvents, messageCount, recordingConsumer, visibleTexts } from '../support/dueWork';
import { eventually } from '../support/serviceProcess';

/**
 * What goes wrong with due work, on Azurite's real queue service: a failing job is tried again,
 * then given up, logged and kept in the poison queue; a message that is not a job, or of a kind
 * nobody handles, is set aside without stopping the rest; and storage that goes away and comes
 * back leaves the instance running its jobs, the ones stored before the outage included.
 */
const started = consumersStoppedAfterEach();
const quickRetries = { maxTries: 3, retryBackoff: { firstSeconds: 1, maxSeconds: 1 } };
const empty = (queue: Parameters<typeof messageCount>[0]) => async () => ((await messageCount(queue)) === 0 ? true : undefined);

describe('due work that fails', () => {
  it('is tried again after a failure, and done once it succeeds', async () => {
    const queues = await freshDueWorkQueues();
    let failures = 0;
    const { handled, lines } = started(
      recordingConsumer(queues, {
        ...quickRetries,
        onJob: async () => {
          if (failures++ === 0) throw new Error('Teams did not answer');
        },
      }),
    );
    await createDueWork(queues, () => new Date()).schedule(closeRoundJob('round-retried'), new Date());

    await eventually(() => handled[1], 15_000, 'a second try');
    await eventually(empty(queues.work), 5000, 'the message to be deleted');
    expect(handled).toHaveLength(2);
    expect(loggedEvents(lines, 'due_work_failed')).toEqual([expect.objectContaining({ level: 'warn', kind: 'closeRound', tries: 1, retryInSeconds: 1 })]);
    expect(await messageCount(queues.poison)).toBe(0);
  });

  it('is given up after the last try: logged by kind and ids, and kept in the poison queue', async () => {
    const queues = await freshDueWorkQueues();
    const { handled, lines } = started(
      recordingConsumer(queues, {
        ...quickRetries,
        onJob: async () => {
          throw new Error('Teams did not answer');
        },
      }),
    );
    const job = closeRoundJob('round-never-closes');
    await createDueWork(queues, () => new Date()).schedule(job, new Date());

    const [abandoned] = await eventually(() => (loggedEvents(lines, 'due_work_abandoned').length > 0 ? loggedEvents(lines, 'due_work_abandoned') : undefined), 20_000, 'the job to be given up');
    expect(handled).toHaveLength(3);
    expect(loggedEvents(lines, 'due_work_failed').map((entry) => entry.tries)).toEqual([1, 2]);
    expect(abandoned).toMatchObject({ level: 'error', kind: 'closeRound', tries: 3, jobId: expect.any(String), messageId: expect.any(String) });
    // The job's contents stay out of the log.
    expect(lines.join('\n')).not.toContain('round-never-closes');
    expect(await messageCount(queues.work)).toBe(0);
    const [kept] = await visibleTexts(queues.poison);
    expect(readDueMessage(kept!)).toMatchObject({ id: abandoned!.jobId, job });
  });

  it('sets aside a message that is not a job, or of a kind nobody handles, and runs the jobs after it', async () => {
    const queues = await freshDueWorkQueues();
    await queues.work.sendMessage('not a job {', { messageTimeToLive: -1 });
    await queues.work.sendMessage(JSON.stringify({ id: 'job-from-elsewhere', dueAt: new Date().toISOString(), job: { kind: 'sendPostcards' } }), { messageTimeToLive: -1 });
    await queues.work.sendMessage(JSON.stringify({ id: 'job-prototype', dueAt: new Date().toISOString(), job: { kind: 'toString' } }), { messageTimeToLive: -1 });
    await createDueWork(queues, () => new Date()).schedule(closeRoundJob('round-after'), new Date());
    const { handled, lines } = started(recordingConsumer(queues));

    await eventually(() => handled[0], 15_000, 'the job after them to be handled');
    await eventually(empty(queues.work), 5000, 'the work queue to be empty');
    // A message leaves the work queue before its move to the poison queue is logged: wait for the three.
    const poisoned = await eventually(() => (loggedEvents(lines, 'due_work_poisoned').length >= 3 ? loggedEvents(lines, 'due_work_poisoned') : undefined), 5000, 'three messages set aside');
    expect(handled.map((entry) => entry.job)).toEqual([closeRoundJob('round-after')]);
    expect(poisoned.map((entry) => String(entry.reason)).toSorted()).toEqual(['no_handler', 'no_handler', 'unreadable']);
    expect(poisoned.find((entry) => entry.jobId === 'job-from-elsewhere')).toMatchObject({ level: 'error', kind: 'sendPostcards' });
    expect(await visibleTexts(queues.poison)).toContain('not a job {');
    expect(await messageCount(queues.poison)).toBe(3);
  });
});

describe('due work while storage is away', () => {
  let dataDir = '';
  let azurite: EmbeddedAzurite | undefined;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-due-work-outage-'));
  });
  afterAll(async () => {
    await azurite?.stop();
    removeDir(dataDir);
  });

  it('keeps the instance running: it logs the outage once, and runs the job stored before it once storage is back', async () => {
    azurite = await startEmbeddedAzurite({ dataDir });
    const { port, queuePort } = azurite;
    const queues = await freshDueWorkQueues({ connectionString: azurite.connectionString });
    const { handled, lines } = started(recordingConsumer(queues, { outageBackoffMaxMs: 500 }));
    const dueAt = new Date(Date.now() + 1500);
    await createDueWork(queues, () => new Date()).schedule(closeRoundJob('round-outage'), dueAt);

    await azurite.stop();
    azurite = undefined;
    await eventually(() => loggedEvents(lines, 'due_work_unreachable')[0], 20_000, 'the outage to be logged');
    // Down past the job's due time, while the instance keeps asking.
    await eventually(() => (Date.now() > dueAt.getTime() + 1000 ? true : undefined), 5000, 'the due time to pass');
    expect(handled).toEqual([]);

    azurite = await startEmbeddedAzurite({ dataDir, port, queuePort });
    await eventually(() => handled[0], 20_000, 'the job to be handled once storage is back');
    expect(handled.map((entry) => entry.job)).toEqual([closeRoundJob('round-outage')]);
    expect(loggedEvents(lines, 'due_work_unreachable')).toHaveLength(1);
    expect(loggedEvents(lines, 'due_work_reachable_again')).toHaveLength(1);
  });
});
