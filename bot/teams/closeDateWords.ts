import { addDays, isCalendarDay, type CalendarDay } from '../domain/closeDate';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** "dec", "december", "sept" → 12 / 12 / 9; undefined for anything else. */
function monthNumber(word: string): number | undefined {
  const index = MONTHS.findIndex((month) => word.length >= 3 && month.startsWith(word.replace(/\.$/, '')));
  return index < 0 ? undefined : index + 1;
}

const day = (year: number, month: number, date: number): string => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;

/** What was written after `extend`: a day, nothing (the card then asks), or words that are not a day. */
export type WrittenCloseDay = { readonly day: CalendarDay } | 'nothing' | 'unreadable';

/**
 * A close date written after `extend`, as a champion might type it (UK order: day, then month):
 * "7 days" or "2 weeks" (after the current close date), "to 20 December", "20 Dec 2026",
 * "20/12/2026", "2026-12-20". A day without a year is its next occurrence from today.
 * Whether the day is allowed is the domain's to say (closeDate.ts).
 */
export function closeDayFromWords(words: string, context: { readonly today: CalendarDay; readonly closesOn: CalendarDay }): WrittenCloseDay {
  const text = words.toLowerCase().replace(/^(to|until|till|by|on)\s+/, '').replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return 'nothing';
  const span = /^(\d{1,3})\s*(days?|weeks?)(?:\s+more)?$/.exec(text);
  if (span) return { day: addDays(context.closesOn, Number(span[1]) * (span[2]!.startsWith('week') ? 7 : 1)) };
  if (isCalendarDay(text)) return { day: text };
  const numeric = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(text);
  const named = /^(?:[a-z]+day\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z.]+)(?:\s+(\d{4}))?$/.exec(text);
  const parts = numeric ? { date: Number(numeric[1]), month: Number(numeric[2]), year: numeric[3] } : named ? { date: Number(named[1]), month: monthNumber(named[2]!), year: named[3] } : undefined;
  if (!parts?.month) return 'unreadable';
  const thisYear = Number(context.today.slice(0, 4));
  let chosen = day(parts.year ? Number(parts.year) : thisYear, parts.month, parts.date);
  if (!parts.year && chosen < context.today) chosen = day(thisYear + 1, parts.month, parts.date);
  return isCalendarDay(chosen) ? { day: chosen } : 'unreadable';
}
