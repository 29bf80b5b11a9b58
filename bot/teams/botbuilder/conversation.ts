import { CardFactory, MessageFactory, TeamsInfo, TurnContext, type ConversationReference } from 'botbuilder';
import type { PostingAddress } from '../../domain/auditRound';
import type { AdaptiveCard } from '../cards';
import { httpStatusOf } from '../delivery/retry';
import type { TeamMember, TeamsConversation } from '../teamsPort';

/** A posting address is the conversation reference botbuilder gave, stored as it was. */
export function addressOf(context: TurnContext): PostingAddress {
  // A ConversationReference is a plain object: stored as it is, read back by referenceFrom.
  return TurnContext.getConversationReference(context.activity);
}

export function referenceFrom(address: PostingAddress): Partial<ConversationReference> {
  return address;
}

export function cardMessage(card: AdaptiveCard) {
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/**
 * The port's conversation over a botbuilder turn (incoming or proactive). Each call goes
 * through the turn's connector client, whose pipeline paces and retries it (connectorPipeline.ts).
 * In an incoming turn, a post is a reply to the incoming activity, as botbuilder sends it.
 */
export function conversationOf(context: TurnContext): TeamsConversation {
  return {
    async postCard(card) {
      const sent = await context.sendActivity(cardMessage(card));
      if (!sent?.id) throw new Error('Teams accepted the card without giving its id');
      return sent.id;
    },
    async updateCard(messageId, card) {
      await context.updateActivity({ ...cardMessage(card), id: messageId });
    },
    async readMember(teamId, userId): Promise<TeamMember | undefined> {
      try {
        const member = await TeamsInfo.getTeamMember(context, teamId, userId);
        return { id: member.id, name: member.name ?? '', ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}) };
      } catch (error) {
        if (httpStatusOf(error) === 404) return undefined;
        throw error;
      }
    },
  };
}
