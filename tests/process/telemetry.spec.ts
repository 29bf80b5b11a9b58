import { execFileSync } from 'node:child_process';
import { removeDir } from '../support/removeDir';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { respondentIdFor } from '../../bot/domain/respondent';
import { encodeKey } from '../../bot/storage/keys';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { ensureBuilt, exitWithin, spawnService, type ServiceProcess } from '../support/serviceProcess';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, cardAction, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, TEST_HMAC_KEY } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * The built service with APPLICATIONINSIGHTS_CONNECTION_STRING set sends its telemetry to the
 * connection string's ingestion endpoint: here a stand-in for Application Insights on loopback.
 * The exporter only speaks HTTPS, so the stand-in has a certificate made for this run, which the
 * service trusts through NODE_EXTRA_CA_CERTS. Telemetry is batched; a stop (SIGTERM, as App
 * Service stops a container) must export what is left, so the test reads it after the stop.
 */
interface TelemetryItem {
  readonly name: string;
  readonly iKey: string;
  readonly tags?: Record<string, string>;
  // A RemoteDependencyData's target (host:port) and data (the URL called) are text.
  readonly data: { readonly baseType: string; readonly baseData: Record<string, unknown> & { readonly target?: string; readonly data?: string } };
}

const INSTRUMENTATION_KEY = '00000000-0000-0000-0000-000000000000';
let workDir: string;
let ingestion: Server;
const received: { path: string; body: string; items: TelemetryItem[] }[] = [];
const spawned: ServiceProcess[] = [];
const connectors: FakeConnector[] = [];

beforeAll(async () => {
  ensureBuilt();
  workDir = mkdtempSync(join(tmpdir(), 'practice-audit-telemetry-'));
  const tls = selfSignedLoopbackCertificate(workDir);
  ingestion = createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const text = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString('utf8');
      received.push({ path: req.url ?? '', body: text, items: parseItems(text) });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: 1, itemsAccepted: 1, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => ingestion.listen(0, '127.0.0.1', resolve));
}, 60_000);
afterAll(async () => {
  await Promise.all(spawned.map((service) => service.kill()));
  await Promise.all(connectors.map((connector) => connector.close()));
  await new Promise((resolve) => ingestion?.close(resolve));
  removeDir(workDir);
});

/** Application Insights takes a JSON array, or one JSON object a line. */
function parseItems(text: string): TelemetryItem[] {
  const trimmed = text.trim();
  if (trimmed.startsWith('[')) return JSON.parse(trimmed) as TelemetryItem[];
  return trimmed.split('\n').filter(Boolean).map((line) => JSON.parse(line) as TelemetryItem);
}

function selfSignedLoopbackCertificate(dir: string): { key: Buffer; cert: Buffer; certPath: string } {
  const keyPath = join(dir, 'ingestion.key');
  const certPath = join(dir, 'ingestion.crt');
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
  } catch (error) {
    throw new Error(`This test makes a TLS certificate with openssl (apt-get install -y openssl): ${(error as Error).message}`, { cause: error });
  }
  return { key: readFileSync(keyPath), cert: readFileSync(certPath), certPath };
}

