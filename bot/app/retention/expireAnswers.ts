import { logActivity, type LogActivityDeps } from '../activityLog/logActivity';
import { answersExpireAt } from '../../domain/retention';
import { countsOfAnswers } from '../../domain/summary';
import type { AuditServices } from '../auditServices';
import type { DueJob } from '../dueWork';

export type ExpireAnswersJob = Extract<DueJob, { kind: 'expireAnswers' }>;

/** What deleting a closed round's answers uses, the team's activity log among it. */
export type ExpireAnswersDeps = Pick<AuditServices, 'rounds' | 'answers' | 'retention'> & LogActivityDeps;

/** What a run of the job did. */
export type ExpiryOutcome = 'expired' | 'counted' | 'not-due' | 'nothing-to-do';

/**
 * How long after a round's counts are first kept its answers are deleted: far longer than any
 * instance keeps a round without counts in memory (RoundReadCache: seconds), so every instance
 * summarises it from its counts before its answers go.
 */
const COUNTS_SETTLE_MS = 60 * 60 * 1000;

/**
 * Deletes a closed round's answers once RETENTION_DAYS have passed since its close (issue 12),
 * keeping its figures: a round closed before counts were kept at close first has them counted
 * from its answers and stored (`finalCounts`, as a close stores them), and its job comes again
 * COUNTS_SETTLE_MS later ('counted'): nothing is deleted until the counts are kept and every
 * instance reads them. Then its answer rows go, in batches of 100 (RoundAnswersErasure), and
 * the round is marked `answersExpiredAt`, which the tab shows in place of its comments. Logged
 * (`answers-expired`, by the app) once the deletion is done.
 *
 * Idempotent, as every due job must be: a round already marked, missing, or not closed is left
 * alone ('nothing-to-do'); a run cut short (a crash, storage failing) resumes on redelivery with
 * the rows left, its counts already kept. 'not-due': the round's retention, as configured now,
 * has not passed (RETENTION_DAYS raised since the job was scheduled; the start-up sweep has
 * scheduled the later one). Rejects STORAGE_UNAVAILABLE as storage does, to be tried again.
 */
export async function expireRoundAnswers(deps: ExpireAnswersDeps, job: ExpireAnswersJob): Promise<ExpiryOutcome> {
  const { teamId, roundId } = job;
  const round = await deps.rounds.get(teamId, roundId);
  if (!round || round.status !== 'closed' || !round.closedAt || round.answersExpiredAt) return 'nothing-to-do';
  if (answersExpireAt(round.closedAt, deps.retention.days) > deps.now()) return 'not-due';
  // Never lose the figures: counted and kept before a single answer is deleted.
  if (!round.finalCounts) {
    await deps.rounds.recordFinalCounts(teamId, roundId, countsOfAnswers(await deps.answers.allRatedAnswers(roundId)));
    await deps.dueWork.schedule(job, new Date(deps.now().getTime() + COUNTS_SETTLE_MS));
    return 'counted';
  }
  const rows = await deps.retention.erasure.eraseRound(roundId);
  const expiredAt = deps.now().toISOString();
  await deps.retention.rounds.recordAnswersExpired(teamId, roundId, expiredAt);
  deps.logger.info('answers_expired', { teamId, roundId, rows, retentionDays: deps.retention.days });
  await logExpiry(deps, round.teamId, round.roundId, round.number);
  return 'expired';
}

/** The log entry, after the deletion it records (logActivity: a failed append is retried through due work, never undoing it). */
async function logExpiry(deps: ExpireAnswersDeps, teamId: string, roundId: string, roundNumber: number): Promise<void> {
  const summary = `Round ${roundNumber}'s answers and comments were deleted, ${deps.retention.days} days after it closed, as the retention period asks. Its figures are kept.`;
  await logActivity(deps, teamId, { kind: 'answers-expired', actor: { kind: 'app' }, roundId, summary });
}
