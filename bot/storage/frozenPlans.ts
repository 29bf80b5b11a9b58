import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { FrozenPlan } from '../app/plan/planStore';
import type { PlanAction } from '../domain/plan';
import { canBeKeys, encodeKey } from './keys';
import { isConflict, storageCall } from './storageErrors';

/**
 * The plans kept at rounds' closes, in the `plans` table (owned by PlanRepository): one partition
 * per team, `frozen-<team id, base64url>`, and per round the plan's JSON in parts of
 * `round-<roundId>~0000`, `~0001`… (the first also holds `frozenAt` and the number of parts).
 * All parts are created in one transaction: a freeze is kept whole or not at all, and the first
 * freeze of a round wins (a second one's create meets the first's rows, 409, and changes nothing).
 */
export const frozenPartition = (teamId: string): string => `frozen-${encodeKey(teamId)}`;
const partKey = (roundId: string, part: number): string => `round-${roundId}~${String(part).padStart(4, '0')}`;

/** Under a string property's limit of 64 KiB (32,768 UTF-16 code units: Table storage's data model). */
const PART_CHARACTERS = 30_000;
/** One transaction holds at most 100 rows (Table storage's entity group transactions). */
const MAX_PARTS = 100;

interface PartRow {
  readonly roundId: string;
  readonly json: string;
  readonly frozenAt?: string;
  readonly parts?: number;
}

/**
 * Keeps `actions` as the round's plan at `frozenAt`, unless the round already has one (first
 * wins). Frozen actions carry no version (they are read only). Throws STORAGE_UNAVAILABLE, and an
 * Error for a plan larger than one transaction can hold (about 3 million characters).
 */
export async function freezePlan(table: TableClient, teamId: string, roundId: string, actions: readonly PlanAction[], frozenAt: string): Promise<void> {
  if (!canBeKeys(partKey(roundId, 0))) throw new Error('A round id that cannot be a key has no plan to keep.');
  const json = JSON.stringify(actions.map((action) => ({ ...action, version: '' })));
  const parts: string[] = [];
  for (let at = 0; at < json.length || parts.length === 0; ) {
    // A part never ends inside a surrogate pair (an emoji): each is whole text, as Table storage keeps strings.
    let end = Math.min(at + PART_CHARACTERS, json.length);
    if (end < json.length && /[\uD800-\uDBFF]/.test(json.charAt(end - 1))) end -= 1;
    parts.push(json.slice(at, end));
    at = end;
  }
  if (parts.length > MAX_PARTS) throw new Error(`The plan is too large to keep with round ${roundId} (${json.length} characters).`);
  const partitionKey = frozenPartition(teamId);
  const rows = parts.map((part, i): TransactionAction => [
    'create',
    { partitionKey, rowKey: partKey(roundId, i), roundId, json: part, ...(i === 0 ? { frozenAt, parts: parts.length } : {}) },
  ]);
  try {
    await storageCall(() => table.submitTransaction(rows));
  } catch (error) {
    if (!isConflict(error)) throw error;
  }
}

/** The round's frozen plan, or undefined when none was kept. Throws STORAGE_UNAVAILABLE. */
export async function frozenPlan(table: TableClient, teamId: string, roundId: string): Promise<FrozenPlan | undefined> {
  if (!canBeKeys(partKey(roundId, 0))) return undefined;
  const rows: (PartRow & { rowKey?: string })[] = [];
  const query = table.listEntities<PartRow>({
    queryOptions: { filter: odata`PartitionKey eq ${frozenPartition(teamId)} and RowKey ge ${partKey(roundId, 0)} and RowKey lt ${`round-${roundId}~~`} and roundId eq ${roundId}` },
  });
  await storageCall(async () => {
    for await (const row of query) rows.push(row);
  });
  rows.sort((a, b) => (a.rowKey ?? '').localeCompare(b.rowKey ?? ''));
  const head = rows[0];
  // Written in one transaction, so all parts are there; anything else is not a plan to show.
  if (!head?.frozenAt || head.parts !== rows.length) return undefined;
  const actions = JSON.parse(rows.map((row) => row.json).join('')) as PlanAction[];
  return { roundId, frozenAt: head.frozenAt, actions };
}
