import { AuditError } from './errors';

/**
 * A round's close date (issue 10). Champions choose a calendar day, in UK time (the product is for
 * services in England): the round closes at the END of that day, that is at midnight UK time as
 * the next day begins (00:00 Europe/London, GMT or BST as it falls). Rounds store the instant
 * (`AuditRound.closesAt`, ISO 8601); an answer at or after it is refused. The time zone's rules
 * come from Intl (the ICU data Node ships), not from hand arithmetic on offsets.
 */
const UK_TIME_ZONE = 'Europe/London';

/** A calendar day as YYYY-MM-DD: the value Adaptive Cards' Input.Date sends and shows. */
export type CalendarDay = string;

/** The furthest a close date may be, in days from today (UK): a round is a few weeks, not a season. */
export const MAX_DAYS_TO_CLOSE = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
  hourCycle: 'h23',
});

interface WallTime {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

/** The date and time a clock in the UK shows at `instant`. */
function ukWallTime(instant: Date): WallTime {
  const parts = Object.fromEntries(wallClock.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far ahead of UTC a UK clock is at `instant`, in ms (0 in winter, an hour in summer). */
function ukOffsetMs(instant: Date): number {
  const wall = ukWallTime(instant);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a UK clock shows the given wall time. Month and day may overflow (Date.UTC carries
 * them over). A time the clocks skip (01:00–02:00 on the last Sunday of March) comes out an hour
 * later; midnight, which is what close dates use, is never skipped or repeated in the UK.
 */
function ukInstant(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const first = asUtc - ukOffsetMs(new Date(asUtc));
  // The offset at the answer may differ from the offset at the guess, across a change of the clocks.
  return new Date(asUtc - ukOffsetMs(new Date(first)));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const dayOfUtc = (ms: number): CalendarDay => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const utcOfDay = (day: CalendarDay): number => Date.parse(`${day}T00:00:00Z`);

/** Whether `value` is a real calendar day written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDay(value: unknown): value is CalendarDay {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = utcOfDay(value);
  return !Number.isNaN(ms) && dayOfUtc(ms) === value;
}

/** The day it is in the UK at `instant`. */
export function ukDayOf(instant: Date): CalendarDay {
  const wall = ukWallTime(instant);
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `day` moved by `days` calendar days (negative: back). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOfUtc(utcOfDay(day) + days * DAY_MS);
}

/** When a round with close date `day` closes: midnight UK time at the end of that day. */
export function endOfUkDay(day: CalendarDay): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return ukInstant(year, month, date + 1);
}

/**
 * The instant a UK clock shows `hour`:`minute` on `day` (GMT or BST as it falls that day): 09:00
 * on 3 March 2027 is 09:00 UTC, on 3 July 2027 08:00 UTC. For times of day the clocks never skip
 * or repeat (02:00 to 23:59, and midnight); what an action's due-date nudge is timed by.
 */
export function ukTimeOnDay(day: CalendarDay, hour: number, minute = 0): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return ukInstant(year, month, date, hour, minute);
}

/** The close date (the UK day) of a round that closes at `closesAt`: the day that ends then. */
export function closeDayOf(closesAt: string | Date): CalendarDay {
  return ukDayOf(new Date(new Date(closesAt).getTime() - 1));
}

/** "Friday 11 December 2026": a UK day as people read it (GOV.UK style: no comma after the weekday, which ICU's en-GB puts in). */
export function dayInWords(day: CalendarDay): string {
  const date = new Date(utcOfDay(day));
  return `${weekdayWords.format(date)} ${dateWords.format(date)}`;
}
// Made once: toLocaleDateString makes a formatter on every call, which showed in the answer burst's profile (every card says its close day).
const weekdayWords = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });
const dateWords = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** The close date `start` proposes: `closeAfterDays` after today (UK), as the team's settings say. */
export function proposedCloseDay(now: Date, closeAfterDays: number): CalendarDay {
  return addDays(ukDayOf(now), closeAfterDays);
}

/** The latest close date allowed today: MAX_DAYS_TO_CLOSE days from today (UK). */
export function latestCloseDay(now: Date): CalendarDay {
  return addDays(ukDayOf(now), MAX_DAYS_TO_CLOSE);
}

/**
 * Checks a close date a champion chose, and gives the instant the round then closes. Today is
 * allowed (the round closes at midnight tonight); so is any day up to MAX_DAYS_TO_CLOSE days
 * ahead. `later`: when extending, the round's current close (ISO instant): the new date must be
 * after its day.
 * @throws AuditError INVALID_CLOSE_DATE saying what is wrong, in words a champion reads.
 */
export function checkedCloseDate(value: unknown, now: Date, options: { readonly laterThan?: string } = {}): Date {
  if (!isCalendarDay(value)) throw new AuditError('INVALID_CLOSE_DATE', 'Please choose the day the round closes.');
  const closesAt = endOfUkDay(value);
  if (closesAt.getTime() <= now.getTime()) throw new AuditError('INVALID_CLOSE_DATE', `${dayInWords(value)} has passed: please choose today or a later day.`);
  const latest = latestCloseDay(now);
  if (value > latest) throw new AuditError('INVALID_CLOSE_DATE', `A round can close at most ${MAX_DAYS_TO_CLOSE} days from today, by ${dayInWords(latest)}.`);
  if (options.laterThan !== undefined) {
    const current = closeDayOf(options.laterThan);
    if (value <= current) throw new AuditError('INVALID_CLOSE_DATE', `The round already closes at the end of ${dayInWords(current)}: please choose a later day to extend it.`);
  }
  return closesAt;
}

/**
 * `months` calendar months after `instant`, at the same UK clock time ("every three months" from
 * 10:00 on 31 January is 10:00 on 30 April): a day the month does not have becomes its last day.
 */
export function addCalendarMonths(instant: Date, months: number): Date {
  const wall = ukWallTime(instant);
  const firstOfMonth = new Date(Date.UTC(wall.year, wall.month - 1 + months, 1));
  const daysInMonth = new Date(Date.UTC(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, 0)).getUTCDate();
  return ukInstant(firstOfMonth.getUTCFullYear(), firstOfMonth.getUTCMonth() + 1, Math.min(wall.day, daysInMonth), wall.hour, wall.minute, wall.second);
}
