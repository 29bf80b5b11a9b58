import * as restify from 'restify';
import { registerTabFiles } from '../../bot/http/tabFiles';
import type { RoundSummary } from '../../bot/domain/summary/roundSummary';
import { planActionInput, type PlanAction } from '../../bot/domain/plan';
import { registerRoundInsightRoutes, sendComments } from './roundInsightRoutes';
import { registerYouSaidWeDidRoutes, type YouSaidWeDidState } from './youSaidWeDidRoutes';
import type { ParticipationReply } from '../../bot/app/tab/roundSummary';
import type { TeamSize } from '../../bot/domain/responseRate';
import { CURRENT_ROUND, FIRST_ROUND, LATEST_ROUND, MY_ROUNDS, ROUNDS, TEAM_ID, TEAM_SIZES_AT_CLOSE, currentParticipation, firstRoundSummary, latestRoundSummary } from './fixtures';

/**
 * The tab's files (through the real registerTabFiles) and a stand-in for the tab's API that
 * answers with the hand-written fixtures. Tests change `participations` (the open round's) to
 * see the tab poll. As the real API, an open round's results answer 409 RESULTS_AT_CLOSE.
 */
export interface TabServer {
  readonly url: string;
  /** The closed rounds' results. */
  readonly summaries: Map<string, RoundSummary>;
  /** The open round's participation. */
  readonly participations: Map<string, ParticipationReply>;
  /** Paths of the API requests, with the Authorization header each carried (or null). */
  readonly requests: { path: string; authorization: string | null }[];
  /** The plan stand-in: actions by round, versions W/"n"; tests change them to simulate another editor. */
  readonly plans: Map<string, PlanAction[]>;
  /** Whether the fixture user may edit the plan (a practice champion). */
  canEditPlan: boolean;
  /** "You said, we did": whether the user is a champion, what was posted, a refusal for the next post. */
  readonly youSaidWeDid: YouSaidWeDidState;
  close(): Promise<void>;
}

