import { isConditionId, type ConditionId } from '../conditions';
import { AuditError } from '../errors';
import { isLevelId, LEVELS, type LevelId } from '../levels';
import { RATINGS, type RatingId } from '../ratings';
import { conditionVisibility, levelNamed, type CutCounts } from './conditionPrivacy';
import { latestAnswers } from './latestAnswers';
import { assertPrivacyThreshold } from './privacyThreshold';
import type { ConditionComments, RatedAnswer, SummaryComment } from './roundSummary';

const ratingOrder = new Map<RatingId, number>(RATINGS.map((r, i) => [r.id, i]));
/** A withheld rating sorts last, after "don't know". */
const rank = (rating: RatingId | null) => (rating === null ? RATINGS.length : (ratingOrder.get(rating) ?? 0));
const levelOrder = new Map<LevelId, number>(LEVELS.map((l, i) => [l.id, i]));
const collator = new Intl.Collator('en-GB');

/** The two figures that decide whether comments are shown (config: PRIVACY_THRESHOLD, COMMENT_THRESHOLD). */
export interface CommentThresholds {
  /** A cut (a level, all staff) is shown once at least this many people are in it (domain/privacy.ts). */
  readonly privacyThreshold: number;
  /** A condition's comments are shown once at least this many people answered it; never below `privacyThreshold`. */
  readonly commentThreshold: number;
}

/**
 * The non-empty comments on one condition, as leaders may read them, and whether any are shown.
 *
 * - None is shown (`shown: false`) until at least `commentThreshold` people have answered the
 *   condition (COMMENT_THRESHOLD, default 10, Viva Glint's figure for comments: domain/privacy.ts):
 *   a comment's wording can point to its author where a count cannot. "Answered" counts every
 *   person's latest answer, "don't know" included, as the all-staff cell does.
 * - Comments come as storage gives them for leaders (AnswersRepository.ratedAnswers, through
 *   domain/commentReview.ts commentForLeaders): a held or withheld comment is '' and is not shown.
 * - A comment names its level only where that level's cut of this condition is shown in the
 *   summary with its judgements (summariseRound's rule); otherwise its level is null, so it
 *   cannot be pinned on a small group. Filtering by a level is refused (BAD_REQUEST) unless the
 *   level is named.
 * - Where the condition's judgements are withheld (fewer than the threshold of its answers are
 *   not "don't know"), a judgement's rating is null: it would be one of those few ratings.
 * - Comments are a cut of the condition like any other: when the condition has fewer answers
 *   than the threshold (its all-staff cell is hidden), none is returned, since each carries a
 *   rating that would otherwise give away the hidden figures.
 * - Only text, rating and level are copied: never the respondent id or the time.
 * - Order: by rating (the scale's order: not in place first, don't know, then withheld, last), then by text
 *   (en-GB collation, then code units), then by level (named levels in level order, unnamed
 *   last). Every key is something the reader already sees, so the order is a pure function of
 *   the visible content: it cannot follow time (who answered first, or last, or just now) or
 *   storage order (which follows respondent ids), and a comment's position says nothing about
 *   its author. Grouping by rating also reads naturally beside the distribution.
 */
export function commentsFor(
  answers: Iterable<RatedAnswer>,
  conditionId: ConditionId,
  { privacyThreshold, commentThreshold }: CommentThresholds,
  level?: LevelId,
): ConditionComments {
  assertPrivacyThreshold(privacyThreshold);
  if (!Number.isInteger(commentThreshold) || commentThreshold < privacyThreshold) {
    throw new AuditError('CONFIG_INVALID', `The comment threshold must be a whole number no smaller than the privacy threshold (${privacyThreshold}); it was ${String(commentThreshold)}.`);
  }
  if (!isConditionId(conditionId)) throw new AuditError('BAD_REQUEST', 'That condition is not one of the audit\'s conditions.');
  if (level !== undefined && !isLevelId(level)) throw new AuditError('BAD_REQUEST', 'That level is not one of the team\'s levels.');

  const ofCondition = [...(latestAnswers(answers, conditionId).byCondition.get(conditionId)?.values() ?? [])];
  const countsByLevel = new Map<LevelId, CutCounts>();
  for (const answer of ofCondition) {
    const counts = countsByLevel.get(answer.level) ?? { answers: 0, judged: 0 };
    countsByLevel.set(answer.level, { answers: counts.answers + 1, judged: counts.judged + (answer.rating === 'dont-know' ? 0 : 1) });
  }
  const visibility = conditionVisibility(countsByLevel, privacyThreshold);
  const levelShown = (id: LevelId) => levelNamed(visibility, id);
  const ratingShown = (rating: RatingId) => rating === 'dont-know' || visibility.judgements.allStaff.shown;

  if (level !== undefined && !levelShown(level)) {
    throw new AuditError('BAD_REQUEST', 'Comments cannot be filtered by that level for this condition: too few of its staff answered to show them separately.');
  }
  const hidden: ConditionComments = { shown: false, commentThreshold, comments: [] };
  if (!visibility.allStaff.shown || ofCondition.length < commentThreshold) return hidden;

  const comments: SummaryComment[] = [];
  for (const answer of ofCondition) {
    const text = answer.comment.trim();
    if (text === '') continue;
    if (level !== undefined && answer.level !== level) continue;
    // A reviewed comment's champion read its text: never its level or rating beside it (RatedAnswer.commentReviewed).
    if (answer.commentReviewed) {
      if (level === undefined) comments.push({ text, rating: null, level: null });
      continue;
    }
    comments.push({ text, rating: ratingShown(answer.rating) ? answer.rating : null, level: levelShown(answer.level) ? answer.level : null });
  }
  return { shown: true, commentThreshold, comments: comments.sort(byVisibleContent) };
}

function byVisibleContent(a: SummaryComment, b: SummaryComment): number {
  return (
    rank(a.rating) - rank(b.rating) ||
    collator.compare(a.text, b.text) ||
    (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) ||
    (a.level === null ? LEVELS.length : (levelOrder.get(a.level) ?? 0)) -
      (b.level === null ? LEVELS.length : (levelOrder.get(b.level) ?? 0))
  );
}
