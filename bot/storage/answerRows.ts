import type { Answer, AnswerChannel } from '../domain/answer';
import { commentForLeaders, type CommentReview } from '../domain/commentReview';
import { isConditionId, type ConditionId } from '../domain/conditions';
import { isLevelId, type LevelId } from '../domain/levels';
import { isRatingId, type RatingId } from '../domain/ratings';
import type { RatedAnswer } from '../domain/summary/roundSummary';
import { REVIEW_COLUMNS, reviewColumns, reviewFromColumns } from './commentReviewRows';

// The answers table's keys and row shape, and how a row reads as an answer: AnswersRepository
// (answersRepository.ts) queries and writes them; nothing else builds an answer's keys.

/**
 * One row per person per condition per round: the key makes "a second answer replaces
 * the first" structural, and a retried invoke writes the same row again. Condition first
 * in the row key, so one condition's answers are a single range.
 */
export const rowKeyOf = (conditionId: ConditionId, respondentId: string): string => `${conditionId}-${respondentId}`;
// '.' sorts straight after '-', so [C01-, C01.) is exactly condition C01's rows.
export const rangeOf = (conditionId: ConditionId) => ({ from: `${conditionId}-`, to: `${conditionId}.` });

/** The stored row of an answer (exported for bulk seeding in the benchmark: keys stay defined here). */
export function answerEntity(answer: Answer): AnswerEntity {
  return {
    partitionKey: answer.roundId,
    rowKey: rowKeyOf(answer.conditionId, answer.respondentId),
    conditionId: answer.conditionId,
    respondentId: answer.respondentId,
    rating: answer.rating,
    level: answer.level,
    comment: answer.comment,
    answeredAt: answer.answeredAt,
    via: answer.via,
    ...(answer.sentAt ? { sentAt: answer.sentAt } : {}),
    ...reviewColumns(answer.commentReview),
  };
}

export interface AnswerEntity {
  partitionKey: string;
  rowKey: string;
  conditionId: string;
  respondentId: string;
  rating: string;
  level: string;
  comment: string;
  answeredAt: string;
  via: string;
  sentAt?: string;
  reviewState?: string;
  reviewId?: string;
  reviewConcerns?: string;
  reviewText?: string;
}

/** The same answer as stored: an activity delivered again has nothing to write. */
export function sameChoice(stored: AnswerEntity, entity: AnswerEntity): boolean {
  return stored.rating === entity.rating && stored.level === entity.level && stored.comment === entity.comment && stored.via === entity.via;
}

export type RatedRow = { rowKey?: string; timestamp?: string } & Partial<Pick<AnswerEntity, 'conditionId' | 'level' | 'rating' | 'comment' | 'respondentId' | 'answeredAt' | (typeof REVIEW_COLUMNS)[number]>>;

/**
 * A stored row as leaders' aggregated view reads it; rows that do not fit the audit are skipped.
 * Its comment is as leaders may read it (commentForLeaders): '' while held or once withheld.
 */
export function toRatedAnswer(row: RatedRow): RatedAnswer | undefined {
  if (!isConditionId(row.conditionId) || !isLevelId(row.level) || !isRatingId(row.rating)) return undefined;
  const review = reviewFromColumns(row);
  const comment = commentForLeaders({ comment: row.comment ?? '', ...(review ? { commentReview: review } : {}) });
  const reviewed = review !== undefined && comment !== '' ? { commentReviewed: true as const } : {};
  return { conditionId: row.conditionId, level: row.level, rating: row.rating, comment, ...reviewed, respondentId: row.respondentId ?? '', answeredAt: row.answeredAt ?? '' };
}

export function toAnswer(roundId: string, entity: AnswerEntity): Answer {
  return {
    roundId,
    conditionId: entity.conditionId as ConditionId,
    respondentId: entity.respondentId,
    rating: entity.rating as RatingId,
    level: entity.level as LevelId,
    comment: entity.comment ?? '',
    answeredAt: entity.answeredAt,
    via: entity.via as AnswerChannel,
    ...(entity.sentAt ? { sentAt: entity.sentAt } : {}),
    ...withReview(reviewFromColumns(entity)),
  };
}

function withReview(review: CommentReview | undefined): { commentReview?: CommentReview } {
  return review ? { commentReview: review } : {};
}
