import { mkdtempSync } from 'node:fs';
import { removeDir } from '../support/removeDir';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { azuriteChildOf, ensureBuilt, eventually, exitWithin, spawnService, type ServiceProcess } from '../support/serviceProcess';
import { cardAction, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * The embedded Azurite dies under a running service (killed here; out of memory or a crash
 * alike). The service logs it, starts it again on the same data folder, says through /healthz
 * whether storage answers, and takes answers again, with no one restarting it by hand.
 */
jest.setTimeout(120_000);
let connector: FakeConnector;
let dataDir: string;
const spawned: ServiceProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-storage-restarts-'));
  connector = await startFakeConnector();
});
afterAll(async () => {
  await Promise.all(spawned.map((service) => service.kill()));
  await connector?.close();
  removeDir(dataDir);
});

function startLocalService(): ServiceProcess {
  const service = spawnService({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, CARD_UPDATE_DELAY_MS: '50', LOG_LEVEL: 'info' }, { cwd: dataDir });
  spawned.push(service);
  return service;
}

const logged = (service: ServiceProcess) =>
  service.stdout().split('\n').flatMap((line) => {
    try {
      return [JSON.parse(line) as { event: string; [field: string]: unknown }];
    } catch {
      return [];
    }
  });

describe('an embedded Azurite that dies under the service', () => {
  let roundId = '';

  beforeAll(async () => {
    // A round, saved: opened by a service stopped cleanly (a killed Azurite loses what it had not saved).
    const first = startLocalService();
    const url = await first.started();
    await postToBot({ url }, installedInTeam(connector.serviceUrl, PEOPLE.champion));
    await startTheRound({ url }, connector);
    const c01 = await eventually(() => connector.sentActivities().find((s) => /Condition 1 of 12/.test(cardText(cardOf(s.activity)))), 15_000, 'the C01 card');
    roundId = String(executeActions(cardOf(c01.activity))[0]!.data.roundId);
    first.child.kill('SIGTERM');
    expect(await exitWithin(first, 15_000)).toBe(0);
  });

  it('is started again, logged, and answers are taken again; /healthz says whether storage answers', async () => {
    const service = startLocalService();
    const url = await service.started();
    const health = async () => {
      const response = await fetch(`${url}/healthz`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };
    expect(await health()).toEqual({ status: 200, body: { status: 'ok', storage: 'ok' } });

    const dead = await azuriteChildOf(service.pid);
    process.kill(dead.pid, 'SIGKILL');
    const exitedLine = await eventually(() => logged(service).find((entry) => entry.event === 'embedded_storage_exited'), 15_000, 'the exit to be logged');
    expect(exitedLine).toMatchObject({ level: 'error', pid: dead.pid, signal: 'SIGKILL' });
    const restarted = await eventually(() => logged(service).find((entry) => entry.event === 'embedded_storage_restarted'), 15_000, 'the restart to be logged');
    expect(restarted).toMatchObject({ port: dead.port });
    expect((await azuriteChildOf(service.pid)).pid).toBe(restarted.pid);

    const answer = cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'fully', level: 'practitioner', comment: '' });
    const reply = await postToBot({ url }, answer);
    expect(executeActions(cardOf(reply.body)).map((a) => a.title)).toEqual(['Change my answer']);
    await eventually(async () => ((await health()).status === 200 ? true : undefined), 15_000, '/healthz to be ok');

    // Stopped for a while (SIGSTOP: it holds its port and answers nothing), storage is reported unreachable.
    const running = await azuriteChildOf(service.pid);
    process.kill(running.pid, 'SIGSTOP');
    try {
      const down = await eventually(async () => {
        const reply = await health();
        return reply.status === 200 ? undefined : reply;
      }, 20_000, '/healthz to report storage unreachable');
      expect(down).toEqual({ status: 503, body: { status: 'unavailable', storage: 'unreachable', message: 'Table storage does not answer.' } });
    } finally {
      process.kill(running.pid, 'SIGCONT');
    }
    await eventually(async () => ((await health()).status === 200 ? true : undefined), 15_000, '/healthz to be ok again');

    service.child.kill('SIGTERM');
    expect(await exitWithin(service, 15_000)).toBe(0);
  });
});
