import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { startEmbeddedAzurite } from '../../bot/storage/embeddedAzurite';
import { openAuditTables } from '../../bot/storage/tables';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { azuriteChildOf, ensureBuilt, eventually, exitWithin, isAlive, isListening, spawnService, type ServiceProcess } from '../support/serviceProcess';
import { cardAction, channelCommand, installedInTeam, PEOPLE, person, TEAM } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * `npm start` on embedded storage, stopped every usual way while answers are still arriving:
 * Ctrl+C (SIGINT to the process group), SIGTERM to the process, SIGTERM to the process group
 * (systemd's default, and most process managers'), SIGHUP to the group (the terminal closed),
 * and SIGKILL to the process (nothing can be done in the service then, but its Azurite must
 * not outlive it). Each time 40 answers were acknowledged just before the stop; every one of
 * them is on disk afterwards, and the service starts again on the same folder.
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
  rmSync(dataDir, { recursive: true, force: true });
});

async function startLocalService() {
  const service = spawnService({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, CARD_UPDATE_DELAY_MS: '50', LOG_LEVEL: 'info' }, { cwd: dataDir });
  spawned.push(service);
  const url = await service.started();
  return { service, url, azurite: await azuriteChildOf(service.pid) };
}

/** What is on disk: the answers table read by a fresh Azurite on the same folder, the service stopped. */
async function storedAnswers(): Promise<number> {
  const azurite = await startEmbeddedAzurite({ dataDir });
  try {
    const tables = openAuditTables({ kind: 'connectionString', connectionString: azurite.connectionString }, 'practiceaudit');
    return await new AnswersRepository(tables.answers).countForCondition(roundId, 'C01');
  } finally {
    await azurite.stop();
  }
}

describe('a local service stopped while answers arrive', () => {
  beforeAll(async () => {
    connector = await startFakeConnector();
    const first = await startLocalService();
    await postToBot({ url: first.url }, installedInTeam(connector.serviceUrl, PEOPLE.champion));
    await postToBot({ url: first.url }, channelCommand(connector.serviceUrl, PEOPLE.champion, 'start'));
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

  it('starts again on the same folder afterwards', async () => {
    const again = await startLocalService();
    expect((await fetch(`${again.url}/healthz`)).status).toBe(200);
    again.service.child.kill('SIGTERM');
    expect(await exitWithin(again.service, 15_000)).toBe(0);
  });
});
