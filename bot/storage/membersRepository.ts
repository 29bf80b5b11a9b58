import type { TableClient, TransactionAction } from '@azure/data-tables';
import { isLevelId, type LevelId } from '../domain/levels';
import { encodeKey } from './keys';
import { findRow } from './findRow';
import { isNotFound, storageCall } from './storageErrors';

export interface RememberedLevel {
  readonly respondentId: string;
  readonly level: LevelId;
  readonly at: string;
}

const MAX_TRANSACTION = 100;

/** The level each person gave in a team, remembered so they give it once. Keyed by respondent id, never a name. */
export class MembersRepository {
  constructor(private readonly table: TableClient) {}

  async levelOf(teamId: string, respondentId: string): Promise<LevelId | undefined> {
    const entity = await findRow<{ level: string }>(this.table, encodeKey(teamId), respondentId);
    return entity && isLevelId(entity.level) ? entity.level : undefined;
  }

  /** One transaction per 100 people: a team's members share a partition, as transactions need. */
  async rememberLevels(teamId: string, levels: readonly RememberedLevel[]): Promise<void> {
    const partitionKey = encodeKey(teamId);
    for (let start = 0; start < levels.length; start += MAX_TRANSACTION) {
      const actions = levels.slice(start, start + MAX_TRANSACTION).map(
        ({ respondentId, level, at }) => ['upsert', { partitionKey, rowKey: respondentId, level, updatedAt: at }, 'Replace'] as TransactionAction,
      );
      await storageCall(() => this.table.submitTransaction(actions));
    }
  }

  /** Forgets the level remembered for a person in a team (delete my answers); none remembered is fine. */
  async forget(teamId: string, respondentId: string): Promise<void> {
    try {
      await storageCall(() => this.table.deleteEntity(encodeKey(teamId), respondentId));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}
