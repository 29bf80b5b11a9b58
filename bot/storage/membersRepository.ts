import type { TableClient } from '@azure/data-tables';
import { isLevelId, type LevelId } from '../domain/levels';
import { encodeKey } from './keys';
import { isNotFound, storageCall } from './storageErrors';

/** The level each person gave in a team, remembered so they give it once. Keyed by respondent id, never a name. */
export class MembersRepository {
  constructor(private readonly table: TableClient) {}

  async levelOf(teamId: string, respondentId: string): Promise<LevelId | undefined> {
    try {
      const entity = await storageCall(() => this.table.getEntity<{ level: string }>(encodeKey(teamId), respondentId));
      return isLevelId(entity.level) ? entity.level : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async rememberLevel(teamId: string, respondentId: string, level: LevelId, at: string): Promise<void> {
    await storageCall(() => this.table.upsertEntity({ partitionKey: encodeKey(teamId), rowKey: respondentId, level, updatedAt: at }, 'Replace'));
  }
}
