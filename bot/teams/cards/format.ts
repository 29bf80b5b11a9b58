import type { AuditRound } from '../../domain/auditRound';
import { closeDayOf, dayInWords } from '../../domain/closeDate';
import { type CountCell } from '../../domain/privacy';

/** "4 March 2026", in UK time whatever the server's zone. Unparseable input is shown as given. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return ukDate.format(date);
}
// Formatters made once: toLocaleDateString makes one on every call, and cards are drawn on every answer.
const ukDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const ukTime = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** "4 March 2026 at 14:05", in UK time whatever the server's zone. Unparseable input is shown as given. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDate(iso)} at ${ukTime.format(date)}`;
}

/** "1 person", "3 people". */
export function people(count: number): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? 'person' : 'people'}`;
}

/** A suppressed group shows only that it is small, never its size. */
export function countCellText(cell: CountCell | undefined, privacyThreshold: number): string {
  if (cell === undefined) return '0';
  if (cell.shown) return cell.count.toLocaleString('en-GB');
  return cell.reason === 'too-small' ? `fewer than ${privacyThreshold}` : 'hidden (protects a smaller level)';
}

/** "Friday 12 December 2026": the day a round closes, at its end (UK time: domain/closeDate.ts). */
export function closeDayInWords(closesAt: string): string {
  let words = closeDaysInWords.get(closesAt);
  if (words === undefined) {
    words = dayInWords(closeDayOf(closesAt));
    if (closeDaysInWords.size >= 256) closeDaysInWords.clear();
    closeDaysInWords.set(closesAt, words);
  }
  return words;
}
// Every card of a round says its close day; working it out (Intl's UK wall clock) showed in the answer burst's profile.
const closeDaysInWords = new Map<string, string>();

/** "Closes on Friday 12 December 2026 (at the end of the day, UK time)." for an open round with a close date. */
export function closesOnSentence(round: Pick<AuditRound, 'closesAt'>): string | undefined {
  return round.closesAt ? `Closes on ${closeDayInWords(round.closesAt)} (at the end of the day, UK time).` : undefined;
}

/**
 * How a closed round says when it closed: on its close date ("at the end of Friday 12 December
 * 2026": the instant is midnight, the start of the next day), or on the day a champion closed it.
 */
export function closedOnSentence(round: Pick<AuditRound, 'closesAt' | 'closedAt'>): string {
  if (round.closesAt && round.closedAt && round.closedAt >= round.closesAt) return `This audit round closed at the end of ${closeDayInWords(round.closesAt)}.`;
  return round.closedAt ? `This audit round closed on ${formatDate(round.closedAt)}.` : 'This audit round has closed.';
}
