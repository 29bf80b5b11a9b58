import { nudgeToPlan } from '../../domain/actionNudge';
import { AuditError, isAuditError } from '../../domain/errors';
import type { PlanAction } from '../../domain/plan';
import type { Logger } from '../../logger';
import type { DueJob, DueWork } from '../dueWork';

type ActionDueJob = Extract<DueJob, { kind: 'actionDue' }>;
type NudgeFields = Pick<PlanAction, 'ownerMember' | 'dueDate' | 'status'>;

/** What planning an owner's nudge uses. */
export interface NudgePlanDeps {
  readonly dueWork: DueWork;
  readonly now: () => Date;
  readonly logger: Logger;
}

/**
 * How long a plan change may take, at most, to be saved or refused after its nudge is planned:
 * the tables' client gives up on a call after three attempts of at most 4 s (storage/tables.ts),
 * and saving a change is a few calls. The nudge planned before a save is never due sooner than
 * this, so it never runs before the change it is for has landed.
 */
const SAVE_SETTLES_MS = 2 * 60_000;

/** A nudge planned before a save, and whether it is due soon enough to be planned again, on time, once saved. */
export interface PlannedNudge {
  readonly job: ActionDueJob;
  /** When the nudge is due: 09:00 UK on the due date, or now when that has passed. */
  readonly at: Date;
  /** Due before the job planned before the save: planned again at `at` once the change is saved. */
  readonly soon: boolean;
}

/**
 * Plans the owner's nudge for a change about to be saved (`before`: the action as it was,
 * undefined for a new one; `after`: its fields as they will be saved), when the change calls for
 * one (domain/actionNudge.ts nudgeToPlan). Planned BEFORE the save, so a change is never saved
 * without its nudge: when due work cannot store the job, the change is refused
 * (STORAGE_UNAVAILABLE, saying nothing was saved) and the champion tries again. A job for a
 * change that is then refused (PLAN_CHANGED) does nothing when it falls due unless the action is
 * by then due that day with a member as owner, when that owner is nudged once, as they should be.
 * The job is due no sooner than SAVE_SETTLES_MS from now, so it never finds the action before
 * its change; a nudge due sooner is `soon`, for nudgeOnceSaved. Resolves undefined when no nudge
 * is called for.
 */
export async function planNudge(deps: NudgePlanDeps, teamId: string, actionId: string, before: NudgeFields | undefined, after: NudgeFields): Promise<PlannedNudge | undefined> {
  const now = deps.now();
  const nudge = nudgeToPlan(before, after, now);
  if (!nudge) return undefined;
  const job: ActionDueJob = { kind: 'actionDue', teamId, actionId, dueDate: nudge.dueDate };
  const settled = now.getTime() + SAVE_SETTLES_MS;
  try {
    await deps.dueWork.schedule(job, new Date(Math.max(nudge.at.getTime(), settled)));
  } catch (error) {
    if (isAuditError(error, 'STORAGE_UNAVAILABLE')) throw new AuditError('STORAGE_UNAVAILABLE', NUDGE_NOT_PLANNED, { cause: error });
    throw error;
  }
  return { job, at: nudge.at, soon: nudge.at.getTime() < settled };
}

/** What a champion reads when the nudge could not be planned. */
export const NUDGE_NOT_PLANNED =
  'Nothing was saved: Practice Audit could not plan the message the action\'s owner gets on its due date, as storage is not answering just now. Please try again in a moment.';

/**
 * Once the change is saved: a nudge due soon (today after 09:00, a date that has passed) is
 * planned again for its time, so the owner hears at once rather than when the job planned before
 * the save falls due. That one still runs, and sends nothing more (the nudge is claimed once).
 * If this cannot be stored, the owner is nudged by that job, a little later: logged, not refused.
 */
export async function nudgeOnceSaved(deps: NudgePlanDeps, planned: PlannedNudge | undefined): Promise<void> {
  if (!planned?.soon) return;
  await deps.dueWork.schedule(planned.job, planned.at).catch((error: unknown) => {
    deps.logger.warn('action_nudge_delayed', { actionId: planned.job.actionId, dueDate: planned.job.dueDate, delayMs: SAVE_SETTLES_MS, error });
  });
}
