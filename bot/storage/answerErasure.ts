import type { TableClient, TransactionAction } from '@azure/data-tables';
import { AuditError } from '../domain/errors';
import { isNotFound, storageCall } from './storageErrors';

/**
 * The row a round's partition keeps to say "answers were erased here" (issue 12, `delete my
 * answers`). Readers that keep a round's figures by reading only the rows written since their
 * last read (RoundAggregate, RoundCompletion, RoundLevels) cannot see a row that is gone: this
 * row is rewritten, in the same transaction as the deletion, so its Table storage Timestamp moves
 * and those readers see it among "what changed" and count the round again from scratch.
 * It names no one and counts nothing: only when the last erasure in the round happened.
 * '~' sorts after every condition id, so no condition's range (C01-…) holds it, and it has no
 * conditionId, level or rating, so every read of answers passes over it.
 */
export const ERASURE_ROW = '~erasure';

/** Attempts when a row read is gone by the deletion (the same confirm run twice at once). */
const ERASE_ATTEMPTS = 3;

/**
 * Deletes the rows `read()` returns (one person's answers in one round: twelve at most, so one
 * transaction of Table storage's 100) and rewrites the erasure row, all or nothing. A row changed
 * since the read is deleted as it stands (a transaction's delete is unconditional in the SDK); a row
 * already gone (the same confirm run twice at once) fails the transaction (404), and the rows are
 * read again. Returns the row keys this call deleted: none when there were none (nothing is written).
 * Throws STORAGE_CONFLICT when they keep vanishing under it, STORAGE_UNAVAILABLE as storage does.
 */
export async function eraseRows(
  table: TableClient,
  partitionKey: string,
  read: () => Promise<readonly string[]>,
  at: string,
): Promise<readonly string[]> {
  for (let attempt = 1; attempt <= ERASE_ATTEMPTS; attempt += 1) {
    const rows = await read();
    if (rows.length === 0) return [];
    const actions: TransactionAction[] = rows.map((rowKey) => ['delete', { partitionKey, rowKey }]);
    actions.push(['upsert', { partitionKey, rowKey: ERASURE_ROW, erasedAt: at }, 'Replace']);
    try {
      await storageCall(() => table.submitTransaction(actions));
      return rows;
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
  throw new AuditError('STORAGE_CONFLICT');
}
