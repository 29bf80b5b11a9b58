import type { Request } from './request';
import type { CommentDecision, HeldComment, HeldCommentsReply } from './types';

/** A round's held comments, for the team's practice champions (bot/app/comments/heldComments.ts). */
export interface ReviewApi {
  /** Refused (403) for anyone but a champion, and (409 RESULTS_AT_CLOSE) while the round is open. */
  heldComments(teamId: string, roundId: string, signal?: AbortSignal): Promise<HeldCommentsReply>;
  /** One decision per comment: 409 REVIEW_DECIDED once decided, 404 REVIEW_NOT_FOUND once its author changed it. */
  decide(teamId: string, roundId: string, reviewId: string, decision: CommentDecision): Promise<HeldComment>;
}

export function createReviewApi(request: Request, roundPath: (teamId: string, roundId: string) => string): ReviewApi {
  const held = (teamId: string, roundId: string) => `${roundPath(teamId, roundId)}/held-comments`;
  return {
    heldComments: async (teamId, roundId, signal) => (await request(held(teamId, roundId), { signal })).json() as Promise<HeldCommentsReply>,
    decide: async (teamId, roundId, reviewId, decision) =>
      (await request(`${held(teamId, roundId)}/${encodeURIComponent(reviewId)}`, { method: 'POST', body: decision, wording: 'review' })).json() as Promise<HeldComment>,
  };
}
