import type { CellScore } from '@domain/summary/roundSummary';
import type { CountCell } from '@domain/privacy';
import { formatScore } from '@domain/summary/shownScore';

const dates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function formatDate(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dates.format(date);
}

/** Scores run 0 (not in place) to 3 (fully in place); one decimal place, rounded where the service rounds them. */
export { formatScore };

export function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** The words a hidden cell or count shows instead of a number. */
export function hiddenWording(reason: 'too-small' | 'protects-another', threshold: number, noun = 'answers'): string {
  return reason === 'too-small' ? `Fewer than ${threshold} ${noun}` : 'Hidden to protect a smaller group';
}

export function countText(cell: CountCell, threshold: number, one: string, many: string): string {
  return cell.shown ? plural(cell.count, one, many) : hiddenWording(cell.reason, threshold, many);
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/**
 * Why a shown cell has no score although people answered: fewer than the threshold gave a
 * rating other than "don't know", or its ratings are hidden so such a group cannot be worked out.
 */
export function withheldWording(cell: Extract<CellScore, { withheld: string }>, threshold: number): string {
  const dontKnow = `${cell.dontKnow} of ${plural(cell.answers, 'answer', 'answers')} said don’t know`;
  return cell.withheld === 'too-few-judgements'
    ? `Too few ratings to score (fewer than ${threshold}): ${dontKnow}`
    : `Ratings hidden to protect a smaller group: ${dontKnow}`;
}

/** A cell's text for screen readers and the table alike. */
export function cellSummaryText(cell: CellScore, threshold: number): { score: string; detail: string } {
  if (!cell.shown) return { score: '', detail: hiddenWording(cell.reason, threshold) };
  if (cell.answers === 0) return { score: '', detail: 'No answers yet' };
  if (cell.withheld) return { score: 'No score', detail: withheldWording(cell, threshold) };
  const answers = plural(cell.answers, 'answer', 'answers');
  const dontKnow = cell.dontKnowShare > 0 ? `, ${percent(cell.dontKnowShare)} don’t know` : '';
  if (cell.score === null) return { score: 'No score', detail: `${answers}, all don’t know` };
  return { score: formatScore(cell.score), detail: `${answers}${dontKnow}` };
}

const days = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const ukDays = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

/** A calendar day (YYYY-MM-DD) as people in England write it, "3 March 2027"; "" for anything else. */
export function formatDay(day: string | null | undefined): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const parsed = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? '' : days.format(parsed);
}

/** An instant (ISO 8601) as its day in the UK, "3 March 2027"; "" for none. */
export function formatUkDay(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : ukDays.format(date);
}
