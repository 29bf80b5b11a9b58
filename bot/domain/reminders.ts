import { CONDITIONS, type Condition, type ConditionId } from './conditions';

/**
 * Reminders (issue 10): each member of a team who has not answered every condition of the open
 * round is reminded one-to-one. Who has answered is worked out when a reminder is due, from each
 * member's respondent id and the round's answers; no list of people who have not answered is
 * ever stored or sent anywhere. Champions see counts only.
 */

/** Members per reminder batch: one queue message each (~100 × ~200 bytes, well under the queue's 64 KB). */
export const REMINDER_BATCH_SIZE = 100;

/** A champion's `remind` goes at most once every three days per round (issue 10). */
export const MANUAL_REMINDER_GAP_MS = 3 * 24 * 60 * 60 * 1000;

/**
 * What happened to each member in a reminder wave, by kind; only counts, never who.
 * - `reminded`: sent a reminder (Teams accepted it).
 * - `complete`: had answered every condition (and not opted out).
 * - `optedOut`: had said `stop reminders` for the round, whether or not they have answered: a
 *   champion told "I stopped my reminders" must not learn from this count whether that person
 *   has answered everything.
 * - `guests`: guests from another organisation (Teams' userRole "guest"), not reminded.
 * - `unmatched`: Teams gave no Entra object id, so their answers cannot be found (nor could they answer).
 * - `unreachable`: Teams refused the chat (403: blocked or removed the app; 404: not found). Not retried.
 * - `failed`: Teams still failed after the connector's retries (5xx, 429 to the end, no network).
 * - `interrupted`: the service stopped between claiming the send and recording it; reminded at
 *   most once, perhaps not at all (see app/reminders/reminderBatch.ts).
 */
export interface ReminderCounts {
  readonly reminded: number;
  readonly complete: number;
  readonly optedOut: number;
  readonly guests: number;
  readonly unmatched: number;
  readonly unreachable: number;
  readonly failed: number;
  readonly interrupted: number;
}

export type ReminderOutcome = keyof ReminderCounts;

export const REMINDER_OUTCOMES: readonly ReminderOutcome[] = ['reminded', 'complete', 'optedOut', 'guests', 'unmatched', 'unreachable', 'failed', 'interrupted'];

export const NO_REMINDER_COUNTS: ReminderCounts = Object.freeze({ reminded: 0, complete: 0, optedOut: 0, guests: 0, unmatched: 0, unreachable: 0, failed: 0, interrupted: 0 });

export function addCounts(a: ReminderCounts, b: Partial<ReminderCounts>): ReminderCounts {
  return Object.fromEntries(REMINDER_OUTCOMES.map((outcome) => [outcome, a[outcome] + (b[outcome] ?? 0)])) as unknown as ReminderCounts;
}

/** One more of `outcome`. */
export function countOne(counts: ReminderCounts, outcome: ReminderOutcome): ReminderCounts {
  return addCounts(counts, { [outcome]: 1 });
}

/** Members whose outcome is recorded. */
export function membersCounted(counts: ReminderCounts): number {
  return REMINDER_OUTCOMES.reduce((sum, outcome) => sum + counts[outcome], 0);
}

/** What a champion is shown of a wave's counts (shownReminderCounts). */
export interface ShownReminderCounts {
  readonly reminded: number;
  /** Counted before anyone's answers are looked at: they say nothing about answering. */
  readonly guests: number;
  readonly optedOut: number;
  /** Everyone else not reminded: had answered every condition, or Teams could not reach them (or may not have). */
  readonly answeredOrUnreached: number;
}

/**
 * The counts a champion sees: reminded, guests and opt-outs, and the rest not reminded in ONE
 * figure. Whether Teams can reach a person is learned only by trying, and only people who have not
 * answered every condition are tried; so a separate "could not be reached" would tell a champion
 * who knows a colleague blocked the app whether that colleague has answered everything (between
 * two waves that person would move from "could not be reached" to "had answered"). Folded
 * together, their answering moves nothing the champion sees. The detailed counts stay in storage
 * for the wave's own bookkeeping.
 */
export function shownReminderCounts(counts: ReminderCounts): ShownReminderCounts {
  return {
    reminded: counts.reminded,
    guests: counts.guests,
    optedOut: counts.optedOut,
    answeredOrUnreached: counts.complete + counts.unmatched + counts.unreachable + counts.failed + counts.interrupted,
  };
}

/** A member of the team as a reminder batch carries them: the roster as read, answered or not. */
export interface MemberToRemind {
  readonly teamsUserId: string;
  readonly entraObjectId?: string;
  readonly guest?: boolean;
}

/**
 * Whether a member is sent a reminder, or why not. `answered`: the conditions they have answered
 * in the round (undefined: none); `optedOut`: they said `stop reminders` for it. A guest or a
 * member without an Entra id is never matched to answers, so they are counted before anything
 * else; an opt-out is counted before their answers are looked at, so that the count of those who
 * asked for no reminders never moves with what one of them has answered.
 */
export function reminderDecision(member: MemberToRemind, answered: ReadonlySet<ConditionId> | undefined, optedOut: boolean): 'send' | Exclude<ReminderOutcome, 'reminded' | 'unreachable' | 'failed' | 'interrupted'> {
  if (member.guest) return 'guests';
  if (!member.entraObjectId) return 'unmatched';
  if (optedOut) return 'optedOut';
  if (answered && CONDITIONS.every((c) => answered.has(c.id))) return 'complete';
  return 'send';
}

/** The conditions still open for a person, in the audit's order. */
export function openConditions(answered: ReadonlySet<ConditionId> | undefined): Condition[] {
  return CONDITIONS.filter((c) => !answered?.has(c.id));
}

/** The roster cut into batches of `size`, in the order read (the last may be shorter). */
export function rosterBatches<T>(members: readonly T[], size = REMINDER_BATCH_SIZE): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < members.length; start += size) batches.push(members.slice(start, start + size));
  return batches;
}

/** When a champion may next send reminders for a round, given when they last went (instants; MANUAL_REMINDER_GAP_MS later). */
export function nextManualReminderAt(lastAt: Date): Date {
  return new Date(lastAt.getTime() + MANUAL_REMINDER_GAP_MS);
}
