import type * as restify from 'restify';
import type { RoundSummary } from '../../bot/domain/summary/roundSummary';
import { youSaidWeDidFacts } from '../../bot/domain/summary/youSaidWeDid';
import { ROUNDS, TEAM_ID, TEAM_SIZES_AT_CLOSE } from './fixtures';
import { planAction } from './planFixtures';

/** The stand-in's "You said, we did": who may post, what it posted, and a refusal to answer the next post with. */
export interface YouSaidWeDidState {
  /** Whether the fixture user is a practice champion (the preview answers 403 otherwise). */
  champion: boolean;
  /** Posts made, by round: Teams "took" each at `postedAt`. */
  readonly posted: Map<string, { postedAt: string; postedBy: string }>;
  /** How many posts were made in all (a second post of a round must not add one). */
  posts: number;
  /** The next post is refused so, as the real API refuses one Teams did not take. */
  refuseNext: { status: number; code: string; message: string } | null;
}

/** The round's facts as the real API makes them: from its summary (the fixtures') and a one-action plan. */
export function fixtureFacts(roundId: string, summary: RoundSummary) {
  const round = ROUNDS.find((r) => r.roundId === roundId)!;
  const size = TEAM_SIZES_AT_CLOSE[roundId];
  return youSaidWeDidFacts({
    round: { number: round.number, teamName: 'Children’s Services – North', ...(round.closedAt ? { closedAt: round.closedAt } : {}), ...(size?.known ? { membersAtClose: size.members } : {}) },
    summary,
    plan: { actions: [planAction({ conditionId: 'C10', need: 'Replace the assessment form', owner: 'Head of service' })], asOf: { kind: 'living', on: '2025-07-14' } },
  });
}

/** GET and POST …/rounds/:roundId/you-said-we-did for the fixture team; `atClose` answers for an open round (409). */
export function registerYouSaidWeDidRoutes(server: restify.Server, summaries: Map<string, RoundSummary>, atClose: (req: restify.Request, res: restify.Response) => boolean): YouSaidWeDidState {
  const state: YouSaidWeDidState = { champion: true, posted: new Map(), posts: 0, refuseNext: null };
  const path = '/api/teams/:teamId/rounds/:roundId/you-said-we-did';
  /** The round's summary, once the team, the round and the champion are as the real API requires. */
  const allowed = (req: restify.Request, res: restify.Response): RoundSummary | undefined => {
    if (req.params.teamId !== TEAM_ID) return void res.send(404, { error: { code: '404', message: 'Not found.' } });
    if (!state.champion) return void res.send(403, { error: { code: 'NOT_A_CHAMPION', message: "Only the team's practice champions can post in the channel." } });
    if (atClose(req, res)) return undefined;
    const summary = summaries.get(req.params.roundId);
    if (!summary) res.send(404, { error: { code: 'ROUND_NOT_FOUND', message: 'That audit round could not be found.' } });
    return summary;
  };
  server.get(path, async (req, res) => {
    const summary = allowed(req, res);
    if (summary) res.send(200, { facts: fixtureFacts(req.params.roundId, summary), posted: state.posted.get(req.params.roundId) ?? null });
  });
  server.post(path, async (req, res) => {
    if (!allowed(req, res)) return;
    const refusal = state.refuseNext;
    state.refuseNext = null;
    if (refusal) {
      res.send(refusal.status, { error: { code: refusal.code, message: refusal.message } });
      return;
    }
    let posted = state.posted.get(req.params.roundId);
    if (!posted) {
      posted = { postedAt: '2025-07-14T13:05:00.000Z', postedBy: 'Local developer' };
      state.posted.set(req.params.roundId, posted);
      state.posts += 1;
    }
    res.send(201, { posted: true, postedAt: posted.postedAt });
  });
  return state;
}
