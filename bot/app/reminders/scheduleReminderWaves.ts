import type { AuditRound } from '../../domain/auditRound';
import { reminderTimes, type TeamSettings } from '../../domain/teamSettings';
import type { DueWork } from '../dueWork';

/** The automatic waves' ids, in time order: a round has at most two (MAX_AUTOMATIC_REMINDERS). */
const automaticWaveId = (index: number): string => `auto-${index + 1}`;

/**
 * Schedules a round's automatic reminder waves at `reminderTimes(openedAt, closesAt, settings.reminders)`
 * (by default half-way and two days before the close), each planned against the round's close
 * date: a wave finding the round closed, or its close date changed since, does nothing, so an
 * extension schedules its waves again with this and the old ones fall away. The ids are the same
 * for every schedule of a round ('auto-1', 'auto-2'), so a wave that went already never goes twice.
 * A round without a close date has no automatic reminders. Rejects (STORAGE_UNAVAILABLE) when a
 * job could not be stored; those before it stay scheduled.
 *
 * Called from the one place that schedules a round's due work (when it opens, and when its close
 * date changes), with the team's settings as they are then: a change of settings reaches an open
 * round's reminders only when its close date next moves.
 */
export async function scheduleReminderWaves({ dueWork }: { readonly dueWork: DueWork }, round: AuditRound, settings: Pick<TeamSettings, 'reminders'>): Promise<void> {
  if (!round.closesAt) return;
  const times = reminderTimes(new Date(round.openedAt), new Date(round.closesAt), settings.reminders);
  for (const [index, dueAt] of times.entries()) {
    await dueWork.schedule({ kind: 'reminderWave', teamId: round.teamId, roundId: round.roundId, waveId: automaticWaveId(index), closesAt: round.closesAt }, dueAt);
  }
}
