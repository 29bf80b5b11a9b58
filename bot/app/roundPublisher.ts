import type { AuditRound, RoundCard } from '../domain/auditRound';
import type { ConditionId } from '../domain/conditions';
import type { Participation } from '../domain/participation';
import type { DeliveryReport } from './deliveryReport';

/**
 * What the use cases need of the place where a round is shown (its Teams channel): cards drawn
 * from what they are told, never from storage. The Teams edge implements it (teamsPublisher.ts)
 * with paced, retried sends; the use cases stay free of botbuilder.
 */
export interface RoundPublisher {
  /**
   * Posts `cards` in the round's channel, in order, each condition's card showing its count in
   * `answeredCounts` (0 when absent). `posted` is given each card Teams accepts, with its message
   * id, before the next is sent. A card Teams refuses does not stop the others: the report says which.
   */
  postCards(
    round: AuditRound,
    cards: readonly RoundCard[],
    answeredCounts: Partial<Record<ConditionId, number>>,
    posted: (card: RoundCard, messageId: string) => Promise<void>,
  ): Promise<DeliveryReport>;
  /** Shows `answeredCount` on a condition's posted card (`messageId`). Rejects when Teams refuses. */
  showCount(round: AuditRound, conditionId: ConditionId, messageId: string, answeredCount: number): Promise<void>;
  /** Shows the open round's intro card anew (its close date moved) on its post, `messageId`. Rejects when Teams refuses. */
  showIntro(round: AuditRound, messageId: string): Promise<void>;
  /** Updates every posted card to the closed round's figures, carrying on past any it cannot update. */
  showClosure(round: AuditRound, participation: Participation): Promise<DeliveryReport>;
}
