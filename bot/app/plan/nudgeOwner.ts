import { whyNoNudge } from '../../domain/actionNudge';
import { ukDayOf } from '../../domain/closeDate';
import { isOverdue } from '../../domain/plan';
import type { Logger } from '../../logger';
import type { AuditServices } from '../auditServices';
import type { DueJob, DueJobHandlers } from '../dueWork';
import type { NudgeMessenger, NudgeOutcome } from './nudgePorts';
import { canOwn } from './planOwner';

type ActionDueJob = Extract<DueJob, { kind: 'actionDue' }>;

/** What nudging an action's owner uses. */
export type NudgeOwnerDeps = Pick<AuditServices, 'plans' | 'nudgeClaims' | 'teams' | 'roster' | 'now'> & {
  readonly messenger: NudgeMessenger;
  readonly logger: Logger;
};

/**
 * An action falls due (the `actionDue` job): its owner is nudged one-to-one, once for this due
 * date. Nothing is sent when the action was removed, is done, is now due on another day (the
 * job was planned for a date since moved), has no member as owner (free text, or changed to it),
 * when the app has left the team, or when the owner is no longer in the team's roster (or is a
 * guest); nor when the nudge was claimed before (by an earlier delivery of this job, another job
 * for the same date, or another instance at the same moment).
 *
 * CLAIM, THEN SEND: the nudge is claimed in storage (create if absent) before it is sent, so it
 * is sent at most once. Teams refusing the owner for good (403: they blocked the app; 404) is an
 * answer: kept on the claim and logged (`action_nudge_unreachable`), never tried again. Teams
 * still failing after the connector's retries (429, 5xx) gives the claim back and rejects, so due
 * work tries the job again later (backing off; given up after its last try): a nudge is never
 * claimed that did not happen. An instance stopping between the claim and the send leaves the
 * nudge unsent rather than sending it twice (as reminders do). Rejects when storage or Teams'
 * roster cannot be read, to be tried again.
 */
async function nudgeActionOwner(deps: NudgeOwnerDeps, job: ActionDueJob): Promise<void> {
  const { teamId, actionId, dueDate } = job;
  const facts = { actionId, dueDate };
  const skip = (reason: string) => deps.logger.info('action_nudge_skipped', { ...facts, reason });
  const action = await deps.plans.get(teamId, actionId);
  const why = whyNoNudge(action, dueDate);
  if (why || !action?.ownerMember) return skip(why ?? 'owner_not_a_member');
  const owner = action.ownerMember.teamsUserId;
  const team = await deps.teams.get(teamId);
  if (!team) return skip('app_not_in_team');
  // A failed read kept from a moment ago (a tab's) is not this nudge's answer: Teams is asked again.
  const members = await deps.roster.membersOf(teamId, { retryFailed: true });
  if (!members.some((member) => member.teamsUserId === owner && canOwn(member))) return skip('owner_not_a_member');

  const now = deps.now();
  const claim = await deps.nudgeClaims.claimNudge(teamId, actionId, dueDate, owner, now.toISOString());
  if (!claim) return skip('already_claimed');
  let outcome: NudgeOutcome;
  try {
    outcome = await deps.messenger.nudge(team.postTo, owner, { action, teamName: team.teamName, overdue: isOverdue(action, ukDayOf(now)) });
  } catch (error) {
    await deps.nudgeClaims.releaseNudge(claim).catch((releaseError: unknown) => deps.logger.warn('action_nudge_claim_kept', { ...facts, error: releaseError }));
    throw error;
  }
  // The nudge went (or Teams will not take it): a failure to record that is logged, not retried.
  await deps.nudgeClaims.recordNudge(claim, outcome, deps.now().toISOString()).catch((error: unknown) => deps.logger.warn('action_nudge_not_recorded', { ...facts, outcome, error }));
  if (outcome === 'unreachable') deps.logger.warn('action_nudge_unreachable', facts);
  else deps.logger.info('action_nudge_sent', facts);
}

/** The plan's due-job handler, for the map the service hands the due-work engine (see app/dueWork.ts). */
export function actionJobHandlers(deps: NudgeOwnerDeps): Pick<DueJobHandlers, 'actionDue'> {
  return { actionDue: (job) => nudgeActionOwner(deps, job) };
}
