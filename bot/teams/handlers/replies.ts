import { isAuditError, SOMETHING_WENT_WRONG } from '../../domain/errors';
import type { Logger } from '../../logger';
import { noticeCard } from '../cards';
import type { TeamsTurn } from '../teamsPort';

/**
 * How a message is answered when it failed, in one place: a refusal (any AuditError code) is
 * explained in the product's words; anything else is logged and answered with the one
 * "something went wrong".
 */
export async function replyWithProblem(turn: TeamsTurn, error: unknown, logger: Logger): Promise<void> {
  if (isAuditError(error)) {
    await turn.reply(noticeCard({ text: error.message, tone: 'attention' }));
    return;
  }
  logger.error('turn_failed', { activityType: turn.activity.type, error });
  await turn.reply(noticeCard({ text: SOMETHING_WENT_WRONG, tone: 'attention' }));
}
