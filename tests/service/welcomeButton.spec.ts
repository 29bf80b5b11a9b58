import type { RunningService } from '../../bot/service';
import { cardOf, cardText, executeActions } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { cardAction, installedInTeam, OTHER_TEAM, PEOPLE, TEAM } from '../support/teamsActivities';
import { pressOpenRound } from '../support/startRound';
import { postToBot, startTestService } from '../support/testService';

/** The welcome card's "Start an audit round" button does what `start` does, with the same rules. */
let connector: FakeConnector;
let service: RunningService;
beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService();
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it('opens a round for a champion, refuses others, and is tied to its own team', async () => {
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  const welcome = cardOf(connector.sentActivities()[0]?.activity);
  const [startButton] = executeActions(welcome);
  expect(startButton?.title).toBe('Start an audit round');

  const refused = await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.practitioner, startButton!.verb, startButton!.data));
  expect(cardText(cardOf(refused.body))).toMatch(/Only the team's practice champions can do that/);

  // A welcome card's button pressed from another team's channel starts nothing.
  const elsewhere = await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.champion, startButton!.verb, startButton!.data, 'channel', OTHER_TEAM));
  expect(elsewhere.status).toBe(400);
  expect(await service.services.rounds.findOpen(TEAM.id)).toBeUndefined();

  // The champion is asked for the close date first; the round opens on "Open the round".
  const asked = await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.champion, startButton!.verb, startButton!.data));
  expect(cardText(cardOf(asked.body))).toMatch(/^Open an audit round/);
  expect(await service.services.rounds.findOpen(TEAM.id)).toBeUndefined();
  const started = await pressOpenRound(service, connector, PEOPLE.champion, asked);
  expect(cardText(cardOf(started.body))).toMatch(/Audit round 1 is open/);
  await service.settled();
  expect(connector.sentActivities()).toHaveLength(1 + 13);

  const again = await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.champion, startButton!.verb, startButton!.data));
  expect(cardText(cardOf(again.body))).toMatch(/Audit round 1 is already open/);
});
