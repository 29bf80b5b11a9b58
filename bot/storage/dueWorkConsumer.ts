import { setTimeout as sleep } from 'node:timers/promises';
import type { DequeuedMessageItem } from '@azure/storage-queue';
import type { DueJob, DueJobHandlers } from '../app/dueWork';
import type { Logger } from '../logger';
import { hideSeconds, readDueMessage, type DueMessage, type DueWorkQueues } from './dueWorkQueue';

export interface DueWorkConsumerOptions {
  readonly queues: DueWorkQueues;
  /** A job of a kind with no handler here is logged and moved to the poison queue. */
  readonly handlers: Partial<DueJobHandlers>;
  readonly logger: Logger;
  /** How long an idle consumer waits before asking the queue again, in ms (DUE_WORK_POLL_MS). */
  readonly pollMs: number;
  readonly now: () => Date;
  /** Most handlers running at once on this instance (the service gives 1 to 32 messages a call); the queue is asked for more whenever one finishes. */
  readonly batchSize?: number;
  /** How long a received message stays hidden from other instances while its handler runs, in seconds. */
  readonly leaseSeconds?: number;
  /** Tries of a failing job before it is given up (logged, moved to poison). */
  readonly maxTries?: number;
  /** A failed job is tried again after `firstSeconds`, doubling with each try, at most `maxSeconds`. */
  readonly retryBackoff?: { readonly firstSeconds: number; readonly maxSeconds: number };
  /** While the queue cannot be reached, the wait between attempts doubles from pollMs up to this, in ms. */
  readonly outageBackoffMaxMs?: number;
}

export interface DueWorkConsumer {
  /** Stops asking for jobs and resolves once the handlers running now have finished; jobs taken meanwhile are put back. */
  stop(): Promise<void>;
}

const DEFAULTS = {
  batchSize: 16,
  // A reminder run to thousands of members at Teams' tenant limit (50 requests/s) takes minutes:
  // a handler that may run longer than this must split its work into further jobs.
  leaseSeconds: 10 * 60,
  maxTries: 8,
  // 1, 2, 4 … 60 minutes: a job outlives an outage of Teams or storage of about two hours.
  retryBackoff: { firstSeconds: 60, maxSeconds: 60 * 60 },
  outageBackoffMaxMs: 30_000,
};

/**
 * Runs due jobs from the work queue on this instance, at least once each, until stopped. A
 * received message is hidden from other instances for `leaseSeconds`; it is deleted once its
 * handler resolves. A message received before its due time (hidden for at most 7 days at once)
 * is hidden again until then, unrun. A failed handler's message reappears after a backoff; after
 * `maxTries` it is logged (`due_work_abandoned`) and moved to the poison queue, as are messages
 * that are unreadable or of a kind with no handler. A job done is logged (`due_work_done`, info). Logs name the kind and ids, never the job's
 * contents. A queue that cannot be reached is logged once (`due_work_unreachable`) and asked
 * again, less and less often, until it answers (`due_work_reachable_again`). Up to `batchSize`
 * handlers run at once, and a job that comes due while one runs long is taken as soon as there is
 * room: a slow batch of reminders does not hold up a round's close.
 */
