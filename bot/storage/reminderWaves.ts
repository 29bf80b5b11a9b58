import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import type { PostingAddress } from '../domain/auditRound';
import type { ReminderCounts } from '../domain/reminders';
import { findRow } from './findRow';
import { countsFromColumns, countsToColumns, type CountColumns } from './reminderCountsColumns';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * A round's reminder waves, in the `reminders` table's partition of the round (its id: round
 * ids are made to be keys). One row per wave, `wave-{waveId}`: when it was asked for, where to
 * report (a champion's `remind`), how many batches its roster was cut into, and, once every batch
 * has finished, its totals (or, when Teams would not give the roster, the tries and that it was
 * given up). Beside them `manual`: when a champion last sent reminders. Rows say
 * how many, never who.
 */
const waveRowKey = (waveId: string) => `wave-${waveId}`;
const MANUAL = 'manual';

interface WaveRow extends CountColumns {
  partitionKey: string;
  rowKey: string;
  teamId: string;
  waveId: string;
  createdAt: string;
  reportTo?: string;
  batches?: number;
  rosterHash?: string;
  scheduledAt?: string;
  completedAt?: string;
  rosterFailures?: number;
  failedAt?: string;
}

/** A wave as stored, with the etag a conditional change of it needs. */
export interface StoredWave {
  readonly teamId: string;
  readonly roundId: string;
  readonly waveId: string;
  /** When it was asked for (ISO 8601). */
  readonly createdAt: string;
  /** The channel thread to post its outcome into (a champion's `remind`); none for automatic waves. */
  readonly reportTo?: PostingAddress;
  /** Batches the roster was cut into; undefined until the wave has read the roster. */
  readonly batches?: number;
  /** A digest of the roster as cut (its members' ids in order), so a wave delivered again cuts it the same way or not at all. */
  readonly rosterHash?: string;
  /** When all its batches were handed to due work. */
  readonly scheduledAt?: string;
  /** When its last batch finished; `totals` then hold every member's outcome. */
  readonly completedAt?: string;
  readonly totals?: ReminderCounts;
  /** Tries that could not read the team's roster (Teams refused, or could not be reached). */
  readonly rosterFailures?: number;
  /** When it was given up without the roster: nobody was reminded, and no batch will run. */
  readonly failedAt?: string;
  readonly etag: string;
}

export class ReminderWaves {
  constructor(private readonly table: TableClient) {}

  async wave(roundId: string, waveId: string): Promise<StoredWave | undefined> {
    const row = await findRow<WaveRow>(this.table, roundId, waveRowKey(waveId));
    return row && fromRow(roundId, row);
  }

  /** The wave's row, created now unless a delivery before this one created it (then as that one left it). */
  async openWave(wave: { teamId: string; roundId: string; waveId: string; createdAt: string; reportTo?: PostingAddress }): Promise<StoredWave> {
    const row: WaveRow = {
      partitionKey: wave.roundId,
      rowKey: waveRowKey(wave.waveId),
      teamId: wave.teamId,
      waveId: wave.waveId,
      createdAt: wave.createdAt,
      ...(wave.reportTo ? { reportTo: JSON.stringify(wave.reportTo) } : {}),
    };
    try {
      await storageCall(() => this.table.createEntity(row));
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const stored = await this.wave(wave.roundId, wave.waveId);
    if (!stored) throw new Error(`Reminder wave ${wave.waveId} vanished after it was created`);
    return stored;
  }

  /** Forgets a wave that was never scheduled (a `remind` whose job could not be stored). */
  async forgetWave(roundId: string, waveId: string): Promise<void> {
    await storageCall(() => this.table.deleteEntity(roundId, waveRowKey(waveId))).catch((error: unknown) => {
      if (!isNotFound(error)) throw error;
    });
  }

  /** Records how the roster was cut, at the wave as read; false when another delivery changed it first. */
  async planWave(wave: StoredWave, plan: { batches: number; rosterHash: string }): Promise<boolean> {
    return this.changeAt(wave, { batches: plan.batches, rosterHash: plan.rosterHash });
  }

  async markScheduled(roundId: string, waveId: string, at: string): Promise<void> {
    await storageCall(() => this.table.updateEntity({ partitionKey: roundId, rowKey: waveRowKey(waveId), scheduledAt: at }, 'Merge'));
  }

  /** Records the wave's totals once every batch has finished, at the wave as read: true for the one caller who did (and reports it). */
  async completeWave(wave: StoredWave, totals: ReminderCounts, at: string): Promise<boolean> {
    return this.changeAt(wave, { completedAt: at, ...countsToColumns(totals) });
  }

  /**
   * Records a try that could not read the team's roster, at the wave as read (one more
   * `rosterFailures`); with `failedAt` (ISO 8601), that the wave is given up. False when another
   * delivery changed the row first.
   */
  async recordRosterFailure(wave: StoredWave, failedAt?: string): Promise<boolean> {
    return this.changeAt(wave, { rosterFailures: (wave.rosterFailures ?? 0) + 1, ...(failedAt ? { failedAt } : {}) });
  }

  /** A round's waves, newest first. */
  async wavesOf(roundId: string): Promise<StoredWave[]> {
    const rows = this.table.listEntities<WaveRow>({ queryOptions: { filter: odata`PartitionKey eq ${roundId} and RowKey ge ${'wave-'} and RowKey lt ${'wave.'}` } });
    const waves: StoredWave[] = [];
    await storageCall(async () => {
      for await (const row of rows) waves.push(fromRow(roundId, row));
    });
    return waves.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** When a champion last sent reminders for the round, with the etag to change it at. */
  async lastManualReminder(roundId: string): Promise<{ at: string; etag: string } | undefined> {
    const row = await findRow<{ at: string }>(this.table, roundId, MANUAL);
    return row && { at: row.at, etag: row.etag };
  }

  /**
   * Records a champion's reminder at `at`, unless another was recorded since `previous` was read
   * (undefined: none was): false then. Two champions pressing at once record one.
   */
  async claimManualReminder(roundId: string, at: string, previous: { etag: string } | undefined): Promise<boolean> {
    const row = { partitionKey: roundId, rowKey: MANUAL, at };
    try {
      if (previous) await storageCall(() => this.table.updateEntity(row, 'Replace', { etag: previous.etag }));
      else await storageCall(() => this.table.createEntity(row));
      return true;
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error) || isNotFound(error)) return false;
      throw error;
    }
  }

  /** Undoes claimManualReminder when nothing was sent: back to `previousAt`, or to none. Only the claim made at `claimedAt` is undone. */
  async releaseManualReminder(roundId: string, claimedAt: string, previousAt: string | undefined): Promise<void> {
    const current = await findRow<{ at: string }>(this.table, roundId, MANUAL);
    if (current?.at !== claimedAt) return;
    if (previousAt) await storageCall(() => this.table.updateEntity({ partitionKey: roundId, rowKey: MANUAL, at: previousAt }, 'Replace', { etag: current.etag }));
    else await storageCall(() => this.table.deleteEntity(roundId, MANUAL, { etag: current.etag }));
  }

  private async changeAt(wave: StoredWave, change: Record<string, unknown>): Promise<boolean> {
    try {
      await storageCall(() => this.table.updateEntity({ partitionKey: wave.roundId, rowKey: waveRowKey(wave.waveId), ...change }, 'Merge', { etag: wave.etag }));
      return true;
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) return false;
      throw error;
    }
  }
}

function fromRow(roundId: string, row: TableEntityResult<WaveRow>): StoredWave {
  return {
    teamId: row.teamId,
    roundId,
    waveId: row.waveId,
    createdAt: row.createdAt,
    ...(row.reportTo ? { reportTo: JSON.parse(row.reportTo) as PostingAddress } : {}),
    ...(typeof row.batches === 'number' ? { batches: row.batches } : {}),
    ...(row.rosterHash ? { rosterHash: row.rosterHash } : {}),
    ...(row.scheduledAt ? { scheduledAt: row.scheduledAt } : {}),
    ...(row.completedAt ? { completedAt: row.completedAt, totals: countsFromColumns(row) } : {}),
    ...(typeof row.rosterFailures === 'number' ? { rosterFailures: row.rosterFailures } : {}),
    ...(row.failedAt ? { failedAt: row.failedAt } : {}),
    etag: row.etag,
  };
}
