import type { TabUser } from '../../auth/ssoTokenVerifier';
import type { NewActivity } from '../../domain/activityLog';
import { logActivity, type LogActivityDeps } from '../activityLog/logActivity';
import type { AuditRound } from '../../domain/auditRound';
import { findCondition } from '../../domain/conditions';
import { AuditError } from '../../domain/errors';
import {
  commentDecisionFrom,
  decisionActivityKind,
  heldCommentOf,
  heldCommentsInOrder,
  type HeldComment,
  type HeldCommentsReply,
  type ReviewedComment,
} from '../../domain/heldComments';
import type { CommentDecision } from '../../domain/commentReview';
import { requireResults, resultsState } from '../../domain/summary';
import { roundOfTeam, type RoundOfTeamDeps } from '../tab/roundSummary';
import type { TabDeps } from '../tab/tabDeps';
import { isTabChampion } from '../tab/teamAccess';

/** Where held comments are read and decided: the answers' rows (storage/answersRepository.ts). */
export interface HeldCommentStore {
  reviewedComments(roundId: string): Promise<ReviewedComment[]>;
  decideReview(roundId: string, reviewId: string, decision: CommentDecision): Promise<ReviewedComment>;
}

/** What reviewing held comments uses. */
export type HeldCommentDeps = RoundOfTeamDeps & Pick<TabDeps, 'champions' | 'roundSummaries'> & { readonly answers: HeldCommentStore };

/**
 * GET …/rounds/:roundId/held-comments: the round's comments that were sent anyway after a warning
 * (held, or already decided), for the team's practice champions only. Each carries its condition,
 * its text, the kinds of concern found and what became of it: never its author's level, rating,
 * time or respondent id; listed by condition, then text (domain/heldComments.ts).
 *
 * Only once the round's results are released, as its comments are (domain/summary/release.ts):
 * while it is open a held comment appearing in the list would say when it was given, which, beside
 * the live participation, could point to who gave it. Leaders read no comment before then anyway.
 *
 * Refusals: NOT_A_TEAM_MEMBER (403), ROUND_NOT_FOUND (404), NOT_A_CHAMPION (403), RESULTS_AT_CLOSE (409).
 */
export async function heldComments(deps: HeldCommentDeps, user: TabUser, teamId: string, roundId: string): Promise<HeldCommentsReply> {
  const round = await reviewableRound(deps, user, teamId, roundId);
  return { comments: heldCommentsInOrder(await deps.answers.reviewedComments(round.roundId)) };
}

/**
 * POST …/rounds/:roundId/held-comments/:reviewId: a champion's decision on a held comment (release;
 * release a copy with the identifying part removed; withhold), once. BAD_REQUEST for a body that
 * is not a decision (domain/heldComments.ts commentDecisionFrom), REVIEW_DECIDED (409) once decided,
 * REVIEW_NOT_FOUND (404) when the person changed or deleted it; the refusals of the list besides.
 * Leaders read the comment as decided at once: this instance forgets the condition's comments.
 * The team's activity log then records the decision, naming the champion (`comment-released`,
 * `comment-redacted`, `comment-withheld`; app/activityLog/logActivity.ts).
 */
export async function decideHeldComment(deps: HeldCommentDeps & LogActivityDeps, user: TabUser, teamId: string, roundId: string, reviewId: string, body: unknown): Promise<HeldComment> {
  const round = await reviewableRound(deps, user, teamId, roundId);
  const decision = commentDecisionFrom(body);
  const decided = await deps.answers.decideReview(round.roundId, reviewId, decision);
  deps.roundSummaries.forgetComments(round.roundId, decided.conditionId);
  await logActivity(deps, teamId, decisionActivity(user, round, decided.conditionId, decision));
  return heldCommentOf(decided);
}

async function reviewableRound(deps: HeldCommentDeps, user: TabUser, teamId: string, roundId: string): Promise<AuditRound> {
  const round = await roundOfTeam(deps, user, teamId, roundId);
  if (!(await isTabChampion(deps, user, teamId))) throw new AuditError('NOT_A_CHAMPION', "Only the team's practice champions can review held comments.");
  const { now, settleMs } = deps.roundSummaries.clock;
  requireResults(resultsState(round, now, settleMs), round.number);
  return round;
}

const DECIDED_WORDS: Record<CommentDecision['state'], string> = {
  released: 'released',
  redacted: 'released with the identifying part removed',
  withheld: 'withheld',
};

/** "Round 3: a held comment on condition 4 was withheld." Never the comment's text: the log is read beside the round. */
function decisionActivity(user: TabUser, round: AuditRound, conditionId: ReviewedComment['conditionId'], decision: CommentDecision): NewActivity {
  const condition = findCondition(conditionId);
  return {
    kind: decisionActivityKind(decision),
    actor: { kind: 'person', name: user.name, entraObjectId: user.entraObjectId },
    roundId: round.roundId,
    summary: `Round ${round.number}: a held comment on condition ${condition?.number ?? conditionId} was ${DECIDED_WORDS[decision.state]}.`,
  };
}
