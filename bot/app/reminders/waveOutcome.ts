import type { AuditRound } from '../../domain/auditRound';
import { addCounts, NO_REMINDER_COUNTS, type ReminderCounts } from '../../domain/reminders';
import type { StoredWave } from '../../storage/reminderWaves';
import type { AuditServices } from '../auditServices';
import type { ReminderEdges } from './reminderPorts';

type OutcomeDeps = Pick<AuditServices, 'reminders' | 'now'> & Pick<ReminderEdges, 'logger'>;

/**
 * Completes a wave once every one of its batches has finished: its totals are summed from the
 * batches' rows and recorded on the wave's row at the etag read, so of the batches finishing at
 * the same moment exactly one completes it, and only that one posts the outcome (counts only)
 * into the thread where a champion asked. Batches finishing concurrently each record their own
 * finish before reading the others, so the last one always sees them all. The wave's row may
 * also change for another reason between the read and the write (its delivery recording that
 * the batches were scheduled): then it is read again, and completed unless another did. A failed
 * post is logged, not tried again: a second post could repeat it. A champion's wave that reminded
 * nobody does not count against their three days (releaseChampionsWait), released before the
 * totals are recorded so that a failure in between is mended by the batch's next delivery.
 */
export async function completeWaveIfDone(deps: OutcomeDeps, round: AuditRound, waveId: string): Promise<void> {
  const { waves, progress } = deps.reminders;
  let wave = await waves.wave(round.roundId, waveId);
  if (!wave || wave.completedAt || wave.batches === undefined) return;
  const finished = (await progress.batchesOf(round.roundId, waveId)).filter((batch) => batch.finished);
  if (finished.length < wave.batches) return;
  const totals = finished.reduce<ReminderCounts>((sum, batch) => addCounts(sum, batch.counts), NO_REMINDER_COUNTS);
  if (totals.reminded === 0) await releaseChampionsWait(deps, wave);
  while (!(await waves.completeWave(wave, totals, deps.now().toISOString()))) {
    // Changed since read: completed by another batch (it reports), or only marked scheduled (try again).
    wave = await waves.wave(round.roundId, waveId);
    if (!wave || wave.completedAt) return;
  }
  deps.logger.info('reminder_wave_completed', { roundId: round.roundId, waveId, ...totals });
  if (!wave.reportTo) return;
  await deps.reminders.messenger.report(wave.reportTo, round, totals).catch((error: unknown) => deps.logger.warn('reminder_report_failed', { roundId: round.roundId, waveId, error }));
}

/**
 * A wave given up before anyone was reminded (Teams would not give the team's members), after
 * its row says so. For a champion's `remind`, the thread where they asked is told that nobody was
 * reminded and that they can ask again (the caller released their wait first). A failed post is
 * logged, not tried again.
 */
export async function reportWaveNotSent(deps: OutcomeDeps, round: AuditRound, wave: StoredWave): Promise<void> {
  if (!wave.reportTo) return;
  await deps.reminders.messenger.reportNotSent(wave.reportTo, round).catch((error: unknown) => deps.logger.warn('reminder_report_failed', { roundId: round.roundId, waveId: wave.waveId, error }));
}

/**
 * A champion's `remind` that reached nobody does not count against the three days between
 * reminders (issue 10's rule is against pestering people; nobody was): their claim, made when
 * they asked (the wave's `createdAt`), is taken back, so they can ask again at once. Only that
 * claim: a later one stays. Idempotent. Automatic waves (no `reportTo`) hold no claim.
 */
export async function releaseChampionsWait({ reminders }: Pick<AuditServices, 'reminders'>, wave: StoredWave): Promise<void> {
  if (!wave.reportTo) return;
  // The claim was allowed only three days or more after the one before it, so none blocks now.
  await reminders.waves.releaseManualReminder(wave.roundId, wave.createdAt, undefined);
}

/**
 * The round's latest reminder wave, for a champion's `status`: when it was asked for, and what
 * became of it. `done`: every batch finished, `reminded` in all; `going`: batches running,
 * `reminded` so far; `waitingForTeams`: Teams would not give the team's members yet, and due work
 * tries again; `notSent`: given up for that reason, nobody reminded.
 */
export type LatestReminders =
  | { readonly at: string; readonly state: 'done'; readonly reminded: number }
  | { readonly at: string; readonly state: 'going'; readonly reminded: number }
  | { readonly at: string; readonly state: 'waitingForTeams' }
  | { readonly at: string; readonly state: 'notSent' };

export async function latestReminders({ reminders }: Pick<AuditServices, 'reminders'>, roundId: string): Promise<LatestReminders | undefined> {
  const [latest] = await reminders.waves.wavesOf(roundId);
  if (!latest) return undefined;
  const at = latest.createdAt;
  if (latest.failedAt) return { at, state: 'notSent' };
  if (latest.totals) return { at, state: 'done', reminded: latest.totals.reminded };
  if (latest.batches === undefined && latest.rosterFailures) return { at, state: 'waitingForTeams' };
  const batches = await reminders.progress.batchesOf(roundId, latest.waveId);
  return { at, state: 'going', reminded: batches.reduce((sum, batch) => sum + batch.counts.reminded, 0) };
}
