import { odata, type TableClient, type TableEntityResult } from '@azure/data-tables';
import { AuditError } from '../domain/errors';
import { CONDITIONS, type ConditionId } from '../domain/conditions';
import type { AuditRound, PostingAddress } from '../domain/auditRound';
import type { RoundCounts } from '../domain/summary';
import { finalCountsFromColumn, finalCountsToColumn } from './finalCountsColumn';
import { findRow } from './findRow';
import { encodeKey } from './keys';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * Rounds live in their team's partition. Beside them one marker row, `open-round`, names
 * the team's open round: creating it in the same transaction as the round is what makes
 * "one open round per team" hold across instances (the second create gets 409).
 */
const OPEN_MARKER = 'open-round';
/** A round's row in its team's partition (roundRetention.ts writes its retention columns there too). */
export const roundRowKey = (roundId: string): string => `round-${roundId}`;
const messageProperty = (conditionId: ConditionId): string => `message${conditionId}`;

interface RoundEntity {
  partitionKey: string;
  rowKey: string;
  teamId: string;
  roundId: string;
  number: number;
  status: string;
  openedAt: string;
  openedBy: string;
  closedAt?: string;
  closesAt?: string;
  teamName?: string;
  postedIn?: string;
  introMessageId?: string;
  finalCounts?: string;
  membersAtClose?: number;
  answersExpiredAt?: string;
  /** The service-wide round the round belongs to (issue 13); absent on the team's own rounds and on rows written before. */
  serviceRoundId?: string;
  /** messageC01 … messageC12: the posted condition cards' activity ids. */
  [property: string]: unknown;
}

export class RoundsRepository {
  constructor(private readonly table: TableClient) {}

  /** Opens a round; if one is already open, answers with it instead. */
  async open(round: AuditRound): Promise<{ opened: true } | { opened: false; openRound: AuditRound }> {
    const partitionKey = encodeKey(round.teamId);
    try {
      await storageCall(() =>
        this.table.submitTransaction([
          ['create', { partitionKey, rowKey: OPEN_MARKER, roundId: round.roundId }],
          ['create', toEntity(round)],
        ]),
      );
      return { opened: true };
    } catch (error) {
      if (!isConflict(error)) throw error;
      const openRound = await this.findOpen(round.teamId);
      if (!openRound) throw new AuditError('STORAGE_CONFLICT', 'The team\'s open round changed while starting. Please try again.', { cause: error });
      return { opened: false, openRound };
    }
  }

  async get(teamId: string, roundId: string): Promise<AuditRound | undefined> {
    const entity = await findRow<RoundEntity>(this.table, encodeKey(teamId), roundRowKey(roundId));
    return entity && fromEntity(entity);
  }

  async findOpen(teamId: string): Promise<AuditRound | undefined> {
    const marker = await findRow<{ roundId: string }>(this.table, encodeKey(teamId), OPEN_MARKER);
    return marker && this.get(teamId, marker.roundId);
  }

  /** Every team's open round: for a person answering in chat. Rounds are few, so a scan is cheap. */
  async listOpen(): Promise<AuditRound[]> {
    const rounds: AuditRound[] = [];
    const pages = this.table.listEntities<RoundEntity>({ queryOptions: { filter: odata`status eq ${'open'}` } });
    await storageCall(async () => {
      for await (const entity of pages) rounds.push(fromEntity(entity));
    });
    return rounds;
  }

