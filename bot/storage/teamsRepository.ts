import { odata, type TableClient } from '@azure/data-tables';
import type { PostingAddress } from '../domain/auditRound';
import { findRow } from './findRow';
import { encodeKey } from './keys';
import { isConflict, isNotFound, storageCall } from './storageErrors';

/** The teams the app is installed in: how the bot finds a person's teams from a one-to-one chat. */
export interface TeamInstallation {
  readonly teamId: string;
  readonly teamName: string;
  readonly tenantId: string;
  /** Where to post to the team's channel (a conversation reference, opaque here). */
  readonly postTo: PostingAddress;
  readonly installedAt: string;
}

const PARTITION = 'team';

type TeamRow = Omit<TeamInstallation, 'postTo'> & { postTo: string };

function fromRow(row: TeamRow): TeamInstallation {
  return { teamId: row.teamId, teamName: row.teamName, tenantId: row.tenantId, installedAt: row.installedAt, postTo: JSON.parse(row.postTo) as PostingAddress };
}

export class TeamsRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Records the team only if it is not recorded yet; false if it already was. Teams announces an
   * installation twice (installationUpdate and conversationUpdate) at about the same moment, so
   * "is it new?" must be answered by the insert itself, not by a read before it.
   */
  async add(team: TeamInstallation): Promise<boolean> {
    try {
      await storageCall(() => this.table.createEntity({ partitionKey: PARTITION, rowKey: encodeKey(team.teamId), ...team, postTo: JSON.stringify(team.postTo) }));
      return true;
    } catch (error) {
      if (isConflict(error)) return false;
      throw error;
    }
  }

  async get(teamId: string): Promise<TeamInstallation | undefined> {
    const row = await findRow<TeamRow>(this.table, PARTITION, encodeKey(teamId));
    return row && fromRow(row);
  }

  async remove(teamId: string): Promise<void> {
    await storageCall(() => this.table.deleteEntity(PARTITION, encodeKey(teamId))).catch((error) => {
      if (!isNotFound(error)) throw error;
    });
  }

  /** The teams of a tenant; without one, every team (local mode has no tenant). */
  async listIn(tenantId: string | undefined): Promise<TeamInstallation[]> {
    const teams: TeamInstallation[] = [];
    const filter = tenantId === undefined ? odata`PartitionKey eq ${PARTITION}` : odata`PartitionKey eq ${PARTITION} and tenantId eq ${tenantId}`;
    const rows = this.table.listEntities<TeamRow>({ queryOptions: { filter } });
    await storageCall(async () => {
      for await (const row of rows) teams.push(fromRow(row));
    });
    return teams;
  }
}
