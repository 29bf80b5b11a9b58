import type { RoundAnswersErasure } from '../../storage/roundAnswersErasure';
import type { RoundRetention } from '../../storage/roundRetention';

/** What retention of closed rounds' answers uses (issue 12; domain/retention.ts). */
export interface RetentionServices {
  /** RETENTION_DAYS: whole days after a round's close that its answers are kept (default 400). */
  readonly days: number;
  /** The rounds' retention columns: when a round's deletion is due, and when it was done. */
  readonly rounds: Pick<RoundRetention, 'closedRounds' | 'recordExpiryScheduled' | 'recordAnswersExpired'>;
  /** Deletes a round's answer rows in batches. */
  readonly erasure: Pick<RoundAnswersErasure, 'eraseRound'>;
}
