import type { ChannelAnnouncer } from '../app/announce/announcePorts';
import { AuditError } from '../domain/errors';
import { weDidCard, youSaidWeDidCard, youSaidWeDidOfferCard } from './cards';
import type { AdaptiveCard } from './cards';
import type { PostingAddress } from '../domain/auditRound';
import type { Logger } from '../logger';
import { deliveryFailureOf } from './delivery/deliveryFailure';
import { httpStatusOf } from './delivery/retry';
import { sendOneToOne } from './reminderMessenger';
import type { TeamsPort } from './teamsPort';

/**
 * "You said, we did" and a done action's update through the Teams port: each post is one send in
 * the channel's conversation and each offer two calls (opening the champion's chat, then the
 * card), all paced to Teams' limits and retried by the connector's pipeline like every send.
 */
export function createChannelAnnouncer(teams: TeamsPort, logger: Logger): ChannelAnnouncer {
  /** One card in the channel; once Teams has answered no (after retries), or not at all, logged and said in the product's words. */
  const postInChannel = async (where: PostingAddress, card: AdaptiveCard, event: string): Promise<void> => {
    try {
      await teams.inConversation(where, (conversation) => conversation.postCard(card));
    } catch (error) {
      logger.warn(event, { ...deliveryFailureOf(error), error });
      throw notPosted(error);
    }
  };
  return {
    postYouSaidWeDid: (where, facts) => postInChannel(where, youSaidWeDidCard(facts), 'you_said_we_did_not_posted'),
    postWeDid: (where, facts) => postInChannel(where, weDidCard(facts), 'we_did_not_posted'),
    // 403 (they blocked or removed the app) and 404 are answers: 'unreachable'.
    offerYouSaidWeDid: (via, teamsUserId, offer) => sendOneToOne(teams, via, teamsUserId, youSaidWeDidOfferCard({ ...offer, state: { kind: 'offered' } })),
  };
}

/** TEAMS_REFUSED_POST when Teams answered (403: the app is no longer in the team; 413, 429 after retries…), TEAMS_UNREACHABLE when it did not. */
function notPosted(error: unknown): AuditError {
  const status = httpStatusOf(error);
  if (status === undefined) return new AuditError('TEAMS_UNREACHABLE', undefined, { cause: error });
  if (status === 403 || status === 404) {
    return new AuditError('TEAMS_REFUSED_POST', "Teams did not accept the card: Practice Audit may no longer be in the team's channel. Nothing was posted.", { cause: error });
  }
  return new AuditError('TEAMS_REFUSED_POST', undefined, { cause: error });
}
