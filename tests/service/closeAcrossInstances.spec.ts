import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import { closeTheRound } from '../support/closeRound';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { cardAction, installedInTeam, PEOPLE, person, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * Each instance caches rounds briefly for answers. Closing on one instance must still mean
 * that every answer acknowledged anywhere is counted, and every later one refused.
 */
let connector: FakeConnector;
let first: RunningService;
let second: RunningService;
beforeAll(async () => {
  connector = await startFakeConnector();
  const shared = { TABLES_PREFIX: uniqueTablePrefix(), ROUND_CACHE_MS: '500' };
  [first, second] = await Promise.all([startTestService(shared), startTestService(shared)]);
});
afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await connector?.close();
});

it('counts every answer acknowledged on either instance while a round closes, and stores none it refused', async () => {
  await postToBot(first, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(first, connector);
  await first.settled();
  const roundId = (await first.services.rounds.findOpen(TEAM.id))!.roundId;
  const answerOn = (service: RunningService, n: number) =>
    postToBot(service, cardAction(connector.serviceUrl, person(`Staff ${n}`, 1000 + n), VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C02', via: 'channel', rating: 'partly', level: 'practitioner' }));

  // The second instance has the round cached as open when the first closes it.
  expect(cardText(cardOf((await answerOn(second, 0)).body))).toMatch(/Your answer/);
  const closing = closeTheRound(first, connector, PEOPLE.champion);
  const during: Promise<{ n: number; recorded: boolean }>[] = [];
  for (let n = 1; n <= 30; n += 1) {
    during.push(answerOn(n % 2 ? second : first, n).then((reply) => ({ n, recorded: /Your answer/.test(cardText(cardOf(reply.body))) })));
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  const outcomes = await Promise.all(during);
  await closing;
  await first.settled();

  const recorded = 1 + outcomes.filter((o) => o.recorded).length;
  expect(outcomes.some((o) => !o.recorded)).toBe(true);
  expect(await first.services.answers.countForCondition(roundId, 'C02')).toBe(recorded);
  // The closed card shows the same figure as storage.
  const closedCard = connector.updates().filter((u) => /Condition 2 of 12[\s\S]*closed/.test(cardText(cardOf(u.body)))).at(-1);
  expect(cardText(cardOf(closedCard?.body))).toMatch(new RegExp(`${recorded} (person|people) answered this condition`));
  // The round keeps the same counts, for its summary ever after.
  const kept = (await first.services.rounds.get(TEAM.id, roundId))?.finalCounts;
  const keptForC02 = Object.values(kept?.cells.C02 ?? {}).reduce((sum, tally) => sum + Object.values(tally).reduce((a, b) => a + b, 0), 0);
  expect(keptForC02).toBe(recorded);

  // Once the close has answered, no instance accepts another answer.
  const late = await answerOn(second, 99);
  expect(cardText(cardOf(late.body))).toMatch(/This audit round is closed/);
  expect(await first.services.answers.countForCondition(roundId, 'C02')).toBe(recorded);
});
