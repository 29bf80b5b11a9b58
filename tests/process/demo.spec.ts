import { execFile, spawn } from 'node:child_process';
import { removeDir } from '../support/removeDir';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startFakeConnector } from '../support/fakeConnector';
import { ensureBuilt, eventually, exitWithin, freePort, ROOT, spawnService, type ServiceProcess } from '../support/serviceProcess';
import { installedInTeam, PEOPLE } from '../support/teamsActivities';
import { postToBot } from '../support/testService';
import { startTheRound } from '../support/startRound';

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
const cleanUp: (() => unknown)[] = [];

beforeAll(() => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-demo-'));
});
afterAll(async () => {
  await service?.kill();
  for (const step of cleanUp.reverse()) await step();
  removeDir(dataDir);
});

const seed = (into = dataDir) =>
  run(process.execPath, [join(ROOT, 'dist/bot/demo/seedDemo.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, DATA_DIR: into, PORT: '0', NODE_ENV: 'development' },
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

  // The team's plan: part of it kept with round 1 at its close, the rest agreed after, worked on since.
  const plan = (await (await fetch(`${team}/rounds/${encodeURIComponent(closed.roundId)}/plan`)).json()) as { actions: unknown[]; frozenAt: string | null };
  expect(plan.actions.length).toBeGreaterThan(0);
  expect(plan.frozenAt).toBe('2026-03-27T16:30:00.000Z');
  const living = (await (await fetch(`${team}/plan`)).json()) as { actions: { notes: unknown[]; statusHistory: { status: string }[] }[] };
  expect(living.actions.length).toBeGreaterThan(plan.actions.length);
  expect(living.actions.some((a) => a.notes.length > 1 && a.statusHistory.map((s) => s.status).join() === 'not-started,in-progress,done')).toBe(true);
  // Seeded twice, and each of round 1's evidence notes is there once.
  const evidence = (await (await fetch(`${team}/rounds/${encodeURIComponent(closed.roundId)}/evidence`)).json()) as { notes: { noteId: string; conditionId: string }[] };
  expect(evidence.notes.map((n) => [n.noteId, n.conditionId])).toEqual([['demo-evidence-1', 'C02'], ['demo-evidence-2', 'C02'], ['demo-evidence-3', 'C06']]);
});

/** The command a message ends with: its last line, as a person would copy it. */
const lastLine = (text: string) => text.trim().split('\n').at(-1)!.trim();
const TEAM = { id: TEAM_ID, name: 'Children’s Services – North' };

test('after trying Practice Audit, the demo ends every message with a command that works as written', async () => {
  // Trying the product first: the Playground's team gets a round of its own in the data folder.
  const tried = mkdtempSync(join(tmpdir(), 'practice-audit-tried-'));
  cleanUp.push(() => removeDir(tried));
  const connector = await startFakeConnector();
  cleanUp.push(() => connector.close());
  const trying = spawnService({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: tried, LOG_LEVEL: 'warn' }, { cwd: tried });
  cleanUp.push(() => trying.kill());
  const url = await trying.started();
  await postToBot({ url }, installedInTeam(connector.serviceUrl, PEOPLE.champion, TEAM));
  await startTheRound({ url }, connector, { team: TEAM });
  trying.child.kill('SIGTERM');
  expect(await exitWithin(trying, 15_000)).toBe(0);

  // `npm run demo` refuses that folder, and says what to run instead.
  const refused = await seed(tried).then(() => undefined, (error: { code: number; stderr: string }) => error);
  expect(refused?.code).toBe(1);
  const demoCommand = lastLine(refused!.stderr);
  expect(demoCommand).toMatch(/^DATA_DIR=\S+ npm run demo$/);
  cleanUp.push(() => rmSync(demoCommand.slice('DATA_DIR='.length, -' npm run demo'.length), { recursive: true, force: true }));

  // Run as written (PORT=0 only so that nothing else on this machine's port 3978 is taken for the service).
  const shellEnv = { PATH: process.env.PATH, HOME: process.env.HOME, PORT: '0' };
  const loaded = await run('sh', ['-c', demoCommand], { cwd: ROOT, env: shellEnv, timeout: 120_000 });
  const devCommand = lastLine(loaded.stdout);
  expect(devCommand).toBe(demoCommand.replace(/ npm run demo$/, ' npm run dev'));

  // `npm run dev` as written shows the demo: its two rounds, on the folder the demo was loaded into.
  const [port, playgroundPort] = [await freePort(), await freePort()];
  const dev = spawn('sh', ['-c', devCommand], {
    cwd: ROOT,
    env: { ...shellEnv, PORT: String(port), PLAYGROUND_PORT: String(playgroundPort), TEAMSAPPTESTER_BROWSER: 'none' },
    stdio: 'ignore',
    detached: true,
  });
  const devExited = new Promise((resolve) => dev.once('exit', resolve));
  cleanUp.push(() => {
    try {
      process.kill(-dev.pid!, 'SIGKILL');
    } catch {
      // already stopped
    }
  });
  const rounds = await eventually(async () => {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/teams/${encodeURIComponent(TEAM_ID)}/rounds`);
      return response.ok ? ((await response.json()) as { rounds: Round[] }).rounds : undefined;
    } catch {
      return undefined; // not up yet
    }
  }, 60_000, 'npm run dev to answer');
  expect(rounds.map((r) => [r.number, r.status, r.roundId.endsWith('-demo')])).toEqual([[2, 'open', true], [1, 'closed', true]]);
  process.kill(-dev.pid!, 'SIGINT'); // Ctrl+C
  await devExited;
});

test('its other refusals end with the command to run, with the same DATA_DIR', async () => {
  const refusal = (env: Record<string, string>) =>
    run(process.execPath, [join(ROOT, 'dist/bot/demo/seedDemo.js')], { cwd: ROOT, env: { PATH: process.env.PATH, DATA_DIR: dataDir, NODE_ENV: 'development', ...env }, timeout: 60_000 }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => ({ code: error.code, command: lastLine(error.stderr) }),
    );
  // A service (or anything) answering on the port the demo would share a data folder with.
  const running = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => running.listen(0, '127.0.0.1', resolve));
  try {
    const port = String((running.address() as AddressInfo).port);
    expect(await refusal({ PORT: port })).toEqual({ code: 1, command: `DATA_DIR=${dataDir} npm run demo` });
  } finally {
    await new Promise((resolve) => running.close(resolve));
  }
  expect(await refusal({ PORT: '0', TABLES_CONNECTION_STRING: 'UseDevelopmentStorage=true' })).toEqual({
    code: 1,
    command: `env -u TABLES_ENDPOINT -u TABLES_CONNECTION_STRING DATA_DIR=${dataDir} npm run demo`,
  });
});
