import { randomUUID } from 'node:crypto';
import type { CommentReview } from '../commentReview';
import { AuditError } from '../errors';
import { concernKindsIn } from './findConcerns';

/** The person's answer to the same condition as stored, if any: its comment and that comment's review. */
export interface StoredComment {
  readonly comment: string;
  readonly commentReview?: CommentReview;
}

/**
 * The review a submitted comment is stored with (issue 12), or undefined for an ordinary comment.
 *
 * - A comment without concerns (findConcerns.ts) is ordinary: nothing more is read, so an answer on
 *   the shared card stays one storage call.
 * - A comment with concerns and the same text as the stored answer's (`readStored`) keeps that
 *   answer's review, whatever it is: a decision stands for the same text, and a held comment stays
 *   held without asking the person again.
 * - Otherwise it is refused, AuditError COMMENT_MAY_IDENTIFY, unless the person pressed "Send
 *   anyway" (`sendAnyway`): then it is held, with a new random review id (never derived from the
 *   person, see commentReview.ts) and the kinds found.
 *
 * `comment` is as validateAnswerChoice normalised it.
 */
export async function reviewOfComment(
  comment: string,
  sendAnyway: boolean,
  readStored: () => Promise<StoredComment | undefined>,
  newReviewId: () => string = randomUUID,
): Promise<CommentReview | undefined> {
  const concerns = comment === '' ? [] : concernKindsIn(comment);
  if (concerns.length === 0) return undefined;
  const stored = await readStored();
  if (stored?.commentReview && stored.comment === comment) return stored.commentReview;
  if (!sendAnyway) throw new AuditError('COMMENT_MAY_IDENTIFY');
  return { state: 'held', reviewId: newReviewId(), concerns };
}
