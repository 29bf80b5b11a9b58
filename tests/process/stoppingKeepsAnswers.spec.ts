import { mkdtempSync } from 'node:fs';
import { removeDir } from '../support/removeDir';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { startEmbeddedAzurite } from '../../bot/storage/embeddedAzurite';
import { openAuditTables } from '../../bot/storage/tables';
import { localHmacKey } from '../../bot/config/localHmacKey';
import { respondentIdFor } from '../../bot/domain/respondent';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { azuriteChildOf, ensureBuilt, eventually, exitWithin, isAlive, isListening, spawnService, type ServiceProcess } from '../support/serviceProcess';
import { cardAction, installedInTeam, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * `npm start` on embedded storage, stopped every usual way while answers are still arriving:
 * Ctrl+C (SIGINT to the process group), SIGTERM to the process, SIGTERM to the process group
 * (systemd's default, and most process managers'), SIGHUP to the group (the terminal closed),
 * and SIGKILL to the process (nothing can be done in the service then, but its Azurite must
 * not outlive it). Each time 40 answers were acknowledged just before the stop; every one of
 * them is on disk afterwards, and the service starts again on the same folder. And stopped while
 * answers keep arriving over kept-alive connections (as the Bot Connector sends them): it still
 * ends promptly, well before a service manager would SIGKILL it, keeping every acknowledged one.
 */
jest.setTimeout(180_000);
const ANSWERS_PER_STOP = 40;
const STOPS: { how: string; signal: NodeJS.Signals; group: boolean; exitsWith: number | string }[] = [
  { how: 'Ctrl+C (SIGINT to the group)', signal: 'SIGINT', group: true, exitsWith: 0 },
  { how: 'SIGTERM to the process', signal: 'SIGTERM', group: false, exitsWith: 0 },
  { how: 'SIGTERM to the process group', signal: 'SIGTERM', group: true, exitsWith: 0 },
  { how: 'SIGHUP to the group', signal: 'SIGHUP', group: true, exitsWith: 0 },
  { how: 'SIGKILL to the process', signal: 'SIGKILL', group: false, exitsWith: 'SIGKILL' },
];

let connector: FakeConnector;
let dataDir: string;
const spawned: ServiceProcess[] = [];
let roundId = '';

beforeAll(() => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-stopping-'));
});
afterAll(async () => {
  await Promise.all(spawned.map((service) => service.kill()));
  await connector?.close();
  removeDir(dataDir);
});

async function startLocalService() {
  const service = spawnService({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, CARD_UPDATE_DELAY_MS: '50', LOG_LEVEL: 'info' }, { cwd: dataDir });
  spawned.push(service);
  const url = await service.started();
  return { service, url, azurite: await azuriteChildOf(service.pid) };
}

/** What is on disk: the answers table read by a fresh Azurite on the same folder, the service stopped. */
async function storedAnswers(): Promise<number> {
  return readStored((answers) => answers.countForCondition(roundId, 'C01'));
}

/** The respondents whose answer to C02 is on disk (read as storedAnswers does). */
async function storedC02Respondents(): Promise<Set<string>> {
  return readStored(async (answers) => new Set((await answers.ratedAnswers(roundId, 'C02')).map((answer) => answer.respondentId)));
}

async function readStored<T>(read: (answers: AnswersRepository) => Promise<T>): Promise<T> {
  const azurite = await startEmbeddedAzurite({ dataDir });
  try {
    const tables = openAuditTables({ kind: 'connectionString', connectionString: azurite.connectionString }, 'practiceaudit');
    return await read(new AnswersRepository(tables.answers));
  } finally {
    await azurite.stop();
  }
}

/**
 * Eight people answering C02 one after another, each over a kept-alive connection (as Teams'
 * Bot Connector does), until `stop()`; refused connections are tried again. Returns whom the
 * service acknowledged (their own answer back on the card) and how many requests reused a connection.
 */
