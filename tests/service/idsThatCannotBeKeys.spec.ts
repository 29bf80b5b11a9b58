import { mkdtempSync } from 'node:fs';
import { removeDir } from '../support/removeDir';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningService } from '../../bot/service';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../../bot/storage/embeddedAzurite';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { asRosterMember, cardAction, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * Ids arrive from outside (a tab's route, a card's data) and some cannot be Table storage keys
 * at all: / \ # ? or control characters. Such an id names nothing, so it is "not found" at once,
 * without a storage call: never "storage unavailable, try again", which invites retries of a
 * request that can never succeed. Storage is stopped before the requests, so every answer
 * below was given without it (with the ids as they are, today's code asks storage: 503).
 */
const CANNOT_BE_KEYS: [string, string][] = [
  ['a slash', '20260302-090000000Z-abc/def'],
  ['a backslash', '20260302-090000000Z-abc\\def'],
  ['a hash', '20260302-090000000Z-abc#def'],
  ['a question mark', '20260302-090000000Z-abc?def'],
  ['a control character', '20260302-090000000Z-abc\u0001def'],
  ['a DEL character', '20260302-090000000Z-abc\u007fdef'],
];
const A_VERSION = `W/"datetime'2026-03-02T09%3A00%3A00.0000000Z'"`;
const teamPath = `/api/teams/${encodeURIComponent(TEAM.id)}`;

let dataDir = '';
let azurite: EmbeddedAzurite | undefined;
let connector: FakeConnector;
let service: RunningService;
let roundId = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-keys-'));
  azurite = await startEmbeddedAzurite({ dataDir });
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  // Local mode: the tab's API takes the local developer, a champion of every team.
  service = await startTestService({ TABLES_CONNECTION_STRING: azurite.connectionString });
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
  roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
  // An open tab has read the team and its round, so those come from memory from now on.
  expect((await fetch(`${service.url}${teamPath}/rounds/${roundId}/plan`)).status).toBe(200);
  await azurite.stop();
  azurite = undefined;
});
afterAll(async () => {
  await service?.stop();
  await azurite?.stop();
  await connector?.close();
  removeDir(dataDir);
});

async function call(method: string, path: string, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'if-match': A_VERSION };
  const response = await fetch(`${service.url}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, code: (text ? (JSON.parse(text) as { error?: { code?: string } }).error?.code : undefined) };
}

describe.each(CANNOT_BE_KEYS)('an id with %s', (_what, badId) => {
  it("is a round the tab's routes do not find", async () => {
    for (const route of ['summary', 'plan', 'changes', 'export.csv', 'conditions/C01/comments']) {
      const reply = await call('GET', `${teamPath}/rounds/${encodeURIComponent(badId)}/${route}`);
      expect([route, reply.status, reply.code]).toEqual([route, 404, 'ROUND_NOT_FOUND']);
    }
  });

  it('is a plan action that cannot be changed or removed because it is not there', async () => {
    const path = `${teamPath}/plan/actions/${encodeURIComponent(badId)}`;
    const change = await call('PUT', path, { conditionId: 'C03', need: 'Shared training with health', progress: '', owner: '', dueDate: null, status: 'done' });
    expect([change.status, change.code]).toEqual([404, 'ACTION_NOT_FOUND']);
    const removal = await call('DELETE', path);
    expect([removal.status, removal.code]).toEqual([404, 'ACTION_NOT_FOUND']);
    const note = await call('POST', `${path}/notes`, { date: '2026-01-05', text: 'Shared training held' });
    expect([note.status, note.code]).toEqual([404, 'ACTION_NOT_FOUND']);
  });

  it('is a round a card cannot answer: the card says it could not be found, in a channel and in chat', async () => {
    for (const where of ['channel', 'personal'] as const) {
      const data = { roundId: badId, teamId: TEAM.id, conditionId: 'C01', via: where === 'channel' ? 'channel' : 'chat', rating: 'mostly', level: 'practitioner', comment: '' };
      const reply = await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, data, where));
      expect(reply.status).toBe(200);
      const card = cardOf(reply.body);
      expect([where, cardText(card)]).toEqual([where, expect.stringMatching(/That audit round could not be found\./)]);
      expect(executeActions(card)).toEqual([]);
    }
  });
});
