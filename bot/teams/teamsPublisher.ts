import type { CardNotDelivered, DeliveryReport } from '../app/deliveryReport';
import type { RoundPublisher } from '../app/roundPublisher';
import { ROUND_CARDS, type AuditRound, type RoundCard } from '../domain/auditRound';
import { CONDITIONS, conditionById } from '../domain/conditions';
import type { Participation } from '../domain/participation';
import type { Logger } from '../logger';
import { conditionCard, roundIntroCard } from './cards';
import { deliveryFailureOf } from './delivery/deliveryFailure';
import type { TeamsConversation, TeamsPort } from './teamsPort';

/**
 * A round's cards in its Teams channel, drawn from what the use cases tell it (app/roundCards.ts
 * reads the counts). Pacing to Teams' limits and retrying happen in the connector's pipeline for
 * every send (botbuilder/connectorPipeline.ts); here each card Teams refuses is logged and
 * reported, and the others still go.
 */
export function createTeamsPublisher(options: { teams: TeamsPort; privacyThreshold: number; logger: Logger }): RoundPublisher {
  const { teams, privacyThreshold, logger } = options;

  const inChannel = <T>(round: AuditRound, work: (conversation: TeamsConversation) => Promise<T>): Promise<T> =>
    round.postedIn ? teams.inConversation(round.postedIn, work) : Promise.reject(new Error('The round has no channel to post in'));

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
      await inChannel(round, async (conversation) => {
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

  const introCard = (round: AuditRound, participation?: Participation) =>
    roundIntroCard({ round, conditionCount: CONDITIONS.length, openedByName: round.openedBy, privacyThreshold, ...(participation ? { participation } : {}) });

  return {
    postCards(round, cards, answeredCounts, posted) {
      return deliverEach(round, cards, 'card_post_failed', async (conversation, card) => {
        const drawn = card === 'intro' ? introCard(round) : conditionCard({ round, condition: conditionById(card), answeredCount: answeredCounts[card] ?? 0, via: 'channel' });
        await posted(card, await conversation.postCard(drawn));
        return true;
      });
    },

    showCount(round, conditionId, messageId, answeredCount) {
      return inChannel(round, (conversation) => conversation.updateCard(messageId, conditionCard({ round, condition: conditionById(conditionId), answeredCount, via: 'channel' })));
    },

    showIntro(round, messageId) {
      return inChannel(round, (conversation) => conversation.updateCard(messageId, introCard(round)));
    },

    showClosure(round, participation) {
      return deliverEach(round, ROUND_CARDS, 'card_update_failed', async (conversation, card) => {
        const messageId = card === 'intro' ? round.introMessageId : round.conditionMessageIds[card];
        if (!messageId) return false;
        const closedCard =
          card === 'intro' ? introCard(round, participation) : conditionCard({ round, condition: conditionById(card), answeredCount: participation.answersByCondition.get(card) ?? 0, via: 'channel' });
        await conversation.updateCard(messageId, closedCard);
        return true;
      });
    },
  };
}
