import { CardFactory, MessageFactory, TurnContext } from 'botbuilder';
import { isAuditError, SOMETHING_WENT_WRONG } from '../../domain/errors';
import type { Logger } from '../../logger';
import { noticeCard, type AdaptiveCard } from '../cards';

export async function replyWithCard(context: TurnContext, card: AdaptiveCard): Promise<void> {
  await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
}

/**
 * How a message is answered when it failed, in one place: a refusal (any AuditError code) is
 * explained in the product's words; anything else is logged and answered with the one
 * "something went wrong".
 */
export async function replyWithProblem(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  if (isAuditError(error)) {
    await replyWithCard(context, noticeCard({ text: error.message, tone: 'attention' }));
    return;
  }
  logger.error('turn_failed', { activityType: context.activity.type, error });
  await replyWithCard(context, noticeCard({ text: SOMETHING_WENT_WRONG, tone: 'attention' }));
}

/**
 * For work that outlives the turn: a turn's context is revoked when the turn ends, so `later`
 * runs the work with a new context in the same conversation, as the bot this turn reached.
 */
export function continueLater(context: TurnContext): (work: (later: TurnContext) => Promise<unknown>) => Promise<void> {
  // Read now: touching the context after the turn throws.
  const adapter = context.adapter;
  const identity = context.turnState.get(adapter.BotIdentityKey);
  const reference = TurnContext.getConversationReference(context.activity);
  return (work) => adapter.continueConversationAsync(identity, reference, async (later) => void (await work(later)));
}
