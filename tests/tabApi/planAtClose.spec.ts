import type { TableClient } from '@azure/data-tables';
import { planForReport } from '../../bot/app/plan/planReads';
import type { PlanAction } from '../../bot/domain/plan';
import type { RunningService } from '../../bot/service';
import { openAuditTables } from '../../bot/storage/tables';
import { closeRoundNow } from '../support/closeRoundNow';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { startTheRound } from '../support/startRound';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';
import { installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/**
 * The plan at a round's close, when things are not as they should be: plans written before issue
 * 11 (one per round), carried into the team's plan as the round closes; and a close whose plan
 * cannot be kept, which still closes, and whose round then says its plan is the one as it stands.
 * The real service in local mode, its tables reached here directly to write the old rows and to
 * take the plans table away.
 */
jest.setTimeout(90_000);
let connector: FakeConnector;
let service: RunningService;
let plansTable: TableClient;
const team = () => `${service.url}/api/teams/${encodeURIComponent(TEAM.id)}`;

beforeEach(async () => {
  const prefix = uniqueTablePrefix();
  plansTable = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, prefix).plans;
  connector = await startFakeConnector();
  service = await startTestService({ TABLES_PREFIX: prefix });
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
});
afterEach(async () => {
  await service?.stop();
  await connector?.close();
});

const get = async <T>(path: string): Promise<T> => (await (await fetch(`${team()}${path}`)).json()) as T;
const openRoundId = async () => (await service.services.rounds.findOpen(TEAM.id))!.roundId;
interface RoundPlan { actions: PlanAction[]; canEdit: boolean; frozenAt: string | null }

it("carries a round's plan written the old way into the team's plan when the round closes, and keeps it as the round's", async () => {
  const r1 = await openRoundId();
  // As the service before issue 11 wrote them: the round's partition, one row per action.
  const old = { progress: '', owner: 'Head of service', dueDate: '', updatedBy: 'Amara Okafor' };
  await plansTable.createEntity({ partitionKey: r1, rowKey: 'old-1', conditionId: 'C05', need: 'Case discussion groups', status: 'in-progress', updatedAt: '2026-11-02T10:00:00.000Z', ...old });
  await plansTable.createEntity({ partitionKey: r1, rowKey: 'old-2', conditionId: 'C01', need: 'Share the practice model', status: 'done', updatedAt: '2026-11-03T10:00:00.000Z', ...old });

  await closeRoundNow(service);
  const kept = await get<RoundPlan>(`/rounds/${r1}/plan`);
  expect(kept).toMatchObject({ canEdit: false, frozenAt: expect.any(String) });
  expect(kept.actions.map((a) => [a.actionId, a.need, a.status, a.createdInRoundId])).toEqual([['old-2', 'Share the practice model', 'done', r1], ['old-1', 'Case discussion groups', 'in-progress', r1]]);

  // The next round carries the one not done; the team's plan has both, each with its one status.
  await startTheRound(service, connector);
  await service.settled();
  const r2Plan = await get<RoundPlan>(`/rounds/${await openRoundId()}/plan`);
  expect(r2Plan.actions.map((a) => a.actionId)).toEqual(['old-1']);
  const living = await get<{ actions: PlanAction[] }>('/plan');
  expect(living.actions.map((a) => [a.actionId, a.statusHistory.map((s) => s.status)])).toEqual([['old-2', ['done']], ['old-1', ['in-progress']]]);
});

it('closes the round when its plan cannot be kept, and its plan then says it is the plan as it stands, not as it stood at the close', async () => {
  const r1 = await openRoundId();
  const added = await fetch(`${team()}/plan/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conditionId: 'C02', need: 'Name a champion in every team' }) });
  expect(added.status).toBe(201);
  // The plans table is gone while the round closes: nothing can be read from it or kept in it.
  await plansTable.deleteTable();
  const { planKept } = await closeRoundNow(service); // resolves once the round's results are out: the close was not lost
  expect(planKept).toBe(false);
  const closed = (await service.services.rounds.get(TEAM.id, r1))!;
  expect(closed).toMatchObject({ status: 'closed', finalCounts: expect.any(Object) });

  await plansTable.createTable();
  const after = await fetch(`${team()}/plan/actions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ conditionId: 'C03', need: 'Induction on the practice model' }) });
  expect(after.status).toBe(201);
  const shown = await get<RoundPlan>(`/rounds/${r1}/plan`);
  expect(shown).toMatchObject({ frozenAt: null, canEdit: true });
  expect(shown.actions.map((a) => a.need)).toEqual(['Induction on the practice model']);
  expect(await planForReport(service.services, closed)).toMatchObject({ asOf: 'now' });
});
