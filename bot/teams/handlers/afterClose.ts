import type { ClosedRound } from '../../app/closeRound';
import { scheduleAnswerExpiry } from '../../app/retention/answerExpiry';
import type { BotDeps } from './botDeps';
import { offerYouSaidWeDidAtClose } from './youSaidWeDid';

/**
 * What follows every close, a champion's or an automatic one (close date, cadence): a plan that
 * could not be kept as the round's is logged (`plan_not_kept_at_close`: the round's plan then shows
 * the plan as it stands, saying so), each champion is offered "You said, we did", and, last, the
 * deletion of its answers RETENTION_DAYS on is scheduled (issue 12; not scheduled: logged, and the
 * next start-up's sweep schedules it). Never rejects.
 */
export async function afterRoundClosed(closed: ClosedRound, deps: BotDeps): Promise<void> {
  const { teamId, roundId } = closed.round;
  if (!closed.planKept) deps.logger.warn('plan_not_kept_at_close', { teamId, roundId });
  await offerYouSaidWeDidAtClose(closed, deps);
  await scheduleAnswerExpiry(deps.services, closed.round).catch((error: unknown) => deps.logger.warn('answer_expiry_not_scheduled', { teamId, roundId, error }));
}
