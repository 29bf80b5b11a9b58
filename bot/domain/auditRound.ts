import { AuditError } from './errors';
import { CONDITIONS, type ConditionId } from './conditions';
import type { RoundCounts } from './summary/roundCounts';

export type RoundStatus = 'open' | 'closed';

/**
 * Where the round's cards were posted. Opaque to the domain: the Teams edge writes and
 * reads it (a conversation reference), the domain only carries it.
 */
export type PostingAddress = Readonly<Record<string, unknown>>;

export interface AuditRound {
  readonly teamId: string;
  readonly roundId: string;
  /** 1 for the team's first round, and so on: what people call it ("round 3"). */
  readonly number: number;
  readonly status: RoundStatus;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly closedAt?: string;
  /** When the round closes itself (ISO 8601, issue 10); absent for rounds opened before close dates existed. */
  readonly closesAt?: string;
  readonly teamName?: string;
  readonly postedIn?: PostingAddress;
  /** Activity ids of the posted cards, so they can be updated. */
  readonly introMessageId?: string;
  readonly conditionMessageIds: Partial<Record<ConditionId, string>>;
  /** Kept when the round closes: its summary without reading its answers again. */
  readonly finalCounts?: RoundCounts;
  /**
   * The team's members (its roster's people, guests included, bots not) when the round closed,
   * kept with the final counts: its response rate's denominator, which later changes to the team
   * do not move. Absent when the roster could not be read at close, or the round closed before
   * it was kept (responseRate.ts).
   */
  readonly membersAtClose?: number;
  /**
   * When the round's answers were deleted, RETENTION_DAYS after it closed (ISO 8601, issue 12;
   * domain/retention.ts): its figures are then its `finalCounts`, and its comments are gone.
   */
  readonly answersExpiredAt?: string;
  /** The service-wide round this round is the team's part of (issue 13, domain/organisation/serviceRound.ts); absent for the team's own rounds. */
  readonly serviceRoundId?: string;
}

/** One of a round's posts in its channel: the intro card, or a condition's card. */
export type RoundCard = 'intro' | ConditionId;

/** Every card of a round, in the order they are posted: the intro, then conditions 1 to 12. */
export const ROUND_CARDS: readonly RoundCard[] = ['intro', ...CONDITIONS.map((c) => c.id)];

/** The round's cards with no recorded post (never posted, or Teams refused them), in posting order. */
export function unpostedCards(round: AuditRound): RoundCard[] {
  return ROUND_CARDS.filter((card) => (card === 'intro' ? !round.introMessageId : !round.conditionMessageIds[card]));
}

function assertOpen(round: AuditRound): void {
  if (round.status !== 'open') throw new AuditError('ROUND_CLOSED');
}

/** Whether the round's close date has come (at or after `closesAt`), whether or not its close has run yet. */
export function isPastCloseDate(round: AuditRound, now: Date): boolean {
  return round.closesAt !== undefined && now.getTime() >= Date.parse(round.closesAt);
}

/**
 * Answers are taken while the round is open and its close date has not come: none is accepted
 * at or after `closesAt`, even before the automatic close has run (issue 10).
 * @throws AuditError ROUND_CLOSED otherwise.
 */
export function assertTakingAnswers(round: AuditRound, now: Date): void {
  assertOpen(round);
  if (isPastCloseDate(round, now)) throw new AuditError('ROUND_CLOSED', 'This audit round has reached its close date, so no more answers are taken.');
}

/** Sortable, unique and free of the characters Table storage forbids in keys. */
export function newRoundId(now: Date, random: () => string): string {
  return `${now.toISOString().replace(/[-:.]/g, '').replace('T', '-')}-${random()}`;
}
