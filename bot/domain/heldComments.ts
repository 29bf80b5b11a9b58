import { findConcerns, withIdentifyingPartsRemoved } from './safeguarding/findConcerns';
import { z } from 'zod';
import type { ActivityKind } from './activityLog';
import { MAX_COMMENT_LENGTH } from './answer';
import { commentForLeaders, type CommentDecision, type CommentReview } from './commentReview';
import { CONDITIONS, type ConditionId } from './conditions';
import { AuditError } from './errors';
import { plainTextInput } from './plainText';
import { concernsInWords, type ConcernKind } from './safeguarding/concernKinds';

/**
 * A comment that went to review (held, or decided), as storage reads it: its condition, what the
 * person wrote, and its review. Nothing else of the answer (level, rating, time, respondent id)
 * is read, so nothing else can reach the champion.
 */
export interface ReviewedComment {
  readonly conditionId: ConditionId;
  readonly comment: string;
  readonly review: CommentReview;
}

/**
 * A held comment as the reviewing champion sees it (tab/src/api/types.ts HeldComment, the same
 * shape): nothing about its author. `shownText` once decided: what leaders read ('' when withheld).
 */
export interface HeldComment {
  readonly reviewId: string;
  readonly conditionId: string;
  readonly text: string;
  readonly concerns: readonly ConcernKind[];
  readonly state: CommentReview['state'];
  readonly shownText?: string;
  /** While held: the text with each identifying part found replaced by "[removed]", where the champion's copy starts. */
  readonly suggestedCopy?: string;
}

/** GET …/held-comments. */
export interface HeldCommentsReply {
  readonly comments: readonly HeldComment[];
}

/**
 * A champion's decision as the API takes it (POST …/held-comments/:reviewId): release, withhold, or
 * release a copy with the identifying part removed, whose text follows the rules of all plain text
 * (domain/plainText.ts: trimmed, no character a report cannot hold), is not empty and is at most
 * MAX_COMMENT_LENGTH (a comment's own limit, domain/answer.ts).
 */
const decisionInput = z.discriminatedUnion('state', [
  z.object({ state: z.literal('released') }).strict(),
  z.object({ state: z.literal('withheld') }).strict(),
  z.object({ state: z.literal('redacted'), text: plainTextInput(MAX_COMMENT_LENGTH).min(1, 'it is empty: write the comment as leaders should read it, or withhold it') }).strict(),
]);

/** The decision sent, or BAD_REQUEST saying what is wrong with it (UK English, for the champion). */
export function commentDecisionFrom(body: unknown): CommentDecision {
  const parsed = decisionInput.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  if (issue.path[0] === 'text') throw new AuditError('BAD_REQUEST', `The comment with the identifying part removed is not valid: ${issue.message}.`);
  throw new AuditError('BAD_REQUEST', 'Send a decision: release the comment, release it with the identifying part removed (with its text), or withhold it.');
}

/**
 * The review once a champion has decided a held comment (`comment`, as the person wrote it): one
 * decision per comment, so REVIEW_DECIDED (409) for one already decided. Its reviewId and concerns
 * stay as they were. A copy "with the identifying part removed" that still holds a part found in
 * the comment is refused (BAD_REQUEST, naming its kind), so neither leaders nor the activity log
 * are told a part was removed when it was not (identifyingPartsKept).
 */
export function decideReview(review: CommentReview, decision: CommentDecision, comment: string): CommentReview {
  if (review.state !== 'held') throw new AuditError('REVIEW_DECIDED');
  const { reviewId, concerns } = review;
  if (decision.state !== 'redacted') return { state: decision.state, reviewId, concerns };
  const kept = identifyingPartsKept(comment, decision.text);
  if (kept.length > 0) {
    throw new AuditError(
      'BAD_REQUEST',
      `The copy still includes ${concernsInWords(kept)} found in the comment. Replace it with [removed], or choose Release as written to let leaders read the comment as it was written.`,
    );
  }
  return { state: 'redacted', reviewId, concerns, text: decision.text };
}

/**
 * The kinds of the identifying parts found in `comment` (findConcerns; words describing harm are
 * meant to stay) that `copy` still holds word for word, ignoring case: what a champion's copy has
 * not removed. Each kind once, in the order found.
 */
function identifyingPartsKept(comment: string, copy: string): ConcernKind[] {
  const lowerCopy = copy.toLocaleLowerCase('en-GB');
  const kept = findConcerns(comment)
    .filter(({ kind, start, end }) => kind !== 'harm-to-child' && lowerCopy.includes(comment.slice(start, end).toLocaleLowerCase('en-GB')))
    .map(({ kind }) => kind);
  return [...new Set(kept)];
}

/** What the champion is shown of a reviewed comment: its text, condition, the kinds found, and what became of it. */
export function heldCommentOf({ conditionId, comment, review }: ReviewedComment): HeldComment {
  const base = { reviewId: review.reviewId, conditionId, text: comment, concerns: review.concerns, state: review.state };
  return review.state === 'held' ? { ...base, suggestedCopy: withIdentifyingPartsRemoved(comment) } : { ...base, shownText: commentForLeaders({ comment, commentReview: review }) };
}

const conditionOrder = new Map<string, number>(CONDITIONS.map((c, i) => [c.id, i]));
const collator = new Intl.Collator('en-GB');

/**
 * The reviewed comments of a round, for the champion: by condition (the framework's order), then
 * by text (en-GB collation, then code units), then by reviewId (random), never in the order they
 * were given or stored (storage order follows respondent ids), so a comment's place says nothing
 * about when or by whom it was written.
 */
export function heldCommentsInOrder(comments: Iterable<ReviewedComment>): HeldComment[] {
  return [...comments].map(heldCommentOf).sort(
    (a, b) =>
      (conditionOrder.get(a.conditionId) ?? 0) - (conditionOrder.get(b.conditionId) ?? 0) ||
      collator.compare(a.text, b.text) ||
      (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) ||
      (a.reviewId < b.reviewId ? -1 : a.reviewId > b.reviewId ? 1 : 0),
  );
}

/**
 * The activity log's kind for a decision (domain/activityLog.ts), for the use case's caller to
 * append once the decision is stored (the log is built elsewhere: issue 12's activity log part).
 */
export function decisionActivityKind(decision: CommentDecision): Extract<ActivityKind, `comment-${string}`> {
  return `comment-${decision.state}`;
}
