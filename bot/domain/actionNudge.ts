import { ukTimeOnDay, type CalendarDay } from './closeDate';
import type { PlanAction } from './plan';

/**
 * An action's owner, when they are a member of the team (picked from its roster), gets a
 * one-to-one nudge when the action falls due (issue 11): once per due date, at the start of the
 * working day in the UK. These are the rules; bot/app/plan/actionNudges.ts plans the nudges and
 * bot/app/plan/nudgeOwner.ts sends them.
 */

/** The hour of the due date, UK time, at which the owner is nudged: the start of a working day. */
const NUDGE_HOUR_UK = 9;

/** When the owner of an action due on `dueDate` is nudged: 09:00 UK time that day (GMT or BST as it falls). */
export function nudgeTimeOf(dueDate: CalendarDay): Date {
  return ukTimeOnDay(dueDate, NUDGE_HOUR_UK);
}

type NudgeFields = Pick<PlanAction, 'ownerMember' | 'dueDate' | 'status'>;

/** A nudge to plan: for the action's due date, due at `at` (its nudge time, or now when that has passed). */
export interface NudgeToPlan {
  readonly dueDate: CalendarDay;
  readonly at: Date;
}

/**
 * Whether saving an action (`before`: as it was, undefined for a new one; `after`: as saved) calls
 * for its owner's nudge to be planned: the owner is a roster member, there is a due date, and the
 * action is new or its due date or owner changed. A due date whose nudge time has passed is
 * nudged at once, unless the action is done; a future one is planned whatever the status (the
 * action may be reopened: the nudge checks again when it is due). Undefined: nothing to plan.
 */
export function nudgeToPlan(before: NudgeFields | undefined, after: NudgeFields, now: Date): NudgeToPlan | undefined {
  if (!after.ownerMember || after.dueDate === null) return undefined;
  const changed = !before || before.dueDate !== after.dueDate || before.ownerMember?.teamsUserId !== after.ownerMember.teamsUserId;
  if (!changed) return undefined;
  const at = nudgeTimeOf(after.dueDate);
  if (at.getTime() > now.getTime()) return { dueDate: after.dueDate, at };
  return after.status === 'done' ? undefined : { dueDate: after.dueDate, at: now };
}

/** Why a nudge planned for `dueDate` is not sent when it falls due. */
export type NoNudgeReason = 'action_removed' | 'due_date_moved' | 'action_done' | 'owner_not_a_member';

/**
 * Whether the nudge planned for an action's `dueDate` still applies when it falls due: the
 * action is still in the plan, still due that day, not done, and owned by a roster member (the
 * caller checks they are still in the team). Undefined: it applies; otherwise why not.
 */
export function whyNoNudge(action: NudgeFields | undefined, dueDate: CalendarDay): NoNudgeReason | undefined {
  if (!action) return 'action_removed';
  if (action.dueDate !== dueDate) return 'due_date_moved';
  if (action.status === 'done') return 'action_done';
  if (!action.ownerMember) return 'owner_not_a_member';
  return undefined;
}
