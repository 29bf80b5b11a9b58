import { setTimeout } from 'node:timers/promises';
import { odata, type TableClient } from '@azure/data-tables';
import { checkChain, nextEntry, type ChainHead } from '../domain/activityChain';
import type { ActivityActor, ActivityEntry, ActivityKind, NewActivity } from '../domain/activityLog';
import { AuditError } from '../domain/errors';
import type { ActivityLog } from '../app/activityLog/activityLogPort';
import { findRow } from './findRow';
import { decodeKey, encodeKey } from './keys';
import { isConflict, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * Row keys count DOWN from this (10 digits): the newest entry has the smallest key, so Table
 * storage (which returns a partition in row key order) gives it first, and the last entry is
 * one query of one row however long the log grows.
 */
const KEY_TOP = 9_999_999_999;
const KEY_DIGITS = 10;
/** The head row: the latest entry as recorded on append (sequence, hash). Sorts after every entry key. */
const HEAD_KEY = 'head';
/**
 * Appends that lose a race re-read the last entry and try again, this many times in all, after a
 * short random pause that grows with each loss (so a dozen appends at once all land: with n at
 * once the unluckiest loses up to n - 1 races). Past that, logActivity retries through due work.
 */
const APPEND_ATTEMPTS = 25;
const RACE_PAUSE_MS = 15;
const HEAD_ATTEMPTS = 5;

/** An entry's row key: its sequence counted down from KEY_TOP, zero-padded ("9999999998" is entry 1). */
export function entryRowKey(sequence: number): string {
  return String(KEY_TOP - sequence).padStart(KEY_DIGITS, '0');
}

interface EntryColumns {
  sequence: number;
  at: string;
  happenedAt?: string;
  kind: string;
  actorKind: string;
  actorName?: string;
  actorEntraObjectId?: string;
  roundId?: string;
  entryId?: string;
  summary: string;
  previousHash: string;
  hash: string;
}

/**
 * The `activityLog` table (issue 12): partition = the team (encoded), one row per entry, keyed by
 * entryRowKey(sequence), with every field of the entry as a column of its own (the `sequence`
 * column too, for people reading the table; the row key decides the order that is checked, and a
 * column that disagrees with it is read as a broken entry).
 * Entry rows are only ever created, never updated or deleted: two instances appending at once
 * both try to create the same next row, storage takes one (409 for the other), and the other
 * reads the new last entry and chains after it. Beside the entries, a head row keeps the latest
 * sequence and hash, so entries removed from the end are found too (checkChain).
 */
export class ActivityLogRepository implements ActivityLog {
  constructor(
    private readonly table: TableClient,
    private readonly now: () => Date,
  ) {}

  /** See ActivityLog.append. STORAGE_UNAVAILABLE; STORAGE_CONFLICT after APPEND_ATTEMPTS lost races. */
  async append(teamId: string, activity: NewActivity): Promise<ActivityEntry> {
    const partitionKey = encodeKey(teamId);
    for (let attempt = 1; attempt <= APPEND_ATTEMPTS; attempt++) {
      const last = await this.lastEntry(partitionKey);
      const entry = nextEntry(teamId, last, { ...activity, at: this.now().toISOString() });
      try {
        await storageCall(() => this.table.createEntity({ partitionKey, rowKey: entryRowKey(entry.sequence), ...columnsOf(entry) }));
      } catch (error) {
        if (!isConflict(error)) throw error;
        await setTimeout(Math.random() * RACE_PAUSE_MS * Math.min(attempt, 8));
        continue;
      }
      // The entry stands whatever happens to the head: a head behind the chain only finds less.
      await this.moveHead(partitionKey, entry).catch(() => undefined);
      return entry;
    }
    throw new AuditError('STORAGE_CONFLICT');
  }

  /** See ActivityLog.read. STORAGE_UNAVAILABLE. */
  async read(teamId: string): Promise<{ readonly entries: readonly ActivityEntry[]; readonly check: ReturnType<typeof checkChain> }> {
    const entries: ActivityEntry[] = [];
    let head: ChainHead | undefined;
    const rows = this.table.listEntities<EntryColumns>({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(teamId)}` } });
    await storageCall(async () => {
      for await (const row of rows) {
        if (row.rowKey === HEAD_KEY) head = { sequence: row.sequence, hash: row.hash };
        else entries.push(entryOf(teamId, row.rowKey!, row));
      }
    });
    // Newest first in storage; the chain is checked oldest first.
    entries.reverse();
    return { entries, check: checkChain(entries, head) };
  }

  private async lastEntry(partitionKey: string): Promise<ActivityEntry | undefined> {
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey lt ${HEAD_KEY}`;
    const page = await storageCall(() => this.table.listEntities<EntryColumns>({ queryOptions: { filter } }).byPage({ maxPageSize: 1 }).next());
    const row = page.done ? undefined : page.value[0];
    return row && entryOf(decodeKey(partitionKey), row.rowKey!, row);
  }

  /** The head moves forward only (conditionally, at the version read): an append that lost the race for it never moves it back. */
  private async moveHead(partitionKey: string, entry: ActivityEntry): Promise<void> {
    for (let attempt = 1; attempt <= HEAD_ATTEMPTS; attempt++) {
      const head = await findRow<{ sequence: number }>(this.table, partitionKey, HEAD_KEY);
      const row = { partitionKey, rowKey: HEAD_KEY, sequence: entry.sequence, hash: entry.hash };
      try {
        if (!head) await storageCall(() => this.table.createEntity(row));
        else if (head.sequence < entry.sequence) await storageCall(() => this.table.updateEntity(row, 'Replace', { etag: head.etag }));
        return;
      } catch (error) {
        if (!isConflict(error) && !isPreconditionFailed(error)) throw error;
      }
    }
  }
}

function columnsOf(entry: ActivityEntry): EntryColumns {
  const { actor } = entry;
  return {
    sequence: entry.sequence,
    at: entry.at,
    ...(entry.happenedAt !== undefined ? { happenedAt: entry.happenedAt } : {}),
    kind: entry.kind,
    actorKind: actor.kind,
    ...(actor.kind === 'person' ? { actorName: actor.name, actorEntraObjectId: actor.entraObjectId } : {}),
    ...(entry.roundId !== undefined ? { roundId: entry.roundId } : {}),
    ...(entry.entryId !== undefined ? { entryId: entry.entryId } : {}),
    summary: entry.summary,
    previousHash: entry.previousHash,
    hash: entry.hash,
  };
}

/** A row as an entry, as it is in storage: whatever was changed there is read as it is, for the chain to judge. */
function entryOf(teamId: string, rowKey: string, row: EntryColumns): ActivityEntry {
  const actor = (row.actorKind === 'person' ? { kind: 'person', name: row.actorName ?? '', entraObjectId: row.actorEntraObjectId ?? '' } : { kind: row.actorKind }) as ActivityActor;
  return {
    teamId,
    // The row key decides the order; a `sequence` column that disagrees with it breaks the chain too.
    sequence: /^\d+$/.test(rowKey) && row.sequence === KEY_TOP - Number(rowKey) ? KEY_TOP - Number(rowKey) : Number.NaN,
    at: row.at,
    ...(row.happenedAt !== undefined ? { happenedAt: row.happenedAt } : {}),
    kind: row.kind as ActivityKind,
    actor,
    ...(row.roundId !== undefined ? { roundId: row.roundId } : {}),
    ...(row.entryId !== undefined ? { entryId: row.entryId } : {}),
    summary: row.summary,
    previousHash: row.previousHash,
    hash: row.hash,
  };
}
