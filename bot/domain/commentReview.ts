import type { ConcernKind } from './safeguarding/concernKinds';

/**
 * What became of a comment that looked as if it identified someone or disclosed risk to a child
 * (issue 12). The person was warned on the card, with the organisation's safeguarding contact, and
 * sent it anyway: their answer counts, but the comment is held back from leaders until a practice
 * champion reviews it in the tab. A comment with no review (`undefined`) is an ordinary one.
 *
 * `reviewId` is random, made when the comment is held: the only handle a champion gets. It is never
 * the answer's row key, which carries the respondent id and would tie a held comment to the same
 * person's other answers. Nothing about the person (level, rating, time) reaches the review.
 *
 * - held: not shown to leaders; waiting for a champion.
 * - released: shown as the person wrote it.
 * - redacted: shown as `text`, the champion's copy with the identifying part removed.
 * - withheld: never shown.
 */
export type CommentReview =
  | { readonly state: 'held'; readonly reviewId: string; readonly concerns: readonly ConcernKind[] }
  | { readonly state: 'released'; readonly reviewId: string; readonly concerns: readonly ConcernKind[] }
  | { readonly state: 'redacted'; readonly reviewId: string; readonly concerns: readonly ConcernKind[]; readonly text: string }
  | { readonly state: 'withheld'; readonly reviewId: string; readonly concerns: readonly ConcernKind[] };

/** A champion's decision on a held comment (POST …/held-comments/:reviewId). */
export type CommentDecision = { readonly state: 'released' } | { readonly state: 'redacted'; readonly text: string } | { readonly state: 'withheld' };

/**
 * The comment as leaders may read it: the text typed for an ordinary or released comment, the
 * champion's copy for a redacted one, and nothing ('') for one held or withheld. Every read that
 * shows comments (tab, exports, cards, "you said, we did") goes through this.
 */
export function commentForLeaders(answer: { readonly comment: string; readonly commentReview?: CommentReview }): string {
  const review = answer.commentReview;
  if (review === undefined || review.state === 'released') return answer.comment;
  if (review.state === 'redacted') return review.text;
  return '';
}
