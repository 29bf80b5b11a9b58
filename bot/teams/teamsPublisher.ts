import { CardFactory, MessageFactory, type CloudAdapter, type TurnContext } from 'botbuilder';
import type { AuditServices, RoundPublisher } from '../app/auditServices';
import type { AuditRound } from '../domain/auditRound';
import { CONDITIONS, conditionById, type ConditionId } from '../domain/conditions';
import type { Participation } from '../domain/participation';
import type { Logger } from '../logger';
import { conditionCard, roundIntroCard, type AdaptiveCard } from './cards';
import { createCoalescer } from '../shared/coalescer';
import { createConversationPacer } from './delivery/rateLimiter';
import { disablePipelineRetries } from './delivery/pipelineRetries';
import { withRetry } from './delivery/retry';
import { referenceFrom } from './teamsActivity';

type PacedSend = <T>(step: (context: TurnContext) => Promise<T>) => Promise<T>;

export interface TeamsPublisher extends RoundPublisher {
  /** Last count shown on a condition's shared card, for the voter's own view. */
  lastKnownCount(round: AuditRound, conditionId: ConditionId): number | undefined;
  /** Resolves when no card update is pending: for tests and graceful shutdown. */
  drain(): Promise<void>;
  stop(): void;
}

/**
 * Posts and updates a round's cards in its channel. Every send goes through one pacer per
 * conversation (Teams allows 8 sends in 2 s there) and a bounded retry for throttling and
 * transient failures; a burst of answers becomes one update per card.
 */
export function createTeamsPublisher(options: {
  adapter: CloudAdapter;
  botAppId: string;
  services: () => AuditServices;
  cardUpdateDelayMs: number;
  logger: Logger;
}): TeamsPublisher {
  const { adapter, botAppId, logger } = options;
  const pacer = createConversationPacer();
  const counts = new Map<string, number>();
  const countKey = (round: AuditRound, conditionId: ConditionId) => `${round.roundId}|${conditionId}`;

  async function inConversation(round: AuditRound, work: (send: PacedSend) => Promise<void>): Promise<void> {
    if (!round.postedIn) throw new Error(`Round ${round.roundId} has no channel to post in`);
    const reference = referenceFrom(round.postedIn);
    const conversationId = reference.conversation?.id ?? round.roundId;
    await adapter.continueConversationAsync(botAppId, reference, (context) => {
      // The connector client retries on its own; ours is paced (each retry takes a slot) and bounded.
      disablePipelineRetries(context.turnState.get(adapter.ConnectorClientKey) as object);
      return work((step) => pacer.schedule(conversationId, (takeSlot) => withRetry(() => step(context), { beforeRetry: takeSlot })));
    });
  }

  const sendCard = (context: TurnContext, card: AdaptiveCard) => context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(card)));
  const updateCard = (context: TurnContext, activityId: string, card: AdaptiveCard) =>
    context.updateActivity({ ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), id: activityId });

  async function refreshConditionCard(key: string): Promise<void> {
    const [teamId, roundId, conditionId] = JSON.parse(key) as [string, string, ConditionId];
    const services = options.services();
    const round = await services.rounds.get(teamId, roundId);
    if (!round?.conditionMessageIds[conditionId]) return;
    await inConversation(round, (send) =>
      send(async (context) => {
        // Read again inside the paced step: a close queued before this update must win.
        const current = await services.rounds.get(teamId, roundId);
        const messageId = current?.conditionMessageIds[conditionId];
        if (current?.status !== 'open' || !messageId) return;
        const answeredCount = await services.answers.countForCondition(roundId, conditionId);
        counts.set(countKey(current, conditionId), answeredCount);
        await updateCard(context, messageId, conditionCard({ round: current, condition: conditionById(conditionId), answeredCount, via: 'channel' }));
      }),
    );
  }

  const coalescer = createCoalescer({
    delayMs: options.cardUpdateDelayMs,
    flush: refreshConditionCard,
    onError: (error: unknown, key: string) => logger.warn('card_update_failed', { key, error }),
  });

  return {
    async publishRound(round) {
      const services = options.services();
      await inConversation(round, async (send) => {
        const intro = await send((ctx) => sendCard(ctx, roundIntroCard({ round, conditionCount: CONDITIONS.length, openedByName: round.openedBy, privacyThreshold: services.privacyThreshold })));
        if (intro?.id) await services.rounds.recordPosting(round.teamId, round.roundId, { introMessageId: intro.id });
        for (const condition of CONDITIONS) {
          const posted = await send((ctx) => sendCard(ctx, conditionCard({ round, condition, answeredCount: 0, via: 'channel' })));
          if (posted?.id) await services.rounds.recordPosting(round.teamId, round.roundId, { conditionId: condition.id, messageId: posted.id });
        }
      });
    },

    answerCountChanged(round, conditionId) {
      coalescer.markDirty(JSON.stringify([round.teamId, round.roundId, conditionId]));
    },

    async publishClosure(round: AuditRound, participation: Participation) {
      const services = options.services();
      for (const { id } of CONDITIONS) counts.delete(countKey(round, id));
      await inConversation(round, async (send) => {
        if (round.introMessageId) {
          const introId = round.introMessageId;
          await send((ctx) => updateCard(ctx, introId, roundIntroCard({ round, conditionCount: CONDITIONS.length, openedByName: round.openedBy, participation, privacyThreshold: services.privacyThreshold })));
        }
        for (const condition of CONDITIONS) {
          const messageId = round.conditionMessageIds[condition.id];
          if (!messageId) continue;
          const answeredCount = participation.answersByCondition.get(condition.id) ?? 0;
          await send((ctx) => updateCard(ctx, messageId, conditionCard({ round, condition, answeredCount, via: 'channel' })));
        }
      });
    },

    lastKnownCount: (round, conditionId) => counts.get(countKey(round, conditionId)),
    drain: () => coalescer.drain(),
    stop: () => coalescer.stop(),
  };
}
