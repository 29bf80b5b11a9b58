import type { PostingAddress } from '../../domain/auditRound';
import type { YouSaidWeDidFacts } from '../../domain/summary/youSaidWeDid';
import type { WeDidFacts } from '../../domain/weDid';
import type { ChannelPosts } from '../../storage/channelPosts';

/** A closed round's "You said, we did" card as offered to one of its team's champions, one-to-one. */
export interface YouSaidWeDidOffer {
  readonly teamId: string;
  readonly roundId: string;
  readonly facts: YouSaidWeDidFacts;
  /** How many of the round's comments wait for a champion's review (issue 12): the offer asks them to review first. */
  readonly heldComments?: number;
}

/**
 * What the use cases post in Teams to tell staff what came of an audit (issue 11). Implemented at
 * the Teams edge (bot/teams/channelAnnouncer.ts), where the cards are drawn; every call goes
 * through the Teams port, paced to Teams' limits and retried like any send.
 */
export interface ChannelAnnouncer {
  /**
   * Posts the "You said, we did" card in the conversation at `where` (the round's channel);
   * resolves once Teams has accepted it. Rejects with AuditError TEAMS_REFUSED_POST (Teams
   * answered no, after retries) or TEAMS_UNREACHABLE (Teams did not answer).
   */
  postYouSaidWeDid(where: PostingAddress, facts: YouSaidWeDidFacts): Promise<void>;
  /** Posts a done action's "We did" update at `where` (the team's channel); rejects as postYouSaidWeDid. */
  postWeDid(where: PostingAddress, facts: WeDidFacts): Promise<void>;
  /**
   * Offers the card to a champion in their one-to-one chat (opened through `via`, the team's
   * channel), with a preview and "Post in the channel". 'unreachable' when Teams answers that it
   * cannot reach them (403: they blocked or removed the app; 404); rejects on other failures.
   */
  offerYouSaidWeDid(via: PostingAddress, teamsUserId: string, offer: YouSaidWeDidOffer): Promise<'sent' | 'unreachable'>;
}

/** Telling staff in the channel: the claims that make each post happen once, and the posting itself. */
export interface AnnounceServices {
  readonly posts: ChannelPosts;
  readonly announcer: ChannelAnnouncer;
}
