import type { CalendarDay } from '../closeDate';
import { CONDITIONS, type ConditionId } from '../conditions';
import { isOverdue, type PlanAction } from '../plan';
import type { TeamPlanOverview } from './organisationView';

/**
 * One team's living plan at a glance, for the organisation's plans side by side (issue 13): per
 * condition (every one, zeros included), how many actions, how many done, and how many overdue
 * on `today` (YYYY-MM-DD, UK; plan.ts isOverdue: not done, due before today). Counts only: no
 * action's text, owner or editor reaches the organisation view.
 */
export function planOverview(team: { readonly teamId: string; readonly teamName: string }, actions: readonly PlanAction[], today: CalendarDay): TeamPlanOverview {
  const conditions = {} as Record<ConditionId, { actions: number; done: number; overdue: number }>;
  for (const { id } of CONDITIONS) conditions[id] = { actions: 0, done: 0, overdue: 0 };
  for (const action of actions) {
    const counts = conditions[action.conditionId];
    if (!counts) continue;
    counts.actions += 1;
    if (action.status === 'done') counts.done += 1;
    if (isOverdue(action, today)) counts.overdue += 1;
  }
  return { teamId: team.teamId, teamName: team.teamName, conditions };
}
