import type { ActionStatus } from '@domain/plan';

// Types only from bot/domain/plan.ts: its values would bring zod into the tab's bundle.
// The literals below are checked against the domain's types; the API validates what is sent.

export const ACTION_STATUSES = ['not-started', 'in-progress', 'done'] as const satisfies readonly ActionStatus[];
/** The domain's limits (MAX_PLAN_TEXT, MAX_OWNER in bot/domain/plan.ts). */
export const MAX_PLAN_TEXT = 2000;
export const MAX_OWNER = 200;

const STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

const dueDates = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** A due date (YYYY-MM-DD) as people in England write it, e.g. "31 March 2027"; "" for none. */
export function formatDueDate(date: string | null): string {
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return '';
  const parsed = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? '' : dueDates.format(parsed);
}

export function statusLabel(status: ActionStatus): string {
  return STATUS_LABELS[status] ?? status;
}
