import { closeRound } from '../../bot/app/closeRound';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { cardAction, installedInTeam, PEOPLE, person, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * ROUND_CACHE_MS=0 turns the round cache off, not the promise that every answer acknowledged
 * to a person is in the closing figures: an answer that read the round as open just before the
 * close still has its write under way, and the close waits for it.
 */
let connector: FakeConnector;
let service: RunningService;
beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService({ ROUND_CACHE_MS: '0' });
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it('counts at close every answer acknowledged while the round closed, with the round cache off', async () => {
  const round = (await service.services.rounds.findOpen(TEAM.id))!;
  const champion = { entraObjectId: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name, teamsUserId: PEOPLE.champion.id };
  // Each from their own view (knownLevel): the answer reads their answers before it writes, as a change does.
  const answerOf = (n: number) =>
    postToBot(service, cardAction(connector.serviceUrl, person(`Staff ${n}`, 2000 + n), VERBS.answer, {
      roundId: round.roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner', knownLevel: 'practitioner',
    })).then((reply) => /Your answer/.test(cardText(cardOf(reply.body))));

  // Closed mid-burst: some answers are under way, later ones are refused.
  const acknowledged: Promise<boolean>[] = [];
  let closing: ReturnType<typeof closeRound> | undefined;
  for (let n = 0; n < 120; n += 1) {
    if (n === 60) closing = closeRound(service.services, TEAM.id, champion);
    acknowledged.push(answerOf(n));
    await new Promise((resolve) => setTimeout(resolve, 3));
  }
  const closed = await closing!;
  const outcomes = await Promise.all(acknowledged);
  await service.settled();

  const counted = Object.values(closed.round.finalCounts!.cells.C01 ?? {}).reduce((sum, tally) => sum + Object.values(tally).reduce((a, b) => a + b, 0), 0);
  expect(outcomes.some((recorded) => !recorded)).toBe(true);
  expect(counted).toBe(outcomes.filter(Boolean).length);
  expect(await service.services.answers.countForCondition(round.roundId, 'C01')).toBe(counted);
});
