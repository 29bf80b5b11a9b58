import type { ClosedRound } from '../../app/closeRound';
import type { BotDeps } from './botDeps';
import { offerYouSaidWeDidAtClose } from './youSaidWeDid';

/**
 * What follows every close, a champion's or an automatic one (close date, cadence): a plan that
 * could not be kept as the round's is logged (`plan_not_kept_at_close`: the round's plan then shows
 * the plan as it stands, saying so), and each champion is offered "You said, we did". Never rejects.
 */
export async function afterRoundClosed(closed: ClosedRound, deps: BotDeps): Promise<void> {
  if (!closed.planKept) deps.logger.warn('plan_not_kept_at_close', { teamId: closed.round.teamId, roundId: closed.round.roundId });
  await offerYouSaidWeDidAtClose(closed, deps);
}
