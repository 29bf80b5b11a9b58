import type { AuditRound } from '../../domain/auditRound';
import { actionsOfOpenRound } from '../../domain/plan';
import type { AuditServices } from '../auditServices';
import { previousCloseOf } from './planRounds';

/**
 * Keeps the round's plan as it stands at its close (issue 11): the team's actions under the
 * open round's rule (actionsOfOpenRound since the previous close), what the round's plan showed
 * until now. Resolves true once kept (or already kept: the first freeze wins), false when storage
 * failed: the close goes on without it, and the round's plan then shows the plan as it stands,
 * saying so (planReads.ts). Storage calls are already tried three times by the storage client.
 */
export async function freezePlanAtClose(deps: Pick<AuditServices, 'plans' | 'rounds' | 'now'>, round: AuditRound): Promise<boolean> {
  try {
    const [actions, rounds] = await Promise.all([deps.plans.list(round.teamId), deps.rounds.listForTeam(round.teamId)]);
    await deps.plans.freeze(round.teamId, round.roundId, actionsOfOpenRound(actions, previousCloseOf(rounds, round)), deps.now().toISOString());
    return true;
  } catch {
    return false;
  }
}
