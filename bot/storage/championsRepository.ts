import { odata, type TableClient } from '@azure/data-tables';
import { findRow } from './findRow';
import { decodeKey, encodeKey } from './keys';
import { isNotFound, storageCall } from './storageErrors';

/**
 * A team's practice champions. A role, not an answer: champions are named so that others
 * know whom to ask. Keyed by Entra object id, which the tab's sign-in also gives.
 */
export interface Champion {
  readonly entraObjectId: string;
  readonly name: string;
  /** The Teams user id (29:…), to @mention them. */
  readonly teamsUserId: string;
  readonly addedAt: string;
  readonly addedBy: string;
}

export class ChampionsRepository {
  constructor(private readonly table: TableClient) {}

  async list(teamId: string): Promise<Champion[]> {
    const champions: Champion[] = [];
    const rows = this.table.listEntities<Omit<Champion, 'entraObjectId'>>({ queryOptions: { filter: odata`PartitionKey eq ${encodeKey(teamId)}` } });
    await storageCall(async () => {
      for await (const row of rows) {
        champions.push({ entraObjectId: decodeKey(row.rowKey!), name: row.name, teamsUserId: row.teamsUserId, addedAt: row.addedAt, addedBy: row.addedBy });
      }
    });
    return champions.sort((a, b) => a.addedAt.localeCompare(b.addedAt));
  }

  async isChampion(teamId: string, entraObjectId: string): Promise<boolean> {
    return (await findRow(this.table, encodeKey(teamId), encodeKey(entraObjectId), { queryOptions: { select: ['RowKey'] } })) !== undefined;
  }

  async add(teamId: string, champion: Champion): Promise<void> {
    const { entraObjectId, ...rest } = champion;
    await storageCall(() => this.table.upsertEntity({ partitionKey: encodeKey(teamId), rowKey: encodeKey(entraObjectId), ...rest }, 'Replace'));
  }

  /** Returns false when they were not a champion. */
  async remove(teamId: string, entraObjectId: string): Promise<boolean> {
    try {
      await storageCall(() => this.table.deleteEntity(encodeKey(teamId), encodeKey(entraObjectId)));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }
}
