import { AuditError } from './errors';

/**
 * When an automatic reminder goes, relative to the round's dates: half-way between opening and
 * the close date, or a number of whole days before the close date.
 */
export type ReminderPoint = { readonly kind: 'halfway' } | { readonly kind: 'daysBeforeClose'; readonly days: number };

/**
 * A team's own choices for its audit rounds (issue 10). Champions change them; every round
 * opened afterwards follows them.
 */
export interface TeamSettings {
  /** Days from opening to the close date that `start` proposes (1 to 90; 14 unless changed). */
  readonly closeAfterDays: number;
  /**
   * When the automatic reminders go: at most two a round (Viva Glint-style norms: a few reminders,
   * not a stream). Default: half-way, and two days before the close. Empty: none.
   */
  readonly reminders: readonly ReminderPoint[];
  /** Months between rounds when the team has a cadence (1 to 24): the next round then opens by itself. */
  readonly cadenceMonths?: number;
}

const MAX_AUTOMATIC_REMINDERS = 2;

export const DEFAULT_TEAM_SETTINGS: TeamSettings = {
  closeAfterDays: 14,
  reminders: [{ kind: 'halfway' }, { kind: 'daysBeforeClose', days: 2 }],
};

/** Checks settings a champion asked for; INVALID_SETTINGS names what is wrong, in words a champion reads. */
export function validTeamSettings(settings: TeamSettings): TeamSettings {
  const wholeIn = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;
  if (!wholeIn(settings.closeAfterDays, 1, 90)) throw new AuditError('INVALID_SETTINGS', 'A round can stay open for 1 to 90 days.');
  if (settings.reminders.length > MAX_AUTOMATIC_REMINDERS) throw new AuditError('INVALID_SETTINGS', `A round has at most ${MAX_AUTOMATIC_REMINDERS} automatic reminders.`);
  for (const point of settings.reminders) {
    if (point.kind === 'daysBeforeClose' && !wholeIn(point.days, 1, 89)) throw new AuditError('INVALID_SETTINGS', 'A reminder can go 1 to 89 days before the close date.');
  }
  if (settings.cadenceMonths !== undefined && !wholeIn(settings.cadenceMonths, 1, 24)) throw new AuditError('INVALID_SETTINGS', 'Rounds can repeat every 1 to 24 months.');
  return settings;
}

/**
 * When a round's automatic reminders are due, in time order, one per point: only those after the
 * round opened and before its close date (a round opened for two days has no "two days before").
 * `openedAt` and `closesAt` are instants; a point's time is exact to the millisecond.
 */
export function reminderTimes(openedAt: Date, closesAt: Date, points: readonly ReminderPoint[]): Date[] {
  const DAY_MS = 24 * 60 * 60 * 1000;
  const opened = openedAt.getTime();
  const closes = closesAt.getTime();
  const times = points.map((point) => (point.kind === 'halfway' ? opened + (closes - opened) / 2 : closes - point.days * DAY_MS));
  return [...new Set(times.filter((t) => t > opened && t < closes).map(Math.round))].sort((a, b) => a - b).map((t) => new Date(t));
}
