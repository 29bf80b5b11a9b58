import { randomUUID } from 'node:crypto';
import { QueueClient, type StoragePipelineOptions } from '@azure/storage-queue';
import type { DueJob, DueWork } from '../app/dueWork';
import { storageCall } from './storageErrors';
import type { TableConnection } from './tables';

/**
 * Due work (bot/app/dueWork.ts) kept in Azure Queue Storage (Azurite's queue service locally):
 * one message per job, hidden (its visibility timeout) until the job is due, so it survives
 * restarts and is handed to one instance at a time (bot/storage/dueWorkConsumer.ts runs it).
 * Failed jobs past their last try go to a second, poison queue, where an operator can read them.
 */

/** The same storage account as the tables, reached the same way; `endpoint` is then the queue service's. */
export type QueueConnection = TableConnection;

/** The longest a message can be hidden (Put Message and Update Message refuse more): 7 days, in seconds. */
const MAX_HIDE_SECONDS = 7 * 24 * 60 * 60;

export interface DueWorkQueues {
  /** Jobs waiting for their due time, or being run. */
  readonly work: QueueClient;
  /** Jobs given up on (unreadable, of no known kind, or failed every try): kept, never run. */
  readonly poison: QueueClient;
  /** How long a message may be hidden at once, in seconds: MAX_HIDE_SECONDS, smaller in tests. */
  readonly maxHideSeconds: number;
}

/** A job as stored: what `schedule` was given, with its own id, and how often it was received before it was due. */
export interface DueMessage {
  readonly id: string;
  readonly job: DueJob;
  /** ISO 8601. */
  readonly dueAt: string;
  /** The message's dequeue count when it was last received before its due time (such receptions are not tries). */
  readonly receivedEarly?: number;
}

// Like the tables' clients: a schedule from a Teams invoke (15 s) must fail fast enough to say so.
const CLIENT_OPTIONS: StoragePipelineOptions = { retryOptions: { maxTries: 3, tryTimeoutInMs: 4000, retryDelayInMs: 200, maxRetryDelayInMs: 1500 } };

/**
 * The deployment's two queues, named from its TABLES_PREFIX (infra/azure.bicep creates them under
 * these names). Queue names allow lowercase letters, digits and single hyphens, 3 to 63
 * characters (Azure's naming rules); the prefix is letters and digits (at most 41), so both are valid.
 */
export function dueWorkQueueNames(tablesPrefix: string): { readonly work: string; readonly poison: string } {
  const work = `${tablesPrefix.toLowerCase()}-duework`;
  return { work, poison: `${work}-poison` };
}

function clientFor(connection: QueueConnection, queueName: string): QueueClient {
  if (connection.kind === 'connectionString') return new QueueClient(connection.connectionString, queueName, CLIENT_OPTIONS);
  return new QueueClient(`${connection.endpoint.replace(/\/+$/, '')}/${queueName}`, connection.credential, CLIENT_OPTIONS);
}

/** The work and poison queues of a deployment (named from its tables prefix); nothing is called yet. */
export function openDueWorkQueues(connection: QueueConnection, tablesPrefix: string, options: { maxHideSeconds?: number } = {}): DueWorkQueues {
  const names = dueWorkQueueNames(tablesPrefix);
  return {
    work: clientFor(connection, names.work),
    poison: clientFor(connection, names.poison),
    maxHideSeconds: options.maxHideSeconds ?? MAX_HIDE_SECONDS,
  };
}

/** Creates the queues if missing (at start-up); existing ones are left as they are. */
export async function ensureDueWorkQueues(queues: DueWorkQueues): Promise<void> {
  await Promise.all([queues.work.createIfNotExists(), queues.poison.createIfNotExists()]);
}

/** Whole seconds from `now` until `dueAt` (rounded up: never early), between 0 and `maxSeconds`. */
export function hideSeconds(dueAt: number, now: number, maxSeconds: number): number {
  return Math.min(maxSeconds, Math.max(0, Math.ceil((dueAt - now) / 1000)));
}

/** `DueWork` over the work queue: each job one message, hidden until due (at most maxHideSeconds at a time). */
export function createDueWork(queues: DueWorkQueues, now: () => Date): DueWork {
  return {
    async schedule(job, dueAt) {
      const message: DueMessage = { id: randomUUID(), job, dueAt: dueAt.toISOString() };
      await storageCall(() =>
        queues.work.sendMessage(JSON.stringify(message), {
          visibilityTimeout: hideSeconds(dueAt.getTime(), now().getTime(), queues.maxHideSeconds),
          // Never expires: a job due in three months must still be there (the default is 7 days).
          messageTimeToLive: -1,
        }),
      );
    },
  };
}

/** The stored job, or undefined if the text is not one (not JSON, or not the shape `schedule` writes). */
export function readDueMessage(text: string): DueMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, job, dueAt, receivedEarly } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof dueAt !== 'string' || Number.isNaN(Date.parse(dueAt))) return undefined;
  if (typeof job !== 'object' || job === null || typeof (job as { kind?: unknown }).kind !== 'string') return undefined;
  if (receivedEarly !== undefined && !Number.isInteger(receivedEarly)) return undefined;
  return value as DueMessage;
}
