import * as restify from 'restify';
import type { HeldComment } from '../../bot/domain/heldComments';
import { LATEST_ROUND, TEAM_ID } from './fixtures';

/** The stand-in's held comments (issue 12): what is held, and a refusal to answer the next decision with. */
export interface ReviewFixture {
  /** The latest closed round's reviewed comments, as the real API lists them: by condition, then text (none unless a spec sets them). */
  comments: HeldComment[];
  /** The next decision is refused so, as the real API refuses one already decided (409) or changed by its author (404). */
  refuseNext: { status: number; code: string; message: string } | null;
  /** Decisions received, in order. */
  readonly decisions: { reviewId: string; body: unknown }[];
}

/** Three held comments on C01 and C04, in the API's order. */
export function heldFixture(): HeldComment[] {
  return [
    { reviewId: 'rv-b', conditionId: 'C01', text: 'Call Sam Jones on 07700 900123 about supervision', concerns: ['name', 'phone'], state: 'held' },
    { reviewId: 'rv-a', conditionId: 'C01', text: 'Jamie at 12 Oak Road is not being seen', concerns: ['name'], state: 'held' },
    { reviewId: 'rv-c', conditionId: 'C04', text: '<img src=x onerror="window.__pwned=3"> was hurt at home', concerns: ['harm-to-child'], state: 'held' },
  ];
}

/**
 * GET …/held-comments and POST …/held-comments/:reviewId for the fixture team's latest closed round,
 * as bot/app/comments/heldComments.ts answers: 403 NOT_A_CHAMPION unless the server's `champion` switch is on.
 */
export function registerReviewRoutes(server: restify.Server, isChampion: () => boolean): ReviewFixture {
  const state: ReviewFixture = { comments: [], refuseNext: null, decisions: [] };
  const path = '/api/teams/:teamId/rounds/:roundId/held-comments';
  const allowed = (req: restify.Request, res: restify.Response): boolean => {
    if (req.params.teamId !== TEAM_ID) res.send(403, { error: { code: 'NOT_A_TEAM_MEMBER', message: 'You can only see the audit of teams you belong to.' } });
    else if (!isChampion()) res.send(403, { error: { code: 'NOT_A_CHAMPION', message: "Only the team's practice champions can review held comments." } });
    else return true;
    return false;
  };
  server.get(path, async (req, res) => {
    if (allowed(req, res)) res.send(200, { comments: req.params.roundId === LATEST_ROUND ? state.comments : [] });
  });
  server.post(`${path}/:reviewId`, restify.plugins.bodyParser(), async (req, res) => {
    if (!allowed(req, res)) return;
    const body = req.body as { state?: string; text?: string };
    state.decisions.push({ reviewId: req.params.reviewId, body });
    const refusal = state.refuseNext;
    state.refuseNext = null;
    const index = state.comments.findIndex((c) => c.reviewId === req.params.reviewId);
    const comment = state.comments[index];
    if (refusal) res.send(refusal.status, { error: { code: refusal.code, message: refusal.message } });
    else if (!comment) res.send(404, { error: { code: 'REVIEW_NOT_FOUND', message: 'That comment is no longer waiting for a review.' } });
    else if (comment.state !== 'held') res.send(409, { error: { code: 'REVIEW_DECIDED', message: 'Another practice champion has already reviewed this comment. Reload to see what they decided.' } });
    else {
      const shownText = body.state === 'released' ? comment.text : body.state === 'redacted' ? (body.text ?? '').trim() : '';
      const decided: HeldComment = { ...comment, state: body.state as HeldComment['state'], shownText };
      state.comments[index] = decided;
      res.send(201, decided);
    }
  });
  return state;
}
