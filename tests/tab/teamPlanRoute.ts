import type * as restify from 'restify';
import type { PlanAction } from '../../bot/domain/plan';
import { TEAM_ID } from './fixtures';
import { planAction } from './planFixtures';

const PATH = '/api/teams/:teamId/plan';

/** TeamPlanReply (tab/src/api/types.ts). */
interface TeamPlanReply {
  readonly actions: readonly PlanAction[];
  readonly canEdit: boolean;
  readonly today: string;
}

/** The fixture team's living plan, as GET /api/teams/:teamId/plan answers: two actions for condition 1 (one done), one for condition 3. */
const TEAM_PLAN_ACTIONS = [
  planAction({ actionId: 'team-plan-1', conditionId: 'C01', need: 'Agree a shared referral form with police and health', owner: 'Head of service', dueDate: '2026-03-31', status: 'in-progress' }),
  planAction({ actionId: 'team-plan-2', conditionId: 'C01', need: 'Name a lead for each partner agency', owner: 'Practice champion', dueDate: '2025-12-01', status: 'done', doneAt: '2025-11-20T10:00:00.000Z' }),
  planAction({ actionId: 'team-plan-3', conditionId: 'C03', need: 'A one-page summary of the practice model for every team', owner: 'Principal social worker', dueDate: null, status: 'not-started' }),
];

/**
 * The team's living plan for the fake tab API (the trends view shows it beside each condition).
 * Registered only if no other block of tabServer.ts serves that route already (the plan's own
 * stand-in may grow one): restify refuses a route declared twice.
 */
export function registerTeamPlanRoute(server: restify.Server): void {
  if (server.getDebugInfo().routes.some((route: { method: string; path: string }) => route.method === 'get' && route.path === PATH)) return;
  server.get(PATH, async (req, res) => {
    const reply: TeamPlanReply = { actions: TEAM_PLAN_ACTIONS, canEdit: true, today: '2026-01-15' };
    if (req.params.teamId === TEAM_ID) res.send(200, reply);
    else res.send(403, { error: { code: 'NOT_A_TEAM_MEMBER', message: 'You can only see the audit of teams you belong to.' } });
  });
}
