import * as restify from 'restify';
import { actionsOfOpenRound, planActionInput, progressNoteInput, type PlanAction } from '../../bot/domain/plan';
import { ROUNDS, TEAM_ID } from './fixtures';
import { PLAN_TODAY } from './planFixtures';

/**
 * A stand-in for the team's plan routes (tab/src/api/types.ts gives their paths and shapes;
 * the real ones are bot/http/tabApi.ts, tested against the service in tests/tabApi). Tests set
 * its state directly: the living plan, the plans frozen at each round's close, who may edit,
 * the team's members, and what Teams does with a done action's update.
 */
export interface PlanFake {
  /** The team's living plan; tests replace it to simulate another champion's change. */
  actions: PlanAction[];
  /** The plan as it stood at each closed round's close, by round id (none: an empty plan frozen at closedAt). */
  readonly frozen: Map<string, { actions: PlanAction[]; frozenAt: string }>;
  /** The viewer is a practice champion. */
  canEdit: boolean;
  /** Today in the UK (YYYY-MM-DD), as the API reports it. */
  today: string;
  /** GET …/members. */
  members: { memberId: string; name: string }[];
  /** What POST …/announce answers next: Teams took the card at `postedAt`, or a refusal. */
  announce: { posted: true; postedAt: string } | { status: number; code: string; message: string };
  /** Action ids whose update was posted, in order. */
  readonly announced: string[];
  /** Back to an empty plan, nothing frozen, a champion viewing, no members, and Teams taking updates. */
  reset(): void;
}

const CHAMPION = 'Local developer';

export function newPlanFake(): PlanFake {
  const fake: PlanFake = {
    actions: [],
    frozen: new Map(),
    canEdit: true,
    today: PLAN_TODAY,
    members: [],
    announce: { posted: true, postedAt: '2025-10-15T13:05:00.000Z' },
    announced: [],
    reset() {
      fake.actions = [];
      fake.frozen.clear();
      fake.canEdit = true;
      fake.today = PLAN_TODAY;
      fake.members = [];
      fake.announce = { posted: true, postedAt: '2025-10-15T13:05:00.000Z' };
      fake.announced.length = 0;
    },
  };
  return fake;
}

type Res = restify.Response;
const refuse = (res: Res, status: number, code: string, message: string) => res.send(status, { error: { code, message } });

