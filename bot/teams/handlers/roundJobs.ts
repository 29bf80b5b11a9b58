import { closeRoundOnDate } from '../../app/closeOnDate';
import type { ClosedRound } from '../../app/closeRound';
import type { DeliveryReport } from '../../app/deliveryReport';
import type { DueJobHandlers } from '../../app/dueWork';
import { openServiceRoundInTeam } from '../../app/organisation/openServiceRoundInTeam';
import { cadenceInWords, openRecurringRound } from '../../app/recurringRound';
import type { AuditRound, PostingAddress } from '../../domain/auditRound';
import type { AdaptiveCard } from '../cards';
import { deliveryFailureOf } from '../delivery/deliveryFailure';
import type { BotDeps } from './botDeps';
import { cardsNotPostedNotice, closedRoundNotice, type AutomaticClose } from './roundNotices';
import { afterRoundClosed } from './afterClose';

/**
 * The due jobs of a round's life that no one presses a button for (issue 10), for the service's
 * map of handlers (DueJobHandlers): the close on the close date, the next round under a team's
 * cadence, and a team's part of a service-wide round (issue 13). The use cases decide and stay
 * idempotent (closeOnDate.ts, recurringRound.ts, organisation/openServiceRoundInTeam.ts); here the
 * channel is told, in posts of their own (there is no message to reply to).
 */
export function roundJobHandlers(deps: BotDeps): Pick<DueJobHandlers, 'closeRound' | 'openRecurringRound' | 'openServiceRoundInTeam'> {
  const { services, teams, logger } = deps;

  /** A post the bot makes on its own: a failure is logged, not retried by the job (the close itself is done). */
  const post = async (roundId: string, address: PostingAddress | undefined, card: AdaptiveCard, event: string): Promise<void> => {
    if (!address) return logger.warn(event, { roundId, reason: 'no channel recorded' });
    await teams.inConversation(address, (conversation) => conversation.postCard(card)).catch((error: unknown) => logger.warn(event, { roundId, ...deliveryFailureOf(error), error }));
  };

  const announceClosure = async (closed: ClosedRound, automatic: AutomaticClose, fallback?: PostingAddress) => {
    logger.info('round_closed_automatically', { roundId: closed.round.roundId, why: automatic.kind, respondents: closed.participation.respondents });
    await post(closed.round.roundId, closed.round.postedIn ?? fallback, closedRoundNotice(closed, automatic), 'close_notice_failed');
    await afterRoundClosed(closed, deps);
  };

  /** Says in the channel which of the round's cards Teams refused, if any. */
  const reportRefused = async (round: AuditRound, report: DeliveryReport) => {
    if (report.failed.length > 0) await post(round.roundId, round.postedIn, cardsNotPostedNotice(round, report.failed, 'missing'), 'notice_post_failed');
  };

  /** Posts the round's cards not posted yet (all of them for a new round), saying which Teams refused. */
  const publish = async (round: AuditRound) => reportRefused(round, await services.roundCards.publishRound(round, 'missing'));

  return {
    async closeRound(job) {
      const closed = await closeRoundOnDate(services, job);
      if (closed) await announceClosure(closed, { kind: 'closeDate' });
    },
    async openRecurringRound(job) {
      const outcome = await openRecurringRound(services, job);
      if (!outcome) return;
      const cadence = cadenceInWords(outcome.cadenceMonths);
      if (outcome.closedPrevious) await announceClosure(outcome.closedPrevious, { kind: 'nextRound', cadence }, outcome.opened?.postedIn);
      if (outcome.opened) {
        logger.info('round_opened_by_cadence', { teamId: job.teamId, roundId: outcome.opened.roundId });
        await publish(outcome.opened);
      }
    },
    async openServiceRoundInTeam(job) {
      const opened = await openServiceRoundInTeam(services, job);
      if (opened) await reportRefused(opened.round, opened.report);
    },
  };
}
