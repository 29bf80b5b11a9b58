import type { DueJob } from './dueWork';
import type { RoundScheduleDeps } from './roundSchedule';
import { settleClosedRound, type CloseRoundDeps, type ClosedRound } from './closeRound';
import { logActivity, type LogActivityDeps } from './activityLog/logActivity';
import { APP_NAME, roundClosedSummary } from '../domain/activitySummaries';

export type CloseRoundJob = Extract<DueJob, { kind: 'closeRound' }>;

/**
 * A round's `closeRound` job has come due: the round closes itself, exactly as a champion's close
 * (settleClosedRound: every acknowledged answer counted, final counts kept, cards updated).
 * The close is recorded in the team's activity log, by the app. Resolves with the closed round, for the caller to tell the channel; undefined when there is
 * nothing to do, which is what makes a job delivered twice close once:
 * - the round is gone or already closed (by a champion, or by this job delivered before);
 * - its close date has moved since the job was planned (extended: the extension planned its own);
 * - it is not due yet by this instance's clock (delivered early): planned again for `closesAt`.
 */
export async function closeRoundOnDate(deps: CloseRoundDeps & LogActivityDeps & Pick<RoundScheduleDeps, 'dueWork'>, job: CloseRoundJob): Promise<ClosedRound | undefined> {
  const round = await deps.rounds.get(job.teamId, job.roundId);
  if (round?.status !== 'open' || round.closesAt !== job.closesAt) return undefined;
  if (deps.now().getTime() < Date.parse(job.closesAt)) {
    await deps.dueWork.schedule(job, new Date(job.closesAt));
    return undefined;
  }
  // The row decides, at its version: a champion's close or an extension in between leaves it be.
  const closed = await deps.rounds.closeOnDate(job.teamId, job.roundId, job.closesAt, deps.now().toISOString());
  if (!closed) return undefined;
  await logActivity(deps, job.teamId, { kind: 'round-closed', actor: { kind: 'app' }, roundId: closed.roundId, summary: roundClosedSummary(APP_NAME, closed.number, 'on its close date') });
  return settleClosedRound(deps, closed);
}
