import type { RunningService } from '../../bot/service';
import type { FakeConnector } from '../support/fakeConnector';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import { tabCaller } from '../support/tabCalls';
import { channelCommand, installedInTeam, PEOPLE, TEAM } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/**
 * GET /api/teams/:teamId/rounds (issue 12): beside the team's rounds it says whether the
 * signed-in person is one of the team's practice champions, so that the tab offers the champions'
 * views (the activity log, comments to review) to them only. It follows the role as it changes.
 */
let connector: FakeConnector;
let service: RunningService;
let team: SignedInTeam | undefined;
let call: ReturnType<typeof tabCaller>;
let roundId = '';
const roundsPath = `/api/teams/${encodeURIComponent(TEAM.id)}/rounds`;

beforeAll(async () => {
  team = await startSignedInTeam();
  ({ connector, service, roundId } = team);
  call = tabCaller(team.identity, service);
});
afterAll(async () => team?.stop());

const champion = async (who: typeof PEOPLE.champion) => {
  const reply = await call(who, 'GET', roundsPath);
  expect(reply.status).toBe(200);
  return reply.body.champion;
};

describe("the team's rounds", () => {
  it('say to a practice champion that they are one, and to a member who is not that they are not, listing the same rounds to both', async () => {
    const [asChampion, asMember] = await Promise.all([call(PEOPLE.champion, 'GET', roundsPath), call(PEOPLE.practitioner, 'GET', roundsPath)]);
    expect(asChampion.body).toEqual({ rounds: [expect.objectContaining({ roundId, number: 1, status: 'open' })], champion: true });
    expect(asMember.body).toEqual({ rounds: asChampion.body.rounds, champion: false });
  });

  it('follow the role: a member named a champion is one at the next read, and is not once they step down', async () => {
    await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'champions add', { mention: [PEOPLE.practitioner] }));
    await expect(champion(PEOPLE.practitioner)).resolves.toBe(true);
    await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.practitioner, 'champions remove'));
    await expect(champion(PEOPLE.practitioner)).resolves.toBe(false);
    await expect(champion(PEOPLE.champion)).resolves.toBe(true);
  });

  it('still refuse anyone outside the team, saying nothing of its champions', async () => {
    const reply = await call(PEOPLE.outsider, 'GET', roundsPath);
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ error: { code: 'NOT_A_TEAM_MEMBER', message: 'You can only see the audit of teams you belong to.' } });
  });
});

describe('in local mode', () => {
  it('the one person on their own computer is a champion, as they may change what champions write', async () => {
    const local = await startTestService();
    try {
      await postToBot(local, installedInTeam(connector.serviceUrl, PEOPLE.champion));
      const reply = await fetch(`${local.url}${roundsPath}`);
      expect(reply.status).toBe(200);
      expect(((await reply.json()) as { champion: unknown }).champion).toBe(true);
    } finally {
      await local.stop();
    }
  });
});
