import type { ActionStatus, PlanAction } from '@domain/plan';

// Types only from bot/domain/plan.ts: its values would bring zod into the tab's bundle.
// The literals below are checked against the domain's types; the API validates what is sent.

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done'] as const satisfies readonly ActionStatus[];
/** The domain's limits (MAX_PLAN_TEXT, MAX_OWNER, MAX_NOTE_TEXT in bot/domain/plan.ts). */
export const MAX_PLAN_TEXT = 2000;
export const MAX_OWNER = 200;
export const MAX_NOTE_TEXT = 2000;

const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

const dueDates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
// The service's days are the UK's (bot/domain/closeDate.ts): a moment is shown as the day and time it was there.
const ukDays = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });
const ukTimes = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
const ukIsoDays = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

/** A calendar day (YYYY-MM-DD) as people in England write it, e.g. "31 March 2027"; "" for none. */
export function formatDueDate(date: string | null): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? '' : dueDates.format(parsed);
}

/** The UK day of a moment (ISO 8601), e.g. "3 March 2027"; "" if it is not one. */
export function formatUkDay(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : ukDays.format(at);
}

/** The UK time of day of a moment (ISO 8601), e.g. "14:05". */
export function formatUkTime(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : ukTimes.format(at);
}

/** The UK calendar day (YYYY-MM-DD) a moment (ISO 8601) fell on. */
export function ukCalendarDay(iso: string): string {
  return ukIsoDays.format(new Date(iso));
}

export function statusLabel(status: ActionStatus): string {
  return STATUS_LABELS[status] ?? status;
}

/**
 * Not done, and due before `day` (YYYY-MM-DD, UK): the rule of bot/domain/plan.ts `isOverdue`,
 * restated here so the tab does not bundle that module's zod schemas.
 */
export function isOverdue(action: Pick<PlanAction, 'status' | 'dueDate'>, day: string): boolean {
  return action.status !== 'done' && action.dueDate !== null && action.dueDate < day;
}

/** An action named in a button's accessible name: its "what needs to happen", shortened. */
export function actionName(action: Pick<PlanAction, 'need'>): string {
  return action.need.length > 60 ? `${action.need.slice(0, 57)}…` : action.need;
}
