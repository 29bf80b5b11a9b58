import type { RoundCard } from '../domain/auditRound';

/** A card Teams did not accept, after retries. */
export interface CardNotDelivered {
  readonly card: RoundCard;
  /** HTTP status Teams answered last; absent when Teams could not be reached. */
  readonly status?: number;
  /** Teams' error code, e.g. ActivityNotFoundInConversation (the post was deleted). */
  readonly code?: string;
}

/**
 * What happened to each of a round's cards when they were posted or updated: what the bot
 * tells the champion, so no reply claims what Teams did not do.
 */
export interface DeliveryReport {
  /** Cards Teams accepted, in the order sent. */
  readonly delivered: readonly RoundCard[];
  readonly failed: readonly CardNotDelivered[];
  /** Cards left alone because the round has no post for them (updates only). */
  readonly notPosted: readonly RoundCard[];
}

/** 404 on an update: Teams no longer has the post (someone deleted it, or the channel lost it). */
export function isGone(failure: CardNotDelivered): boolean {
  return failure.status === 404 || failure.code === 'ActivityNotFoundInConversation';
}
