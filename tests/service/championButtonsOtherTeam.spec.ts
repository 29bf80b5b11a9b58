import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import type { FakeConnector } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { cardAction, PEOPLE } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * A champion's buttons act on the team their card names, and only from that team's channel: a
 * press whose card names another team (a card forwarded, or data made up) changes nothing and is
 * answered with Teams' own error banner, saying where the button works.
 */
let connector: FakeConnector;
let service: RunningService;
let roundId: string;

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: [PEOPLE.champion, PEOPLE.practitioner] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

const OTHER_TEAM = '19:another-team@thread.tacv2';

test.each([
  ['Open the round', VERBS.openRound, { roundId: 'r-new', closesOn: '2030-01-01' }, /open a round from your team channel/],
  ['Extend', VERBS.extendRound, { closesOn: '2030-01-01' }, /extend a round from your team channel/],
  ['Save (settings)', VERBS.saveSettings, { version: '1' }, /settings from its channel/],
  ['Close', VERBS.closeRound, {}, /close a round from your team channel/],
  ['Cancel (close)', VERBS.cancelClose, {}, /buttons on the card in your team channel/],
])('"%s" naming another team is refused and changes nothing', async (_name, verb, data, says) => {
  const reply = await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.champion, verb, { teamId: OTHER_TEAM, roundId, ...data }));
  expect(reply.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BAD_REQUEST', message: expect.stringMatching(says) } });
  const round = await service.services.rounds.get((await service.services.rounds.listOpen())[0]!.teamId, roundId);
  expect(round).toMatchObject({ status: 'open', number: 1 });
});
