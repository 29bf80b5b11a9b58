import { execFileSync } from 'node:child_process';
import { removeDir } from '../support/removeDir';
import { mkdtempSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import semver from 'semver';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { azuriteChildOf, ensureBuilt, ROOT, spawnService, type ServiceProcess } from '../support/serviceProcess';
import { cardAction, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * The Node.js versions the project supports (package.json `engines`). Machines may have an older
 * Node: npm installs Node 22 (the `node` devDependency) into node_modules/.bin, which npm scripts
 * put first on PATH, so `npm test` and everything it starts run on it. Node 24 comes as the
 * `node24` devDependency, for this proof that the built service starts and answers on it.
 */
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string }; devDependencies: Record<string, string> };
const installedNode = semver.minVersion(packageJson.devDependencies.node!)!;
const NODE_24 = join(dirname(require.resolve('node24/package.json')), 'bin/node');

let connector: FakeConnector;
let dataDir: string;
const spawned: ServiceProcess[] = [];

beforeAll(async () => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-node24-'));
  connector = await startFakeConnector();
});
afterAll(async () => {
  await Promise.all(spawned.map((service) => service.kill()));
  await connector?.close();
  removeDir(dataDir);
});

/** The executable a running process was started from (Linux /proc). */
const executableOf = (pid: number) => readlinkSync(`/proc/${pid}/exe`);

describe('the supported Node.js versions', () => {
  it(`runs the tests on the Node the project installs (${process.version} here), one that engines allows`, () => {
    expect(installedNode.major).toBe(22);
    expect(semver.major(process.version)).toBe(installedNode.major);
    expect(semver.satisfies(process.version, packageJson.engines.node)).toBe(true);
  });

  it('starts the built service on Node 24, with its Azurite, and it answers /healthz and an answer', async () => {
    const version = execFileSync(NODE_24, ['--version'], { encoding: 'utf8' }).trim();
    expect(semver.major(version)).toBe(24);
    expect(semver.satisfies(version, packageJson.engines.node)).toBe(true);

    // Local mode: no credentials, no storage settings, so the service starts its own Azurite too.
    const service = spawnService({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, CARD_UPDATE_DELAY_MS: '50', LOG_LEVEL: 'info' }, { cwd: dataDir, node: NODE_24 });
    spawned.push(service);
    const url = await service.started();
    const azurite = await azuriteChildOf(service.pid);
    expect(executableOf(service.pid)).toBe(realpathSync(NODE_24));
    expect(executableOf(azurite.pid)).toBe(realpathSync(NODE_24));

    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', storage: 'ok' });

    const send = (activity: unknown) => postToBot({ url }, activity);
    expect((await send(installedInTeam(connector.serviceUrl, PEOPLE.champion))).status).toBe(200);
    expect((await startTheRound({ url }, connector)).status).toBe(200);
    await connector.waitFor(() => connector.sentActivities().some((sent) => /Condition 1 of 12/.test(cardText(cardOf(sent.activity)))), 15_000);
    const c01 = connector.sentActivities().find((sent) => /Condition 1 of 12/.test(cardText(cardOf(sent.activity))))!;
    const roundId = String(executeActions(cardOf(c01.activity))[0]!.data.roundId);
    const reply = await send(cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner', comment: '' }));
    expect(reply.status).toBe(200);
    expect(executeActions(cardOf(reply.body)).map((action) => action.title)).toEqual(['Change my answer']);
  });
});