export function startDueWork(options: DueWorkConsumerOptions): DueWorkConsumer {
  const { queues, logger } = options;
  const settings = { ...DEFAULTS, ...options };
  const stopping = new AbortController();
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined);

  const poison = async (message: DequeuedMessageItem, reason: string, fields: Record<string, unknown>) => {
    await queues.poison.sendMessage(message.messageText, { messageTimeToLive: -1 });
    await queues.work.deleteMessage(message.messageId, message.popReceipt);
    logger.error(reason === 'abandoned' ? 'due_work_abandoned' : 'due_work_poisoned', { reason, messageId: message.messageId, ...fields });
  };

  const run = async (message: DequeuedMessageItem, stored: DueMessage, handler: (job: DueJob) => Promise<void>) => {
    const ids = { kind: stored.job.kind, jobId: stored.id, messageId: message.messageId };
    // Receptions before the due time are not tries; one that ended unfinished (a crash, an expired lease) is.
    const tries = message.dequeueCount - (stored.receivedEarly ?? 0);
    if (tries > settings.maxTries) return poison(message, 'abandoned', { ...ids, tries: tries - 1 });
    try {
      await handler(stored.job);
    } catch (error) {
      if (tries >= settings.maxTries) return poison(message, 'abandoned', { ...ids, tries, error });
      const { firstSeconds, maxSeconds } = settings.retryBackoff;
      const retryInSeconds = Math.min(maxSeconds, firstSeconds * 2 ** (tries - 1));
      logger.warn('due_work_failed', { ...ids, tries, retryInSeconds, error });
      await queues.work.updateMessage(message.messageId, message.popReceipt, undefined, retryInSeconds);
      return;
    }
    await queues.work.deleteMessage(message.messageId, message.popReceipt);
    logger.info('due_work_done', { ...ids, tries });
  };

  const handle = async (message: DequeuedMessageItem) => {
    const stored = readDueMessage(message.messageText);
    if (!stored) return poison(message, 'unreadable', {});
    // Own properties only: a kind read from the queue must not find Object.prototype's methods.
    const handler = Object.hasOwn(options.handlers, stored.job.kind) ? (options.handlers[stored.job.kind] as (job: DueJob) => Promise<void>) : undefined;
    if (!handler) return poison(message, 'no_handler', { kind: stored.job.kind, jobId: stored.id });
    const now = options.now().getTime();
    const dueAt = Date.parse(stored.dueAt);
    // Taken before its due time (a message is hidden for at most 7 days at once), or as this
    // instance stops: put back, hidden until due (visible at once if due), and not counted as a try.
    if (dueAt > now || stopping.signal.aborted) {
      const putBack: DueMessage = { ...stored, receivedEarly: message.dequeueCount };
      await queues.work.updateMessage(message.messageId, message.popReceipt, JSON.stringify(putBack), hideSeconds(dueAt, now, queues.maxHideSeconds));
      return;
    }
    await run(message, stored, handler);
  };

  /** Handlers running now: at most `batchSize`. The queue is asked again as soon as one has room, not once all have finished. */
  const inFlight = new Set<Promise<void>>();
  const stopped = new Promise<void>((resolve) => stopping.signal.addEventListener('abort', () => resolve(), { once: true }));

  const loop = async () => {
    let failures = 0;
    while (!stopping.signal.aborted) {
      const room = settings.batchSize - inFlight.size;
      if (room <= 0) {
        // A long handler (a batch of reminders while Teams is slow) holds one place, not the queue.
        await Promise.race([...inFlight, stopped]);
        continue;
      }
      let messages: DequeuedMessageItem[];
      try {
        messages = (await queues.work.receiveMessages({ numberOfMessages: room, visibilityTimeout: settings.leaseSeconds })).receivedMessageItems;
      } catch (error) {
        if (failures === 0) logger.error('due_work_unreachable', { error });
        failures += 1;
        await pause(Math.min(settings.outageBackoffMaxMs, options.pollMs * 2 ** failures));
        continue;
      }
      if (failures > 0) logger.info('due_work_reachable_again', { failures });
      failures = 0;
      for (const message of messages) {
        // A storage call that fails here leaves the message to reappear when its lease ends.
        const handling: Promise<void> = handle(message)
          .catch((error: unknown) => logger.warn('due_work_message_failed', { messageId: message.messageId, error }))
          .finally(() => inFlight.delete(handling));
        inFlight.add(handling);
      }
      if (messages.length === 0) await pause(options.pollMs);
    }
    await Promise.all(inFlight);
  };
  const running = loop();
  return {
    async stop() {
      stopping.abort();
      await running;
    },
  };
}
