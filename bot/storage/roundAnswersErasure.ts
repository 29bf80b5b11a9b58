import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { isNotFound, storageCall } from './storageErrors';

/** An entity group transaction holds at most 100 operations, all in one partition (Table storage's limit). */
const BATCH = 100;
/** Keys read per pass: a round has at most 12 rows a person, so a few passes cover any team. */
const PAGE = 1000;

/**
 * Deletes every row of a round's answers (the answers table's partition is the round's id: see
 * AnswersRepository), for retention (issue 12). The rows are listed by their keys as stored and
 * deleted 100 to a transaction, one partition each as Table storage requires.
 */
export class RoundAnswersErasure {
  constructor(private readonly table: TableClient) {}

  /**
   * Deletes the round's answer rows, in batches, until none is left; resolves with how many
   * this call deleted. Idempotent and resumable: each pass lists what is there now, so a call
   * after a part-done one deletes only the rest, and one after a finished one deletes nothing.
   * A batch that finds a row already gone (another delivery of the same job at once) is read
   * again rather than failed. Throws STORAGE_UNAVAILABLE as storage does (what was deleted stays deleted).
   */
  async eraseRound(roundId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const keys = await this.someRowKeys(roundId);
      if (keys.length === 0) return deleted;
      for (let start = 0; start < keys.length; start += BATCH) {
        const actions: TransactionAction[] = keys.slice(start, start + BATCH).map((rowKey) => ['delete', { partitionKey: roundId, rowKey }]);
        try {
          await storageCall(() => this.table.submitTransaction(actions));
          deleted += actions.length;
        } catch (error) {
          // A row of this batch was deleted meanwhile: nothing of it was; list what is left again.
          if (!isNotFound(error)) throw error;
          break;
        }
      }
    }
  }

  /** Up to PAGE row keys of the round's partition, as stored now. */
  private async someRowKeys(roundId: string): Promise<string[]> {
    const keys: string[] = [];
    const pages = this.table.listEntities({ queryOptions: { filter: odata`PartitionKey eq ${roundId}`, select: ['RowKey'] } }).byPage({ maxPageSize: PAGE });
    await storageCall(async () => {
      for await (const page of pages) {
        for (const row of page) if (row.rowKey) keys.push(row.rowKey);
        break;
      }
    });
    return keys;
  }
}
