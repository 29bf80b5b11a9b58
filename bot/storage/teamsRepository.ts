import { odata, type TableClient } from '@azure/data-tables';
import type { PostingAddress } from '../domain/auditRound';
import { findRow } from './findRow';
import { encodeKey } from './keys';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

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

/**
 * A removal is a mark on the row, not a deletion: Teams sometimes re-adds an app without an
 * install event, and the team's later activity then undoes the mark (see `restore`), keeping
 * the name and address the installation recorded.
 */
type TeamRow = Omit<TeamInstallation, 'postTo'> & { postTo: string; removedAt?: string };

function fromRow(row: TeamRow): TeamInstallation {
  return { teamId: row.teamId, teamName: row.teamName, tenantId: row.tenantId, installedAt: row.installedAt, postTo: JSON.parse(row.postTo) as PostingAddress };
}

function toRow(team: TeamInstallation) {
  return {
    partitionKey: PARTITION,
    rowKey: encodeKey(team.teamId),
    teamId: team.teamId,
    teamName: team.teamName,
    tenantId: team.tenantId,
    installedAt: team.installedAt,
    postTo: JSON.stringify(team.postTo),
  };
}

export class TeamsRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Records the team only if it is not recorded yet; false if it already was. Teams announces an
   * installation twice (installationUpdate and conversationUpdate) at about the same moment, so
   * "is it new?" must be answered by the insert itself, not by a read before it. A team removed
   * earlier counts as new: its row is replaced, at the version read, so again only one of the
   * two announcements wins.
   */
  async add(team: TeamInstallation): Promise<boolean> {
    try {
      await storageCall(() => this.table.createEntity(toRow(team)));
      return true;
    } catch (error) {
      if (!isConflict(error)) throw error;
    }
    const existing = await this.read(team.teamId);
    if (!existing?.row.removedAt) return false;
    return this.replaceAt(toRow(team), existing.etag);
  }

  /** The team, unless it was never recorded or its app was removed (and not seen since). */
  async get(teamId: string): Promise<TeamInstallation | undefined> {
    const existing = await this.read(teamId);
    return existing && !existing.row.removedAt ? fromRow(existing.row) : undefined;
  }

  /** The app was removed from the team: marks it removed (ISO 8601 `removedAt`). No row: nothing to do. */
  async remove(teamId: string, removedAt: string = new Date().toISOString()): Promise<void> {
    await storageCall(() => this.table.updateEntity({ partitionKey: PARTITION, rowKey: encodeKey(teamId), removedAt }, 'Merge')).catch((error) => {
      if (!isNotFound(error)) throw error;
    });
  }

  /**
   * The team's app is in use again though no install event said so (an activity from the team
   * proves it): undoes a removal. True when the team was marked removed and is no longer. Only a
   * removal is undone, and only for the tenant the team was recorded in: a team never recorded
   * stays unknown until its install event, which names its first champion.
   */
  async restore(teamId: string, tenantId: string): Promise<boolean> {
    const existing = await this.read(teamId);
    if (!existing?.row.removedAt || existing.row.tenantId !== tenantId) return false;
    return this.replaceAt(toRow(fromRow(existing.row)), existing.etag);
  }

  /**
   * Moves the team's stored address (`postTo`) to where `follow` says it now is (undefined: leave
   * it), at the version read, reading again if it changed meanwhile. Only for the tenant the team
   * was recorded in, and not for a team marked removed (its return is `restore`'s). True when it
   * moved; false when there was nothing to move (already there, another tenant, no such team).
   */
  async readdress(teamId: string, tenantId: string, follow: (postTo: PostingAddress) => PostingAddress | undefined): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const existing = await this.read(teamId);
      if (!existing || existing.row.removedAt || existing.row.tenantId !== tenantId) return false;
      const moved = follow(fromRow(existing.row).postTo);
      if (!moved) return false;
      if (await this.replaceAt(toRow({ ...fromRow(existing.row), postTo: moved }), existing.etag)) return true;
    }
    return false;
  }

  /** The teams of a tenant; without one, every team (local mode has no tenant). Removed teams are left out. */
  async listIn(tenantId: string | undefined): Promise<TeamInstallation[]> {
    const teams: TeamInstallation[] = [];
    const filter = tenantId === undefined ? odata`PartitionKey eq ${PARTITION}` : odata`PartitionKey eq ${PARTITION} and tenantId eq ${tenantId}`;
    const rows = this.table.listEntities<TeamRow>({ queryOptions: { filter } });
    await storageCall(async () => {
      for await (const row of rows) if (!row.removedAt) teams.push(fromRow(row));
    });
    return teams;
  }

  private async read(teamId: string): Promise<{ row: TeamRow; etag: string } | undefined> {
    const row = await findRow<TeamRow>(this.table, PARTITION, encodeKey(teamId));
    return row && { row, etag: row.etag };
  }

  /** Replaces the row as it was read; false when someone else changed it first. */
  private async replaceAt(row: ReturnType<typeof toRow>, etag: string): Promise<boolean> {
    try {
      await storageCall(() => this.table.updateEntity(row, 'Replace', { etag }));
      return true;
    } catch (error) {
      if (isPreconditionFailed(error) || isNotFound(error)) return false;
      throw error;
    }
  }
}
