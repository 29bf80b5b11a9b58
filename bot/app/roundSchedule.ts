import { addCalendarMonths } from '../domain/closeDate';
import type { AuditRound } from '../domain/auditRound';
import type { TeamSettings } from '../domain/teamSettings';
import type { TeamSettingsRepository } from '../storage/teamSettingsRepository';
import type { DueWork } from './dueWork';
import { scheduleReminderWaves } from './reminders/scheduleReminderWaves';

export interface RoundScheduleDeps {
  readonly dueWork: DueWork;
  readonly teamSettings: Pick<TeamSettingsRepository, 'get'>;
}

/**
 * Why a round's due work is being scheduled: it is about to open (everything it will need), or
 * its close date is about to move (what depends on the close date).
 */
export type RoundScheduleReason = 'opening' | 'closeDateMoving';

/**
 * The one place where a round's due work is scheduled (issue 10): its automatic close on its
 * close date, its automatic reminder waves (scheduleReminderWaves) and, when the team has a cadence, the opening of the next round `cadenceMonths`
 * calendar months after this one opened. Called BEFORE the round is stored (opened, or its close
 * date moved): if scheduling fails nothing changes and the champion is told to try again; if
 * storing fails afterwards, the jobs find nothing to do (each handler checks the round still
 * matches). Rejects STORAGE_UNAVAILABLE when a job could not be kept.
 */
export async function scheduleRoundWork(deps: RoundScheduleDeps, round: AuditRound, reason: RoundScheduleReason): Promise<void> {
  const { settings } = await deps.teamSettings.get(round.teamId);
  const jobs: Promise<void>[] = [];
  if (round.closesAt) {
    jobs.push(deps.dueWork.schedule({ kind: 'closeRound', teamId: round.teamId, roundId: round.roundId, closesAt: round.closesAt }, new Date(round.closesAt)));
  }
  // The automatic reminders depend on the close date: planned again when it moves (same wave ids).
  jobs.push(scheduleReminderWaves(deps, round, settings));
  if (reason === 'opening') {
    const next = nextRoundAt(round, settings);
    if (next) jobs.push(deps.dueWork.schedule({ kind: 'openRecurringRound', teamId: round.teamId, afterRoundId: round.roundId }, next));
  }
  await Promise.all(jobs);
}

/** When the round after `round` opens under the team's cadence; undefined without one. */
export function nextRoundAt(round: Pick<AuditRound, 'openedAt'>, settings: TeamSettings): Date | undefined {
  return settings.cadenceMonths === undefined ? undefined : addCalendarMonths(new Date(round.openedAt), settings.cadenceMonths);
}
