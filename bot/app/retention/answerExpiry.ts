import type { AuditRound } from '../../domain/auditRound';
import { answersExpireAt } from '../../domain/retention';
import type { Logger } from '../../logger';
import type { AuditServices } from '../auditServices';

/** What scheduling a round's answer deletion uses. */
export type AnswerExpiryDeps = Pick<AuditServices, 'dueWork' | 'retention'>;

/**
 * Schedules the deletion of a closed round's answers RETENTION_DAYS after its close (an
 * `expireAnswers` due job, bot/app/dueWork.ts), then notes on the round that it is scheduled, so
 * the start-up sweep (scheduleMissingExpiries) leaves it be. Called after every close
 * (teams/handlers/afterClose.ts). The queue keeps a job due in 400 days by hiding its message
 * for 7 days at a time (dueWorkQueue.ts). Rejects STORAGE_UNAVAILABLE when the job could not be
 * kept (the round is then unmarked, and the next start-up's sweep schedules it).
 */
export async function scheduleAnswerExpiry(deps: AnswerExpiryDeps, round: Pick<AuditRound, 'teamId' | 'roundId' | 'closedAt'>): Promise<void> {
  if (!round.closedAt) return;
  const due = answersExpireAt(round.closedAt, deps.retention.days);
  await deps.dueWork.schedule({ kind: 'expireAnswers', teamId: round.teamId, roundId: round.roundId, closedAt: round.closedAt }, due);
  await deps.retention.rounds.recordExpiryScheduled(round.teamId, round.roundId, due.toISOString());
}

/**
 * Run once at each start-up (in the background): schedules the answer deletion of every closed
 * round that has none scheduled for the retention in force: rounds closed before retention
 * existed, a close whose scheduling failed or was cut short by a stop, and every round when
 * RETENTION_DAYS was changed (changing an app setting restarts the app; the job scheduled under
 * the old setting then finds its round not yet due, or already done, and does nothing more).
 *
 * Why at start-up rather than a recurring sweep job: a chain of daily jobs would need its own
 * claim so that each instance's start did not begin another chain; a sweep at start is
 * idempotent by itself. The mark it leaves (`answersExpireAt`) stops a later start scheduling
 * again; two instances starting at the same moment may both schedule a round's job, which is
 * harmless: the job is idempotent (expireAnswers.ts), the second delivery finds nothing to do.
 * Deletion is due a year or more after a close, so a round that waits for the next start (a
 * deployment, a platform update, a setting changed) is still deleted long before it matters.
 * Resolves with how many rounds it scheduled; a round that could not be is logged and left for the next start.
 */
export async function scheduleMissingExpiries(deps: AnswerExpiryDeps & { readonly logger: Logger }): Promise<number> {
  const closed = await deps.retention.rounds.closedRounds();
  let scheduled = 0;
  for (const round of closed) {
    if (round.answersExpiredAt || !round.closedAt) continue;
    if (round.answersExpireAt === answersExpireAt(round.closedAt, deps.retention.days).toISOString()) continue;
    try {
      await scheduleAnswerExpiry(deps, round);
      scheduled += 1;
    } catch (error) {
      deps.logger.warn('answer_expiry_not_scheduled', { teamId: round.teamId, roundId: round.roundId, error });
    }
  }
  if (scheduled > 0) deps.logger.info('answer_expiries_scheduled', { rounds: scheduled });
  return scheduled;
}
