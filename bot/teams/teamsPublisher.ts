import type { AuditServices, RoundPublisher } from '../app/auditServices';
import type { CardNotDelivered, DeliveryReport } from '../app/deliveryReport';
import { ROUND_CARDS, unpostedCards, type AuditRound, type PostingAddress, type RoundCard } from '../domain/auditRound';
import { CONDITIONS, conditionById, type ConditionId } from '../domain/conditions';
import type { Participation } from '../domain/participation';
import type { Logger } from '../logger';
import { conditionCard, roundIntroCard, type AdaptiveCard } from './cards';
import { createCoalescer } from '../shared/coalescer';
import { createKeyedQueue } from '../shared/keyedQueue';
import { deliveryFailureOf } from './delivery/deliveryFailure';
import type { TeamsConversation, TeamsPort } from './teamsPort';

export interface TeamsPublisher extends RoundPublisher {
  /** Last count shown on a condition's shared card, for the voter's own view. */
  lastKnownCount(round: AuditRound, conditionId: ConditionId): number | undefined;
  /**
   * Posts one card into a conversation (a notice in a channel, the next condition in a chat),
   * paced like every send. Rejects with botbuilder's RestError when Teams refuses it.
   */
  postCard(address: PostingAddress, card: AdaptiveCard): Promise<void>;
  /** Resolves when no card update is pending: for tests and graceful shutdown. */
  drain(): Promise<void>;
  stop(): void;
}

/**
 * Posts and updates a round's cards in its channel. Pacing to Teams' limits and retrying
 * happen in the connector's pipeline for every send (botbuilder/connectorPipeline.ts); here a
 * round's posts and updates run one at a time, and a burst of answers becomes one update per card.
 */
export function createTeamsPublisher(options: {
  teams: TeamsPort;
  services: () => AuditServices;
  cardUpdateDelayMs: number;
  logger: Logger;
}): TeamsPublisher {
  const { teams, logger } = options;
  /** One round's posts, updates and closing at a time, so a close queued before an update wins. */
  const rounds = createKeyedQueue();
  const counts = new Map<string, number>();
  const countKey = (round: AuditRound, conditionId: ConditionId) => `${round.roundId}|${conditionId}`;

  const inConversation = <T>(address: PostingAddress | undefined, work: (conversation: TeamsConversation) => Promise<T>): Promise<T> =>
    address ? teams.inConversation(address, work) : Promise.reject(new Error('The round has no channel to post in'));

  const introCardOf = (round: AuditRound, participation?: Participation) =>
    roundIntroCard({ round, conditionCount: CONDITIONS.length, openedByName: round.openedBy, privacyThreshold: options.services().privacyThreshold, ...(participation ? { participation } : {}) });

  /** What the channel should show for `card` now. */
  async function openCardOf(round: AuditRound, card: RoundCard): Promise<AdaptiveCard> {
    if (card === 'intro') return introCardOf(round);
    const answeredCount = await options.services().answers.countForCondition(round.roundId, card);
    return conditionCard({ round, condition: conditionById(card), answeredCount, via: 'channel' });
  }

  const recordPost = (round: AuditRound, card: RoundCard, messageId: string) =>
    options.services().rounds.recordPosting(round.teamId, round.roundId, card === 'intro' ? { introMessageId: messageId } : { conditionId: card, messageId });

  /**
   * Delivers each card in one proactive turn, carrying on past any Teams refuses (after the
   * pipeline's retries). `deliver` answers false when there was nothing to deliver to.
   */
  async function deliverEach(round: AuditRound, cards: readonly RoundCard[], event: string, deliver: (conversation: TeamsConversation, card: RoundCard) => Promise<boolean>): Promise<DeliveryReport> {
    const delivered: RoundCard[] = [];
    const failed: CardNotDelivered[] = [];
    const notPosted: RoundCard[] = [];
    const refused = (card: RoundCard, error: unknown) => {
      const failure = deliveryFailureOf(error);
      logger.warn(event, { roundId: round.roundId, card, ...failure, error });
      failed.push({ card, ...failure });
    };
    try {
      await inConversation(round.postedIn, async (conversation) => {
        for (const card of cards) {
          try {
            (await deliver(conversation, card) ? delivered : notPosted).push(card);
          } catch (error) {
            refused(card, error);
          }
        }
      });
    } catch (error) {
      // The turn itself could not start (no channel recorded, no token): nothing after that was tried.
      const tried = new Set<RoundCard>([...delivered, ...notPosted, ...failed.map((f) => f.card)]);
      for (const card of cards) if (!tried.has(card)) refused(card, error);
    }
    return { delivered, failed, notPosted };
  }

  async function refreshConditionCard(key: string): Promise<void> {
    const [teamId, roundId, conditionId] = JSON.parse(key) as [string, string, ConditionId];
    const services = options.services();
    await rounds.run(roundId, async () => {
      // Read inside the round's queue: a close queued before this update must win.
      const round = await services.rounds.get(teamId, roundId);
      const messageId = round?.conditionMessageIds[conditionId];
      if (round?.status !== 'open' || !messageId) return;
      const answeredCount = await services.answers.countForCondition(roundId, conditionId);
      counts.set(countKey(round, conditionId), answeredCount);
      await inConversation(round.postedIn, (conversation) => conversation.updateCard(messageId, conditionCard({ round, condition: conditionById(conditionId), answeredCount, via: 'channel' })));
    });
  }

  const coalescer = createCoalescer({
    delayMs: options.cardUpdateDelayMs,
    flush: refreshConditionCard,
    onError: (error: unknown, key: string) => logger.warn('card_update_failed', { key, ...deliveryFailureOf(error), error }),
  });

  return {
    publishRound(round, which) {
      return rounds.run(round.roundId, async () => {
        // Read again in the queue: a repost right after another must not post the same card twice.
        const current = (await options.services().rounds.get(round.teamId, round.roundId)) ?? round;
        return deliverEach(current, which === 'all' ? ROUND_CARDS : unpostedCards(current), 'card_post_failed', async (conversation, card) => {
          await recordPost(current, card, await conversation.postCard(await openCardOf(current, card)));
          return true;
        });
      });
    },

    answerCountChanged(round, conditionId) {
      coalescer.markDirty(JSON.stringify([round.teamId, round.roundId, conditionId]));
    },

    publishClosure(round: AuditRound, participation: Participation) {
      for (const { id } of CONDITIONS) counts.delete(countKey(round, id));
      // A deleted post (404) or Teams refusing after retries: the other cards still close.
      return rounds.run(round.roundId, () =>
        deliverEach(round, ROUND_CARDS, 'card_update_failed', async (conversation, card) => {
          const messageId = card === 'intro' ? round.introMessageId : round.conditionMessageIds[card];
          if (!messageId) return false;
          const answeredCount = card === 'intro' ? 0 : (participation.answersByCondition.get(card) ?? 0);
          const closedCard = card === 'intro' ? introCardOf(round, participation) : conditionCard({ round, condition: conditionById(card), answeredCount, via: 'channel' });
          await conversation.updateCard(messageId, closedCard);
          return true;
        }),
      );
    },

    postCard: (address, card) => inConversation(address, async (conversation) => void (await conversation.postCard(card))),
    lastKnownCount: (round, conditionId) => counts.get(countKey(round, conditionId)),
    drain: () => coalescer.drain(),
    stop: () => coalescer.stop(),
  };
}
