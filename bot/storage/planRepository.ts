import { odata, type TableClient } from '@azure/data-tables';
import { AuditError } from '../domain/errors';
import type { PlanAction } from '../domain/plan';
import { canBeKeys } from './keys';
import { isNotFound, isPreconditionFailed, storageCall } from './storageErrors';

/**
 * A round's plan: one row per action, in the round's partition. Changes are conditional on
 * the version (the row's etag) the editor saw, so a concurrent edit is refused, not lost.
 */
type ActionFields = Omit<PlanAction, 'actionId' | 'version' | 'ownerMember' | 'createdAt' | 'createdInRoundId' | 'doneAt' | 'notes' | 'statusHistory'>;

/**
 * What a version looks like: Table storage's etag, `W/"datetime'<ISO time, URL-encoded>'"`, as
 * Azure and Azurite hand it out. Anything else, above all `*` (which storage reads as "any
 * version" and so would overwrite a newer edit), is refused before storage sees it.
 */
const ETAG = /^W\/"datetime'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}(\.\d{1,9})?Z'"$/;

function isActionVersion(version: string): boolean {
  return ETAG.test(version);
}

export class PlanRepository {
  constructor(private readonly table: TableClient) {}

  async list(roundId: string): Promise<PlanAction[]> {
    const actions: PlanAction[] = [];
    if (!canBeKeys(roundId)) return actions;
    const rows = this.table.listEntities<ActionFields & { dueDate: string }>({ queryOptions: { filter: odata`PartitionKey eq ${roundId}` } });
    await storageCall(async () => {
      for await (const row of rows) actions.push(toAction(row.rowKey!, row, row.etag));
    });
    return actions.sort((a, b) => a.conditionId.localeCompare(b.conditionId) || a.actionId.localeCompare(b.actionId));
  }

  async create(roundId: string, actionId: string, fields: ActionFields): Promise<PlanAction> {
    const result = await storageCall(() => this.table.createEntity({ partitionKey: roundId, rowKey: actionId, ...fields, dueDate: fields.dueDate ?? '' }));
    return toAction(actionId, fields, result.etag ?? '');
  }

  /** Replaces an action at the version its editor saw; ACTION_NOT_FOUND, PLAN_CHANGED or VERSION_NOT_VALID otherwise. */
  async update(roundId: string, actionId: string, version: string, fields: ActionFields): Promise<PlanAction> {
    checkChange(roundId, actionId, version);
    try {
      const result = await storageCall(() =>
        this.table.updateEntity({ partitionKey: roundId, rowKey: actionId, ...fields, dueDate: fields.dueDate ?? '' }, 'Replace', { etag: version }),
      );
      return toAction(actionId, fields, result.etag ?? '');
    } catch (error) {
      throw planError(error);
    }
  }

  /** Removes an action at the version its editor saw; the same refusals as update. */
  async remove(roundId: string, actionId: string, version: string): Promise<void> {
    checkChange(roundId, actionId, version);
    try {
      await storageCall(() => this.table.deleteEntity(roundId, actionId, { etag: version }));
    } catch (error) {
      throw planError(error);
    }
  }
}

/** An id that cannot be a key names no action; a version that is not an etag is no version. */
function checkChange(roundId: string, actionId: string, version: string): void {
  if (!canBeKeys(roundId, actionId)) throw new AuditError('ACTION_NOT_FOUND');
  if (!isActionVersion(version)) throw new AuditError('VERSION_NOT_VALID');
}

function planError(error: unknown): unknown {
  if (isNotFound(error)) return new AuditError('ACTION_NOT_FOUND');
  if (isPreconditionFailed(error)) return new AuditError('PLAN_CHANGED');
  return error;
}

function toAction(actionId: string, row: Omit<ActionFields, 'dueDate'> & { dueDate: string | null }, version: string): PlanAction {
  return {
    actionId,
    conditionId: row.conditionId,
    need: row.need,
    progress: row.progress ?? '',
    owner: row.owner ?? '',
    dueDate: row.dueDate ? row.dueDate : null,
    status: row.status,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
    version,
    ownerMember: null,
    createdAt: row.updatedAt,
    createdInRoundId: null,
    doneAt: null,
    notes: [],
    statusHistory: [],
  };
}
