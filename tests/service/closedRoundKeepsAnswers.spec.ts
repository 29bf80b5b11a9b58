import { closeRound } from '../../bot/app/closeRound';
import { respondentIdFor } from '../../bot/domain/respondent';
import { countsOfAnswers } from '../../bot/domain/summary';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { uniqueTablePrefix } from '../support/suiteAzurite';
import { asRosterMember, cardAction, installedInTeam, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, startTestService, TEST_HMAC_KEY } from '../support/testService';
import { startTheRound } from '../support/startRound';

/**
 * Two instances can each take one answer of the same person at two levels just before a close.
 * The round's figures are counted at close; what it keeps stored must stay what was counted, so
 * the comments (read from stored answers) agree with the summary (kept at close) ever after.
 */
let connector: FakeConnector;
let a: RunningService;
let b: RunningService;
beforeAll(async () => {
  connector = await startFakeConnector();
  connector.setRoster(TEAM.id, [PEOPLE.champion, PEOPLE.practitioner].map(asRosterMember));
  const shared = { TABLES_PREFIX: uniqueTablePrefix() };
  [a, b] = await Promise.all([startTestService(shared), startTestService(shared)]);
  await postToBot(a, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(a, connector);
  await a.settled();
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await connector?.close();
});

it("keeps a closed round's answers as they were counted, when one person answered at two levels on two instances just before the close", async () => {
  const round = (await a.services.rounds.findOpen(TEAM.id))!;
  const answerOn = (service: RunningService, who: TestPerson, conditionId: string, level: string, comment = '') =>
    postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId: round.roundId, teamId: TEAM.id, conditionId, via: 'channel', rating: 'partly', level, comment }));
  // Condition 1's practitioners' comments: what a leader filtering by level reads from stored answers.
  const comments = async (service: RunningService) => {
    const response = await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${round.roundId}/conditions/C01/comments?level=practitioner`);
    return { status: response.status, body: await response.json() };
  };

  // Enough practitioners on condition 1 for its practitioner cut and comments to be shown.
  for (let n = 0; n < 4; n += 1) await answerOn(a, person(`Practitioner ${n}`, 3000 + n), 'C01', 'practitioner', `Practitioner ${n}: partly`);
  // B has read the round's levels (it took someone's answer) before Ben's answers arrive.
  await answerOn(b, PEOPLE.manager, 'C03', 'supervisor');
  // Ben: condition 1 as a practitioner on A, condition 2 as a senior leader on B, then the close.
  await answerOn(a, PEOPLE.practitioner, 'C01', 'practitioner', 'Nothing joins up');
  await answerOn(b, PEOPLE.practitioner, 'C02', 'senior-leader');
  const champion = { entraObjectId: PEOPLE.champion.aadObjectId, name: PEOPLE.champion.name, teamsUserId: PEOPLE.champion.id };
  const closed = await closeRound(a.services, TEAM.id, champion);
  const ben = respondentIdFor(PEOPLE.practitioner.aadObjectId, TEST_HMAC_KEY);
  const levelsOfBen = async () => (await a.services.answers.answersOf(round.roundId, ben)).map((x) => `${x.conditionId}:${x.level}`);
  const benAtClose = await levelsOfBen();
  const commentsAtClose = await comments(a);

  // Both instances' background level reads run (they would about 5 s after the last answer).
  await Promise.all([a.settled(), b.settled()]);

  expect(await levelsOfBen()).toEqual(benAtClose);
  expect(new Set(benAtClose.map((x) => x.split(':')[1])).size).toBe(1);
  // What storage holds is what the round counted at close; B reads the comments afresh.
  expect(countsOfAnswers(await a.services.answers.allRatedAnswers(round.roundId))).toEqual(closed.round.finalCounts);
  expect(await comments(b)).toEqual(commentsAtClose);
});
