import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import { CONDITIONS, isConditionId, type ConditionId } from '../domain/conditions';
import type { Answer } from '../domain/answer';
import type { AnswerFootprint } from '../domain/participation';
import { isLevelId, type LevelId } from '../domain/levels';
import type { RatedAnswer } from '../domain/summary/roundSummary';
import { answerEntity, rangeOf, rowKeyOf, sameChoice, toAnswer, toRatedAnswer, type AnswerEntity, type RatedRow } from './answerRows';
import { findRow } from './findRow';
import type { CommentDecision } from '../domain/commentReview';
import type { ReviewedComment } from '../domain/heldComments';
import { decideReviewRow, REVIEW_COLUMNS, reviewedCommentsOf } from './commentReviewRows';
import { AuditError } from '../domain/errors';
import { levelInRound } from '../domain/answerLevel';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';
import { ERASURE_ROW, eraseRows } from './answerErasure';

/** An answer as read, with the etag a conditional write of it needs. */
export interface StoredAnswer extends Answer {
  readonly etag: string;
}

export class AnswersRepository {
  constructor(private readonly table: TableClient) {}

  /**
   * Stores the answer, replacing the person's earlier one for the condition, and returns it; or,
   * when the stored answer came from an activity Teams sent later than this one (`sentAt`: this is
   * an older activity delivered again), or is this very answer from the same activity (delivered
   * again), writes nothing and returns the stored answer. A first answer costs one insert; only a
   * replacement reads the row first. STORAGE_CONFLICT when the row keeps changing under it.
   */
  async record(answer: Answer): Promise<Answer> {
    const entity = answerEntity(answer);
    if (answer.sentAt === undefined) {
      await storageCall(() => this.table.upsertEntity(entity, 'Replace'));
      return answer;
    }
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const stored = attempt === 0 ? undefined : await findRow<AnswerEntity>(this.table, answer.roundId, entity.rowKey);
      if (stored?.sentAt && (stored.sentAt > answer.sentAt || (stored.sentAt === answer.sentAt && sameChoice(stored, entity)))) return toAnswer(answer.roundId, stored);
      try {
        if (stored) await storageCall(() => this.table.updateEntity(entity, 'Replace', { etag: stored.etag }));
        else await storageCall(() => this.table.createEntity(entity));
        return answer;
      } catch (error) {
        // Someone's answer is there (first try), or changed since it was read: read it and decide again.
        if (!isConflict(error) && !isPreconditionFailed(error) && !(stored && isNotFound(error))) throw error;
      }
    }
    throw new AuditError('STORAGE_CONFLICT');
  }

  async find(roundId: string, conditionId: ConditionId, respondentId: string): Promise<StoredAnswer | undefined> {
    const entity = await findRow<AnswerEntity>(this.table, roundId, rowKeyOf(conditionId, respondentId));
    return entity && { ...toAnswer(roundId, entity), etag: entity.etag };
  }

  /** The conditions a person has answered in a round: twelve point reads beat a partition scan. */
  async answeredConditions(roundId: string, respondentId: string): Promise<Set<ConditionId>> {
    return new Set((await this.answersOf(roundId, respondentId)).map((answer) => answer.conditionId));
  }

  /** A person's answers in a round, in condition order, each with its etag (for writeLevel). */
  async answersOf(roundId: string, respondentId: string): Promise<StoredAnswer[]> {
    const found = await Promise.all(CONDITIONS.map(({ id }) => this.find(roundId, id, respondentId)));
    return found.filter((answer): answer is StoredAnswer => answer !== undefined);
  }

  /**
   * Moves a person's answers in a round to `level`, with `answer` (theirs, at that level) when
   * given, in one transaction: every count sees all of them at the old level or all at the new.
   * Every row read must still be as it was read (its etag, checked even where the level stays),
   * or nothing is written and AuditError STORAGE_CONFLICT is thrown (storage's 412 its cause).
   * Rows keep their answeredAt: a move is not a new answer. Returns how many rows moved.
   */
  async writeLevel(roundId: string, level: LevelId, read: readonly StoredAnswer[], answer?: Answer): Promise<number> {
    const others = read.filter((row) => row.conditionId !== answer?.conditionId);
    const actions: TransactionAction[] = others.map((row) => [
      'update',
      { partitionKey: roundId, rowKey: rowKeyOf(row.conditionId, row.respondentId), level },
      'Merge',
      { etag: row.etag },
    ]);
    if (answer) actions.push(['upsert', { ...answerEntity(answer) }, 'Replace']);
    if (actions.length === 0) return 0;
    try {
      await storageCall(() => this.table.submitTransaction(actions));
    } catch (error) {
      if (isPreconditionFailed(error)) throw new AuditError('STORAGE_CONFLICT', undefined, { cause: error });
      throw error;
    }
    return others.filter((row) => row.level !== level).length;
  }

  /**
   * Brings all of a person's answers in a round to the level of their latest (domain levelInRound),
   * in one conditional write when any differs. Returns that level (undefined: no answers). Throws
   * AuditError STORAGE_CONFLICT when their answers changed between the read and the write.
   */
  async bringToOneLevel(roundId: string, respondentId: string): Promise<LevelId | undefined> {
    const stored = await this.answersOf(roundId, respondentId);
    const level = levelInRound(stored);
    if (level && stored.some((answer) => answer.level !== level)) await this.writeLevel(roundId, level, stored);
    return level;
  }

  /**
   * Deletes one person's answers in a round (their rows only, found by their respondent id) in one
   * transaction that also marks the round's partition as erased in (answerErasure.ts), so readers
   * of "what changed" count the round again. Returns the conditions whose answers were deleted
   * (none: nothing left, as on a confirm delivered again). `at`: ISO 8601. STORAGE_CONFLICT when
   * their rows keep vanishing under it.
   */
  async eraseAnswersOf(roundId: string, respondentId: string, at: string): Promise<ConditionId[]> {
    const read = async () => (await this.answersOf(roundId, respondentId)).map((answer) => rowKeyOf(answer.conditionId, respondentId));
    const erased = await eraseRows(this.table, roundId, read, at);
    return CONDITIONS.map((c) => c.id).filter((id) => erased.includes(rowKeyOf(id, respondentId)));
  }

  async countForCondition(roundId: string, conditionId: ConditionId): Promise<number> {
    const { from, to } = rangeOf(conditionId);
    const rows = this.table.listEntities({
      queryOptions: { filter: odata`PartitionKey eq ${roundId} and RowKey ge ${from} and RowKey lt ${to}`, select: ['RowKey'] },
    });
    let count = 0;
    await storageCall(async () => {
      for await (const row of rows) if (row) count += 1;
    });
    return count;
  }

  /** A round's answers with what leaders' aggregated view needs; one condition's, when given. */
  async ratedAnswers(roundId: string, conditionId?: ConditionId): Promise<RatedAnswer[]> {
    const range = conditionId ? rangeOf(conditionId) : undefined;
    const filter = range ? odata`PartitionKey eq ${roundId} and RowKey ge ${range.from} and RowKey lt ${range.to}` : odata`PartitionKey eq ${roundId}`;
    const rows = this.table.listEntities<RatedRow>({ queryOptions: { filter, select: ['conditionId', 'level', 'rating', 'comment', 'respondentId', 'answeredAt', ...REVIEW_COLUMNS] } });
    const answers: RatedAnswer[] = [];
    await storageCall(async () => {
      for await (const row of rows) {
        const answer = toRatedAnswer(row);
        if (answer) answers.push(answer);
      }
    });
    return answers;
  }

  /**
   * Answers written at or after `since` (Table storage's own Timestamp), without comments: how a
   * reader keeps a round's aggregate current by reading only what changed. Also returns the
   * newest Timestamp seen, to ask from next time, and `complete`: true when the answers are every
   * answer of the round (the first read, or answers were erased since `since`: a deleted row cannot
   * be seen as changed, so the whole round is read again and the reader starts its counts afresh).
   */
  async answersChangedSince(roundId: string, since: Date | undefined): Promise<ChangedSince<'answers', RatedAnswer>> {
    const { rows, newest, complete } = await this.changedSince(roundId, since, ['conditionId', 'level', 'rating', 'respondentId', 'answeredAt'], toRatedAnswer);
    return { answers: rows, newest, complete };
  }

  /** Like answersChangedSince, but only who gave which level: what RoundLevels keeps. */
  async levelsChangedSince(roundId: string, since: Date | undefined): Promise<ChangedSince<'levels', { respondentId: string; level: LevelId }>> {
    const { rows, newest, complete } = await this.changedSince(roundId, since, ['respondentId', 'level'], ({ respondentId, level }) =>
      respondentId && isLevelId(level) ? { respondentId, level } : undefined,
    );
    return { levels: rows, newest, complete };
  }

  /** Like answersChangedSince, but only who answered which condition: what reminders need to know who has answered everything. */
  async answeredSince(roundId: string, since: Date | undefined): Promise<ChangedSince<'answered', { respondentId: string; conditionId: ConditionId }>> {
    const { rows, newest, complete } = await this.changedSince(roundId, since, ['respondentId', 'conditionId'], ({ respondentId, conditionId }) =>
      respondentId && isConditionId(conditionId) ? { respondentId, conditionId } : undefined,
    );
    return { answered: rows, newest, complete };
  }

  private async changedSince<T>(
    roundId: string,
    since: Date | undefined,
    select: (keyof AnswerEntity)[],
    read: (row: RatedRow) => T | undefined,
  ): Promise<{ rows: T[]; newest: Date | undefined; complete: boolean }> {
    const filter = since ? odata`PartitionKey eq ${roundId} and Timestamp ge ${since}` : odata`PartitionKey eq ${roundId}`;
    const listed = this.table.listEntities<RatedRow>({ queryOptions: { filter, select: [...select, 'RowKey', 'Timestamp'] } });
    const rows: T[] = [];
    let newest: Date | undefined;
    let erased = false;
    await storageCall(async () => {
      for await (const row of listed) {
        const written = row.timestamp ? new Date(row.timestamp) : undefined;
        if (written && (!newest || written > newest)) newest = written;
        if (row.rowKey === ERASURE_ROW) erased = true;
        const value = read(row);
        if (value !== undefined) rows.push(value);
      }
    });
    // Answers were erased since the last read: what was read before may count rows now gone.
    if (since && erased) return this.changedSince(roundId, undefined, select, read);
    return { rows, newest, complete: since === undefined };
  }

  /**
   * The round's comments that went to review (held, or decided by a champion): each with its
   * condition, text and review only (storage/commentReviewRows.ts), in no particular order.
   */
  reviewedComments(roundId: string): Promise<ReviewedComment[]> {
    return reviewedCommentsOf(this.table, roundId);
  }

  /**
   * Decides a held comment, at its row's etag: REVIEW_NOT_FOUND (404) when its answer is gone or its
   * comment changed, REVIEW_DECIDED (409) when it is no longer held (see decideReviewRow).
   */
  decideReview(roundId: string, reviewId: string, decision: CommentDecision): Promise<ReviewedComment> {
    return decideReviewRow(this.table, roundId, reviewId, decision);
  }

  /** Every answer of a round, without comments: what closing counts. */
  async allRatedAnswers(roundId: string): Promise<RatedAnswer[]> {
    return (await this.answersChangedSince(roundId, undefined)).answers;
  }

  /** What participation needs of every answer in a round, and nothing more. */
  async footprints(roundId: string): Promise<(AnswerFootprint & { answeredAt: string })[]> {
    const rows = this.table.listEntities<Pick<AnswerEntity, 'conditionId' | 'level' | 'respondentId' | 'answeredAt'>>({
      queryOptions: { filter: odata`PartitionKey eq ${roundId}`, select: ['conditionId', 'level', 'respondentId', 'answeredAt'] },
    });
    const footprints: (AnswerFootprint & { answeredAt: string })[] = [];
    await storageCall(async () => {
      for await (const row of rows) {
        if (!isConditionId(row.conditionId)) continue;
        footprints.push({ conditionId: row.conditionId, level: row.level as LevelId, respondentId: row.respondentId, answeredAt: row.answeredAt });
      }
    });
    return footprints;
  }
}

/** What a read of "what changed" gives: the rows, the newest Timestamp, and whether they are the whole round (answersChangedSince). */
export type ChangedSince<K extends string, T> = { readonly newest: Date | undefined; readonly complete: boolean } & { readonly [key in K]: T[] };
