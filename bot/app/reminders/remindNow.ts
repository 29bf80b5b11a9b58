import { isPastCloseDate, type AuditRound, type PostingAddress } from '../../domain/auditRound';
import { AuditError } from '../../domain/errors';
import { nextManualReminderAt } from '../../domain/reminders';
import type { AuditServices, Person } from '../auditServices';
import type { DueWork } from '../dueWork';
import { championsOpenRound } from '../roundStatus';

/** What a champion's `remind` did: a wave is on its way, or reminders went too recently (when, and when they may go again; ISO 8601). */
export type RemindOutcome =
  | { readonly sent: true; readonly round: AuditRound }
  | { readonly sent: false; readonly round: AuditRound; readonly lastAt: string; readonly nextAt: string };

/**
 * `remind`: a practice champion asks for a wave of reminders for the team's open round now, at
 * most once every three days per round (MANUAL_REMINDER_GAP_MS). The time is recorded at the
 * etag read before anything is scheduled, so two champions pressing at once send one wave (the
 * other hears when it went). The wave's row is opened with `reportTo`, the thread where they
 * asked, for its outcome. When the job cannot be stored, the time and the row are taken back and
 * the error (STORAGE_UNAVAILABLE) is the caller's: nothing was sent. Refuses non-champions
 * (NOT_A_CHAMPION), a team without an open round (NO_OPEN_ROUND), and a round whose close date
 * has come (ROUND_CLOSED), even before its automatic close has run: it takes no more answers.
 */
export async function remindNow(
  deps: Pick<AuditServices, 'champions' | 'rounds' | 'reminders' | 'now'> & { readonly dueWork: DueWork },
  teamId: string,
  askedBy: Person,
  reportTo: PostingAddress,
): Promise<RemindOutcome> {
  const { waves } = deps.reminders;
  const round = await championsOpenRound(deps, teamId, askedBy);
  const now = deps.now();
  if (isPastCloseDate(round, now)) {
    throw new AuditError('ROUND_CLOSED', `Audit round ${round.number} has reached its close date and takes no more answers, so no reminders go for it.`);
  }
  const tooSoon = (lastAt: string): RemindOutcome => ({ sent: false, round, lastAt, nextAt: nextManualReminderAt(new Date(lastAt)).toISOString() });
  const last = await waves.lastManualReminder(round.roundId);
  if (last && now < nextManualReminderAt(new Date(last.at)) && (await claimStands(deps, round.roundId, last.at, now))) return tooSoon(last.at);
  const at = now.toISOString();
  if (!(await waves.claimManualReminder(round.roundId, at, last))) {
    // Another champion's `remind` got there first: theirs is the wave.
    return tooSoon((await waves.lastManualReminder(round.roundId))?.at ?? at);
  }
  const waveId = manualWaveId(at);
  try {
    await waves.openWave({ teamId, roundId: round.roundId, waveId, createdAt: at, reportTo });
    await deps.dueWork.schedule({ kind: 'reminderWave', teamId, roundId: round.roundId, waveId }, now);
  } catch (error) {
    await waves.forgetWave(round.roundId, waveId).catch(() => undefined);
    await waves.releaseManualReminder(round.roundId, at, last?.at).catch(() => undefined);
    throw error;
  }
  return { sent: true, round };
}

/** A champion's wave is named by the time they asked: one per claim. */
const manualWaveId = (at: string): string => `manual-${at}`;

/**
 * How long a champion's wave may take to start (its job handed to due work and run: a poll or two
 * normally; the due-work lease is 10 minutes) before a claim whose wave never started stops
 * counting against the three days.
 */
const WAVE_START_GRACE_MS = 15 * 60_000;

/**
 * Whether the champion's reminder recorded at `at` holds them back: only if its wave got under
 * way. A `remind` can record its time and then fail to store its job (an instance stopped between
 * the two, or storage failed and could not take the record back either): the wave then has no row,
 * or a row that never started, and saying "reminders were asked for recently" for three days would
 * claim something that is not happening.
 */
async function claimStands(deps: Pick<AuditServices, 'reminders'>, roundId: string, at: string, now: Date): Promise<boolean> {
  const wave = await deps.reminders.waves.wave(roundId, manualWaveId(at));
  if (!wave) return false;
  const started = wave.batches !== undefined || wave.rosterFailures !== undefined || wave.failedAt !== undefined || wave.completedAt !== undefined;
  return started || now.getTime() - Date.parse(wave.createdAt) < WAVE_START_GRACE_MS;
}
