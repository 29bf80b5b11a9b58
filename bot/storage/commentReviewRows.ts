import { odata, type TableClient } from '@azure/data-tables';
import type { CommentDecision, CommentReview } from '../domain/commentReview';
import { isConditionId } from '../domain/conditions';
import { AuditError } from '../domain/errors';
import { decideReview, type ReviewedComment } from '../domain/heldComments';
import { isConcernKind } from '../domain/safeguarding/concernKinds';
import { isPreconditionFailed, isNotFound, storageCall } from './storageErrors';

/**
 * A held comment's review kept as columns of its answer's row (domain/commentReview.ts): the row
 * owns it, so a changed or deleted answer takes its review with it. AnswersRepository reads and
 * writes them; this module holds what it does with them alone: the columns, and the champion's
 * reads and decisions, which find a row by its random reviewId, never by its keys (they carry the
 * respondent id).
 */
export interface ReviewColumns {
  reviewState?: string;
  reviewId?: string;
  reviewConcerns?: string;
  reviewText?: string;
}

export const REVIEW_COLUMNS = ['reviewState', 'reviewId', 'reviewConcerns', 'reviewText'] as const;

/** A review as its row's columns; none for an ordinary comment. */
export function reviewColumns(review: CommentReview | undefined): ReviewColumns {
  if (!review) return {};
  return { reviewState: review.state, reviewId: review.reviewId, reviewConcerns: review.concerns.join(','), ...(review.state === 'redacted' ? { reviewText: review.text } : {}) };
}

/** The review kept in a row's columns; undefined for an ordinary comment (or columns that do not read as one). */
export function reviewFromColumns(row: ReviewColumns): CommentReview | undefined {
  const { reviewState: state, reviewId } = row;
  if (!reviewId) return undefined;
  const concerns = (row.reviewConcerns ?? '').split(',').filter(isConcernKind);
  if (state === 'held' || state === 'released' || state === 'withheld') return { state, reviewId, concerns };
  if (state === 'redacted') return { state, reviewId, concerns, text: row.reviewText ?? '' };
  // A state this version does not know: hold it, rather than show what may identify someone.
  return { state: 'held', reviewId, concerns };
}

interface ReviewRow extends ReviewColumns {
  partitionKey?: string;
  rowKey?: string;
  etag?: string;
  conditionId?: string;
  comment?: string;
}

/** Only what a champion may see, and the keys and etag a decision writes at: never level, rating, time or respondent id. */
const SELECTED = ['PartitionKey', 'RowKey', 'conditionId', 'comment', ...REVIEW_COLUMNS];

function reviewedOf(row: ReviewRow): ReviewedComment | undefined {
  const review = reviewFromColumns(row);
  if (!review || !isConditionId(row.conditionId)) return undefined;
  return { conditionId: row.conditionId, comment: row.comment ?? '', review };
}

async function rowsOf(table: TableClient, filter: string): Promise<(ReviewRow & { reviewed: ReviewedComment })[]> {
  const rows: (ReviewRow & { reviewed: ReviewedComment })[] = [];
  await storageCall(async () => {
    for await (const row of table.listEntities<ReviewRow>({ queryOptions: { filter, select: SELECTED } })) {
      const reviewed = reviewedOf(row);
      if (reviewed) rows.push({ ...row, reviewed });
    }
  });
  return rows;
}

/**
 * The round's comments that went to review (held or decided), in storage order: one query of the
 * round's partition for rows with a reviewId (a row without the column does not match, so an
 * ordinary answer is never read).
 */
export async function reviewedCommentsOf(table: TableClient, roundId: string): Promise<ReviewedComment[]> {
  return (await rowsOf(table, odata`PartitionKey eq ${roundId} and reviewId gt ${''}`)).map((row) => row.reviewed);
}

/**
 * Decides the held comment `reviewId` of the round, written at the etag of the row as read, so a
 * person changing their answer at the same moment is never overwritten: REVIEW_NOT_FOUND (404)
 * when no row carries it (the answer was deleted, or its comment changed and was checked afresh)
 * or its comment is no longer the text read; REVIEW_DECIDED (409) when it is not held any more
 * (another champion decided first). A change of rating or level alone is read again and decided.
 * STORAGE_CONFLICT when the row keeps changing. Returns the comment as decided.
 */
export async function decideReviewRow(table: TableClient, roundId: string, reviewId: string, decision: CommentDecision): Promise<ReviewedComment> {
  let seenText: string | undefined;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [row] = await rowsOf(table, odata`PartitionKey eq ${roundId} and reviewId eq ${reviewId}`);
    if (!row || (seenText !== undefined && row.reviewed.comment !== seenText)) throw new AuditError('REVIEW_NOT_FOUND');
    seenText = row.reviewed.comment;
    const review = decideReview(row.reviewed.review, decision, row.reviewed.comment);
    try {
      await storageCall(() => table.updateEntity({ partitionKey: row.partitionKey!, rowKey: row.rowKey!, ...reviewColumns(review) }, 'Merge', { etag: row.etag! }));
      return { ...row.reviewed, review };
    } catch (error) {
      // Changed since read (412) or deleted (404): read it again and decide again.
      if (!isPreconditionFailed(error) && !isNotFound(error)) throw error;
    }
  }
  throw new AuditError('STORAGE_CONFLICT');
}
