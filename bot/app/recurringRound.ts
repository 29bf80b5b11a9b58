import { createHash } from 'node:crypto';
import { newRoundId, type AuditRound } from '../domain/auditRound';
import { endOfUkDay, proposedCloseDay } from '../domain/closeDate';
import { isAuditError } from '../domain/errors';
import type { AuditServices } from './auditServices';
import { settleClosedRound, type CloseRoundDeps, type ClosedRound } from './closeRound';
import type { DueJob } from './dueWork';
import { nextRoundAt, type RoundScheduleDeps } from './roundSchedule';
import { openNewRound } from './startRound';
import { logActivity, type LogActivityDeps } from './activityLog/logActivity';
import { APP_NAME, roundClosedSummary, roundOpenedSummary } from '../domain/activitySummaries';

export type RecurringRoundJob = Extract<DueJob, { kind: 'openRecurringRound' }>;

export interface RecurringRoundOutcome {
  /** The team's cadence the round opened under, in months. */
  readonly cadenceMonths: number;
  /** The round the job followed, closed now because it was still open. */
  readonly closedPrevious?: ClosedRound;
  /** The round the cadence opened (by this delivery of the job, or an earlier one): its cards are still to post. */
  readonly opened?: AuditRound;
}

/** "every month", "every 3 months". */
export function cadenceInWords(months: number): string {
  return months === 1 ? 'every month' : `every ${months} months`;
}

/**
 * A team's `openRecurringRound` job has come due (issue 10): the next round opens by itself, and
 * the one it follows closes first if still open, exactly as an automatic close. The new round is
 * posted in the team's channel (the installation's address), closes `closeAfterDays` after today
 * as the team's settings say, and has its own due work (its close, the next recurrence).
 *
 * Nothing happens (undefined) when the team no longer has a cadence, when another round opened
 * after the one the job follows, or when the app has left the team; a job delivered early is
 * planned again for its time under the team's current cadence. The round it opens has an id made
 * from the job, so a job delivered twice opens one round, and the second delivery answers with it
 * (to post any cards the first could not). The close and the opening this delivery made are
 * recorded in the team's activity log, by the app.
 */
export async function openRecurringRound(
  deps: CloseRoundDeps & RoundScheduleDeps & LogActivityDeps & Pick<AuditServices, 'teams' | 'teamSettings'>,
  job: RecurringRoundJob,
): Promise<RecurringRoundOutcome | undefined> {
  const { settings } = await deps.teamSettings.get(job.teamId);
  if (settings.cadenceMonths === undefined) return undefined;
  const [latest] = await deps.rounds.listForTeam(job.teamId);
  const previous = latest?.roundId === job.afterRoundId ? latest : await deps.rounds.get(job.teamId, job.afterRoundId);
  if (!previous) return undefined;
  const due = nextRoundAt(previous, settings)!;
  const roundId = newRoundId(due, () => createHash('sha256').update(job.afterRoundId).digest('hex').slice(0, 8));
  if (latest?.roundId === roundId) return latest.status === 'open' ? { cadenceMonths: settings.cadenceMonths, opened: latest } : undefined;
  if (latest !== previous) return undefined;
  const at = deps.now();
  if (at.getTime() < due.getTime()) {
    await deps.dueWork.schedule(job, due);
    return undefined;
  }
  const team = await deps.teams.get(job.teamId);
  if (!team) return undefined;

  let closedPrevious: ClosedRound | undefined;
  if (previous.status === 'open') {
    // Only if nothing closed it meanwhile (its own close date, a champion): that close reports itself.
    const closed = await deps.rounds.close(previous.teamId, previous.roundId, at.toISOString()).catch((error: unknown) => {
      if (isAuditError(error, 'ROUND_CLOSED')) return undefined;
      throw error;
    });
    if (closed) {
      const summary = roundClosedSummary(APP_NAME, closed.number, `as the next round opened (rounds repeat ${cadenceInWords(settings.cadenceMonths)})`);
      await logActivity(deps, job.teamId, { kind: 'round-closed', actor: { kind: 'app' }, roundId: closed.roundId, summary });
      closedPrevious = await settleClosedRound(deps, closed);
    }
  }
  const outcome = await openNewRound(deps, {
    teamId: job.teamId,
    roundId,
    openedAt: at.toISOString(),
    openedBy: `Practice Audit (${cadenceInWords(settings.cadenceMonths)})`,
    closesAt: endOfUkDay(proposedCloseDay(at, settings.closeAfterDays)).toISOString(),
    teamName: team.teamName,
    postedIn: team.postTo,
  });
  if (outcome.started) {
    const summary = roundOpenedSummary(APP_NAME, outcome.round.number, outcome.round.closesAt, `rounds repeat ${cadenceInWords(settings.cadenceMonths)}`);
    await logActivity(deps, job.teamId, { kind: 'round-opened', actor: { kind: 'app' }, roundId: roundId, summary, happenedAt: outcome.round.openedAt });
  }
  return { cadenceMonths: settings.cadenceMonths, ...(closedPrevious ? { closedPrevious } : {}), ...(outcome.started ? { opened: outcome.round } : {}) };
}
