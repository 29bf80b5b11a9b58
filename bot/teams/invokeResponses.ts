import { isAuditError, SOMETHING_WENT_WRONG, type AuditError, type ErrorCode } from '../domain/errors';
import type { Logger } from '../logger';
import { noticeCard, type AdaptiveCard } from './cards';

/** The answer to a card action (invoke `adaptiveCard/action`), as Teams reads it. */
export interface CardActionResponse {
  readonly statusCode: number;
  readonly type: string;
  readonly value: Record<string, unknown>;
}

/** The card that replaces the one the person acted on, for them alone. */
export function cardResponse(card: AdaptiveCard): CardActionResponse {
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card as unknown as Record<string, unknown> };
}

/** For invokes that cannot be acted on at all (malformed, unknown): Teams shows the message. */
export function errorResponse(error: AuditError): CardActionResponse {
  return { statusCode: error.status, type: 'application/vnd.microsoft.error', value: { code: error.code, message: error.message } };
}

/**
 * How a card action answers each refusal: every code, in this one place.
 * - `teamsError`: the action itself could not be read; Teams shows its message in its own banner.
 * - `notice`: a card saying why replaces the one acted on: there is nothing to try again on it.
 * - `onTheCard`: the card comes back with what the person entered and the problem beside its
 *   field, to correct or send again (where the action has such a card; a notice otherwise).
 */
const INVOKE_ANSWERS: Record<ErrorCode, 'teamsError' | 'notice' | 'onTheCard'> = {
  BAD_REQUEST: 'teamsError',
  UNKNOWN_ACTION: 'teamsError',
  INVALID_ANSWER: 'onTheCard',
  RATING_REQUIRED: 'onTheCard',
  LEVEL_REQUIRED: 'onTheCard',
  LEVEL_DIFFERS_IN_ROUND: 'onTheCard',
  COMMENT_TOO_LONG: 'onTheCard',
  // The answer's card comes back with the warning, the safeguarding contact, Edit and Send anyway.
  COMMENT_MAY_IDENTIFY: 'onTheCard',
  REVIEW_NOT_FOUND: 'notice',
  REVIEW_DECIDED: 'notice',
  INVALID_SETTINGS: 'onTheCard',
  INVALID_CLOSE_DATE: 'onTheCard',
  OTHER_TENANT: 'onTheCard',
  STORAGE_UNAVAILABLE: 'onTheCard',
  STORAGE_CONFLICT: 'onTheCard',
  ROUND_CLOSED: 'notice',
  ROUND_NOT_FOUND: 'notice',
  NOT_A_TEAM_MEMBER: 'notice',
  NOT_A_CHAMPION: 'notice',
  NOT_IN_A_TEAM: 'notice',
  NO_OPEN_ROUND: 'notice',
  ROUND_ALREADY_OPEN: 'notice',
  LAST_CHAMPION: 'notice',
  UNAUTHENTICATED: 'notice',
  RESULTS_AT_CLOSE: 'notice',
  ACTION_NOT_FOUND: 'notice',
  PLAN_CHANGED: 'notice',
  EVIDENCE_NOT_FOUND: 'notice',
  EVIDENCE_CHANGED: 'notice',
  OWNER_NOT_A_MEMBER: 'notice',
  ACTION_NOT_DONE: 'notice',
  POST_IN_PROGRESS: 'notice',
  // The card comes back with the problem and its button, to press again.
  TEAMS_REFUSED_POST: 'onTheCard',
  TEAMS_UNREACHABLE: 'onTheCard',
  VERSION_NOT_VALID: 'notice',
  CONFIG_INVALID: 'notice',
  // The organisation's routes are the tab's only; a card never meets them.
  NOT_AN_ORG_LEADER: 'notice',
  NOT_AN_ORG_ADMIN: 'notice',
  SERVICE_ROUND_NOT_FOUND: 'notice',
  SERVICE_ROUND_OPEN: 'notice',
  NO_TEAMS_TO_ASK: 'notice',
  TEAM_NOT_IN_ORGANISATION: 'notice',
};

export interface RefusalOptions {
  readonly logger: Logger;
  /** Logged, with the cause, when the failure is not a refusal. */
  readonly event: string;
  /** The notice's title (the condition's text, say). */
  readonly title?: string;
  /** The card again with the problem on it, for an `onTheCard` refusal or a failure; `code` undefined for a failure. */
  readonly onTheCard?: (problem: string, code: ErrorCode | undefined) => AdaptiveCard;
}

/**
 * A card action's answer when it failed: a refusal as INVOKE_ANSWERS says, in the product's
 * words; anything else logged and answered with the one "something went wrong".
 */
export function refusalResponse(error: unknown, options: RefusalOptions): CardActionResponse {
  const notice = (text: string) => cardResponse(noticeCard({ ...(options.title ? { title: options.title } : {}), text, tone: 'attention' }));
  if (!isAuditError(error)) {
    options.logger.error(options.event, { error });
    return options.onTheCard ? cardResponse(options.onTheCard(SOMETHING_WENT_WRONG, undefined)) : notice(SOMETHING_WENT_WRONG);
  }
  const answer = INVOKE_ANSWERS[error.code];
  if (answer === 'teamsError') return errorResponse(error);
  if (answer === 'onTheCard' && options.onTheCard) return cardResponse(options.onTheCard(error.message, error.code));
  return notice(error.message);
}