function answerStream(url: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 8 });
  const acknowledged: TestPerson[] = [];
  let next = 5000;
  let reused = 0;
  const stopped = new AbortController();
  const worker = async () => {
    while (!stopped.signal.aborted) {
      const who = person(`Streamer ${next}`, next++);
      const body = JSON.stringify(cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C02', via: 'channel', rating: 'mostly', level: 'practitioner', comment: '' }));
      try {
        const reply = await new Promise<{ status: number; text: string; reusedSocket: boolean }>((resolve, reject) => {
          const req = request(`${url}/api/messages`, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
            let text = '';
            res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, text, reusedSocket: req.reusedSocket }));
            res.on('error', reject);
          });
          req.on('error', reject);
          req.end(body);
        });
        if (reply.reusedSocket) reused += 1;
        if (reply.status === 200 && executeActions(cardOf(JSON.parse(reply.text))).some((a) => a.title === 'Change my answer')) acknowledged.push(who);
      } catch {
        // Refused or reset: the service is stopping. Teams would try again, and so does this.
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
  };
  const workers = Array.from({ length: 8 }, worker);
  return {
    acknowledged: () => acknowledged.length,
    reused: () => reused,
    async stop() {
      stopped.abort();
      await Promise.all(workers);
      agent.destroy();
      return acknowledged;
    },
  };
}

describe('a local service stopped while answers arrive', () => {
  beforeAll(async () => {
    connector = await startFakeConnector();
    const first = await startLocalService();
    await postToBot({ url: first.url }, installedInTeam(connector.serviceUrl, PEOPLE.champion));
    await startTheRound({ url: first.url }, connector);
    const c01 = await eventually(() => connector.sentActivities().find((s) => /Condition 1 of 12/.test(cardText(cardOf(s.activity)))), 15_000, 'the C01 card');
    roundId = String(executeActions(cardOf(c01.activity))[0]!.data.roundId);
    first.service.child.kill('SIGTERM');
    expect(await exitWithin(first.service, 15_000)).toBe(0);
  });

  it.each(STOPS.map((stop, index) => [stop.how, stop, index] as const))('keeps every acknowledged answer when stopped by %s', async (_how, stop, index) => {
    const running = await startLocalService();
    const staff = Array.from({ length: ANSWERS_PER_STOP }, (_, i) => person(`Staff member ${index}-${i}`, 1000 + index * ANSWERS_PER_STOP + i));
    const replies = await Promise.all(
      staff.map((who) =>
        postToBot({ url: running.url }, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner', comment: '' })),
      ),
    );
    // Acknowledged: each person has their own answer back on the card.
    expect(replies.map((reply) => executeActions(cardOf(reply.body)).map((a) => a.title).join())).toEqual(staff.map(() => 'Change my answer'));

    process.kill(stop.group ? -running.service.pid : running.service.pid, stop.signal);
    expect(await exitWithin(running.service, 20_000)).toBe(stop.exitsWith);
    // Its Azurite saved and ended with it: nothing is left running on the data folder.
    await eventually(() => (isAlive(running.azurite.pid) ? undefined : true), 15_000, 'the Azurite child to end');
    expect(await isListening(running.azurite.port)).toBe(false);

    expect(await storedAnswers()).toBe((index + 1) * ANSWERS_PER_STOP);
  });

  it('stops promptly on SIGTERM to the process group while answers keep arriving over kept-alive connections, and keeps every acknowledged one', async () => {
    const running = await startLocalService();
    const stream = answerStream(running.url);
    let acknowledged: TestPerson[];
    try {
      await eventually(() => (stream.acknowledged() >= 24 ? true : undefined), 30_000, 'answers to flow');
      // The connections are being reused: closing the listener alone would not end them.
      expect(stream.reused()).toBeGreaterThan(0);
      process.kill(-running.service.pid, 'SIGTERM');
      // Well within a service manager's patience (systemd 90 s, containers often 10–30 s), answers still arriving.
      expect(await exitWithin(running.service, 10_000)).toBe(0);
    } finally {
      acknowledged = await stream.stop();
    }
    await eventually(() => (isAlive(running.azurite.pid) ? undefined : true), 15_000, 'the Azurite child to end');

    const stored = await storedC02Respondents();
    const hmacKey = localHmacKey(dataDir);
    expect(acknowledged.filter((who) => !stored.has(respondentIdFor(who.aadObjectId, hmacKey))).map((who) => who.name)).toEqual([]);
  });

  it('starts again on the same folder afterwards', async () => {
    const again = await startLocalService();
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    again.service.child.kill('SIGTERM');
    expect(await exitWithin(again.service, 15_000)).toBe(0);
  });
});
