import { addDays, checkedCloseDate, closeDayOf, latestCloseDay, ukDayOf, type CalendarDay } from '../domain/closeDate';
import { isPastCloseDate, type AuditRound } from '../domain/auditRound';
import { AuditError } from '../domain/errors';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';
import { scheduleRoundWork, type RoundScheduleDeps } from './roundSchedule';
import { logActivity, personActor, type LogActivityDeps } from './activityLog/logActivity';
import { roundExtendedSummary } from '../domain/activitySummaries';

/** How far `extend` suggests moving the close date (the card's prefilled day): a week. */
const SUGGESTED_EXTENSION_DAYS = 7;

/**
 * The round a champion may extend: the team's open round, before its close date has come. When a
 * card names a round (`roundId`), it must be that round still.
 * Throws NOT_A_CHAMPION; NO_OPEN_ROUND; ROUND_NOT_FOUND; ROUND_CLOSED (closed, or its close date come).
 */
export async function roundToExtend(
  { champions, rounds, now }: Pick<AuditServices, 'champions' | 'rounds' | 'now'>,
  teamId: string,
  person: Person,
  roundId?: string,
): Promise<AuditRound> {
  await requireChampion({ champions }, teamId, person);
  const open = await rounds.findOpen(teamId);
  if (roundId !== undefined && open?.roundId !== roundId) {
    const asked = await rounds.get(teamId, roundId);
    if (!asked) throw new AuditError('ROUND_NOT_FOUND');
    throw new AuditError('ROUND_CLOSED', `Audit round ${asked.number} is closed, so it cannot be extended. A practice champion can start another with "start".`);
  }
  if (!open) throw new AuditError('NO_OPEN_ROUND', 'There is no open audit round to extend. A practice champion can start one with "start".');
  if (isPastCloseDate(open, now())) {
    throw new AuditError('ROUND_CLOSED', `Audit round ${open.number} has reached its close date and is closing, so it cannot be extended. A practice champion can start another with "start".`);
  }
  return open;
}

/** The close date `extend` suggests: a week after the current one (or today), within the latest allowed. */
export function suggestedExtension(round: AuditRound, now: Date): CalendarDay {
  const from = round.closesAt ? closeDayOf(round.closesAt) : ukDayOf(now);
  const suggested = addDays(from, SUGGESTED_EXTENSION_DAYS);
  const latest = latestCloseDay(now);
  return suggested < latest ? suggested : latest;
}

/**
 * A champion moves the open round's close date later (issue 10): to the end of `closesOn` (UK).
 * Its new close is scheduled first, then the date stored (at the version read: a close in between
 * wins, and so does the old close date if it comes meanwhile); the job planned for the old date
 * then finds the date moved and does nothing. Recorded in the team's activity log. The caller updates the intro card
 * (RoundCards.showCloseDate) and tells the channel.
 * Throws as roundToExtend; INVALID_CLOSE_DATE (in the past, too far, not later); STORAGE_UNAVAILABLE.
 */
export async function extendRound(
  deps: Pick<AuditServices, 'champions' | 'rounds' | 'roundCache' | 'now'> & RoundScheduleDeps & LogActivityDeps,
  request: { teamId: string; person: Person; closesOn: unknown; roundId?: string },
): Promise<AuditRound> {
  const round = await roundToExtend(deps, request.teamId, request.person, request.roundId);
  const closesAt = checkedCloseDate(request.closesOn, deps.now(), round.closesAt ? { laterThan: round.closesAt } : {}).toISOString();
  await scheduleRoundWork(deps, { ...round, closesAt }, 'closeDateMoving');
  // Checked again as the date is stored: its close date may have come while the jobs were kept.
  const extended = await deps.rounds.changeCloseDate(round.teamId, round.roundId, closesAt, { now: deps.now });
  deps.roundCache.forget(round.teamId, round.roundId);
  const summary = roundExtendedSummary(request.person.name, round.number, closesAt, round.closesAt);
  await logActivity(deps, round.teamId, { kind: 'round-extended', actor: personActor(request.person), roundId: round.roundId, summary });
  return extended;
}
