import { odata } from '@azure/data-tables';
import type { AuditRound } from '../../bot/domain/auditRound';
import { migrateOldPlans } from '../../bot/storage/planMigration';
import { PlanRepository } from '../../bot/storage/planRepository';
import { teamPartition } from '../../bot/storage/planRows';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * Plans written before issue 11 belonged to a round: one partition per round id, one row per action.
 * Those rows are written here directly through the TableClient, as the old code wrote them, and
 * the team's plan is then read through the new store on two instances at once.
 */
let tables: AuditTables;
let rounds: RoundsRepository;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  rounds = new RoundsRepository(tables.rounds);
});

const round = (teamId: string, roundId: string, number: number): AuditRound => ({
  teamId, roundId, number, status: 'open', openedAt: `2026-0${number}-01T09:00:00.000Z`, openedBy: 'Amara Okafor', conditionMessageIds: {},
});

/** A row exactly as the old PlanRepository wrote it: partition = round id, row key = action id. */
async function writeOldRow(roundId: string, actionId: string, row: { conditionId: string; need: string; status: string; updatedAt: string; dueDate?: string; owner?: string }) {
  await tables.plans.createEntity({ partitionKey: roundId, rowKey: actionId, progress: 'As agreed at the meeting', owner: '', dueDate: '', updatedBy: 'Amara Okafor', ...row });
}

async function teamWithOldPlans(teamId: string, prefix: string): Promise<{ closedId: string; openId: string }> {
  const closedId = `${prefix}-20260101-r1`;
  const openId = `${prefix}-20260301-r2`;
  await rounds.open(round(teamId, closedId, 1));
  await rounds.close(teamId, closedId, '2026-02-01T16:00:00.000Z');
  await rounds.open(round(teamId, openId, 2));
  await writeOldRow(closedId, 'old-a', { conditionId: 'C02', need: 'Name a champion in every team', status: 'done', updatedAt: '2026-01-20T10:00:00.000Z', owner: 'Head of service' });
  // Edited after its round closed, as the old tab allowed.
  await writeOldRow(closedId, 'old-b', { conditionId: 'C07', need: 'Supervision audit', status: 'in-progress', updatedAt: '2026-02-10T10:00:00.000Z', dueDate: '2026-06-30' });
  await writeOldRow(openId, 'old-c', { conditionId: 'C01', need: 'Share the practice model', status: 'not-started', updatedAt: '2026-03-05T10:00:00.000Z' });
  return { closedId, openId };
}

it("carries a team's old plans into its plan: ids kept, each in its round, a status history of one, and a closed round's old plan frozen", async () => {
  const teamId = '19:migrating@thread.tacv2';
  const { closedId, openId } = await teamWithOldPlans(teamId, 'm');
  const plans = new PlanRepository(tables.plans, rounds);
  const actions = await plans.list(teamId);
  expect(actions.map((a) => [a.actionId, a.conditionId, a.createdInRoundId, a.status])).toEqual([
    ['old-c', 'C01', openId, 'not-started'],
    ['old-a', 'C02', closedId, 'done'],
    ['old-b', 'C07', closedId, 'in-progress'],
  ]);
  const [, a, b] = actions;
  expect(a).toMatchObject({ need: 'Name a champion in every team', owner: 'Head of service', ownerMember: null, dueDate: null, doneAt: '2026-01-20T10:00:00.000Z', notes: [] });
  expect(a!.statusHistory).toEqual([{ status: 'done', changedAt: '2026-01-20T10:00:00.000Z', changedBy: 'Amara Okafor' }]);
  expect(b).toMatchObject({ dueDate: '2026-06-30', progress: 'As agreed at the meeting', createdAt: '2026-02-10T10:00:00.000Z', doneAt: null });

  const frozen = await plans.frozen(teamId, closedId);
  expect(frozen?.actions.map((x) => x.actionId)).toEqual(['old-a', 'old-b']);
  expect(frozen?.frozenAt).toBe('2026-02-10T10:00:00.000Z'); // its rows' last change, after the close
  expect(await plans.frozen(teamId, openId)).toBeUndefined();

  // Migrated actions are the team's own: changed like any other, and never carried over again.
  const changed = await plans.update(teamId, 'old-b', b!.version, { ...b!, status: 'done' }, { at: '2026-03-10T10:00:00.000Z', by: 'Chloe Singh' });
  expect(changed.statusHistory.map((s) => s.status)).toEqual(['in-progress', 'done']);
  await plans.remove(teamId, 'old-c', actions[0]!.version);
  const later = new PlanRepository(tables.plans, rounds);
  expect((await later.list(teamId)).map((x) => [x.actionId, x.status])).toEqual([['old-a', 'done'], ['old-b', 'done']]);
  expect((await later.frozen(teamId, closedId))?.actions.find((x) => x.actionId === 'old-b')?.status).toBe('in-progress');
});

it('gives one copy when two instances carry the same team over at once', async () => {
  const teamId = '19:racing@thread.tacv2';
  const { closedId } = await teamWithOldPlans(teamId, 'race');
  const instances = Array.from({ length: 2 }, () => new PlanRepository(tables.plans, rounds));
  const [first, second] = await Promise.all([instances[0]!.list(teamId), instances[1]!.list(teamId), instances[1]!.frozen(teamId, closedId)]);
  expect(first.map((a) => a.actionId)).toEqual(['old-c', 'old-a', 'old-b']);
  expect(second).toEqual(first);
  for (const action of first) expect(action.statusHistory).toHaveLength(1);
  // Not hidden by the read: the team's partition holds each action and its first status once.
  const kinds: string[] = [];
  for await (const row of tables.plans.listEntities<{ kind?: string; actionId?: string }>({ queryOptions: { filter: odata`PartitionKey eq ${teamPartition(teamId)}` } })) {
    kinds.push(`${row.kind ?? row.rowKey} ${row.actionId ?? ''}`.trim());
  }
  expect(kinds.sort()).toEqual(['action old-a', 'action old-b', 'action old-c', 'carried-old-a old-a', 'carried-old-b old-b', 'carried-old-c old-c', 'migrated', 'status old-a', 'status old-b', 'status old-c']);
});

it('never brings back an action removed while another instance was still carrying the team over', async () => {
  const teamId = '19:removing@thread.tacv2';
  await teamWithOldPlans(teamId, 'rm');
  const plans = new PlanRepository(tables.plans, rounds);
  const removed = (await plans.list(teamId)).find((a) => a.actionId === 'old-c')!;
  await plans.remove(teamId, 'old-c', removed.version);
  // Another instance that found no marker before the first wrote it is still carrying the team
  // over (its storage calls slow, say): its creates land after the removal.
  await migrateOldPlans(tables.plans, teamId, await rounds.listForTeam(teamId), '2026-03-20T10:00:00.000Z');
  expect((await new PlanRepository(tables.plans, rounds).list(teamId)).map((a) => a.actionId)).toEqual(['old-a', 'old-b']);
});
