import { respondentIdFor } from '../../bot/domain/respondent';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { cardAction, PEOPLE, person, TEAM } from '../support/teamsActivities';
import { postToBot, TEST_HMAC_KEY } from '../support/testService';

/**
 * Issue 8, item 8: "a redelivered activity has no second effect". Teams resends an invoke it
 * thinks was lost, with its id and timestamp; by then the person may have changed that answer.
 */
let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const olu = person('Olu Bankole', 81);

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: [PEOPLE.champion, olu] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it('keeps a later change when Teams delivers the first answer again, and shows the person what stands', async () => {
  const answerOn = (sentAt: string, inputs: Record<string, unknown>) => ({
    ...cardAction(connector.serviceUrl, olu, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C03', via: 'channel', ...inputs }),
    timestamp: sentAt,
  });
  const first = answerOn('2026-11-29T10:00:00.000Z', { rating: 'partly', level: 'practitioner', comment: 'First thoughts.' });
  const change = answerOn('2026-11-29T10:00:20.000Z', { rating: 'fully', level: 'practitioner', comment: 'On reflection, yes.', isChange: true, knownLevel: 'practitioner' });

  expect((await postToBot(service, first)).status).toBe(200);
  expect((await postToBot(service, change)).status).toBe(200);
  const redelivered = await postToBot(service, first); // same activity: same id, same timestamp

  expect(redelivered.status).toBe(200);
  expect(cardText(cardOf(redelivered.body))).toContain('Your answer: Fully in place, as Practitioner');
  const stored = await service.services.answers.find(roundId, 'C03', respondentIdFor(olu.aadObjectId, TEST_HMAC_KEY));
  expect(stored).toMatchObject({ rating: 'fully', comment: 'On reflection, yes.' });
  expect(await service.services.answers.countForCondition(roundId, 'C03')).toBe(1);
});
