import { randomBytes } from 'node:crypto';
import type { ActionFields } from '../app/plan/planStore';
import type { ConditionId } from '../domain/conditions';
import type { ActionStatus, PlanAction, ProgressNote, StatusChange } from '../domain/plan';
import { encodeKey } from './keys';

/**
 * How a team's living plan lies in the `plans` table (owned by PlanRepository). One partition
 * per team, `team-<team id, base64url>`, holding:
 * - `action-<actionId>`: the action's own fields (kind 'action');
 * - `action-<actionId>~note~<writtenAt>~<noteId>`: each progress note (kind 'note');
 * - `action-<actionId>~status~<changedAt>~<random>`: each entry of its status history (kind 'status');
 * - `action-<actionId>~nudge~<dueDate>~<owner>`: each owner's due-date nudge claimed (kind 'nudge', nudgeClaims.ts);
 * - `migrated`: the marker that the team's plans written before issue 11 have been carried over;
 * - `carried-<actionId>`: an action carried over from them (kept when it is removed, so a migration
 *   still running on another instance cannot bring it back: planMigration.ts).
 * An action's rows sort together, so one range query reads it with its notes and history. Every
 * row also names its `actionId` as a property: rows are grouped by it, never by parsing keys.
 * Plans written before issue 11 lie in partitions named by a round id (see planMigration.ts);
 * round ids never start with `team-` or `frozen-`, so the layouts cannot meet.
 */
export const teamPartition = (teamId: string): string => `team-${encodeKey(teamId)}`;
export const actionRowKey = (actionId: string): string => `action-${actionId}`;
/** Every row of the action sorts from its own key up to this bound. */
export const actionRowsEnd = (actionId: string): string => `action-${actionId}~~`;
export const MIGRATED_MARKER = 'migrated';
export const carriedRowKey = (actionId: string): string => `carried-${actionId}`;

/** An action's row: its fields, with no status history or notes (rows of their own). */
export interface ActionRow {
  readonly kind: 'action';
  readonly actionId: string;
  readonly conditionId: string;
  readonly need: string;
  readonly progress: string;
  readonly owner: string;
  /** '' for a free-text owner. */
  readonly ownerTeamsUserId: string;
  readonly ownerEntraObjectId: string;
  /** '' when none is set. */
  readonly dueDate: string;
  readonly status: string;
  readonly createdAt: string;
  /** '' when the team had no round when it was added. */
  readonly createdInRoundId: string;
  /** '' while not done. */
  readonly doneAt: string;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

interface NoteRow {
  readonly kind: 'note';
  readonly actionId: string;
  readonly noteId: string;
  readonly date: string;
  readonly text: string;
  readonly writtenAt: string;
  readonly writtenBy: string;
}

interface StatusRow {
  readonly kind: 'status';
  readonly actionId: string;
  readonly status: string;
  readonly changedAt: string;
  readonly changedBy: string;
}

export type PlanRow = ActionRow | NoteRow | StatusRow;
/** A row as a query gives it back: its keys, its etag, and whatever the row holds. */
export type StoredRow = Partial<PlanRow> & { rowKey?: string; etag: string; kind?: string };

export function actionRow(actionId: string, fields: ActionFields, stamp: { createdAt: string; createdInRoundId: string | null; doneAt: string | null; updatedAt: string; updatedBy: string }): ActionRow {
  return {
    kind: 'action',
    actionId,
    conditionId: fields.conditionId,
    need: fields.need,
    progress: fields.progress,
    owner: fields.owner,
    ownerTeamsUserId: fields.ownerMember?.teamsUserId ?? '',
    ownerEntraObjectId: fields.ownerMember?.entraObjectId ?? '',
    dueDate: fields.dueDate ?? '',
    status: fields.status,
    createdAt: stamp.createdAt,
    createdInRoundId: stamp.createdInRoundId ?? '',
    doneAt: stamp.doneAt ?? '',
    updatedAt: stamp.updatedAt,
    updatedBy: stamp.updatedBy,
  };
}

/** A status change's row, keyed to sort in time order after its action's row. */
export function statusRow(actionId: string, change: StatusChange): { rowKey: string } & StatusRow {
  return {
    rowKey: `${actionRowKey(actionId)}~status~${change.changedAt}~${randomBytes(4).toString('hex')}`,
    kind: 'status',
    actionId,
    status: change.status,
    changedAt: change.changedAt,
    changedBy: change.changedBy,
  };
}

export function noteRow(actionId: string, note: ProgressNote): { rowKey: string } & NoteRow {
  return { rowKey: `${actionRowKey(actionId)}~note~${note.writtenAt}~${note.noteId}`, kind: 'note', actionId, ...note };
}

/**
 * The actions among a partition's rows, each with its notes and status history (oldest first),
 * in condition order. Notes or history whose action row is gone (left by a removal that could
 * not tidy up after itself) belong to no action and are left out.
 */
export function actionsFromRows(rows: readonly StoredRow[]): PlanAction[] {
  const notes = new Map<string, ProgressNote[]>();
  const history = new Map<string, StatusChange[]>();
  const actions: StoredRow[] = [];
  for (const row of rows) {
    const id = row.actionId ?? '';
    if (row.kind === 'action') actions.push(row);
    else if (row.kind === 'note') push(notes, id, { noteId: row.noteId!, date: row.date!, text: row.text!, writtenAt: row.writtenAt!, writtenBy: row.writtenBy! });
    else if (row.kind === 'status') push(history, id, { status: row.status as ActionStatus, changedAt: row.changedAt!, changedBy: row.changedBy! });
  }
  return inPlanOrder(actions.map((row) => toAction(row as ActionRow, row.etag, notes.get(row.actionId!) ?? [], history.get(row.actionId!) ?? [])));
}

/** A plan's order: by condition, then as the actions were added. */
export function inPlanOrder(actions: readonly PlanAction[]): PlanAction[] {
  return [...actions].sort((a, b) => a.conditionId.localeCompare(b.conditionId) || a.createdAt.localeCompare(b.createdAt) || a.actionId.localeCompare(b.actionId));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function toAction(row: ActionRow, version: string, notes: readonly ProgressNote[], history: readonly StatusChange[]): PlanAction {
  return {
    actionId: row.actionId,
    conditionId: row.conditionId as ConditionId,
    need: row.need,
    progress: row.progress ?? '',
    owner: row.owner ?? '',
    ownerMember: row.ownerTeamsUserId ? { teamsUserId: row.ownerTeamsUserId, ...(row.ownerEntraObjectId ? { entraObjectId: row.ownerEntraObjectId } : {}) } : null,
    dueDate: row.dueDate ? row.dueDate : null,
    status: row.status as ActionStatus,
    createdAt: row.createdAt,
    createdInRoundId: row.createdInRoundId ? row.createdInRoundId : null,
    doneAt: row.doneAt ? row.doneAt : null,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    // Oldest first by the day it was done (a note may be written days later), then as written.
    notes: [...notes].sort((a, b) => a.date.localeCompare(b.date) || a.writtenAt.localeCompare(b.writtenAt)),
    statusHistory: [...history].sort((a, b) => a.changedAt.localeCompare(b.changedAt)),
    version,
  };
}
