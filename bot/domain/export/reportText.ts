import { dayInWords, isCalendarDay, ukDayOf, type CalendarDay } from '../closeDate';
import { CONDITIONS, type ConditionId } from '../conditions';
import { EVIDENCE_KIND_LABELS, type EvidenceNote } from '../evidence';
import { ACTION_STATUS_LABELS, isOverdue, type ActionStatus, type PlanAction } from '../plan';

/**
 * How the reports (Word, CSV, Excel) word a plan's actions and a round's evidence notes: one
 * phrasing for every file. Editors' names (`updatedBy`, `writtenBy`, `changedBy`, `addedBy`)
 * are never read here, so no report can carry them; an action's owner is part of the plan and is.
 */

const UK_TIME_ZONE = 'Europe/London';

/**
 * "3 March 2027" (the project's date style). A calendar day (YYYY-MM-DD) is that day; an instant
 * (ISO 8601) is the day it was in the UK. Unparseable input is shown as given.
 */
export function dateInWords(dayOrInstant: string): string {
  const day = isCalendarDay(dayOrInstant);
  const date = new Date(day ? `${dayOrInstant}T00:00:00Z` : dayOrInstant);
  if (Number.isNaN(date.getTime())) return dayOrInstant;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: day ? 'UTC' : UK_TIME_ZONE });
}

/** "3 March 2027 at 14:05", UK time. */
export function dateTimeInWords(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return `${dateInWords(instant)} at ${date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: UK_TIME_ZONE })}`;
}

/**
 * Which plan a report shows, by its UK day: "As it stands on Wednesday 3 March 2027", "As it stood
 * at the round's close on Wednesday 24 March 2027" (the same words in the Word, CSV and Excel files).
 */
export function planAsOfWords(plan: { readonly asOf: 'now' | 'close'; readonly at: string }): string {
  const day = dayInWords(ukDayOf(new Date(plan.at)));
  return plan.asOf === 'now' ? `As it stands on ${day}` : `As it stood at the round's close on ${day}`;
}

/** "1,234 answers", "1 answer". */
export function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}

/** An action as every report words it. */
export interface ActionWords {
  readonly conditionId: ConditionId;
  /** What needs to happen. */
  readonly need: string;
  /** How it will be progressed ('' when not written). */
  readonly progress: string;
  /** "Owner: Head of service", or null without an owner. */
  readonly owner: string | null;
  /** "Due 3 March 2027 (overdue)", "No due date". */
  readonly due: string;
  readonly overdue: boolean;
  readonly statusId: ActionStatus;
  /** "In progress". */
  readonly status: string;
  /** "Not started 2 January 2027, in progress 4 February 2027": its status history, oldest first; null with one entry or none. */
  readonly history: string | null;
  /** Its progress notes, oldest first: "12 January 2027: Workshop held for two teams". */
  readonly notes: readonly string[];
}

/**
 * One action in words. `today` (YYYY-MM-DD, UK) is what "overdue" is judged against: today for
 * the living plan, the day of the round's close for a plan as it stood then.
 */
export function actionWords(action: PlanAction, today: CalendarDay): ActionWords {
  const overdue = isOverdue(action, today);
  const history = action.statusHistory.length > 1
    ? action.statusHistory.map((change, i) => `${i === 0 ? ACTION_STATUS_LABELS[change.status] : ACTION_STATUS_LABELS[change.status].toLowerCase()} ${dateInWords(change.changedAt)}`).join(', ')
    : null;
  return {
    conditionId: action.conditionId,
    need: action.need,
    progress: action.progress,
    owner: action.owner ? `Owner: ${action.owner}` : null,
    due: action.dueDate ? `Due ${dateInWords(action.dueDate)}${overdue ? ' (overdue)' : ''}` : 'No due date',
    overdue,
    statusId: action.status,
    status: ACTION_STATUS_LABELS[action.status],
    history,
    notes: action.notes.map((note) => `${dateInWords(note.date)}: ${note.text}`),
  };
}

/** "Owner: Head of service · Due 3 March 2027 · In progress": an action's facts on one line. */
export function actionFacts(words: ActionWords): string {
  return [words.owner, words.due, words.status].filter(Boolean).join(' · ');
}

/** A plan's actions in the reports' order: by condition, then due date (none last), then what they say. */
export function sortActions(actions: readonly PlanAction[]): PlanAction[] {
  const order = (id: ConditionId) => CONDITIONS.findIndex((c) => c.id === id);
  return [...actions].sort((a, b) =>
    order(a.conditionId) - order(b.conditionId)
    || (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999')
    || a.need.localeCompare(b.need)
    || a.actionId.localeCompare(b.actionId));
}

/** An evidence note as every report words it. */
export interface EvidenceWords {
  readonly conditionId: ConditionId;
  /** "Case audit, QA team's audit of 20 CIN cases, 12 February 2027". */
  readonly about: string;
  /** What it found. */
  readonly found: string;
}

export function evidenceWords(note: EvidenceNote): EvidenceWords {
  return {
    conditionId: note.conditionId,
    about: [EVIDENCE_KIND_LABELS[note.kind], note.source, dateInWords(note.date)].filter(Boolean).join(', '),
    found: note.found,
  };
}

/** A round's notes in the reports' order: by condition, then date, then when they were added. */
export function sortEvidence(notes: readonly EvidenceNote[]): EvidenceNote[] {
  const order = (id: ConditionId) => CONDITIONS.findIndex((c) => c.id === id);
  return [...notes].sort((a, b) => order(a.conditionId) - order(b.conditionId) || a.date.localeCompare(b.date) || a.addedAt.localeCompare(b.addedAt));
}
