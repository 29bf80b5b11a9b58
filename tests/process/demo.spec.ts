import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ensureBuilt, ROOT, spawnService, type ServiceProcess } from '../support/serviceProcess';

/**
 * `npm run demo` seeds the local embedded storage; the service started on the same DATA_DIR
 * then shows the demo team's two rounds, with senior leaders and practitioners apart on C02.
 * Run twice: re-seeding replaces the demo rounds rather than adding to them.
 */
jest.setTimeout(90_000);
const run = promisify(execFile);
const TEAM_ID = '19:team-childrens-services-north@thread.tacv2';
let dataDir: string;
let service: ServiceProcess | undefined;

beforeAll(() => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-demo-'));
});
afterAll(async () => {
  await service?.kill();
  rmSync(dataDir, { recursive: true, force: true });
});

const seed = () =>
  run(process.execPath, [join(ROOT, 'dist/bot/demo/seedDemo.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'development' },
    timeout: 60_000,
  });

interface Round { roundId: string; number: number; status: string }

test('the demo seeds two rounds the service then shows, with disagreement on C02', async () => {
  const first = await seed();
  expect(first.stdout).toMatch(/Demo loaded/);
  await seed(); // idempotent

  service = spawnService({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }, { cwd: dataDir });
  const url = await service.started();
  const team = `${url}/api/teams/${encodeURIComponent(TEAM_ID)}`;

  const { rounds } = (await (await fetch(`${team}/rounds`)).json()) as { rounds: Round[] };
  expect(rounds.map((r) => [r.number, r.status])).toEqual([[2, 'open'], [1, 'closed']]);

  const closed = rounds.find((r) => r.number === 1)!;
  const summary = (await (await fetch(`${team}/rounds/${encodeURIComponent(closed.roundId)}/summary`)).json()) as {
    respondents: number;
    conditions: { conditionId: string; disagreement: { gap: number; mostPositive: { level: string }; leastPositive: { level: string } } | null }[];
  };
  expect(summary.respondents).toBeGreaterThan(200);
  expect(summary.respondents).toBeLessThan(400);
  const c02 = summary.conditions.find((c) => c.conditionId === 'C02')!.disagreement!;
  expect(c02.gap).toBeGreaterThanOrEqual(1);
  expect(c02.mostPositive.level).toBe('senior-leader');
  expect(c02.leastPositive.level).toBe('practitioner');

  const plan = (await (await fetch(`${team}/rounds/${encodeURIComponent(closed.roundId)}/plan`)).json()) as { actions: unknown[] };
  expect(plan.actions.length).toBeGreaterThan(0);
});