export async function startTabServer(distDir: string): Promise<TabServer> {
  const server = restify.createServer({ name: 'tab-test', handleUncaughtExceptions: false });
  const summaries = new Map<string, RoundSummary>([[LATEST_ROUND, latestRoundSummary()], [FIRST_ROUND, firstRoundSummary()]]);
  const participations = new Map<string, ParticipationReply>([[CURRENT_ROUND, currentParticipation()]]);
  const requests: TabServer['requests'] = [];
  server.pre((req, _res, next) => {
    if (req.path().startsWith('/api/')) requests.push({ path: req.path(), authorization: req.header('authorization') ?? null });
    next();
  });

  const team = (req: restify.Request, res: restify.Response): boolean => {
    if (req.params.teamId === TEAM_ID) return true;
    res.send(404, { error: { code: '404', message: 'Not found.' } });
    return false;
  };
  /** An open round's result routes answer as the real API's do (bot/domain/summary/release.ts). */
  const atClose = (req: restify.Request, res: restify.Response): boolean => {
    const open = participations.get(req.params.roundId);
    if (open) res.send(409, { error: { code: 'RESULTS_AT_CLOSE', message: `Results appear when round ${open.roundNumber} closes. Until then only participation is shown, so that nobody's answer or level can be worked out by comparing two reads.` } });
    return open !== undefined;
  };
  server.get('/api/me', async (_req, res) => {
    res.send(200, { name: 'Local developer', local: true });
  });
  server.get('/api/me/rounds', async (_req, res) => {
    res.send(200, { rounds: MY_ROUNDS });
  });
  server.get('/api/teams/:teamId/rounds', async (req, res) => {
    if (team(req, res)) res.send(200, { rounds: ROUNDS });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/participation', async (req, res) => {
    if (!team(req, res)) return;
    const open = participations.get(req.params.roundId);
    const summary = summaries.get(req.params.roundId);
    if (open) res.send(200, open);
    else if (summary) res.send(200, closedParticipation(summary, ROUNDS.find((r) => r.roundId === req.params.roundId)!.number, TEAM_SIZES_AT_CLOSE[req.params.roundId]!));
    else res.send(404, { error: { code: '404', message: 'Not found.' } });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/summary', async (req, res) => {
    if (!team(req, res) || atClose(req, res)) return;
    const summary = summaries.get(req.params.roundId);
    if (summary) res.send(200, summary);
    else res.send(404, { error: { code: '404', message: 'Not found.' } });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/conditions/:conditionId/comments', async (req, res) => {
    if (team(req, res) && !atClose(req, res)) sendComments(req, res, summaries);
  });
  const plans = new Map<string, PlanAction[]>();
  const planState = { canEditPlan: true, version: 0 };
  const refuse = (res: restify.Response, status: number, code: string, message: string) => res.send(status, { error: { code, message } });
  const planRound = (req: restify.Request, res: restify.Response): PlanAction[] | null => {
    if (!team(req, res)) return null;
    if (!summaries.has(req.params.roundId) && !participations.has(req.params.roundId)) {
      refuse(res, 404, 'ROUND_NOT_FOUND', 'That audit round could not be found.');
      return null;
    }
    if (req.method !== 'GET' && !planState.canEditPlan) {
      refuse(res, 403, 'NOT_A_CHAMPION', "Only the team's practice champions can change the plan.");
      return null;
    }
    if (!plans.has(req.params.roundId)) plans.set(req.params.roundId, []);
    return plans.get(req.params.roundId)!;
  };
  const fields = (req: restify.Request, res: restify.Response): Omit<PlanAction, 'actionId' | 'version'> | null => {
    const parsed = planActionInput.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      refuse(res, 400, 'BAD_REQUEST', `The action's ${String(issue.path[0] ?? 'details')} is not valid: ${issue.message}.`);
      return null;
    }
    const { ownerMemberId: _picked, ...given } = parsed.data;
    const at = new Date().toISOString();
    return { ...given, conditionId: given.conditionId as PlanAction['conditionId'], ownerMember: null, createdAt: at, createdInRoundId: null, doneAt: null, notes: [], statusHistory: [], updatedAt: at, updatedBy: 'Local developer' };
  };
  const nextVersion = () => `W/"${++planState.version}"`;
  server.get('/api/teams/:teamId/rounds/:roundId/plan', async (req, res) => {
    const actions = planRound(req, res);
    if (actions) res.send(200, { actions, canEdit: planState.canEditPlan });
  });
  server.post('/api/teams/:teamId/rounds/:roundId/plan/actions', restify.plugins.bodyParser(), async (req, res) => {
    const actions = planRound(req, res);
    const body = actions && fields(req, res);
    if (!actions || !body) return;
    const action: PlanAction = { ...body, actionId: `action-${planState.version + 1}`, version: nextVersion() };
    actions.push(action);
    res.send(201, action);
  });
  const existing = (req: restify.Request, res: restify.Response, actions: PlanAction[]): number => {
    const index = actions.findIndex((a) => a.actionId === req.params.actionId);
    if (index < 0) refuse(res, 404, 'ACTION_NOT_FOUND', 'That action is no longer in the plan.');
    else if (req.header('if-match') !== actions[index]!.version) {
      refuse(res, 409, 'PLAN_CHANGED', 'Someone else changed this action while you were editing it. Reload the plan to see their change.');
      return -1;
    }
    return index;
  };
  server.put('/api/teams/:teamId/rounds/:roundId/plan/actions/:actionId', restify.plugins.bodyParser(), async (req, res) => {
    const actions = planRound(req, res);
    if (!actions) return;
    const index = existing(req, res, actions);
    if (index < 0) return;
    const body = fields(req, res);
    if (!body) return;
    const action: PlanAction = { ...body, actionId: req.params.actionId, version: nextVersion() };
    actions[index] = action;
    res.send(200, action);
  });
  server.del('/api/teams/:teamId/rounds/:roundId/plan/actions/:actionId', async (req, res) => {
    const actions = planRound(req, res);
    if (!actions) return;
    const index = existing(req, res, actions);
    if (index < 0) return;
    actions.splice(index, 1);
    res.send(204);
  });
  registerRoundInsightRoutes(server, atClose);
  const youSaidWeDid = registerYouSaidWeDidRoutes(server, summaries, atClose);
  registerTabFiles(server, distDir);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    summaries,
    participations,
    requests,
    plans,
    youSaidWeDid,
    get canEditPlan() {
      return planState.canEditPlan;
    },
    set canEditPlan(value: boolean) {
      planState.canEditPlan = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A closed round's participation, from its summary: people, answers by condition, and the team's size kept at close. */
function closedParticipation(summary: RoundSummary, roundNumber: number, teamSize: TeamSize): ParticipationReply {
  const answersByCondition = Object.fromEntries(summary.conditions.map((c) => [c.conditionId, c.allStaff.shown ? c.allStaff.answers : 0])) as ParticipationReply['answersByCondition'];
  return { roundNumber, results: 'released', respondents: summary.respondents, answersByCondition, teamSize };
}
