import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TableTransactionResponse, type TransactionAction } from '@azure/data-tables';
import type { NudgeClaim, NudgeClaims, NudgeOutcome } from '../app/plan/nudgePorts';
import type { ActionFields, ChangeStamp, FrozenPlan, PlanStore } from '../app/plan/planStore';
import type { AuditRound } from '../domain/auditRound';
import { AuditError } from '../domain/errors';
import type { PlanAction, ProgressNote } from '../domain/plan';
import { freezePlan, frozenPartition, frozenPlan } from './frozenPlans';
import { claimNudge, recordNudge, releaseNudge } from './nudgeClaims';
import { canBeKeys } from './keys';
import { isMigrated, migrateOldPlans } from './planMigration';
import { actionRow, actionRowKey, actionRowsEnd, actionsFromRows, noteRow, statusRow, teamPartition, toAction, type StoredRow } from './planRows';
import { checkConditionalChange, conditionalChangeError, type ConditionalChangeCodes } from './conditionalChange';
import { storageCall } from './storageErrors';

/** Adding a note re-reads the action this many times when an edit lands between its read and its write. */
const NOTE_ATTEMPTS = 3;

/**
 * Each team's living plan over the `plans` table (keys: planRows.ts; frozen plans: frozenPlans.ts;
 * plans written before issue 11: planMigration.ts, run on a team's first use on each instance).
 * Changes are conditional on the version (the action row's etag) the editor saw, so a concurrent
 * edit is refused, not lost; an action's status change and its history entry are one transaction.
 * The owners' due-date nudges are claimed among the action's rows (nudgeClaims.ts).
 */
export class PlanRepository implements PlanStore, NudgeClaims {
  /** Teams whose old plans this instance knows to be carried over, or is carrying over now. */
  private readonly migrations = new Map<string, Promise<void>>();

  /** `rounds`: the team's rounds, for the migration to find their old plans. */
  constructor(
    private readonly table: TableClient,
    private readonly rounds: { listForTeam(teamId: string): Promise<AuditRound[]> },
    private readonly now: () => Date = () => new Date(),
  ) {}

  async list(teamId: string): Promise<PlanAction[]> {
    await this.migrated(teamId);
    return actionsFromRows(await this.rows(odata`PartitionKey eq ${teamPartition(teamId)}`));
  }

  async get(teamId: string, actionId: string): Promise<PlanAction | undefined> {
    if (!canBeKeys(teamPartition(teamId), actionRowsEnd(actionId))) return undefined;
    await this.migrated(teamId);
    const filter = odata`PartitionKey eq ${teamPartition(teamId)} and RowKey ge ${actionRowKey(actionId)} and RowKey lt ${actionRowsEnd(actionId)} and actionId eq ${actionId}`;
    return actionsFromRows(await this.rows(filter))[0];
  }

  async create(teamId: string, actionId: string, fields: ActionFields, created: ChangeStamp & { readonly roundId: string | null }): Promise<PlanAction> {
    await this.migrated(teamId);
    const partitionKey = teamPartition(teamId);
    const row = actionRow(actionId, fields, {
      createdAt: created.at,
      createdInRoundId: created.roundId,
      doneAt: fields.status === 'done' ? created.at : null,
      updatedAt: created.at,
      updatedBy: created.by,
    });
    const first = { status: fields.status, changedAt: created.at, changedBy: created.by };
    const result = await storageCall(() =>
      this.table.submitTransaction([
        ['create', { partitionKey, rowKey: actionRowKey(actionId), ...row }],
        ['create', { partitionKey, ...statusRow(actionId, first) }],
      ]),
    );
    return toAction(row, etagOf(result), [], [first]);
  }

  async update(teamId: string, actionId: string, version: string, fields: ActionFields, changed: ChangeStamp): Promise<PlanAction> {
    checkChange(teamId, actionId, version);
    const current = await this.get(teamId, actionId);
    if (!current) throw new AuditError('ACTION_NOT_FOUND');
    if (current.version !== version) throw new AuditError('PLAN_CHANGED');
    const moved = current.status !== fields.status;
    const doneAt = fields.status !== 'done' ? null : moved ? changed.at : current.doneAt;
    const row = actionRow(actionId, fields, { createdAt: current.createdAt, createdInRoundId: current.createdInRoundId, doneAt, updatedAt: changed.at, updatedBy: changed.by });
    const change = { status: fields.status, changedAt: changed.at, changedBy: changed.by };
    const partitionKey = teamPartition(teamId);
    const writes: TransactionAction[] = [['update', { partitionKey, rowKey: actionRowKey(actionId), ...row }, 'Replace', { etag: version }]];
    if (moved) writes.push(['create', { partitionKey, ...statusRow(actionId, change) }]);
    const result = await changeOf(() => this.table.submitTransaction(writes));
    return toAction(row, etagOf(result), current.notes, moved ? [...current.statusHistory, change] : current.statusHistory);
  }