/** Registers the plan routes on the fake tab API; `fake` and `rounds()` (the team's, newest first) are read on every request. */
export function registerPlanRoutes(server: restify.Server, fake: PlanFake, rounds: () => readonly (typeof ROUNDS)[number][]): void {
  let version = 0;
  const nextVersion = () => `W/"${++version}"`;
  const team = (req: restify.Request, res: Res): boolean => {
    if (req.params.teamId === TEAM_ID) return true;
    refuse(res, 404, '404', 'Not found.');
    return false;
  };
  const champion = (req: restify.Request, res: Res): boolean => {
    if (!team(req, res)) return false;
    if (fake.canEdit) return true;
    refuse(res, 403, 'NOT_A_CHAMPION', "Only the team's practice champions can do that.");
    return false;
  };
  /** The action named in the path, checked against If-Match when `versioned`; -1 (answered) when refused. */
  const existing = (req: restify.Request, res: Res, versioned: boolean): number => {
    const index = fake.actions.findIndex((a) => a.actionId === req.params.actionId);
    if (index < 0) refuse(res, 404, 'ACTION_NOT_FOUND', 'That action is no longer in the plan.');
    else if (versioned && req.header('if-match') !== fake.actions[index]!.version) {
      refuse(res, 409, 'PLAN_CHANGED', 'Someone else changed this action while you were editing it. Reload the plan to see their change.');
      return -1;
    }
    return index;
  };
  /** The action as the API would store it from the body, on top of `before` (its history and notes kept). */
  const fromBody = (req: restify.Request, res: Res, before: PlanAction | null): PlanAction | null => {
    const parsed = planActionInput.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      refuse(res, 400, 'BAD_REQUEST', `The action's ${String(issue.path[0] ?? 'details')} is not valid: ${issue.message}.`);
      return null;
    }
    const { ownerMemberId, ...given } = parsed.data;
    const member = ownerMemberId === null ? null : fake.members.find((m) => m.memberId === ownerMemberId);
    if (member === undefined) {
      refuse(res, 400, 'OWNER_NOT_A_MEMBER', "That person is not a member of this team: choose someone from the team, or type the owner's name.");
      return null;
    }
    const at = new Date().toISOString();
    const statusChanged = before?.status !== given.status;
    return {
      ...given,
      conditionId: given.conditionId as PlanAction['conditionId'],
      owner: member ? member.name : given.owner,
      ownerMember: member ? { teamsUserId: member.memberId } : null,
      actionId: before?.actionId ?? `action-${version + 1}`,
      createdAt: before?.createdAt ?? at,
      createdInRoundId: before?.createdInRoundId ?? rounds()[0]?.roundId ?? null,
      doneAt: given.status !== 'done' ? null : statusChanged ? at : before.doneAt,
      notes: before?.notes ?? [],
      statusHistory: statusChanged ? [...(before?.statusHistory ?? []), { status: given.status, changedAt: at, changedBy: CHAMPION }] : before.statusHistory,
      updatedAt: at,
      updatedBy: CHAMPION,
      version: nextVersion(),
    };
  };

  server.get('/api/teams/:teamId/plan', async (req, res) => {
    if (team(req, res)) res.send(200, { actions: fake.actions, canEdit: fake.canEdit, today: fake.today });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/plan', async (req, res) => {
    if (!team(req, res)) return;
    const list = rounds();
    const index = list.findIndex((r) => r.roundId === req.params.roundId);
    const round = list[index];
    if (!round) {
      refuse(res, 404, 'ROUND_NOT_FOUND', 'That audit round could not be found.');
    } else if (round.status === 'open') {
      const previous = list.slice(index + 1).find((r) => r.status === 'closed');
      res.send(200, { actions: actionsOfOpenRound(fake.actions, previous?.closedAt), canEdit: fake.canEdit, frozenAt: null, today: fake.today });
    } else {
      const frozen = fake.frozen.get(round.roundId) ?? { actions: [], frozenAt: round.closedAt };
      res.send(200, { actions: frozen.actions, canEdit: false, frozenAt: frozen.frozenAt, today: fake.today });
    }
  });
  // The plan a round's reports and printed page show: the living plan until a later round has closed, then as kept at its close.
  server.get('/api/teams/:teamId/rounds/:roundId/plan/report', async (req, res) => {
    if (!team(req, res)) return;
    const list = rounds();
    const index = list.findIndex((r) => r.roundId === req.params.roundId);
    const round = list[index];
    // Kept at its close only once a later round has closed (an open one has no results yet).
    const kept = round && list.slice(0, index).some((r) => r.status === 'closed') ? fake.frozen.get(round.roundId) : undefined;
    if (!round) refuse(res, 404, 'ROUND_NOT_FOUND', 'That audit round could not be found.');
    else if (kept) res.send(200, { actions: kept.actions, canEdit: false, frozenAt: kept.frozenAt, today: fake.today });
    else res.send(200, { actions: actionsOfOpenRound(fake.actions, list.slice(index + 1).find((r) => r.status === 'closed')?.closedAt), canEdit: false, frozenAt: null, today: fake.today });
  });
  server.get('/api/teams/:teamId/members', async (req, res) => {
    if (champion(req, res)) res.send(200, { members: fake.members });
  });
  server.post('/api/teams/:teamId/plan/actions', restify.plugins.bodyParser(), async (req, res) => {
    const action = champion(req, res) ? fromBody(req, res, null) : null;
    if (!action) return;
    fake.actions.push(action);
    res.send(201, action);
  });
  server.put('/api/teams/:teamId/plan/actions/:actionId', restify.plugins.bodyParser(), async (req, res) => {
    const index = champion(req, res) ? existing(req, res, true) : -1;
    const action = index < 0 ? null : fromBody(req, res, fake.actions[index]!);
    if (!action) return;
    fake.actions[index] = action;
    res.send(200, action);
  });
  server.del('/api/teams/:teamId/plan/actions/:actionId', async (req, res) => {
    const index = champion(req, res) ? existing(req, res, true) : -1;
    if (index < 0) return;
    fake.actions.splice(index, 1);
    res.send(204);
  });
  server.post('/api/teams/:teamId/plan/actions/:actionId/notes', restify.plugins.bodyParser(), async (req, res) => {
    const index = champion(req, res) ? existing(req, res, false) : -1;
    if (index < 0) return;
    const parsed = progressNoteInput.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      refuse(res, 400, 'BAD_REQUEST', `The note's ${String(issue.path[0] ?? 'details')} is not valid: ${issue.message}.`);
      return;
    }
    const before = fake.actions[index]!;
    const note = { noteId: `note-${before.notes.length + 1}`, ...parsed.data, writtenAt: new Date().toISOString(), writtenBy: CHAMPION };
    fake.actions[index] = { ...before, notes: [...before.notes, note], version: nextVersion() };
    res.send(201, fake.actions[index]);
  });
  server.post('/api/teams/:teamId/plan/actions/:actionId/announce', async (req, res) => {
    const index = champion(req, res) ? existing(req, res, false) : -1;
    if (index < 0) return;
    const answer = fake.announce;
    if ('status' in answer) {
      refuse(res, answer.status, answer.code, answer.message);
      return;
    }
    fake.announced.push(req.params.actionId);
    res.send(200, answer);
  });
}
