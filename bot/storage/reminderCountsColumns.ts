import { NO_REMINDER_COUNTS, REMINDER_OUTCOMES, type ReminderCounts } from '../domain/reminders';

/** A row's reminder counts, one Int32 column per outcome (reminded, complete, …), as Table storage holds them. */
export type CountColumns = { [K in keyof ReminderCounts]?: number };

export function countsToColumns(counts: ReminderCounts): CountColumns {
  return { ...counts };
}

/** Counts from a row; a column missing (an older row) or not a whole number counts as 0. */
export function countsFromColumns(row: CountColumns): ReminderCounts {
  const read = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0);
  return Object.fromEntries(REMINDER_OUTCOMES.map((outcome) => [outcome, read(row[outcome])])) as unknown as ReminderCounts;
}

export const NO_COUNT_COLUMNS: CountColumns = countsToColumns(NO_REMINDER_COUNTS);
