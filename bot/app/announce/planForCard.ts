import type { AuditRound } from '../../domain/auditRound';
import { ukDayOf } from '../../domain/closeDate';
import type { PlanAction } from '../../domain/plan';
import type { PlanAsOf } from '../../domain/summary/youSaidWeDid';
import type { AuditServices } from '../auditServices';
import { planForReport } from '../plan/planReads';

/**
 * The plan a closed round's "You said, we did" card shows, as every report of the round does
 * (planForReport): the team's living plan while the round is its latest (as it stands today, UK),
 * else the plan kept at the round's close.
 */
export async function planForCard(deps: Pick<AuditServices, 'plans' | 'rounds' | 'now'>, round: AuditRound): Promise<{ readonly actions: readonly PlanAction[]; readonly asOf: PlanAsOf }> {
  const plan = await planForReport(deps, round);
  return { actions: plan.actions, asOf: plan.asOf === 'close' ? { kind: 'frozen', at: plan.at } : { kind: 'living', on: ukDayOf(new Date(plan.at)) } };
}