  /** A team's rounds, newest first. */
  async listForTeam(teamId: string): Promise<AuditRound[]> {
    const rounds: AuditRound[] = [];
    const rows = this.table.listEntities<RoundEntity>({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(teamId)} and RowKey ge ${'round-'} and RowKey lt ${'round.'}` },
    });
    await storageCall(async () => {
      for await (const row of rows) rounds.push(fromEntity(row));
    });
    return rounds.sort((a, b) => b.number - a.number);
  }

  async countForTeam(teamId: string): Promise<number> {
    let count = 0;
    const pages = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${encodeKey(teamId)} and RowKey ge ${'round-'} and RowKey lt ${'round.'}`, select: ['RowKey'] },
    });
    await storageCall(async () => {
      for await (const entity of pages) if (entity) count += 1;
    });
    return count;
  }

  /** Each posted card is its own property, so recording one never races with recording another. */
  async recordPosting(teamId: string, roundId: string, posting: { postedIn?: PostingAddress; introMessageId?: string; conditionId?: ConditionId; messageId?: string }): Promise<void> {
    const entity: Record<string, string> = { partitionKey: encodeKey(teamId), rowKey: roundRowKey(roundId) };
    if (posting.postedIn) entity.postedIn = JSON.stringify(posting.postedIn);
    if (posting.introMessageId) entity.introMessageId = posting.introMessageId;
    if (posting.conditionId && posting.messageId) entity[messageProperty(posting.conditionId)] = posting.messageId;
    await storageCall(() => this.table.updateEntity(entity as { partitionKey: string; rowKey: string }, 'Merge'));
  }

  /**
   * A closed round's counts, kept with it, and the team's members at close when the roster could
   * be read (one merge: nothing else on the row changes, and the two are kept together or not at all).
   */
  async recordFinalCounts(teamId: string, roundId: string, counts: RoundCounts, membersAtClose?: number): Promise<void> {
    const entity = {
      partitionKey: encodeKey(teamId),
      rowKey: roundRowKey(roundId),
      finalCounts: finalCountsToColumn(counts),
      ...(membersAtClose !== undefined ? { membersAtClose } : {}),
    };
    await storageCall(() => this.table.updateEntity(entity, 'Merge'));
  }

  /**
   * Moves an open round's close date (`closesAt`, ISO 8601), at the version read: a close or
   * another change in between makes us read again. Resolves with the round as now stored.
   * `now` given: refused when the round's close date as read has come by then (it takes no more
   * answers, and its close may be running), however long ago the caller checked.
   * @throws AuditError ROUND_NOT_FOUND; ROUND_CLOSED when it has closed (or its close date has come); STORAGE_CONFLICT when it kept changing.
   */
  async changeCloseDate(teamId: string, roundId: string, closesAt: string, options: { readonly now?: () => Date } = {}): Promise<AuditRound> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const entity = await findRow<RoundEntity>(this.table, encodeKey(teamId), roundRowKey(roundId));
      if (!entity) throw new AuditError('ROUND_NOT_FOUND');
      if (entity.status === 'closed') throw new AuditError('ROUND_CLOSED', 'This audit round is already closed.');
      if (options.now && entity.closesAt && Date.parse(entity.closesAt) <= options.now().getTime()) {
        throw new AuditError('ROUND_CLOSED', 'This audit round has reached its close date and is closing, so it cannot be extended.');
      }
      try {
        await storageCall(() => this.table.updateEntity({ partitionKey: entity.partitionKey, rowKey: entity.rowKey, closesAt }, 'Merge', { etag: entity.etag }));
        return fromEntity({ ...entity, closesAt });
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
      }
    }
    throw new AuditError('STORAGE_CONFLICT', 'The round was changing while its close date was being moved. Please try again.');
  }

  /**
   * Moves an open round's channel address (`postedIn`) to where `follow` says it now is
   * (undefined: leave it), at the version read; a change in between (a card's id recorded, say)
   * makes us read again. True when it moved; false when there was nothing to move (the round
   * closed, no address, already there). A closed round sends nothing more, so it keeps its own.
   * @throws AuditError STORAGE_CONFLICT when the round kept changing.
   */
  async readdress(teamId: string, roundId: string, follow: (postedIn: PostingAddress) => PostingAddress | undefined): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const entity = await findRow<RoundEntity>(this.table, encodeKey(teamId), roundRowKey(roundId));
      if (!entity?.postedIn || entity.status === 'closed') return false;
      const moved = follow(JSON.parse(entity.postedIn) as PostingAddress);
      if (!moved) return false;
      try {
        await storageCall(() => this.table.updateEntity({ partitionKey: entity.partitionKey, rowKey: entity.rowKey, postedIn: JSON.stringify(moved) }, 'Merge', { etag: entity.etag }));
        return true;
      } catch (error) {
        if (!isPreconditionFailed(error)) throw error;
      }
    }
    throw new AuditError('STORAGE_CONFLICT', "The round was changing while its channel's address was being moved.");
  }

  /**
   * Closes the round and frees the team for a new one, atomically. The round row is
   * replaced only at the etag read, so a concurrent change makes us read again.
   * @throws AuditError ROUND_NOT_FOUND; ROUND_CLOSED when it is closed already.
   */
  async close(teamId: string, roundId: string, closedAt: string): Promise<AuditRound> {
    const closed = await this.closeRow(teamId, roundId, closedAt);
    if (!closed) throw new AuditError('ROUND_CLOSED', 'This audit round is already closed.');
    return closed;
  }

  /**
   * The automatic close: closes the round as `close` does, but only while it still closes at
   * `closesAt` (ISO 8601). Undefined, changing nothing, when it has closed already or its close
   * date has moved since (extended: it stays open). Throws ROUND_NOT_FOUND.
   */
  async closeOnDate(teamId: string, roundId: string, closesAt: string, closedAt: string): Promise<AuditRound | undefined> {
    return this.closeRow(teamId, roundId, closedAt, closesAt);
  }

  /** Undefined when the round is closed already, or (given `ifClosesAt`) closes at another time. */
  private async closeRow(teamId: string, roundId: string, closedAt: string, ifClosesAt?: string): Promise<AuditRound | undefined> {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const partitionKey = encodeKey(teamId);
      const entity = await findRow<RoundEntity>(this.table, partitionKey, roundRowKey(roundId));
      if (!entity) throw new AuditError('ROUND_NOT_FOUND');
      if (entity.status === 'closed') return undefined;
      if (ifClosesAt !== undefined && entity.closesAt !== ifClosesAt) return undefined;
      const closed = { ...stripMetadata(entity), status: 'closed', closedAt };
      try {
        await storageCall(() =>
          this.table.submitTransaction([
            ['update', closed, 'Replace', { etag: entity.etag }],
            ['delete', { partitionKey, rowKey: OPEN_MARKER }],
          ]),
        );
        return fromEntity(closed);
      } catch (error) {
        if (!isPreconditionFailed(error) && !isNotFound(error)) throw error;
      }
    }
    throw new AuditError('STORAGE_CONFLICT', 'The round was changing while closing. Please try again.');
  }
}

