import type { GetTableEntityOptions, TableClient, TableEntityResult } from '@azure/data-tables';
import { canBeKeys } from './keys';
import { isNotFound, storageCall } from './storageErrors';

/**
 * One row by its keys, or undefined when there is none. Keys that cannot exist in Table storage
 * (see canBeKey) name no row: undefined at once, with no storage call. Storage that cannot be
 * reached still throws STORAGE_UNAVAILABLE (storageCall), so "none" is never a guess.
 */
export async function findRow<T extends object>(table: TableClient, partitionKey: string, rowKey: string, options?: GetTableEntityOptions): Promise<TableEntityResult<T> | undefined> {
  if (!canBeKeys(partitionKey, rowKey)) return undefined;
  try {
    return await storageCall(() => table.getEntity<T>(partitionKey, rowKey, options));
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
