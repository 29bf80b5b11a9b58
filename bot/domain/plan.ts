import { z } from 'zod';
import { plainTextInput } from './plainText';
import type { CalendarDay } from './closeDate';
import type { ConditionId } from './conditions';

/**
 * The plan of Appendix 2: for a condition, what needs to happen and how it will be progressed,
 * as actions with an owner, a due date and a status. Since issue 11 the plan belongs to the
 * TEAM, not to a round: an action stays in the plan until it is removed, so actions agreed in
 * round 1 are there in round 2, and a closed round keeps the plan as it stood at its close.
 * Written by champions in the tab; plain text throughout (shown as text, never as markup).
 */
export const ACTION_STATUSES = ['not-started', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  done: 'Done',
};

const MAX_PLAN_TEXT = 2000;
const MAX_OWNER = 200;
/** A progress note ("what we did"), at most this many characters. */
const MAX_NOTE_TEXT = 2000;


/**
 * What a champion may send for an action; validated at the edge. `owner` is free text (someone
 * outside the team, "Head of Service"); `ownerMemberId`, when given, is the Teams user id (29:…)
 * of a member picked from the team's roster: the service checks they are in the roster and takes
 * their name from it (so `owner` is then ignored), and they are nudged when the action falls due.
 */
export const planActionInput = z.object({
  conditionId: z.string(),
  need: plainTextInput(MAX_PLAN_TEXT).min(1, 'say what needs to happen'),
  progress: plainTextInput(MAX_PLAN_TEXT).default(''),
  owner: plainTextInput(MAX_OWNER).default(''),
  ownerMemberId: z.string().trim().max(200).nullable().default(null),
  dueDate: z.iso.date().nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('not-started'),
});
export type PlanActionInput = z.infer<typeof planActionInput>;

/** A dated "what we did" update on an action, as a champion wrote it. */
export const progressNoteInput = z.object({
  /** The day it was done (YYYY-MM-DD), which may be before the day it was written. */
  date: z.iso.date(),
  text: plainTextInput(MAX_NOTE_TEXT).min(1, 'say what was done'),
});

export interface ProgressNote {
  readonly noteId: string;
  /** YYYY-MM-DD: when it was done. */
  readonly date: CalendarDay;
  readonly text: string;
  /** ISO 8601: when it was written. */
  readonly writtenAt: string;
  /** The champion's display name. */
  readonly writtenBy: string;
}

/** One entry of an action's status history: the first is its creation. */
export interface StatusChange {
  readonly status: ActionStatus;
  /** ISO 8601. */
  readonly changedAt: string;
  /** The champion's display name. */
  readonly changedBy: string;
}

/** A member of the team who owns an action (picked from Teams' roster): who the due-date nudge goes to. */
export interface OwnerMember {
  /** The Teams user id (29:…): a one-to-one chat is opened with it. */
  readonly teamsUserId: string;
  readonly entraObjectId?: string;
}

export interface PlanAction {
  readonly actionId: string;
  readonly conditionId: ConditionId;
  /** What needs to happen. */
  readonly need: string;
  /** How it will be progressed. */
  readonly progress: string;
  /** The owner's name: a roster member's display name, or free text. */
  readonly owner: string;
  /** Set when the owner was picked from the team's roster; null for free text. */
  readonly ownerMember: OwnerMember | null;
  /** YYYY-MM-DD, or null when none is set. */
  readonly dueDate: CalendarDay | null;
  readonly status: ActionStatus;
  /** ISO 8601: when it was added to the plan. */
  readonly createdAt: string;
  /** The round it was agreed in (the team's latest round when it was added), if any. */
  readonly createdInRoundId: string | null;
  /** ISO 8601: when it last became done; null while it is not done. */
  readonly doneAt: string | null;
  readonly updatedAt: string;
  readonly updatedBy: string;
  /** Oldest first. */
  readonly notes: readonly ProgressNote[];
  /** Oldest first; the first entry is the status it was created with. */
  readonly statusHistory: readonly StatusChange[];
  /** Opaque: send it back when changing the action, so two people's edits cannot silently overwrite. */
  readonly version: string;
}

/**
 * The actions a round's plan shows while the round is open: every action not yet done, and those
 * done since the team's previous round closed (`since`; all done ones when there is none), so
 * staff see what came of the last round. A closed round shows its plan as frozen at its close.
 */
export function actionsOfOpenRound(actions: readonly PlanAction[], since: string | undefined): PlanAction[] {
  return actions.filter((action) => action.status !== 'done' || since === undefined || (action.doneAt ?? action.updatedAt) >= since);
}

/** Not done, and its due date is before `today` (YYYY-MM-DD, UK): what champions are shown as overdue. */
export function isOverdue(action: Pick<PlanAction, 'status' | 'dueDate'>, today: CalendarDay): boolean {
  return action.status !== 'done' && action.dueDate !== null && action.dueDate < today;
}
