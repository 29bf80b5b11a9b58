import { odata, type TableClient } from '@azure/data-tables';
import type { AuditRound } from '../domain/auditRound';
import type { PlanAction } from '../domain/plan';
import { findRow } from './findRow';
import { freezePlan } from './frozenPlans';
import { canBeKey } from './keys';
import { actionRow, actionRowKey, carriedRowKey, inPlanOrder, MIGRATED_MARKER, statusRow, teamPartition, toAction } from './planRows';
import { isConflict, storageCall } from './storageErrors';

/**
 * Before issue 11 a plan belonged to a round: one partition per round id in the `plans` table,
 * one row per action (row key = the action id) with conditionId, need, progress, owner, dueDate
 * ('' for none), status, updatedAt and updatedBy. This carries a team's old rows into its plan.
 */
interface OldActionRow {
  readonly rowKey?: string;
  readonly conditionId: string;
  readonly need: string;
  readonly progress?: string;
  readonly owner?: string;
  readonly dueDate?: string;
  readonly status: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/**
 * Carries the plans of the team's `rounds` written the old way into the team's plan: each old
 * action keeps its id, was created in its round (createdAt = its last change, the earliest time
 * known), and has a status history of one entry (its status, at that change, by whoever made it).
 * A closed round also keeps its old rows as its frozen plan, at the later of its close and their
 * last change (they could be edited after the close until now). Then the team's marker is written.
 *
 * Idempotent, and safe with several instances at once: every row is created only if absent (an
 * action with its first status and its carried row in one transaction), the first freeze wins, and
 * the marker comes last, so a migration cut short is simply run again, and one still running after
 * an action was removed does not bring it back. The old rows are left as they were.
 * Throws STORAGE_UNAVAILABLE.
 */
export async function migrateOldPlans(table: TableClient, teamId: string, rounds: readonly AuditRound[], migratedAt: string): Promise<void> {
  let carried = 0;
  for (const round of rounds) {
    if (!canBeKey(round.roundId)) continue;
    const old = await oldRowsOf(table, round.roundId);
    const actions = inPlanOrder(old.map((row) => oldAction(row, round.roundId)));
    await Promise.all(actions.map((action) => createIfAbsent(table, teamId, action)));
    carried += actions.length;
    if (round.status === 'closed') await freezePlan(table, teamId, round.roundId, actions, frozenAtOf(round, old));
  }
  try {
    await storageCall(() => table.createEntity({ partitionKey: teamPartition(teamId), rowKey: MIGRATED_MARKER, migratedAt, rounds: rounds.length, actions: carried }));
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
}

/** Whether the team's plans written the old way have been carried over (its marker is there). */
export async function isMigrated(table: TableClient, teamId: string): Promise<boolean> {
  return (await findRow(table, teamPartition(teamId), MIGRATED_MARKER, { queryOptions: { select: ['migratedAt'] } })) !== undefined;
}

async function oldRowsOf(table: TableClient, roundId: string): Promise<OldActionRow[]> {
  const rows: OldActionRow[] = [];
  const query = table.listEntities<OldActionRow>({ queryOptions: { filter: odata`PartitionKey eq ${roundId}` } });
  await storageCall(async () => {
    for await (const row of query) if (row.rowKey && row.conditionId && row.status) rows.push(row);
  });
  return rows;
}

function oldAction(row: OldActionRow, roundId: string): PlanAction {
  const fields = {
    conditionId: row.conditionId as PlanAction['conditionId'],
    need: row.need,
    progress: row.progress ?? '',
    owner: row.owner ?? '',
    ownerMember: null,
    dueDate: row.dueDate ? row.dueDate : null,
    status: row.status as PlanAction['status'],
  };
  const stamp = { createdAt: row.updatedAt, createdInRoundId: roundId, doneAt: row.status === 'done' ? row.updatedAt : null, updatedAt: row.updatedAt, updatedBy: row.updatedBy };
  return toAction(actionRow(row.rowKey!, fields, stamp), '', [], [{ status: fields.status, changedAt: row.updatedAt, changedBy: row.updatedBy }]);
}

/**
 * Creates the action, its first status and its `carried-` row in one transaction. The carried row
 * stays when the action is removed (it lies outside the action's rows), so a migration still
 * running on another instance after the removal meets it (409) and does not bring the action back.
 */
async function createIfAbsent(table: TableClient, teamId: string, action: PlanAction): Promise<void> {
  const partitionKey = teamPartition(teamId);
  const { notes: _none, statusHistory, version: _version, ...fields } = action;
  try {
    await storageCall(() =>
      table.submitTransaction([
        ['create', { partitionKey, rowKey: carriedRowKey(action.actionId), actionId: action.actionId }],
        ['create', { partitionKey, rowKey: actionRowKey(action.actionId), ...actionRow(action.actionId, fields, { ...fields }) }],
        ['create', { partitionKey, ...statusRow(action.actionId, statusHistory[0]!) }],
      ]),
    );
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
}

/** A closed round's old plan stood as its rows show at the later of its close and their last change. */
function frozenAtOf(round: AuditRound, rows: readonly OldActionRow[]): string {
  return [round.closedAt ?? round.openedAt, ...rows.map((row) => row.updatedAt)].reduce((latest, at) => (at > latest ? at : latest));
}
