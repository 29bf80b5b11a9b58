import type { AuditRound } from '../../domain/auditRound';
import { addCounts, NO_REMINDER_COUNTS, type ReminderCounts } from '../../domain/reminders';
import type { AuditServices } from '../auditServices';
import type { ReminderEdges } from './reminderPorts';

/**
 * Completes a wave once every one of its batches has finished: its totals are summed from the
 * batches' rows and recorded on the wave's row at the etag read, so of the batches finishing at
 * the same moment exactly one completes it, and only that one posts the outcome (counts only)
 * into the thread where a champion asked. Batches finishing concurrently each record their own
 * finish before reading the others, so the last one always sees them all. The wave's row may
 * also change for another reason between the read and the write (its delivery recording that
 * the batches were scheduled): then it is read again, and completed unless another did. A failed
 * post is logged, not tried again: a second post could repeat it.
 */
export async function completeWaveIfDone(
  deps: Pick<AuditServices, 'reminders' | 'now'> & Pick<ReminderEdges, 'logger'>,
  round: AuditRound,
  waveId: string,
): Promise<void> {
  const { waves, progress } = deps.reminders;
  let wave = await waves.wave(round.roundId, waveId);
  if (!wave || wave.completedAt || wave.batches === undefined) return;
  const finished = (await progress.batchesOf(round.roundId, waveId)).filter((batch) => batch.finished);
  if (finished.length < wave.batches) return;
  const totals = finished.reduce<ReminderCounts>((sum, batch) => addCounts(sum, batch.counts), NO_REMINDER_COUNTS);
  while (!(await waves.completeWave(wave, totals, deps.now().toISOString()))) {
    // Changed since read: completed by another batch (it reports), or only marked scheduled (try again).
    wave = await waves.wave(round.roundId, waveId);
    if (!wave || wave.completedAt) return;
  }
  deps.logger.info('reminder_wave_completed', { roundId: round.roundId, waveId, ...totals });
  if (!wave.reportTo) return;
  await deps.reminders.messenger.report(wave.reportTo, round, totals).catch((error: unknown) => deps.logger.warn('reminder_report_failed', { roundId: round.roundId, waveId, error }));
}

/** The round's latest reminder wave, for a champion's `status`: when, and how many were reminded (so far, while it runs). */
export interface LatestReminders {
  readonly at: string;
  readonly reminded: number;
  readonly inProgress: boolean;
}

export async function latestReminders({ reminders }: Pick<AuditServices, 'reminders'>, roundId: string): Promise<LatestReminders | undefined> {
  const [latest] = await reminders.waves.wavesOf(roundId);
  if (!latest) return undefined;
  if (latest.totals) return { at: latest.createdAt, reminded: latest.totals.reminded, inProgress: false };
  const batches = await reminders.progress.batchesOf(roundId, latest.waveId);
  return { at: latest.createdAt, reminded: batches.reduce((sum, batch) => sum + batch.counts.reminded, 0), inProgress: true };
}
