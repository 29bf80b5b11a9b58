import * as restify from 'restify';
import { ukDayOf } from '../../bot/domain/closeDate';
import { planActionInput, progressNoteInput, type PlanAction } from '../../bot/domain/plan';
import { ROUNDS, TEAM_ID } from './fixtures';

/**
 * A stand-in for the plan's routes (bot/http/tabApi.ts, issue 11: the plan belongs to the team),
 * with the real API's paths, shapes and refusals, over actions the tests set and read.
 */
export interface FakePlan {
  /** The living plan by team id, versions W/"n"; tests change it to simulate another editor. */
  readonly plans: Map<string, PlanAction[]>;
  /** Plans kept at rounds' closes, by round id; a closed round without one shows the living plan. */
  readonly frozen: Map<string, { frozenAt: string; actions: PlanAction[] }>;
  /** The owner picker's members (Teams user id and name). */
  readonly members: { memberId: string; name: string }[];
  /** Whether the fixture user may edit the plan (a practice champion). */
  canEdit: boolean;
}

const refuse = (res: restify.Response, status: number, code: string, message: string) => res.send(status, { error: { code, message } });

export function registerPlanRoutes(server: restify.Server): FakePlan {
  const state: FakePlan = { plans: new Map(), frozen: new Map(), members: [{ memberId: '29:user-ben', name: 'Ben Hughes' }, { memberId: '29:user-chloe', name: 'Chloe Singh' }], canEdit: true };
  let version = 0;
  const nextVersion = () => `W/"${++version}"`;
  const today = () => ukDayOf(new Date());

  /** The team's actions, once the team and (for a change) the champion are checked. */
  const plan = (req: restify.Request, res: restify.Response): PlanAction[] | null => {
    if (req.params.teamId !== TEAM_ID) {
      refuse(res, 403, 'NOT_A_TEAM_MEMBER', 'You can only see the audit of teams you belong to.');
      return null;
    }
    if (req.method !== 'GET' && !state.canEdit) {
      refuse(res, 403, 'NOT_A_CHAMPION', "Only the team's practice champions can change the plan.");
      return null;
    }
    if (!state.plans.has(TEAM_ID)) state.plans.set(TEAM_ID, []);
    return state.plans.get(TEAM_ID)!;
  };
  const existing = (req: restify.Request, res: restify.Response, actions: PlanAction[], checkVersion: boolean): number => {
    const index = actions.findIndex((a) => a.actionId === req.params.actionId);
    if (index < 0) refuse(res, 404, 'ACTION_NOT_FOUND', 'That action is no longer in the plan.');
    else if (checkVersion && req.header('if-match') !== actions[index]!.version) {
      refuse(res, 409, 'PLAN_CHANGED', 'Someone else changed this action while you were editing it. Reload the plan to see their change.');
      return -1;
    }
    return index;
  };
  const fields = (req: restify.Request, res: restify.Response) => {
    const parsed = planActionInput.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      refuse(res, 400, 'BAD_REQUEST', `The action's ${String(issue.path[0] ?? 'details')} is not valid: ${issue.message}.`);
      return null;
    }
    const { ownerMemberId, ...given } = parsed.data;
    const member = ownerMemberId ? state.members.find((m) => m.memberId === ownerMemberId) : undefined;
    if (ownerMemberId && !member) {
      refuse(res, 400, 'OWNER_NOT_A_MEMBER', "That person is not a member of this team: choose someone from the team, or type the owner's name.");
      return null;
    }
    const owner = member ? { owner: member.name, ownerMember: { teamsUserId: member.memberId } } : { owner: given.owner, ownerMember: null };
    return { ...given, ...owner, conditionId: given.conditionId as PlanAction['conditionId'] };
  };

  server.get('/api/teams/:teamId/plan', async (req, res) => {
    const actions = plan(req, res);
    if (actions) res.send(200, { actions, canEdit: state.canEdit, today: today() });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/plan', async (req, res) => {
    const actions = plan(req, res);
    if (!actions) return;
    const round = ROUNDS.find((r) => r.roundId === req.params.roundId);
    const kept = state.frozen.get(req.params.roundId);
    if (!round) refuse(res, 404, 'ROUND_NOT_FOUND', 'That audit round could not be found.');
    else if (round.status === 'closed' && kept) res.send(200, { actions: kept.actions, canEdit: false, frozenAt: kept.frozenAt, today: today() });
    else res.send(200, { actions, canEdit: state.canEdit, frozenAt: null, today: today() });
  });
  server.post('/api/teams/:teamId/plan/actions', restify.plugins.bodyParser(), async (req, res) => {
    const actions = plan(req, res);
    const body = actions && fields(req, res);
    if (!actions || !body) return;
    const at = new Date().toISOString();
    const action: PlanAction = {
      ...body, actionId: `action-${version + 1}`, version: nextVersion(), createdAt: at, createdInRoundId: ROUNDS[0]!.roundId,
      doneAt: body.status === 'done' ? at : null, updatedAt: at, updatedBy: 'Local developer', notes: [],
      statusHistory: [{ status: body.status, changedAt: at, changedBy: 'Local developer' }],
    };
    actions.push(action);
    res.send(201, action);
  });
  server.put('/api/teams/:teamId/plan/actions/:actionId', restify.plugins.bodyParser(), async (req, res) => {
    const actions = plan(req, res);
    const index = actions ? existing(req, res, actions, true) : -1;
    const body = index >= 0 && fields(req, res);
    if (!actions || !body) return;
    const before = actions[index]!;
    const at = new Date().toISOString();
    const moved = before.status !== body.status;
    actions[index] = {
      ...before, ...body, version: nextVersion(), updatedAt: at, updatedBy: 'Local developer',
      doneAt: body.status !== 'done' ? null : moved ? at : before.doneAt,
      statusHistory: moved ? [...before.statusHistory, { status: body.status, changedAt: at, changedBy: 'Local developer' }] : before.statusHistory,
    };
    res.send(200, actions[index]);
  });
  server.del('/api/teams/:teamId/plan/actions/:actionId', async (req, res) => {
    const actions = plan(req, res);
    const index = actions ? existing(req, res, actions, true) : -1;
    if (!actions || index < 0) return;
    actions.splice(index, 1);
    res.send(204);
  });
  server.post('/api/teams/:teamId/plan/actions/:actionId/notes', restify.plugins.bodyParser(), async (req, res) => {
    const actions = plan(req, res);
    const index = actions ? existing(req, res, actions, false) : -1;
    if (!actions || index < 0) return;
    const parsed = progressNoteInput.safeParse(req.body);
    if (!parsed.success) {
      refuse(res, 400, 'BAD_REQUEST', `The note's ${String(parsed.error.issues[0]!.path[0] ?? 'details')} is not valid: ${parsed.error.issues[0]!.message}.`);
      return;
    }
    const before = actions[index]!;
    const note = { noteId: `note-${version + 1}`, ...parsed.data, writtenAt: new Date().toISOString(), writtenBy: 'Local developer' };
    actions[index] = { ...before, notes: [...before.notes, note], version: nextVersion() };
    res.send(201, actions[index]);
  });
  server.get('/api/teams/:teamId/members', async (req, res) => {
    if (req.params.teamId !== TEAM_ID) refuse(res, 403, 'NOT_A_TEAM_MEMBER', 'You can only see the audit of teams you belong to.');
    else if (!state.canEdit) refuse(res, 403, 'NOT_A_CHAMPION', "Only the team's practice champions can change the plan.");
    else res.send(200, { members: state.members });
  });
  return state;
}
