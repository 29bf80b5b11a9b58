import type { DueJob } from '../../bot/app/dueWork';
import { createLogger } from '../../bot/logger';
import { startDueWork, type DueWorkConsumer, type DueWorkConsumerOptions } from '../../bot/storage/dueWorkConsumer';
import { ensureDueWorkQueues, openDueWorkQueues, type DueWorkQueues } from '../../bot/storage/dueWorkQueue';
import { testConnectionString, uniqueTablePrefix } from './suiteAzurite';

/** A fresh pair of due-work queues (work and poison) on the suite's Azurite, created. */
export async function freshDueWorkQueues(options: { connectionString?: string; prefix?: string; maxHideSeconds?: number } = {}): Promise<DueWorkQueues> {
  const queues = openDueWorkQueues(
    { kind: 'connectionString', connectionString: options.connectionString ?? testConnectionString() },
    options.prefix ?? uniqueTablePrefix(),
    options.maxHideSeconds === undefined ? {} : { maxHideSeconds: options.maxHideSeconds },
  );
  await ensureDueWorkQueues(queues);
  return queues;
}

/**
 * For a spec file: `started(recordingConsumer(…))` keeps the consumer, and every consumer kept is
 * stopped after each test, so no test's loop runs on into the next.
 */
export function consumersStoppedAfterEach(): <T extends { consumer: DueWorkConsumer }>(consumerAndRecords: T) => T {
  const running: DueWorkConsumer[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((consumer) => consumer.stop()));
  });
  return (consumerAndRecords) => {
    running.push(consumerAndRecords.consumer);
    return consumerAndRecords;
  };
}

/** A close-round job for round `roundId`. */
export const closeRoundJob = (roundId: string): DueJob => ({ kind: 'closeRound', teamId: '19:team@thread.tacv2', roundId, closesAt: '2026-03-01T17:00:00.000Z' });

/** What a consumer's handler was handed, and when (ms since the epoch). */
export interface Handled {
  readonly job: DueJob;
  readonly at: number;
}

/**
 * A consumer of `queues` whose closeRound handler records each job it is handed (then does
 * what `onJob` does: resolve, or throw to fail); its log lines (JSON) are kept in `lines`.
 * Polls every 50 ms; `options` overrides anything.
 */
export function recordingConsumer(
  queues: DueWorkQueues,
  options: Partial<DueWorkConsumerOptions> & { onJob?: (job: DueJob) => Promise<void> } = {},
): { consumer: DueWorkConsumer; handled: Handled[]; lines: string[] } {
  const handled: Handled[] = [];
  const lines: string[] = [];
  const { onJob, ...overrides } = options;
  const consumer = startDueWork({
    queues,
    logger: createLogger('info', (line) => void lines.push(line)),
    pollMs: 50,
    now: () => new Date(),
    handlers: {
      closeRound: async (job) => {
        handled.push({ job, at: Date.now() });
        await onJob?.(job);
      },
    },
    ...overrides,
  });
  return { consumer, handled, lines };
}

/** The log lines with this event, parsed. */
export function loggedEvents(lines: readonly string[], event: string): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === event);
}

/** Every message in a queue, visible or hidden (Azurite counts them exactly). */
export async function messageCount(queue: DueWorkQueues['work']): Promise<number> {
  return (await queue.getProperties()).approximateMessagesCount ?? 0;
}

/** The texts of the messages visible in a queue now (peeked: left as they are). */
export async function visibleTexts(queue: DueWorkQueues['work']): Promise<string[]> {
  return (await queue.peekMessages({ numberOfMessages: 32 })).peekedMessageItems.map((item) => item.messageText);
}
