import { planForReport } from '../../bot/app/plan/planReads';
import type { PlanAction } from '../../bot/domain/plan';
import type { RunningService } from '../../bot/service';
import { closeRoundNow } from '../support/closeRoundNow';
import { parseCsv } from '../support/csvParse';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { startTheRound } from '../support/startRound';
import { installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/**
 * The plan belongs to the team (issue 11), across three rounds run as a team runs them (the
 * real service in local mode, rounds opened and closed through the bot): what an open round's
 * plan shows, what each close keeps, and what reports take.
 */
jest.setTimeout(120_000);
let connector: FakeConnector;
let service: RunningService;
const team = () => `${service.url}/api/teams/${encodeURIComponent(TEAM.id)}`;

beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService();
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

interface RoundPlan { actions: PlanAction[]; canEdit: boolean; frozenAt: string | null; today: string }

async function api<T>(method: string, path: string, body?: unknown, version?: string): Promise<T> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(version ? { 'if-match': version } : {}) };
  const response = await fetch(`${team()}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const add = (conditionId: string, need: string) => api<PlanAction>('POST', '/plan/actions', { conditionId, need, progress: '', owner: 'Head of service', dueDate: '2027-06-30', status: 'not-started' });
async function change(actionId: string, fields: Partial<PlanAction>): Promise<PlanAction> {
  const current = (await api<{ actions: PlanAction[] }>('GET', '/plan')).actions.find((a) => a.actionId === actionId)!;
  const { conditionId, need, progress, owner, dueDate, status } = { ...current, ...fields };
  return api<PlanAction>('PUT', `/plan/actions/${actionId}`, { conditionId, need, progress, owner, dueDate, status }, current.version);
}
const roundPlan = (roundId: string) => api<RoundPlan>('GET', `/rounds/${roundId}/plan`);
const needs = (plan: { actions: readonly PlanAction[] }) => plan.actions.map((a) => a.need);

async function openRound(): Promise<string> {
  await startTheRound(service, connector);
  await service.settled();
  return (await service.services.rounds.findOpen(TEAM.id))!.roundId;
}

it('carries open actions into every later round, drops done ones after the next close, and keeps each round\'s plan as it stood at its close', async () => {
  const r1 = await openRound();
  const a = await add('C01', 'A: supervision every month');
  const b = await add('C02', 'B: name a champion in every team');
  expect([a.createdInRoundId, b.createdInRoundId]).toEqual([r1, r1]);
  await change(b.actionId, { status: 'done' });
  expect(needs(await roundPlan(r1))).toEqual([a.need, b.need]);

  await closeRoundNow(service);
  const r1Kept = await roundPlan(r1);
  expect(r1Kept).toMatchObject({ canEdit: false, frozenAt: expect.any(String) });
  expect(r1Kept.actions.map((x) => [x.need, x.status])).toEqual([[a.need, 'not-started'], [b.need, 'done']]);
  expect(Date.parse(r1Kept.frozenAt!)).toBeGreaterThanOrEqual(Date.parse((await service.services.rounds.get(TEAM.id, r1))!.closedAt!));

  // Round 2: A, agreed in round 1, is still there; B was done before round 1 closed.
  const r2 = await openRound();
  expect(needs(await roundPlan(r2))).toEqual([a.need]);
  const c = await add('C03', 'C: practice model at induction');
  expect(c.createdInRoundId).toBe(r2);
  await change(c.actionId, { status: 'done' });
  const r2Open = await roundPlan(r2);
  expect(r2Open).toMatchObject({ canEdit: true, frozenAt: null });
  expect(needs(r2Open)).toEqual([a.need, c.need]); // C done during round 2: staff see what came of it
  await closeRoundNow(service);
  const r2Kept = await roundPlan(r2);
  expect(needs(r2Kept)).toEqual([a.need, c.need]);

  // Planning after the close: a new action joins round 2 (the latest), an old one is reworded.
  const d = await add('C04', 'D: one recording form per visit');
  expect(d.createdInRoundId).toBe(r2);
  await change(a.actionId, { need: 'A: supervision every month, recorded' });
  expect(await roundPlan(r1)).toEqual(r1Kept);
  expect(await roundPlan(r2)).toEqual(r2Kept);

  // Reports: the latest round's plan as it stands; an earlier round's as it stood at its close.
  const rounds = service.services;
  const latest = await planForReport(rounds, (await rounds.rounds.get(TEAM.id, r2))!);
  expect(latest).toMatchObject({ asOf: 'now' });
  expect(needs(latest)).toEqual(['A: supervision every month, recorded', c.need, d.need]);
  const earlier = await planForReport(rounds, (await rounds.rounds.get(TEAM.id, r1))!);
  expect(earlier).toEqual({ actions: r1Kept.actions, asOf: 'close', at: r1Kept.frozenAt });
  const csv = parseCsv((await (await fetch(`${team()}/rounds/${r1}/export.csv`)).text()).replace(/^\uFEFF/, ''));
  expect(csv.find((line) => line[0] === 'Plan')?.[1]).toMatch(/^As it stood at the round's close on \w+day \d{1,2} \w+ \d{4}$/);
  expect(csv.map((line) => line[3]).join('\n')).not.toContain('D: one recording form per visit');
  // The printed page reads the same plan as the reports, through …/plan/report.
  const printedLatest = await api<{ actions: PlanAction[]; frozenAt: string | null; canEdit: boolean }>('GET', `/rounds/${r2}/plan/report`);
  expect({ needs: printedLatest.actions.map((x) => x.need), frozenAt: printedLatest.frozenAt, canEdit: printedLatest.canEdit }).toEqual({ needs: needs(latest), frozenAt: null, canEdit: false });
  const printedEarlier = await api<{ actions: PlanAction[]; frozenAt: string | null }>('GET', `/rounds/${r1}/plan/report`);
  expect({ actions: printedEarlier.actions, frozenAt: printedEarlier.frozenAt }).toEqual({ actions: r1Kept.actions, frozenAt: r1Kept.frozenAt });

  // Round 3: A (from round 1) and D are open; C was done before round 2 closed.
  const r3 = await openRound();
  expect(needs(await roundPlan(r3))).toEqual(['A: supervision every month, recorded', d.need]);
  await closeRoundNow(service);
  expect(needs(await roundPlan(r3))).toEqual(['A: supervision every month, recorded', d.need]);
  expect(await roundPlan(r1)).toEqual(r1Kept);
  expect(await roundPlan(r2)).toEqual(r2Kept);

  // The living plan keeps every action, done ones too, each with where it was agreed.
  const living = await api<{ actions: PlanAction[]; canEdit: boolean }>('GET', '/plan');
  expect(living.actions.map((x) => [x.conditionId, x.createdInRoundId, x.status])).toEqual([['C01', r1, 'not-started'], ['C02', r1, 'done'], ['C03', r2, 'done'], ['C04', r2, 'not-started']]);
});
