import { createHash } from 'node:crypto';
import { isPastCloseDate } from '../../domain/auditRound';
import { rosterBatches } from '../../domain/reminders';
import type { AuditRound } from '../../domain/auditRound';
import type { StoredWave } from '../../storage/reminderWaves';
import type { AuditServices } from '../auditServices';
import type { DueJob } from '../dueWork';
import type { RosterMember } from '../roster';
import type { ReminderEdges } from './reminderPorts';
import { completeWaveIfDone, releaseChampionsWait, reportWaveNotSent } from './waveOutcome';

type WaveJob = Extract<DueJob, { kind: 'reminderWave' }>;
export type WaveDeps = Pick<AuditServices, 'rounds' | 'reminders' | 'roster' | 'now'> & Pick<ReminderEdges, 'dueWork' | 'logger'>;

/**
 * A wave of reminders is due (the `reminderWave` job): reads the team's roster and hands it on in
 * batches of REMINDER_BATCH_SIZE (`reminderBatch` jobs, due at once), each carrying its slice of
 * the roster as read, answered or not; who is reminded is decided per member when their batch
 * runs. Nothing happens when the round has closed (or its close date has come), or when an automatic wave's close date is no
 * longer the round's (an extension scheduled its own).
 *
 * Idempotent: the wave's row records how the roster was cut (batches, a digest of the members in
 * order) before any batch is scheduled, and that all were. A delivery that finds them all
 * scheduled does nothing; one that finds the cut recorded but not all scheduled (a delivery before
 * it stopped half-way) schedules them again only if the roster reads the same (same slices: each
 * batch's own progress then sends nothing twice), and otherwise schedules nothing and logs it: a
 * member may miss this wave, nobody is reminded twice. Rejects when storage fails, so due work
 * tries again; when Teams will not give the roster, see rosterUnreadable.
 */
export async function runReminderWave(deps: WaveDeps, job: WaveJob): Promise<void> {
  const { rounds, reminders, logger } = deps;
  const round = await rounds.get(job.teamId, job.roundId);
  const skip = (reason: string) => logger.info('reminder_wave_skipped', { roundId: job.roundId, waveId: job.waveId, reason });
  if (!round) return skip('round_not_found');
  // A round past its close date takes no answers, even before its automatic close has run.
  if (round.status !== 'open' || isPastCloseDate(round, deps.now())) return skip('round_closed');
  if (job.closesAt !== undefined && round.closesAt !== job.closesAt) return skip('close_date_changed');

  let wave = await reminders.waves.openWave({ teamId: job.teamId, roundId: job.roundId, waveId: job.waveId, createdAt: deps.now().toISOString() });
  if (wave.scheduledAt || wave.failedAt) return;
  let members: readonly RosterMember[];
  try {
    // A failed read kept from a moment ago (a tab's) is not this wave's answer: Teams is asked again.
    members = await deps.roster.membersOf(job.teamId, { retryFailed: true });
  } catch (error) {
    return rosterUnreadable(deps, round, wave, error);
  }
  const batches = rosterBatches(members);
  const rosterHash = digestOf(members);
  while (wave.batches === undefined) {
    if (await reminders.waves.planWave(wave, { batches: batches.length, rosterHash })) break;
    const again = await reminders.waves.wave(job.roundId, job.waveId);
    if (!again) throw new Error(`Reminder wave ${job.waveId} vanished while it was planned`);
    wave = again;
  }
  if (wave.rosterHash !== undefined && wave.rosterHash !== rosterHash) {
    logger.warn('reminder_wave_roster_changed', { roundId: job.roundId, waveId: job.waveId });
    return;
  }
  const now = deps.now();
  await Promise.all(
    batches.map((slice, batch) =>
      deps.dueWork.schedule(
        {
          kind: 'reminderBatch',
          teamId: job.teamId,
          roundId: job.roundId,
          waveId: job.waveId,
          batch,
          members: slice.map((m) => ({ teamsUserId: m.teamsUserId, ...(m.entraObjectId ? { entraObjectId: m.entraObjectId } : {}), ...(m.guest ? { guest: true } : {}) })),
        },
        now,
      ),
    ),
  );
  await reminders.waves.markScheduled(job.roundId, job.waveId, now.toISOString());
  logger.info('reminder_wave_scheduled', { roundId: job.roundId, waveId: job.waveId, members: members.length, batches: batches.length });
  // An empty roster has no batch to finish the wave: it is complete now.
  if (batches.length === 0) await completeWaveIfDone(deps, round, job.waveId);
}

/**
 * Tries of an automatic wave to read the team's roster before it is given up, with due work's
 * backoff between them (1, 2, 4 and 8 minutes: a quarter of an hour of Teams refusing or out of
 * reach). Fewer than due work's own tries (dueWorkConsumer.ts, 8), so the wave, not the engine,
 * gives up, and the next `status` can say the reminders did not go.
 */
export const AUTOMATIC_WAVE_ROSTER_TRIES = 5;

/**
 * Teams would not give the team's roster (403, 5xx after the connector's retries, out of reach).
 * A champion's `remind` is given up at once, so its thread hears promptly: their three-day wait
 * is released (a run that reached nobody does not count) and the thread told (waveOutcome.ts).
 * An automatic wave rejects, so due work tries again after its backoff, until its
 * AUTOMATIC_WAVE_ROSTER_TRIES-th try gives it up. Each try is recorded on the wave's row at its
 * etag; a delivery that loses that race rejects, and its retry finds what the other recorded.
 */
async function rosterUnreadable(deps: WaveDeps, round: AuditRound, wave: StoredWave, error: unknown): Promise<void> {
  const tries = (wave.rosterFailures ?? 0) + 1;
  const giveUp = wave.reportTo !== undefined || tries >= AUTOMATIC_WAVE_ROSTER_TRIES;
  // Released before the row says "given up": a failure in between is mended by the next delivery.
  if (giveUp) await releaseChampionsWait(deps, wave);
  const recorded = await deps.reminders.waves.recordRosterFailure(wave, giveUp ? deps.now().toISOString() : undefined);
  if (!giveUp || !recorded) throw error;
  deps.logger.warn('reminder_wave_not_sent', { roundId: round.roundId, waveId: wave.waveId, tries, reason: 'roster_unreadable', error });
  await reportWaveNotSent(deps, round, wave);
}

/** The roster as cut: its members' Teams ids in order (a digest: no one can be read back from it). */
function digestOf(members: readonly RosterMember[]): string {
  const hash = createHash('sha256');
  for (const member of members) hash.update(`${member.teamsUserId}\n`);
  return hash.digest('base64url').slice(0, 32);
}
