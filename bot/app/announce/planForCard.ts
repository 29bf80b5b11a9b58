import type { AuditRound } from '../../domain/auditRound';
import { ukDayOf } from '../../domain/closeDate';
import type { PlanAction } from '../../domain/plan';
import type { PlanAsOf } from '../../domain/summary/youSaidWeDid';
import type { AuditServices } from '../auditServices';

// The one place "you said, we did" reads the plan. INTERIM, until teamplan's planForReport
// (bot/app/plan/) is on main: AuditServices.plans is still the per-round PlanRepository, so a
// round's actions are those stored with it, as they stand today. With planForReport this becomes
// `planForReport(deps, round)` (the living plan for the team's latest round, the plan frozen at
// close otherwise) and `deps.plans.get(teamId, actionId)`.

type PlanDeps = Pick<AuditServices, 'plans' | 'rounds' | 'now'>;

/** The plan a closed round's card shows, and which plan it is. */
export async function planForCard(deps: PlanDeps, round: AuditRound): Promise<{ readonly actions: readonly PlanAction[]; readonly asOf: PlanAsOf }> {
  return { actions: await deps.plans.list(round.roundId), asOf: { kind: 'living', on: ukDayOf(deps.now()) } };
}

/** One of the team's actions, or undefined when it is not in the team's plan. */
export async function teamPlanAction(deps: PlanDeps, teamId: string, actionId: string): Promise<PlanAction | undefined> {
  for (const round of await deps.rounds.listForTeam(teamId)) {
    const found = (await deps.plans.list(round.roundId)).find((action) => action.actionId === actionId);
    if (found) return found;
  }
  return undefined;
}
