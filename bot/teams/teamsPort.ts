// What the product does with Teams, and nothing more: the port the handlers and the publisher
// use. One folder implements it (bot/teams/botbuilder/, with botbuilder 4.23); a move to the
// Microsoft 365 Agents SDK or the Teams SDK replaces that folder, not the callers.
//
// Every send through it is paced to Teams' limits and retried where Teams says "later"
// (see bot/teams/botbuilder/connectorPipeline.ts): callers never pace or retry themselves.
import type { PostingAddress } from '../domain/auditRound';
import type { AdaptiveCard } from './cards';
import type { TeamsActivity } from './teamsActivity';

/** A member of a team, as Teams' roster gives them. */
export interface TeamMember {
  /** The Teams user id (29:…). */
  readonly id: string;
  readonly name: string;
  /** The Entra object id; a guest or a bot may have none. */
  readonly aadObjectId?: string;
  /** Teams' `userRole` as the roster gives it: "user", "guest" (from another organisation)… */
  readonly userRole?: string;
}

/**
 * A mention in a message, as Teams sent it: newer clients split one person's mention into one
 * piece per word of their name, each with the same id (commands.ts joins them).
 */
export interface Mention {
  /** The mentioned account's id (a Teams user id, or the bot's). */
  readonly id: string;
  readonly name: string;
  /** How the mention appears in the message's text, e.g. `<at>Sam</at>`. */
  readonly text: string;
}

/** What the product does in one conversation (a channel thread, a chat). */
export interface TeamsConversation {
  /** Posts a card as a new message; resolves to the message's id. Rejects with Teams' status when refused. */
  postCard(card: AdaptiveCard): Promise<string>;
  /** Replaces the card of one of the bot's messages. Rejects (404, ActivityNotFoundInConversation) if it is gone. */
  updateCard(messageId: string, card: AdaptiveCard): Promise<void>;
  /**
   * A member of a team, by Teams user id or Entra object id: the roster read membership is
   * decided by. Undefined when Teams says they are not in it (404); rejects otherwise, with
   * Teams' status (403 when the bot cannot read that team's roster).
   */
  readMember(teamId: string, userId: string): Promise<TeamMember | undefined>;
  /**
   * Every account in a team's roster, as Teams lists it (bots too, if Teams lists them), read
   * with Teams' paged member call page by page (up to 500 a page) until Teams gives no
   * continuation token. Each page is paced (roster reads: 14 a second) and retried like any call.
   * Rejects with Teams' status when it refuses (403: the app is no longer in the team).
   */
  readTeamMembers(teamId: string): Promise<TeamMember[]>;
}

/**
 * A file offered to a person in their one-to-one chat (Teams' FileConsentCard): Teams asks them,
 * and answers with a `fileConsent/invoke` carrying `context` back. Works in personal scope only,
 * with `supportsFiles` on the bot in the manifest.
 */
export interface FileOffer {
  readonly name: string;
  readonly description: string;
  readonly sizeInBytes: number;
  /** Sent back on accept and on decline (as `context`): says what was offered. */
  readonly context: Readonly<Record<string, string>>;
}

/** Where Teams lets the bot put an accepted file (the person's OneDrive), from the invoke's `uploadInfo`. */
export interface FileUploadInfo {
  /** Takes the bytes with PUT and Content-Range (a OneDrive upload session); outside the Bot Connector. */
  readonly uploadUrl: string;
  readonly contentUrl: string;
  readonly name: string;
  readonly uniqueId: string;
  readonly fileType: string;
}

/**
 * One incoming activity's turn, as the handlers see it. Only good while the turn runs;
 * `updateCard` and `readMember` work in the turn's conversation.
 */
export interface TeamsTurn extends Pick<TeamsConversation, 'updateCard' | 'readMember'> {
  /** The activity, as Teams sent it (readable after the turn too). */
  readonly activity: TeamsActivity;
  /** Where the turn's conversation is: to post into it after the turn (TeamsPort.inConversation). */
  readonly address: PostingAddress;
  /** The message's mentions, one per piece as Teams sent them (the bot's included). */
  mentions(): readonly Mention[];
  /** Answers in the turn's conversation (as a reply to the activity). */
  reply(card: AdaptiveCard): Promise<void>;
  /** Offers a file in the turn's conversation (a one-to-one chat): Teams' FileConsentCard. */
  offerFile(offer: FileOffer): Promise<void>;
  /** Shows a file uploaded to the person's OneDrive in the turn's conversation: Teams' FileInfoCard. */
  showFile(file: FileUploadInfo): Promise<void>;
}

/** A one-to-one chat the bot opened with someone, and its first message. */
export interface PersonalChat {
  readonly address: PostingAddress;
  readonly messageId: string;
}

/** Teams outside a turn: proactive posts and updates, roster reads for the tab, one-to-one chats. */
export interface TeamsPort {
  /**
   * Runs `work` in the conversation at `address` (a stored posting address). Its error is the
   * caller's; so is a failure to reach the conversation at all (no token, say).
   */
  inConversation<T>(address: PostingAddress, work: (conversation: TeamsConversation) => Promise<T>): Promise<T>;
  /**
   * Opens (or finds: Teams keeps one per person and bot) the one-to-one chat with a member of a
   * team the app is in, and posts `card` into it. `via` is any address in the member's tenant
   * (the team's channel): it says which Teams service and tenant to ask. Teams answers 403 for a
   * person who blocked or removed the app: that is rejected, not retried.
   */
  openPersonalChat(via: PostingAddress, teamsUserId: string, card: AdaptiveCard): Promise<PersonalChat>;
}

// The way in: an HTTP request carrying an activity, authenticated and run as a turn.

/** How an incoming activity went, for the HTTP endpoint to answer and log. */
export interface ActivityOutcome {
  /** What the adapter answered: 200 with an invoke's body, 401 for a bad token, 500… */
  readonly status: number;
  readonly body?: unknown;
  /** Why it failed before or after its turn (the adapter's own error), for the log. */
  readonly cause?: unknown;
  /** The adapter refused the request outright (its own schema check, say): logged as a warning. */
  readonly rejected?: unknown;
}

/** An HTTP request as the adapter reads it (restify's, Node's). */
export interface ActivityRequest {
  readonly body?: unknown;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly method?: string;
}

export interface IncomingActivities {
  /** Authenticates the request (botbuilder checks the token) and runs its turn. Never throws. */
  process(request: ActivityRequest): Promise<ActivityOutcome>;
}
