import { odata, type TableClient } from '@azure/data-tables';
import { encodeKey } from './keys';
import { roundRowKey } from './roundsRepository';
import { storageCall } from './storageErrors';

/** A closed round as retention reads it: when it closed, and how far its answers' deletion has come. */
export interface ClosedRoundRetention {
  readonly teamId: string;
  readonly roundId: string;
  /** ISO 8601; absent on rounds closed before close times were kept (their answers are then kept: nothing says when). */
  readonly closedAt?: string;
  /** When the deletion job last scheduled for it is due (ISO 8601); absent when none was (closed before retention, or its scheduling failed). */
  readonly answersExpireAt?: string;
  /** When its answers were deleted (ISO 8601); absent while they are kept. */
  readonly answersExpiredAt?: string;
}

interface RetentionColumns {
  teamId?: string;
  roundId?: string;
  status?: string;
  closedAt?: string;
  answersExpireAt?: string;
  answersExpiredAt?: string;
}

/**
 * The retention columns of the rounds' rows (issue 12): `answersExpireAt`, when the job that
 * deletes a closed round's answers is due (written once it is scheduled, so a later start-up
 * does not schedule it again), and `answersExpiredAt`, when they were deleted. Each write is a
 * merge of its one column: nothing else on the row changes (RoundsRepository owns the rest).
 */
export class RoundRetention {
  constructor(private readonly table: TableClient) {}

  /** Every team's closed rounds, with their retention columns: one scan (rounds are few: a handful per team a year). */
  async closedRounds(): Promise<ClosedRoundRetention[]> {
    const rows = this.table.listEntities<RetentionColumns>({
      queryOptions: { filter: odata`status eq ${'closed'}`, select: ['teamId', 'roundId', 'closedAt', 'answersExpireAt', 'answersExpiredAt'] },
    });
    const rounds: ClosedRoundRetention[] = [];
    await storageCall(async () => {
      for await (const row of rows) {
        if (!row.teamId || !row.roundId) continue;
        rounds.push({
          teamId: row.teamId,
          roundId: row.roundId,
          ...(row.closedAt ? { closedAt: row.closedAt } : {}),
          ...(row.answersExpireAt ? { answersExpireAt: row.answersExpireAt } : {}),
          ...(row.answersExpiredAt ? { answersExpiredAt: row.answersExpiredAt } : {}),
        });
      }
    });
    return rounds;
  }

  /** Notes that the round's deletion job is scheduled, due at `expireAt` (ISO 8601). */
  async recordExpiryScheduled(teamId: string, roundId: string, expireAt: string): Promise<void> {
    await this.merge(teamId, roundId, { answersExpireAt: expireAt });
  }

  /** Notes that the round's answers were deleted at `expiredAt` (ISO 8601). */
  async recordAnswersExpired(teamId: string, roundId: string, expiredAt: string): Promise<void> {
    await this.merge(teamId, roundId, { answersExpiredAt: expiredAt });
  }

  private async merge(teamId: string, roundId: string, columns: Record<string, string>): Promise<void> {
    await storageCall(() => this.table.updateEntity({ partitionKey: encodeKey(teamId), rowKey: roundRowKey(roundId), ...columns }, 'Merge'));
  }
}
