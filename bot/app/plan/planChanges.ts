import { randomUUID } from 'node:crypto';
import type { TabUser } from '../../auth/ssoTokenVerifier';
import { ukDayOf } from '../../domain/closeDate';
import { isConditionId } from '../../domain/conditions';
import { AuditError } from '../../domain/errors';
import { planActionInput, progressNoteInput, type PlanAction } from '../../domain/plan';
import type { TabDeps } from '../tab/tabDeps';
import { nudgeOnceSaved, planNudge, type NudgePlanDeps } from './actionNudges';
import { requirePlanChampion, type PlanAccessDeps } from './planAccess';
import { ownerOf } from './planOwner';
import type { ActionFields } from './planStore';
import { roundForNewAction } from './planRounds';
import { logActivity, personActor } from '../activityLog/logActivity';
import { actionAddedSummary, actionChangedSummary, actionRemovedSummary } from '../../domain/activitySummaries';

/** What changing the plan uses: an owner's due-date nudge is planned through due work. */
type PlanChangeDeps = PlanAccessDeps & Pick<TabDeps, 'plans' | 'rounds' | 'teamRoster' | 'now' | 'activityLog'> & NudgePlanDeps;

/**
 * A champion adds an action to the team's plan, agreed in the team's open round (else its
 * latest). Its status history starts with its first status. With a member as owner and a due
 * date, the owner's nudge is planned (actionNudges.ts). Recorded in the team's activity log. NOT_A_TEAM_MEMBER, NOT_A_CHAMPION,
 * BAD_REQUEST (field by field), OWNER_NOT_A_MEMBER; STORAGE_UNAVAILABLE, nothing saved, when the
 * nudge cannot be planned.
 */
export async function addAction(deps: PlanChangeDeps, user: TabUser, teamId: string, body: unknown): Promise<PlanAction> {
  await requirePlanChampion(deps, user, teamId);
  const input = actionInput(body);
  const [owner, rounds] = await Promise.all([ownerOf(deps, teamId, input), deps.rounds.listForTeam(teamId)]);
  const actionId = randomUUID();
  const fields = { ...fieldsOf(input), ...owner };
  const nudge = await planNudge(deps, teamId, actionId, undefined, fields);
  const created = { at: deps.now().toISOString(), by: user.name, roundId: roundForNewAction(rounds)?.roundId ?? null };
  const action = await deps.plans.create(teamId, actionId, fields, created);
  await nudgeOnceSaved(deps, nudge);
  await logActivity(deps, teamId, { kind: 'action-added', actor: personActor(user), ...roundOf(created.roundId), summary: actionAddedSummary(user.name, action) });
  return action;
}

/**
 * A champion changes an action at the version they saw (If-Match); a status change is added to
 * its history. A change of its due date or owner plans the owner's nudge for it, as addAction.
 * Recorded in the team's activity log, saying what changed.
 * The refusals of addAction, and ACTION_NOT_FOUND, PLAN_CHANGED, VERSION_NOT_VALID, BAD_REQUEST
 * without a version.
 */
export async function changeAction(deps: PlanChangeDeps, user: TabUser, teamId: string, actionId: string, version: string | undefined, body: unknown): Promise<PlanAction> {
  await requirePlanChampion(deps, user, teamId);
  const given = requireVersion(version);
  const input = actionInput(body);
  const current = await deps.plans.get(teamId, actionId);
  if (!current) throw new AuditError('ACTION_NOT_FOUND');
  const fields = { ...fieldsOf(input), ...(await ownerOf(deps, teamId, input, current)) };
  const nudge = await planNudge(deps, teamId, actionId, current, fields);
  const action = await deps.plans.update(teamId, actionId, given, fields, { at: deps.now().toISOString(), by: user.name });
  await nudgeOnceSaved(deps, nudge);
  await logActivity(deps, teamId, { kind: 'action-changed', actor: personActor(user), summary: actionChangedSummary(user.name, current, action) });
  return action;
}

/**
 * A champion removes an action, with its notes and history, at the version they saw; recorded in
 * the team's activity log. The refusals of changeAction.
 */
export async function removeAction(deps: PlanChangeDeps, user: TabUser, teamId: string, actionId: string, version: string | undefined): Promise<void> {
  await requirePlanChampion(deps, user, teamId);
  const given = requireVersion(version);
  const current = await deps.plans.get(teamId, actionId);
  await deps.plans.remove(teamId, actionId, given);
  // Read before the remove to name it; the remove itself decides (at the version given) whether it goes.
  if (current) await logActivity(deps, teamId, { kind: 'action-removed', actor: personActor(user), summary: actionRemovedSummary(user.name, current) });
}

const roundOf = (roundId: string | null) => (roundId ? { roundId } : {});

/**
 * A champion adds a dated "what we did" note to an action; resolves with the action as it now
 * is, note included. BAD_REQUEST (no text, a date that is not a day or is after today in the
 * UK), ACTION_NOT_FOUND, and the access refusals.
 */
export async function addProgressNote(deps: PlanChangeDeps, user: TabUser, teamId: string, actionId: string, body: unknown): Promise<PlanAction> {
  await requirePlanChampion(deps, user, teamId);
  const parsed = progressNoteInput.safeParse(body);
  if (!parsed.success) throw new AuditError('BAD_REQUEST', `The note's ${issueOf(parsed.error.issues)}.`);
  const now = deps.now();
  if (parsed.data.date > ukDayOf(now)) throw new AuditError('BAD_REQUEST', "The note's date is not valid: say the day it was done, today or before.");
  await deps.plans.addNote(teamId, actionId, { ...parsed.data, writtenAt: now.toISOString(), writtenBy: user.name });
  const action = await deps.plans.get(teamId, actionId);
  if (!action) throw new AuditError('ACTION_NOT_FOUND');
  return action;
}

function actionInput(body: unknown) {
  const parsed = planActionInput.safeParse(body);
  if (!parsed.success) throw new AuditError('BAD_REQUEST', `The action's ${issueOf(parsed.error.issues)}.`);
  if (!isConditionId(parsed.data.conditionId)) throw new AuditError('BAD_REQUEST', "That condition is not one of the audit's conditions.");
  return { ...parsed.data, conditionId: parsed.data.conditionId };
}

function issueOf(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const issue = issues[0]!;
  return `${String(issue.path[0] ?? 'details')} is not valid: ${issue.message}`;
}

function fieldsOf(input: ReturnType<typeof actionInput>): Omit<ActionFields, 'owner' | 'ownerMember'> {
  return { conditionId: input.conditionId, need: input.need, progress: input.progress, dueDate: input.dueDate, status: input.status };
}

function requireVersion(version: string | undefined): string {
  if (!version) throw new AuditError('BAD_REQUEST', 'Send the version of the action you are changing (If-Match).');
  return version;
}
