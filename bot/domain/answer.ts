import type { CommentReview } from './commentReview';
import { decideLevel, type KnownLevels, type LevelSubmission } from './answerLevel';
import { AuditError } from './errors';
import { type ConditionId } from './conditions';
import { type LevelId } from './levels';
import { isRatingId, type RatingId } from './ratings';

export const MAX_COMMENT_LENGTH = 1000;

/** Where an answer was given: in the team's channel, or one-to-one with the bot. */
export type AnswerChannel = 'channel' | 'chat';

export interface Answer {
  readonly roundId: string;
  readonly conditionId: ConditionId;
  /** Keyed HMAC of the person's Entra object id: never a name. */
  readonly respondentId: string;
  readonly rating: RatingId;
  readonly level: LevelId;
  readonly comment: string;
  readonly answeredAt: string;
  readonly via: AnswerChannel;
  /**
   * When Teams sent the activity that gave it (ISO 8601, Teams' clock; absent for answers stored
   * before it was kept). Orders an activity Teams delivers again (it resends an invoke it thinks
   * was lost) against a later one of the same person: the later answer stands.
   */
  readonly sentAt?: string;
  /**
   * Set when the comment looked as if it identified someone and the person sent it anyway: held
   * from leaders until a champion reviews it (domain/commentReview.ts). Absent for ordinary comments.
   */
  readonly commentReview?: CommentReview;
}

export interface AnswerChoice {
  readonly rating: RatingId;
  readonly level: LevelId;
  readonly comment: string;
}

/**
 * Checks what a person submitted: the rating first, then the level (one per person per round,
 * see answerLevel.ts), then the comment. `movesFrom` is set when the answer changes the level
 * of the person's other answers in the round.
 */
export function validateAnswerChoice(
  submitted: { rating?: unknown; comment?: unknown } & LevelSubmission,
  known: KnownLevels = {},
): AnswerChoice & { readonly movesFrom?: LevelId } {
  const rating = blankToUndefined(submitted.rating);
  if (rating === undefined) throw new AuditError('RATING_REQUIRED');
  if (!isRatingId(rating)) throw new AuditError('INVALID_ANSWER', 'That rating is not on the scale.');

  const { level, movesFrom } = decideLevel(submitted, known);

  if (submitted.comment !== undefined && submitted.comment !== null && typeof submitted.comment !== 'string') {
    throw new AuditError('INVALID_ANSWER', 'A comment must be text.');
  }
  const comment = normaliseComment(submitted.comment ?? '');
  if (comment.length > MAX_COMMENT_LENGTH) {
    throw new AuditError(
      'COMMENT_TOO_LONG',
      `Your comment is ${comment.length.toLocaleString('en-GB')} characters; the limit is ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')}. Please shorten it and submit again.`,
    );
  }
  return { rating, level, comment, ...(movesFrom ? { movesFrom } : {}) };
}

/**
 * What a card may carry of a comment a person typed: at most MAX_COMMENT_LENGTH, measured as
 * `validateAnswerChoice` measures it, so a comment sent back in a refused answer's card can be
 * submitted again as it is shown, and the card stays far under Teams' ~28 KB limit (teams-platform.md).
 * `cut` says whether anything was dropped; a character is never split in two.
 */
export function commentWithinLimit(typed: string): { readonly comment: string; readonly cut: boolean } {
  if (typed.length <= MAX_COMMENT_LENGTH) return { comment: typed, cut: false };
  const kept = typed.slice(0, MAX_COMMENT_LENGTH);
  // A high surrogate at the end is half of an emoji or similar: drop it rather than send half.
  return { comment: /[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept, cut: true };
}

/**
 * Trims, unifies line endings, drops control characters other than new lines, and drops invisible
 * characters (zero-width spaces and joiners outside emoji, soft hyphens, direction overrides) and
 * folds compatibility forms (NFKC: full-width digits, mathematical letters) so that what the
 * safeguarding rules read (findConcerns) is what a leader would read: "Pri\u200Bya" is Priya.
 */
export function normaliseComment(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, '')
    .trim();
}

/** Invisible format characters; a zero-width joiner stays between two pictographs (an emoji sequence such as 👩‍👧). */
const INVISIBLE = /[\u00AD\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|(?<!\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier})?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

function blankToUndefined(value: unknown): unknown {
  return value === undefined || value === null || value === '' ? undefined : value;
}