  async remove(teamId: string, actionId: string, version: string): Promise<void> {
    checkChange(teamId, actionId, version);
    await this.migrated(teamId);
    const partitionKey = teamPartition(teamId);
    // Deletes in a transaction cannot be conditional: the action's row goes first, at its
    // version; its notes and history then belong to no action (never shown) and are tidied away.
    await changeOf(() => this.table.deleteEntity(partitionKey, actionRowKey(actionId), { etag: version }));
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey gt ${actionRowKey(actionId)} and RowKey lt ${actionRowsEnd(actionId)} and actionId eq ${actionId}`;
    await this.rows(filter)
      .then((left) => this.deleteRows(partitionKey, left))
      .catch(() => undefined);
  }

  async addNote(teamId: string, actionId: string, note: Omit<ProgressNote, 'noteId'>): Promise<ProgressNote> {
    const added: ProgressNote = { noteId: randomUUID(), ...note };
    const partitionKey = teamPartition(teamId);
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.get(teamId, actionId);
      if (!current) throw new AuditError('ACTION_NOT_FOUND');
      // The action's row is touched at the version read, in the same transaction: a note is
      // never added to an action removed meanwhile, and its version moves, so an editor who
      // saw it before the note reloads rather than saving over a plan they have not seen.
      try {
        await changeOf(() =>
          this.table.submitTransaction([
            ['update', { partitionKey, rowKey: actionRowKey(actionId), lastNoteAt: added.writtenAt }, 'Merge', { etag: current.version }],
            ['create', { partitionKey, ...noteRow(actionId, added) }],
          ]),
        );
        return added;
      } catch (error) {
        if (!(error instanceof AuditError && error.code === 'PLAN_CHANGED')) throw error;
        if (attempt >= NOTE_ATTEMPTS) throw new AuditError('STORAGE_CONFLICT', undefined, { cause: error });
      }
    }
  }

  async freeze(teamId: string, roundId: string, actions: readonly PlanAction[], frozenAt: string): Promise<void> {
    await this.migrated(teamId);
    await freezePlan(this.table, teamId, roundId, actions, frozenAt);
  }

  async frozen(teamId: string, roundId: string): Promise<FrozenPlan | undefined> {
    await this.migrated(teamId);
    return frozenPlan(this.table, teamId, roundId);
  }

  claimNudge(teamId: string, actionId: string, dueDate: string, ownerTeamsUserId: string, claimedAt: string): Promise<NudgeClaim | undefined> {
    return claimNudge(this.table, teamId, actionId, dueDate, ownerTeamsUserId, claimedAt);
  }

  recordNudge(claim: NudgeClaim, outcome: NudgeOutcome, at: string): Promise<void> {
    return recordNudge(this.table, claim, outcome, at);
  }

  releaseNudge(claim: NudgeClaim): Promise<void> {
    return releaseNudge(this.table, claim);
  }

  /** Resolves once the team's old plans are carried over; one migration at a time per team on this instance. */
  private migrated(teamId: string): Promise<void> {
    let migration = this.migrations.get(teamId);
    if (!migration) {
      migration = (async () => {
        if (await isMigrated(this.table, teamId)) return;
        await migrateOldPlans(this.table, teamId, await this.rounds.listForTeam(teamId), this.now().toISOString());
      })();
      // A failed one (storage unreachable) is tried again by the next use.
      migration.catch(() => this.migrations.delete(teamId));
      this.migrations.set(teamId, migration);
    }
    return migration;
  }

  private async rows(filter: string): Promise<StoredRow[]> {
    const rows: StoredRow[] = [];
    const query = this.table.listEntities<StoredRow>({ queryOptions: { filter } });
    await storageCall(async () => {
      for await (const row of query) rows.push(row);
    });
    return rows;
  }

  /** Deletes rows of one partition, a transaction (at most 100) at a time. */
  private async deleteRows(partitionKey: string, rows: readonly { rowKey?: string }[]): Promise<void> {
    for (let at = 0; at < rows.length; at += 100) {
      const batch = rows.slice(at, at + 100).map((row): TransactionAction => ['delete', { partitionKey, rowKey: row.rowKey! }]);
      await storageCall(() => this.table.submitTransaction(batch));
    }
  }

  /**
   * Removes the team's whole plan and its frozen plans, as if it had never had one (the demo
   * replacing its own team's data; no person's action). Throws STORAGE_UNAVAILABLE.
   */
  async clearTeam(teamId: string): Promise<void> {
    this.migrations.delete(teamId);
    for (const partitionKey of [teamPartition(teamId), frozenPartition(teamId)]) {
      await this.deleteRows(partitionKey, await this.rows(odata`PartitionKey eq ${partitionKey}`));
    }
  }
}

/** How the plan's conditional changes are refused (storage/conditionalChange.ts). */
const PLAN_CHANGES: ConditionalChangeCodes = { notFound: 'ACTION_NOT_FOUND', changed: 'PLAN_CHANGED' };

/** An id that cannot be a key names no action; a version that is not an etag is no version. */
function checkChange(teamId: string, actionId: string, version: string): void {
  checkConditionalChange(PLAN_CHANGES, [teamPartition(teamId), actionRowsEnd(actionId)], version);
}

/** A write at a version: 404 is an action no longer there, 412 a version someone else's change replaced. */
async function changeOf<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await storageCall(write);
  } catch (error) {
    throw conditionalChangeError(PLAN_CHANGES, error);
  }
}

/** The etag of a transaction's first write (the action's row), as storage gave it. */
function etagOf(result: TableTransactionResponse): string {
  return (result.subResponses[0]?.etag ?? '').trim();
}
