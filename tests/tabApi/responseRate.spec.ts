import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import type { FakeConnector } from '../support/fakeConnector';
import { startRoundInTeam } from '../support/roundInTeam';
import { asRosterMember, BOT, cardAction, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/** Issue 10: the tab's participation gives the response rate's denominator, the team's members now, read from Teams' roster and cached. */
let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const participation = async () => {
  const response = await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/participation`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
};
const rosterReads = () => connector.calls.filter((c) => c.method === 'GET' && c.path.endsWith('/pagedmembers'));

beforeAll(async () => {
  const team = [PEOPLE.champion, PEOPLE.practitioner, PEOPLE.manager, PEOPLE.leader, PEOPLE.admin];
  ({ connector, service, roundId } = await startRoundInTeam({ roster: team }));
  connector.setRoster(TEAM.id, [...team.map(asRosterMember), { id: BOT.id, name: BOT.name }]);
  await postToBot(service, cardAction(connector.serviceUrl, PEOPLE.practitioner, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'partly', level: 'practitioner' }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

it("an open round's participation is counted against the team's members now (the app itself left out), read from Teams once for every poll within the cache time", async () => {
  connector.reset();

  const first = await participation();
  const second = await participation();

  expect(first).toEqual({ status: 200, body: expect.objectContaining({ results: 'at-close', respondents: 1, teamSize: { known: true, members: 5 } }) });
  expect(second.body).toEqual(first.body);
  expect(rosterReads()).toHaveLength(1);
});

it("when Teams will not give the roster, the participation still counts, with the team's size unreadable rather than a guess", async () => {
  const other = await startRoundInTeam({ roster: [PEOPLE.champion, PEOPLE.practitioner] });
  try {
    other.connector.failNext(1, { status: 403 }, (call) => call.path.endsWith('/pagedmembers'));
    const response = await fetch(`${other.service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${other.roundId}/participation`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ results: 'at-close', respondents: 0, teamSize: { known: false, why: 'unreadable' } });
  } finally {
    await other.service.stop();
    await other.connector.close();
  }
});
