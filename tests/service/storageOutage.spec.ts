import { mkdtempSync } from 'node:fs';
import { removeDir } from '../support/removeDir';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERROR_CODES } from '../../bot/domain/errors';
import type { RunningService } from '../../bot/service';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../../bot/storage/embeddedAzurite';
import { INPUT_IDS, VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { freePort, isListening } from '../support/serviceProcess';
import { cardAction, channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * Table storage goes away mid-round (this test's own Azurite, stopped and started again on the
 * same port and data). A person answering meanwhile is told it could not be saved and gets their
 * rating, level and comment back in the card; a champion's command gets a polite reply. Once
 * storage is back, the same answer records.
 */
let connector: FakeConnector;
let service: RunningService;
let azurite: EmbeddedAzurite | undefined;
let dataDir: string;
let port: number;
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-outage-'));
  port = await freePort();
  azurite = await startEmbeddedAzurite({ dataDir, port });
  connector = await startFakeConnector();
  service = await startTestService({ TABLES_CONNECTION_STRING: azurite.connectionString });
});
afterAll(async () => {
  await service?.stop();
  await azurite?.stop();
  await connector?.close();
  removeDir(dataDir);
});

/** An input of a card by id, wherever it sits in the body. */
function inputOf(card: unknown, id: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const visit = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const element = node as Record<string, unknown>;
    if (typeof element.type === 'string' && element.type.startsWith('Input.') && element.id === id) found = element;
    else Object.values(element).forEach(visit);
  };
  visit(card);
  return found;
}

describe('an answer while Table storage is unreachable', () => {
  let roundId = '';
  const draft = { rating: 'partly', level: 'supervisor', comment: 'Supervision happens, but not every month.' };
  const answerC04 = () => send(cardAction(url(), PEOPLE.manager, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C04', via: 'channel', ...draft }));

  it('opens a round while storage is up', async () => {
    await send(installedInTeam(url(), PEOPLE.champion));
    await startTheRound(service, connector);
    await service.settled();
    const round = await service.services.rounds.findOpen(TEAM.id);
    expect(Object.keys(round?.conditionMessageIds ?? {})).toHaveLength(12);
    roundId = round!.roundId;
  });

  it('is not saved, says so, and hands back the rating, level and comment', async () => {
    expect(roundId).not.toBe('');
    await azurite!.stop();
    azurite = undefined;
    expect(await isListening(port)).toBe(false);

    const started = Date.now();
    const reply = await answerC04();
    // Teams gives an invoke about 15 s: the person hears back well within it.
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(reply.status).toBe(200);
    const card = cardOf(reply.body);
    expect(cardText(card)).toContain(ERROR_CODES.STORAGE_UNAVAILABLE.message);
    expect(cardText(card)).toMatch(/Condition 4 of 12/);
    expect(inputOf(card, INPUT_IDS.rating)?.value).toBe(draft.rating);
    expect(inputOf(card, INPUT_IDS.level)?.value).toBe(draft.level);
    expect(inputOf(card, INPUT_IDS.comment)?.value).toBe(draft.comment);
    // They can send it again from the same card.
    expect(executeActions(card)).toEqual([expect.objectContaining({ title: 'Submit answer', verb: VERBS.answer, data: expect.objectContaining({ roundId, teamId: TEAM.id, conditionId: 'C04' }) })]);
  });

  it("answers a champion's command with a polite card, not an error", async () => {
    connector.reset();
    const reply = await send(channelCommand(url(), PEOPLE.champion, 'status'));
    expect(reply.status).toBe(200);
    const sent = connector.sentActivities();
    expect(sent).toHaveLength(1);
    expect(cardText(cardOf(sent[0]!.activity))).toContain(ERROR_CODES.STORAGE_UNAVAILABLE.message);
  });

  it('records the same answer once storage is back', async () => {
    azurite = await startEmbeddedAzurite({ dataDir, port });
    connector.reset();
    const reply = await answerC04();
    expect(reply.status).toBe(200);
    const card = cardOf(reply.body);
    expect(cardText(card)).not.toContain(ERROR_CODES.STORAGE_UNAVAILABLE.message);
    expect(cardText(card)).toMatch(/Partly in place/);
    expect(executeActions(card).map((a) => a.title)).toEqual(['Change my answer']);
    expect(await service.services.answers.countForCondition(roundId, 'C04')).toBe(1);
    await service.settled();
    expect(cardText(cardOf(connector.updates().at(-1)?.body))).toMatch(/1 person has answered/);
  });

  it('answers within Teams\' invoke time even when storage hangs instead of refusing', async () => {
    const pid = azurite!.pid;
    process.kill(pid, 'SIGSTOP'); // accepts connections, answers nothing
    try {
      const started = Date.now();
      const reply = await send(cardAction(url(), PEOPLE.leader, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C05', via: 'channel', ...draft }));
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(cardText(cardOf(reply.body))).toContain(ERROR_CODES.STORAGE_UNAVAILABLE.message);
      expect(inputOf(cardOf(reply.body), INPUT_IDS.comment)?.value).toBe(draft.comment);
    } finally {
      process.kill(pid, 'SIGCONT');
    }
  }, 30_000);
});
