import { odata, type TableClient } from '@azure/data-tables';
import { findRow } from './findRow';
import { isNotFound, storageCall } from './storageErrors';

/**
 * People who said `stop reminders` for a round, in the `reminders` table's partition of the
 * round: one row per person, `optout-{respondentId}` (the same keyed HMAC their answers are
 * stored under, so the row names no one without the key). Saying it says nothing about
 * whether they answered.
 */
const OPT_OUT = 'optout-';

export class ReminderOptOuts {
  constructor(private readonly table: TableClient) {}

  /** Records the opt-out; saying it twice keeps one row. */
  async optOut(roundId: string, respondentId: string, at: string): Promise<void> {
    await storageCall(() => this.table.upsertEntity({ partitionKey: roundId, rowKey: `${OPT_OUT}${respondentId}`, at }, 'Replace'));
  }

  /** Forgets a person's opt-out of a round (delete my answers); none there is fine. Returns whether there was one. */
  async forget(roundId: string, respondentId: string): Promise<boolean> {
    try {
      await storageCall(() => this.table.deleteEntity(roundId, `${OPT_OUT}${respondentId}`));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  /** Whether a person opted out of a round's reminders: for their own data (my data). */
  async hasOptedOut(roundId: string, respondentId: string): Promise<boolean> {
    return (await findRow(this.table, roundId, `${OPT_OUT}${respondentId}`, { queryOptions: { select: ['RowKey'] } })) !== undefined;
  }

  /** Respondent ids of everyone who opted out of the round's reminders: one read per batch of reminders. */
  async optedOut(roundId: string): Promise<Set<string>> {
    const rows = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${roundId} and RowKey ge ${OPT_OUT} and RowKey lt ${'optout.'}`, select: ['RowKey'] },
    });
    const respondents = new Set<string>();
    await storageCall(async () => {
      for await (const row of rows) if (row.rowKey) respondents.add(row.rowKey.slice(OPT_OUT.length));
    });
    return respondents;
  }
}
