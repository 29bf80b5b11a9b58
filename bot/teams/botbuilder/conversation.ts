import { CardFactory, MessageFactory, TeamsInfo, TurnContext, type ConversationReference, type TeamsChannelAccount } from 'botbuilder';
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
        return teamMemberOf(await TeamsInfo.getTeamMember(context, teamId, userId));
      } catch (error) {
        if (httpStatusOf(error) === 404) return undefined;
        throw error;
      }
    },
    async readTeamMembers(teamId) {
      const members: TeamMember[] = [];
      let continuationToken: string | undefined;
      do {
        // GET /v3/conversations/{teamId}/pagedmembers?pageSize=&continuationToken=, through the
        // turn's connector client: each page is paced and retried (connectorPipeline.ts).
        const page = await TeamsInfo.getPagedTeamMembers(context, teamId, ROSTER_PAGE_SIZE, continuationToken);
        for (const member of page.members ?? []) members.push(teamMemberOf(member));
        continuationToken = page.continuationToken || undefined;
      } while (continuationToken);
      return members;
    },
  };
}

/** The most members Teams gives in one page of its paged member call. */
const ROSTER_PAGE_SIZE = 500;

function teamMemberOf(member: TeamsChannelAccount): TeamMember {
  return {
    id: member.id,
    name: member.name ?? '',
    ...(member.aadObjectId ? { aadObjectId: member.aadObjectId } : {}),
    ...(member.userRole ? { userRole: member.userRole } : {}),
  };
}
