import type { DueJob, DueWork } from '../../bot/app/dueWork';
import { reminderJobHandlers } from '../../bot/app/reminders/reminderJobs';
import { createLogger } from '../../bot/logger';
import type { RunningService } from '../../bot/service';

/** A job handed to due work, with its due time. */
export interface Scheduled {
  readonly job: DueJob;
  readonly dueAt: Date;
}

/**
 * The reminders' job handlers over a running service's storage and the fake connector, called
 * directly by the tests (as the due-work engine calls them): jobs they schedule are kept in
 * `scheduled`, to be handed back by hand, once, twice or at the same moment.
 */
export function reminderJobsOf(service: RunningService, options: { now?: () => Date } = {}) {
  const scheduled: Scheduled[] = [];
  const dueWork: DueWork = { schedule: async (job, dueAt) => void scheduled.push({ job, dueAt }) };
  const logger = createLogger('silent');
  const handlers = reminderJobHandlers({ ...service.services, ...(options.now ? { now: options.now } : {}), dueWork, logger });
  const run = (job: DueJob): Promise<void> => {
    if (job.kind === 'reminderWave') return handlers.reminderWave(job);
    if (job.kind === 'reminderBatch') return handlers.reminderBatch(job);
    throw new Error(`Not a reminder job: ${job.kind}`);
  };
  return {
    dueWork,
    scheduled,
    run,
    /** Runs the jobs scheduled from `from` on (those they schedule too), one after another. */
    async runScheduled(from = 0): Promise<void> {
      for (let next = from; next < scheduled.length; next += 1) await run(scheduled[next]!.job);
    },
  };
}
