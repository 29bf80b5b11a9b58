import { setTimeout as sleep } from 'node:timers/promises';
import type { RunningService } from '../../bot/service';
import { closeRoundJob, freshDueWorkQueues, loggedEvents, messageCount, visibleTexts } from '../support/dueWork';
import { eventually } from '../support/serviceProcess';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { startTestService } from '../support/testService';

/**
 * The service keeps its due work in queues of its own (named from its tables prefix, beside its
 * tables), runs what falls due with its handlers while it runs, and stops taking jobs when it stops.
 */
const unhandledKind = (id: string) => JSON.stringify({ id, dueAt: new Date().toISOString(), job: { kind: 'aKindNoVersionHandles' } });

describe("the service's due work", () => {
  const prefix = uniqueTablePrefix();
  const logLines: string[] = [];
  let service: RunningService;
  let stopped = false;
  beforeAll(async () => {
    service = await startTestService({ TABLES_PREFIX: prefix, DUE_WORK_POLL_MS: '100' }, { logLines });
  });
  afterAll(async () => {
    if (!stopped) await service?.stop();
  });

  it('is kept in its own queue, named from its tables prefix', async () => {
    const queues = await freshDueWorkQueues({ prefix });
    await service.services.dueWork.schedule(closeRoundJob('round-later'), new Date(Date.now() + 60 * 60 * 1000));
    // Hidden until due: counted, not visible.
    expect(await messageCount(queues.work)).toBe(1);
    expect(await visibleTexts(queues.work)).toEqual([]);
  });

  it('is taken from the queue while the service runs: a job no handler knows is logged and set aside', async () => {
    const queues = await freshDueWorkQueues({ prefix });
    const text = unhandledKind('job-unknown');
    await queues.work.sendMessage(text, { messageTimeToLive: -1 });
    const [poisoned] = await eventually(() => (loggedEvents(logLines, 'due_work_poisoned').length > 0 ? loggedEvents(logLines, 'due_work_poisoned') : undefined), 10_000, 'the service to take the job');
    expect(poisoned).toMatchObject({ level: 'error', reason: 'no_handler', kind: 'aKindNoVersionHandles', jobId: 'job-unknown' });
    expect(await visibleTexts(queues.poison)).toEqual([text]);
  });

  it('is no longer taken once the service has stopped', async () => {
    await service.stop();
    stopped = true;
    const queues = await freshDueWorkQueues({ prefix });
    const text = unhandledKind('job-after-stop');
    await queues.work.sendMessage(text, { messageTimeToLive: -1 });
    // Several of the stopped service's poll intervals (100 ms).
    await sleep(1000);
    expect(await visibleTexts(queues.work)).toEqual([text]);
    expect(loggedEvents(logLines, 'due_work_poisoned').map((entry) => entry.jobId)).toEqual(['job-unknown']);
  });
});