function toEntity(round: AuditRound): RoundEntity {
  const entity: RoundEntity = {
    partitionKey: encodeKey(round.teamId),
    rowKey: roundRowKey(round.roundId),
    teamId: round.teamId,
    roundId: round.roundId,
    number: round.number,
    status: round.status,
    openedAt: round.openedAt,
    openedBy: round.openedBy,
  };
  if (round.closedAt) entity.closedAt = round.closedAt;
  if (round.closesAt) entity.closesAt = round.closesAt;
  if (round.teamName) entity.teamName = round.teamName;
  if (round.postedIn) entity.postedIn = JSON.stringify(round.postedIn);
  if (round.introMessageId) entity.introMessageId = round.introMessageId;
  if (round.serviceRoundId) entity.serviceRoundId = round.serviceRoundId;
  for (const [conditionId, messageId] of Object.entries(round.conditionMessageIds)) {
    if (messageId) entity[messageProperty(conditionId as ConditionId)] = messageId;
  }
  return entity;
}

function fromEntity(entity: RoundEntity | TableEntityResult<RoundEntity>): AuditRound {
  const conditionMessageIds: Partial<Record<ConditionId, string>> = {};
  for (const { id } of CONDITIONS) {
    const messageId = entity[messageProperty(id)];
    if (typeof messageId === 'string') conditionMessageIds[id] = messageId;
  }
  return {
    teamId: entity.teamId,
    roundId: entity.roundId,
    number: entity.number,
    status: entity.status === 'closed' ? 'closed' : 'open',
    openedAt: entity.openedAt,
    openedBy: entity.openedBy,
    ...(entity.closedAt ? { closedAt: entity.closedAt } : {}),
    ...(entity.closesAt ? { closesAt: entity.closesAt } : {}),
    ...(entity.teamName ? { teamName: entity.teamName } : {}),
    ...(entity.postedIn ? { postedIn: JSON.parse(entity.postedIn) as PostingAddress } : {}),
    ...(entity.introMessageId ? { introMessageId: entity.introMessageId } : {}),
    conditionMessageIds,
    ...withFinalCounts(finalCountsFromColumn(entity.finalCounts)),
    ...(isCount(entity.membersAtClose) ? { membersAtClose: entity.membersAtClose } : {}),
    ...(entity.answersExpiredAt ? { answersExpiredAt: entity.answersExpiredAt } : {}),
    ...(entity.serviceRoundId ? { serviceRoundId: entity.serviceRoundId } : {}),
  };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function withFinalCounts(finalCounts: RoundCounts | undefined): { finalCounts?: RoundCounts } {
  return finalCounts ? { finalCounts } : {};
}

function stripMetadata(entity: TableEntityResult<RoundEntity>): RoundEntity {
  const { etag: _etag, timestamp: _timestamp, ['odata.metadata']: _metadata, ...own } = entity as TableEntityResult<RoundEntity> & { timestamp?: string; 'odata.metadata'?: string };
  return own;
}
