import { odata, type TableClient } from '@azure/data-tables';
import type { PlanAction } from '../domain/plan';
import { canBeKeys } from './keys';
import { checkConditionalChange, conditionalChangeError, type ConditionalChangeCodes } from './conditionalChange';
import { storageCall } from './storageErrors';

/**
 * A round's plan: one row per action, in the round's partition. Changes are conditional on
 * the version (the row's etag) the editor saw, so a concurrent edit is refused, not lost.
 */
type ActionFields = Omit<PlanAction, 'actionId' | 'version' | 'ownerMember' | 'createdAt' | 'createdInRoundId' | 'doneAt' | 'notes' | 'statusHistory'>;

/** How the plan's conditional changes are refused (storage/conditionalChange.ts). */
const PLAN_CHANGES: ConditionalChangeCodes = { notFound: 'ACTION_NOT_FOUND', changed: 'PLAN_CHANGED' };

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
  checkConditionalChange(PLAN_CHANGES, [roundId, actionId], version);
}

function planError(error: unknown): unknown {
  return conditionalChangeError(PLAN_CHANGES, error);
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
