import type { TableClient } from '@azure/data-tables';
import type { NudgeClaim, NudgeOutcome } from '../app/plan/nudgePorts';
import type { CalendarDay } from '../domain/closeDate';
import { encodeKey } from './keys';
import { actionRowKey, teamPartition } from './planRows';
import { isConflict, isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * The owners' due-date nudges claimed, in the `plans` table (owned by PlanRepository): in the
 * team's partition, among the action's own rows, so that removing the action tidies them away
 * with its notes and history, and the plan's reads pass over them (kind 'nudge'). One row per
 * action, due date and owner:
 * `action-<actionId>~nudge~<dueDate>~<owner's Teams user id, base64url>`, created only if absent.
 */
interface NudgeRow {
  readonly kind: 'nudge';
  readonly actionId: string;
  readonly dueDate: string;
  readonly ownerTeamsUserId: string;
  readonly claimedAt: string;
  /** '' while the nudge is being sent; then 'sent' or 'unreachable'. */
  readonly outcome: '' | NudgeOutcome;
  readonly outcomeAt: string;
}

const nudgeRowKey = (actionId: string, dueDate: CalendarDay, ownerTeamsUserId: string): string =>
  `${actionRowKey(actionId)}~nudge~${dueDate}~${encodeKey(ownerTeamsUserId)}`;

/** Creates the claim's row if there is none; undefined when there was (claimed before). Throws STORAGE_UNAVAILABLE. */
export async function claimNudge(table: TableClient, teamId: string, actionId: string, dueDate: CalendarDay, ownerTeamsUserId: string, claimedAt: string): Promise<NudgeClaim | undefined> {
  const row: NudgeRow = { kind: 'nudge', actionId, dueDate, ownerTeamsUserId, claimedAt, outcome: '', outcomeAt: '' };
  try {
    const created = await storageCall(() => table.createEntity({ partitionKey: teamPartition(teamId), rowKey: nudgeRowKey(actionId, dueDate, ownerTeamsUserId), ...row }));
    return { teamId, actionId, dueDate, ownerTeamsUserId, version: created.etag ?? '' };
  } catch (error) {
    if (isConflict(error)) return undefined;
    throw error;
  }
}

/** Records the outcome on the claim, at its version (a claim changed or gone since is left as it is). Throws STORAGE_UNAVAILABLE. */
export async function recordNudge(table: TableClient, claim: NudgeClaim, outcome: NudgeOutcome, at: string): Promise<void> {
  const entity = { partitionKey: teamPartition(claim.teamId), rowKey: nudgeRowKey(claim.actionId, claim.dueDate, claim.ownerTeamsUserId), outcome, outcomeAt: at };
  await storageCall(() => table.updateEntity(entity, 'Merge', { etag: claim.version })).catch(ignoreGoneOrChanged);
}

/** Deletes the claim at its version, so a later delivery can claim and send. Throws STORAGE_UNAVAILABLE. */
export async function releaseNudge(table: TableClient, claim: NudgeClaim): Promise<void> {
  const rowKey = nudgeRowKey(claim.actionId, claim.dueDate, claim.ownerTeamsUserId);
  await storageCall(() => table.deleteEntity(teamPartition(claim.teamId), rowKey, { etag: claim.version })).catch(ignoreGoneOrChanged);
}

/** The action was removed (its rows with it), or its claim was released and claimed again: nothing of ours to change. */
function ignoreGoneOrChanged(error: unknown): void {
  if (!isNotFound(error) && !isPreconditionFailed(error)) throw error;
}
