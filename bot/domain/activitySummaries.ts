import { closeDayOf, dayInWords, type CalendarDay } from './closeDate';
import { findCondition } from './conditions';
import { ACTION_STATUS_LABELS, type PlanAction } from './plan';
import type { ReminderPoint, TeamSettings } from './teamSettings';

/**
 * The sentences a team's activity log says (issue 12), one per entry, in plain UK English, each
 * naming who did it: a champion by name, "Practice Audit" for the app. Built from what the
 * change was, never from anything about a respondent. Days are UK days ("Friday 11 December 2026").
 */

/** What the app is called where it is the actor. */
export const APP_NAME = 'Practice Audit';

/** Plan text quoted in a sentence: at most this many characters, cut with "…". */
const QUOTE_MAX = 80;

const closeDay = (closesAt: string) => dayInWords(closeDayOf(closesAt));
const quoted = (text: string) => `"${text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX - 1).trimEnd()}…` : text}"`;

/** "Priya Shah opened audit round 3, closing on Friday 11 December 2026." `by`: a champion's name, or APP_NAME with why. */
export function roundOpenedSummary(by: string, roundNumber: number, closesAt: string | undefined, why?: string): string {
  return `${by} opened audit round ${roundNumber}${why ? ` (${why})` : ''}${closesAt ? `, closing on ${closeDay(closesAt)}` : ''}.`;
}

/** "Priya Shah extended audit round 3 to close on Friday 18 December 2026 (it was Friday 11 December 2026)." */
export function roundExtendedSummary(by: string, roundNumber: number, closesAt: string, closedAtBefore: string | undefined): string {
  return `${by} extended audit round ${roundNumber} to close on ${closeDay(closesAt)}${closedAtBefore ? ` (it was ${closeDay(closedAtBefore)})` : ''}.`;
}

/** "Priya Shah closed audit round 3.", or the app's: "…closed audit round 3 on its close date." */
export function roundClosedSummary(by: string, roundNumber: number, why?: string): string {
  return `${by} closed audit round ${roundNumber}${why ? ` ${why}` : ''}.`;
}

/** "Priya Shah named Sam Patel a practice champion." */
export function championNamedSummary(by: string, named: string): string {
  return by === named ? `${named} became a practice champion by adding ${APP_NAME} to the team.` : `${by} named ${named} a practice champion.`;
}

/** "Sam Patel stepped down as a practice champion.", or "Priya Shah removed Sam Patel as a practice champion." */
export function championSteppedDownSummary(by: string, leaving: string, self: boolean): string {
  return self ? `${leaving} stepped down as a practice champion.` : `${by} removed ${leaving} as a practice champion.`;
}

type ActionFacts = Pick<PlanAction, 'conditionId' | 'need' | 'progress' | 'owner' | 'dueDate' | 'status'>;

const conditionWords = (conditionId: string) => `condition ${findCondition(conditionId)?.number ?? conditionId}`;
const dueWords = (day: CalendarDay | null) => (day ? dayInWords(day) : 'no due date');
const ownerWords = (owner: string) => owner || 'no owner';

/** "Priya Shah added an action for condition 3: "Brief every team on the model" (owner Sam Patel, due Friday 11 December 2026, not started)." */
export function actionAddedSummary(by: string, action: ActionFacts): string {
  const details = [`owner ${ownerWords(action.owner)}`, action.dueDate ? `due ${dayInWords(action.dueDate)}` : 'no due date', ACTION_STATUS_LABELS[action.status].toLowerCase()];
  return `${by} added an action for ${conditionWords(action.conditionId)}: ${quoted(action.need)} (${details.join(', ')}).`;
}

/**
 * "Priya Shah changed the action "Brief every team…": status from Not started to In progress; due date
 * from Friday 11 December 2026 to no due date." Each field that changed, in a fixed order; text
 * fields say only that they changed.
 */
export function actionChangedSummary(by: string, before: ActionFacts, after: ActionFacts): string {
  const changes = [
    before.status !== after.status && `status from ${ACTION_STATUS_LABELS[before.status]} to ${ACTION_STATUS_LABELS[after.status]}`,
    before.dueDate !== after.dueDate && `due date from ${dueWords(before.dueDate)} to ${dueWords(after.dueDate)}`,
    before.owner !== after.owner && `owner from ${ownerWords(before.owner)} to ${ownerWords(after.owner)}`,
    before.conditionId !== after.conditionId && `condition from ${conditionWords(before.conditionId).slice('condition '.length)} to ${conditionWords(after.conditionId).slice('condition '.length)}`,
    before.need !== after.need && `what needs to happen, now ${quoted(after.need)}`,
    before.progress !== after.progress && 'how it will be progressed',
  ].filter((change): change is string => typeof change === 'string');
  return `${by} changed the action ${quoted(before.need)}: ${changes.length > 0 ? changes.join('; ') : 'saved with nothing different'}.`;
}

/** "Priya Shah removed the action "Brief every team…" (condition 3), with its notes." */
export function actionRemovedSummary(by: string, action: Pick<ActionFacts, 'conditionId' | 'need'>): string {
  return `${by} removed the action ${quoted(action.need)} (${conditionWords(action.conditionId)}), with its notes.`;
}

function remindersWords(points: readonly ReminderPoint[]): string {
  if (points.length === 0) return 'none';
  return points.map((p) => (p.kind === 'halfway' ? 'half-way' : `${p.days} day${p.days === 1 ? '' : 's'} before the close`)).join(' and ');
}
const cadenceWords = (months: number | undefined) => (months === undefined ? 'no repeat' : months === 1 ? 'every month' : `every ${months} months`);

/** "Priya Shah changed the team's settings: rounds stay open 21 days (was 14); rounds repeat every 3 months (was no repeat)." */
export function settingsChangedSummary(by: string, before: TeamSettings, after: TeamSettings): string {
  const changes = [
    before.closeAfterDays !== after.closeAfterDays && `rounds stay open ${after.closeAfterDays} days (was ${before.closeAfterDays})`,
    remindersWords(before.reminders) !== remindersWords(after.reminders) && `automatic reminders ${remindersWords(after.reminders)} (was ${remindersWords(before.reminders)})`,
    before.cadenceMonths !== after.cadenceMonths && `rounds repeat ${cadenceWords(after.cadenceMonths)} (was ${cadenceWords(before.cadenceMonths)})`,
  ].filter((change): change is string => typeof change === 'string');
  return `${by} ${changes.length > 0 ? `changed the team's settings: ${changes.join('; ')}` : "saved the team's settings unchanged"}.`;
}
