import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { ReminderCounts } from '../domain/reminders';
import { findRow } from './findRow';
import { countsFromColumns, countsToColumns, NO_COUNT_COLUMNS, type CountColumns } from './reminderCountsColumns';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * How far each batch of a reminder wave has got, in the `reminders` table's partition of the
 * round: one row per (wave, batch), `batch-{waveId}-{00000}`, holding the index of the next
 * member of the batch's slice to claim, the counts of outcomes recorded so far, and whether the
 * batch has finished. Every change is made at the row's etag, so two deliveries of one batch
 * never claim the same member (app/reminders/reminderBatch.ts). Counts only, never who.
 */
const batchRowKey = (waveId: string, batch: number) => `batch-${waveId}-${String(batch).padStart(5, '0')}`;

interface BatchRow extends CountColumns {
  partitionKey: string;
  rowKey: string;
  waveId: string;
  batch: number;
  members: number;
  next: number;
  finished: boolean;
  updatedAt: string;
}

export interface BatchProgress {
  readonly roundId: string;
  readonly waveId: string;
  readonly batch: number;
  /** Members in the batch's slice. */
  readonly members: number;
  /** Index of the next member to claim: those before it are claimed (their outcome recorded, or being sent). */
  readonly next: number;
  /** Outcomes recorded so far. */
  readonly counts: ReminderCounts;
  /** Every member's outcome is recorded (or given up as interrupted). */
  readonly finished: boolean;
  /** When the row last changed (ISO 8601): an old claim with no outcome is a send that was interrupted. */
  readonly updatedAt: string;
  readonly etag: string;
}

export class ReminderProgress {
  constructor(private readonly table: TableClient) {}

  async batch(roundId: string, waveId: string, batch: number): Promise<BatchProgress | undefined> {
    const row = await findRow<BatchRow>(this.table, roundId, batchRowKey(waveId, batch));
    return row && fromRow(roundId, row);
  }

  /** The batch's progress, starting it (nothing claimed) unless an earlier delivery did. */
  async startBatch(roundId: string, waveId: string, batch: number, members: number, at: string): Promise<BatchProgress> {
    const row: BatchRow = { partitionKey: roundId, rowKey: batchRowKey(waveId, batch), waveId, batch, members, next: 0, finished: false, updatedAt: at, ...NO_COUNT_COLUMNS };
    try {
      await storageCall(() => this.table.createEntity(row));
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const stored = await this.batch(roundId, waveId, batch);
    if (!stored) throw new Error(`Reminder batch ${waveId}/${batch} vanished after it was started`);
    return stored;
  }

  /**
   * Moves the batch on from `from` (as read): the next member to claim, the counts so far, and
   * whether it has finished. Undefined when the row changed since it was read (another delivery
   * claimed or recorded meanwhile): read it again and decide again.
   */
  async advance(from: BatchProgress, change: { next: number; counts: ReminderCounts; finished: boolean; at: string }): Promise<BatchProgress | undefined> {
    const row = { partitionKey: from.roundId, rowKey: batchRowKey(from.waveId, from.batch), next: change.next, finished: change.finished, updatedAt: change.at, ...countsToColumns(change.counts) };
    try {
      const { etag } = await storageCall(() => this.table.updateEntity(row, 'Merge', { etag: from.etag }));
      if (!etag) return this.batch(from.roundId, from.waveId, from.batch);
      return { ...from, next: change.next, counts: change.counts, finished: change.finished, updatedAt: change.at, etag };
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) return undefined;
      throw error;
    }
  }

  /** Every started batch of a wave, in batch order. */
  async batchesOf(roundId: string, waveId: string): Promise<BatchProgress[]> {
    const prefix = `batch-${waveId}-`;
    // '.' sorts straight after '-': [prefix, prefix with '.') is exactly the wave's batches.
    const rows = this.table.listEntities<BatchRow>({ queryOptions: { filter: odata`PartitionKey eq ${roundId} and RowKey ge ${prefix} and RowKey lt ${`batch-${waveId}.`}` } });
    const batches: BatchProgress[] = [];
    await storageCall(async () => {
      for await (const row of rows) batches.push(fromRow(roundId, row));
    });
    return batches.sort((a, b) => a.batch - b.batch);
  }
}

function fromRow(roundId: string, row: TableEntityResult<BatchRow>): BatchProgress {
  return {
    roundId,
    waveId: row.waveId,
    batch: row.batch,
    members: row.members,
    next: row.next,
    counts: countsFromColumns(row),
    finished: row.finished,
    updatedAt: row.updatedAt,
    etag: row.etag,
  };
}
