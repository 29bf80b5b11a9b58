import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { removeDir } from '../support/removeDir';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { azuriteChildOf, ensureBuilt, exitWithin, isAlive, isListening, spawnService, type ServiceProcess } from '../support/serviceProcess';
import { cardAction, channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * `npm start` in local mode keeps its data: the service runs its own Azurite as a child with
 * the tables on disk under DATA_DIR. A SIGTERM stops both cleanly, and a new start on the same
 * folder finds every answer, and the same respondent key, so the same person is the same respondent.
 */
let connector: FakeConnector;
let dataDir: string;
const spawned: ServiceProcess[] = [];
const keyFile = () => join(dataDir, 'respondent-hmac.key');

beforeAll(async () => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-restart-'));
  connector = await startFakeConnector();
});
afterAll(async () => {
  await Promise.all(spawned.map((service) => service.kill()));
  await connector?.close();
  removeDir(dataDir);
});

async function startLocalService(): Promise<{ service: ServiceProcess; url: string; azurite: { pid: number; port: number } }> {
  // No credentials and no storage settings: local mode with embedded Azurite under DATA_DIR.
  const service = spawnService({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, CARD_UPDATE_DELAY_MS: '50', LOG_LEVEL: 'info' }, { cwd: dataDir });
  spawned.push(service);
  const url = await service.started();
  expect(service.stdout()).toMatch(/"storage":"embedded"/);
  return { service, url, azurite: await azuriteChildOf(service.pid) };
}

async function stopWithSigterm(running: { service: ServiceProcess; azurite: { pid: number; port: number } }): Promise<void> {
  expect(isAlive(running.azurite.pid)).toBe(true);
  process.kill(running.service.pid, 'SIGTERM');
  expect(await exitWithin(running.service, 15_000)).toBe(0);
  expect(running.service.stderr()).toMatch(/Received SIGTERM; stopping\./);
  // The service waited for its Azurite to save and exit: nothing is left behind.
  expect(isAlive(running.azurite.pid)).toBe(false);
  expect(await isListening(running.azurite.port)).toBe(false);
}

/** The shared card of a condition, as last updated in the channel. */
const lastSharedCardText = (activityId: string) => cardText(cardOf(connector.updates().filter((u) => u.activityId === activityId).at(-1)?.body));

describe('a local service restarted on the same data folder', () => {
  let roundId = '';
  let c01MessageId = '';
  let keyBefore = '';
  let keyModifiedAt = 0;

  it('records an answer in a round, then stops cleanly on SIGTERM with its Azurite', async () => {
    const first = await startLocalService();
    const send = (activity: unknown) => postToBot({ url: first.url }, activity);

    expect((await send(installedInTeam(connector.serviceUrl, PEOPLE.champion))).status).toBe(200);
    expect((await startTheRound({ url: first.url }, connector)).status).toBe(200);
    // The intro and twelve condition cards are posted in the background, paced.
    await connector.waitFor(() => connector.sentActivities().filter((s) => /Condition \d+ of 12/.test(cardText(cardOf(s.activity)))).length === 12, 15_000);
    const c01 = connector.sentActivities().find((s) => /Condition 1 of 12/.test(cardText(cardOf(s.activity))))!;
    c01MessageId = c01.activityId;
    roundId = String(executeActions(cardOf(c01.activity))[0]!.data.roundId);
    expect(roundId).not.toBe('');

    const reply = await send(cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner', comment: 'Before the restart.' }));
    expect(reply.status).toBe(200);
    expect(executeActions(cardOf(reply.body)).map((a) => a.title)).toEqual(['Change my answer']);
    await connector.waitFor(() => /1 person has answered/.test(lastSharedCardText(c01MessageId)), 10_000);

    keyBefore = readFileSync(keyFile(), 'utf8');
    keyModifiedAt = statSync(keyFile()).mtimeMs;
    expect(keyBefore.trim().length).toBeGreaterThanOrEqual(32);

    await stopWithSigterm(first);
  });

  it('finds the answer after a restart, with the same respondent key, so a second answer replaces the first', async () => {
    expect(roundId).not.toBe('');
    const second = await startLocalService();
    const send = (activity: unknown) => postToBot({ url: second.url }, activity);
    expect(readFileSync(keyFile(), 'utf8')).toBe(keyBefore);
    expect(statSync(keyFile()).mtimeMs).toBe(keyModifiedAt);

    connector.reset();
    await send(channelCommand(connector.serviceUrl, PEOPLE.champion, 'status'));
    const status = cardText(cardOf(connector.sentActivities().at(-1)?.activity));
    expect(status).toMatch(/Audit round 1: participation/);
    expect(status).toMatch(/1 person has answered at least one condition\./);

    // The same person answers the same condition again: with the key reused they are the same
    // respondent, so their answer is replaced and the shared card still counts one.
    const reply = await send(cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'fully', level: 'practitioner', comment: 'After the restart.' }));
    expect(reply.status).toBe(200);
    expect(cardText(cardOf(reply.body))).toMatch(/Fully in place/);
    await connector.waitFor(() => connector.updates().some((u) => u.activityId === c01MessageId), 10_000);
    expect(lastSharedCardText(c01MessageId)).toMatch(/1 person has answered/);

    await stopWithSigterm(second);
  });
});
