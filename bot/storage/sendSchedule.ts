import type { TableClient } from '@azure/data-tables';
import { AuditError } from '../domain/errors';
import { findRow } from './findRow';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

// The app's send schedule, shared by every instance: one row holding when the next free send
// slot starts. An instance claims a run of slots by moving that time on with a write at the
// etag it read (or by creating the row), so two instances never get the same slot: the loser
// of a race gets 412 (or 409 on the first create), reads again and claims after the winner.
// What a slot means, and why the slots are spaced as they are: teams/delivery/sharedAppLimit.ts.
//
// One row for the whole app, not one per tenant: Teams counts 50 a second per app per tenant,
// and counting every tenant together is never looser (the app is registered single-tenant).

const PARTITION = 'sendSchedule';
const ROW = 'app';

/**
 * Where the schedule is further ahead than this, it was written by an instance whose clock is
 * wrong (no instance claims more than about a second ahead: see sharedAppLimit.ts): following
 * it would stop every instance's sends until that time. The claim starts from its own time.
 */
const MAX_AHEAD_MS = 10_000;

/** Tries at one claim while other instances keep winning the row; then STORAGE_CONFLICT. */
const MAX_ATTEMPTS = 20;

interface ScheduleRow {
  /** When the first slot nobody has claimed starts: ms since the epoch (a Double). */
  nextFreeAt: number;
}

/** A run of consecutive send slots: slot i (0 ≤ i < count) starts at `firstAtMs + i × spacingMs`. */
export interface ClaimedRun {
  /** ms since the epoch. */
  readonly firstAtMs: number;
  readonly spacingMs: number;
  readonly count: number;
}

export class SendSchedule {
  constructor(private readonly table: TableClient) {}

  /**
   * Claims `count` consecutive slots `spacingMs` apart, starting at `notBeforeMs` or where the
   * last run claimed by any instance ends, whichever is later; no slot of the run is ever part
   * of another claimed run. Throws STORAGE_UNAVAILABLE when storage cannot be reached (or
   * `abortSignal` fires first), STORAGE_CONFLICT when other claims won the row 20 times running.
   */
  async claim(count: number, spacingMs: number, notBeforeMs: number, options: { abortSignal?: AbortSignal } = {}): Promise<ClaimedRun> {
    if (!Number.isInteger(count) || count < 1 || !(spacingMs > 0) || !Number.isFinite(notBeforeMs)) {
      throw new RangeError('A claim is a whole number of slots (at least one), a positive spacing and a time');
    }
    const { abortSignal } = options;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
      const row = await findRow<ScheduleRow>(this.table, PARTITION, ROW, { abortSignal });
      const nextFreeAt = Number(row?.nextFreeAt);
      const firstAtMs = Number.isFinite(nextFreeAt) && nextFreeAt > notBeforeMs && nextFreeAt - notBeforeMs <= MAX_AHEAD_MS ? nextFreeAt : notBeforeMs;
      const entity = { partitionKey: PARTITION, rowKey: ROW, nextFreeAt: firstAtMs + count * spacingMs };
      try {
        if (row) await storageCall(() => this.table.updateEntity(entity, 'Replace', { etag: row.etag, abortSignal }));
        else await storageCall(() => this.table.createEntity(entity, { abortSignal }));
        return { firstAtMs, spacingMs, count };
      } catch (error) {
        // Another instance wrote the row first (412), created it first (409), or it went (404 on
        // the update; on a create, 404 means the table itself is missing: no use trying again).
        const lostRace = isPreconditionFailed(error) || (row ? isNotFound(error) : isConflict(error));
        if (!lostRace) throw error;
      }
    }
    throw new AuditError('STORAGE_CONFLICT', 'Other instances kept claiming send slots first.');
  }
}
