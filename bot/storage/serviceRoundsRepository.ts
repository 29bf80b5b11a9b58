import { odata, type TableClient } from '@azure/data-tables';
import { AuditError } from '../domain/errors';
import type { ServiceRound, ServiceRoundTeamRef, ServiceRoundTeamState } from '../domain/organisation/serviceRound';
import { findRow } from './findRow';
import { canBeKeys, encodeKey } from './keys';
import { isConflict, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * The organisation's own rows (issue 13), one partition per tenant (its id, encoded): its
 * service-wide rounds, each team's part in them, and the teams an admin has left out.
 *
 * Row keys:
 * - `round|<serviceRoundId>`: a service-wide round;
 * - `number|<000n>`: created with its round in one transaction, so two admins opening at the same
 *   moment cannot both open round n (the second gets SERVICE_ROUND_OPEN);
 * - `team|<serviceRoundId>|<teamId, encoded>`: how the round's opening went in that team;
 * - `left-out|<teamId, encoded>`: the team is left out of the organisation (no row: it takes part).
 */
const ROUND = 'round|';
const NUMBER = 'number|';
const TEAM_STATE = 'team|';
const LEFT_OUT = 'left-out|';

interface RoundRow {
  serviceRoundId: string;
  number: number;
  openedAt: string;
  openedBy: string;
  closesAt: string;
  /** JSON: ServiceRoundTeamRef[]. */
  teams: string;
}

const partitionOf = (tenantId: string): string => encodeKey(tenantId);
// Numbers sort as text in row keys: padded, so round 10 comes after round 9.
const numberKey = (n: number): string => `${NUMBER}${String(n).padStart(6, '0')}`;
const teamStateKey = (serviceRoundId: string, teamId: string): string => `${TEAM_STATE}${serviceRoundId}|${encodeKey(teamId)}`;

function fromRow(tenantId: string, row: RoundRow): ServiceRound {
  return {
    tenantId,
    serviceRoundId: row.serviceRoundId,
    number: row.number,
    openedAt: row.openedAt,
    openedBy: row.openedBy,
    closesAt: row.closesAt,
    teams: JSON.parse(row.teams) as ServiceRoundTeamRef[],
  };
}

const isNotAsked = (state: ServiceRoundTeamState): boolean => state.state === 'not-opened' && state.reason === 'not-asked';

export class ServiceRoundsRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Stores a new service-wide round as the organisation's next: numbered one more than `after`,
   * the latest round the caller saw (and decided it may open after; undefined: none), or than the
   * latest stored when `after` is not given. A round opened since the caller looked took that
   * number, so two admins who both saw no round open cannot both open one.
   * @throws AuditError SERVICE_ROUND_OPEN when another round took that number; STORAGE_UNAVAILABLE.
   */
  async open(round: Omit<ServiceRound, 'number'>, after?: { readonly latest: Pick<ServiceRound, 'number'> | undefined }): Promise<ServiceRound> {
    const latest = after ? after.latest : (await this.list(round.tenantId))[0];
    const stored: ServiceRound = { ...round, number: (latest?.number ?? 0) + 1 };
    const partitionKey = partitionOf(round.tenantId);
    const row: RoundRow = {
      serviceRoundId: stored.serviceRoundId,
      number: stored.number,
      openedAt: stored.openedAt,
      openedBy: stored.openedBy,
      closesAt: stored.closesAt,
      teams: JSON.stringify(stored.teams),
    };
    try {
      await storageCall(() =>
        this.table.submitTransaction([
          ['create', { partitionKey, rowKey: numberKey(stored.number), serviceRoundId: stored.serviceRoundId }],
          ['create', { partitionKey, rowKey: `${ROUND}${stored.serviceRoundId}`, ...row }],
        ]),
      );
    } catch (error) {
      if (isConflict(error)) throw new AuditError('SERVICE_ROUND_OPEN', 'Another admin opened a service-wide round at the same moment. Reload to see it.', { cause: error });
      throw error;
    }
    return stored;
  }

  /** The round, or undefined (also for an id that cannot be a key, and for another tenant's round). */
  async get(tenantId: string, serviceRoundId: string): Promise<ServiceRound | undefined> {
    const row = await findRow<RoundRow>(this.table, partitionOf(tenantId), `${ROUND}${serviceRoundId}`);
    return row && fromRow(tenantId, row);
  }

  /** The tenant's service-wide rounds, newest first. */
  async list(tenantId: string): Promise<ServiceRound[]> {
    const rows = this.table.listEntities<RoundRow>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionOf(tenantId)} and RowKey ge ${ROUND} and RowKey lt ${'round}'}` },
    });
    const rounds: ServiceRound[] = [];
    await storageCall(async () => {
      for await (const row of rows) rounds.push(fromRow(tenantId, row));
    });
    return rounds.sort((a, b) => b.number - a.number);
  }

  /** Records how the round's opening went in one team (last write wins: each team's job writes its own row). */
  async setTeamState(tenantId: string, serviceRoundId: string, teamId: string, state: ServiceRoundTeamState): Promise<void> {
    await storageCall(() =>
      this.table.upsertEntity({ partitionKey: partitionOf(tenantId), rowKey: teamStateKey(serviceRoundId, teamId), teamId, state: JSON.stringify(state) }, 'Replace'),
    );
  }

  /**
   * Takes the team's opening in the round for the caller: writes `opening` where the team has no
   * state yet, or where it was `not-asked`, unless another caller did so first. True when this
   * caller now asks the team (and must schedule its job); false when the team was asked already,
   * or has a state of its own (its job ran). @throws AuditError STORAGE_UNAVAILABLE.
   */
  async claimOpening(tenantId: string, serviceRoundId: string, teamId: string): Promise<boolean> {
    const partitionKey = partitionOf(tenantId);
    const rowKey = teamStateKey(serviceRoundId, teamId);
    const entity = { partitionKey, rowKey, teamId, state: JSON.stringify({ state: 'opening' } satisfies ServiceRoundTeamState) };
    const existing = await findRow<{ state: string }>(this.table, partitionKey, rowKey);
    try {
      if (!existing) await storageCall(() => this.table.createEntity(entity));
      else if (isNotAsked(JSON.parse(existing.state) as ServiceRoundTeamState)) await storageCall(() => this.table.updateEntity(entity, 'Replace', { etag: existing.etag }));
      else return false;
    } catch (error) {
      if (isConflict(error) || isPreconditionFailed(error)) return false;
      throw error;
    }
    return true;
  }

  /** Each team's state in the round, by team id (teams whose job has not written yet are absent). */
  async teamStates(tenantId: string, serviceRoundId: string): Promise<Map<string, ServiceRoundTeamState>> {
    const prefix = `${TEAM_STATE}${serviceRoundId}|`;
    const rows = this.table.listEntities<{ teamId: string; state: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionOf(tenantId)} and RowKey gt ${prefix} and RowKey lt ${`${prefix}~`}` },
    });
    const states = new Map<string, ServiceRoundTeamState>();
    await storageCall(async () => {
      for await (const row of rows) states.set(row.teamId, JSON.parse(row.state) as ServiceRoundTeamState);
    });
    return states;
  }

  /** The ids of the teams an admin has left out of the organisation. */
  async leftOutTeams(tenantId: string): Promise<Set<string>> {
    const rows = this.table.listEntities<{ teamId: string }>({
      queryOptions: { filter: odata`PartitionKey eq ${partitionOf(tenantId)} and RowKey gt ${LEFT_OUT} and RowKey lt ${'left-out}'}` },
    });
    const teams = new Set<string>();
    await storageCall(async () => {
      for await (const row of rows) teams.add(row.teamId);
    });
    return teams;
  }

  /** Leaves the team out of the organisation, or takes it back in; `by`: the admin's name, kept beside the mark. */
  async setLeftOut(tenantId: string, teamId: string, leftOut: boolean, by: string, at: string): Promise<void> {
    const partitionKey = partitionOf(tenantId);
    const rowKey = `${LEFT_OUT}${encodeKey(teamId)}`;
    if (!canBeKeys(partitionKey, rowKey)) throw new AuditError('TEAM_NOT_IN_ORGANISATION');
    if (leftOut) {
      await storageCall(() => this.table.upsertEntity({ partitionKey, rowKey, teamId, leftOutBy: by, leftOutAt: at }, 'Replace'));
      return;
    }
    await storageCall(() => this.table.deleteEntity(partitionKey, rowKey)).catch((error: unknown) => {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    });
  }
}