describe('telemetry from the built service', () => {
  it('sends requests and dependencies to Application Insights, without table keys, and exports what is left when stopped', async () => {
    const { port } = ingestion.address() as AddressInfo;
    const connector = await startFakeConnector();
    connectors.push(connector);
    connector.setRoster(TEAM.id, [asRosterMember(PEOPLE.champion)]);
    const service = spawnService(
      {
        NODE_ENV: 'development',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: workDir,
        TABLES_CONNECTION_STRING: testConnectionString(),
        TABLES_PREFIX: uniqueTablePrefix(),
        RESPONDENT_HMAC_KEY: TEST_HMAC_KEY,
        CARD_UPDATE_DELAY_MS: '50',
        LOG_LEVEL: 'info',
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=${INSTRUMENTATION_KEY};IngestionEndpoint=https://127.0.0.1:${port}/`,
        NODE_EXTRA_CA_CERTS: join(workDir, 'ingestion.crt'),
        // The exporter's own usage reports go to Microsoft's endpoints: not from a test.
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
        APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
      },
      { cwd: workDir },
    );
    spawned.push(service);
    const url = await service.started();
    expect((await fetch(`${url}/healthz`)).status).toBe(200);

    // A champion starts a round and answers a condition: calls that address rows by a person's
    // Entra object id (champions) and by their respondent HMAC (answers).
    const champion = PEOPLE.champion;
    expect((await postToBot({ url }, installedInTeam(connector.serviceUrl, champion))).status).toBe(200);
    expect((await startTheRound({ url }, connector, { who: champion })).status).toBe(200);
    const conditionCards = () => connector.sentActivities().filter((sent) => /Condition \d+ of 12/.test(cardText(cardOf(sent.activity))));
    await connector.waitFor(() => conditionCards().length === 12, 15_000);
    const roundId = String(executeActions(cardOf(conditionCards()[0]!.activity))[0]!.data.roundId);
    const answer = cardAction(connector.serviceUrl, champion, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'partly', level: 'practitioner', comment: '' });
    expect((await postToBot({ url }, answer)).status).toBe(200);
    // A second answer replaces the first: it reads and writes the answer's row by its keys.
    const change = cardAction(connector.serviceUrl, champion, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner', comment: '' });
    expect((await postToBot({ url }, change)).status).toBe(200);
    // The tab reads the round's summary: a route with the team's and the round's ids in its path.
    const summaryPath = `/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${encodeURIComponent(roundId)}/summary`;
    await (await fetch(`${url}${summaryPath}`)).arrayBuffer();

    service.child.kill('SIGTERM');
    expect(await exitWithin(service, 15_000)).toBe(0);
    // The Azure SDKs' own warnings (the distro turns them on) do not mix into the service's log lines.
    expect(`${service.stdout()}\n${service.stderr()}`.split('\n').filter((line) => line.startsWith('azure:'))).toEqual([]);

    expect(received.length).toBeGreaterThan(0);
    expect(received.every((post) => post.path === '/v2.1/track')).toBe(true);
    const items = received.flatMap((post) => post.items);
    expect(items.every((item) => item.iKey === INSTRUMENTATION_KEY)).toBe(true);
    const requests = items.filter((item) => item.data.baseType === 'RequestData').map((item) => ({ name: item.data.baseData.name, responseCode: item.data.baseData.responseCode }));
    expect(requests).toContainEqual({ name: 'GET /healthz', responseCode: '200' });
    expect(requests).toContainEqual({ name: 'POST /api/messages', responseCode: '200' });
    // Named by the route that served it: one operation for every team, and no team's id in its name.
    expect(requests.map((request) => request.name)).toContain('GET /api/teams/:teamId/rounds/:roundId/summary');
    expect(requests.filter((request) => String(request.name).includes(encodeURIComponent(TEAM.id)) || String(request.name).includes(roundId))).toEqual([]);

    // Outgoing calls are traced (Table storage in Azurite, the Teams connector)...
    const dependencies = items.filter((item) => item.data.baseType === 'RemoteDependencyData');
    const azurite = new URL(/TableEndpoint=([^;]+)/.exec(testConnectionString())![1]!);
    const connectorPort = new URL(connector.serviceUrl).port;
    expect(dependencies.some((item) => (item.data.baseData.target ?? '').includes(`:${azurite.port}`))).toBe(true);
    expect(dependencies.some((item) => (item.data.baseData.target ?? '').includes(`:${connectorPort}`))).toBe(true);
    // ...those that address rows by their keys among them, with the keys gone.
    expect(dependencies.some((item) => /Answers\(redacted\)/.test(item.data.baseData.data ?? ''))).toBe(true);
    const sent = received.map((post) => post.body).join('\n');
    expect(sent).not.toContain(respondentIdFor(champion.aadObjectId, TEST_HMAC_KEY));
    expect(sent).not.toContain(encodeKey(champion.aadObjectId));
    expect(sent).not.toMatch(/PartitionKey|RowKey/);
  }, 60_000);
});
