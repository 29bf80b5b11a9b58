import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, cardText } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { cardAction, channelCommand, installedInTeam, PEOPLE, personalMessage, TEAM, uninstalledFromTeam } from '../support/teamsActivities';
import { startRoundInTeam } from '../support/roundInTeam';
import { postToBot } from '../support/testService';

/**
 * Teams says the app was removed from a team, then the app is back without a new install event
 * (Teams sometimes sends none). The team's next activity is proof enough: its open round must be
 * reachable again from a one-to-one chat and from the tab.
 */
let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const url = () => connector.serviceUrl;
const send = (activity: unknown) => postToBot(service, activity);
const chatReply = async (who: typeof PEOPLE.practitioner) => {
  await send(personalMessage(url(), who, 'audit'));
  return cardText(cardOf(connector.sentActivities().filter((s) => s.conversationId === `a:personal-${who.aadObjectId}`).at(-1)?.activity));
};
// Local mode: the tab serves the teams the service knows (no sign-in, no roster).
const tabRounds = async () => {
  const response = await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds`);
  return { status: response.status, rounds: response.ok ? ((await response.json()) as { rounds: { roundId: string; status: string }[] }).rounds : [] };
};
const myRounds = async () => ((await (await fetch(`${service.url}/api/me/rounds`)).json()) as { rounds: { roundId: string }[] }).rounds;

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: [PEOPLE.champion, PEOPLE.practitioner] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('a team whose app was removed', () => {
  it('is out of reach from chat and the tab once Teams says the app was removed', async () => {
    await send(uninstalledFromTeam(url(), PEOPLE.champion));
    expect(await chatReply(PEOPLE.practitioner)).toMatch(/no open audit rounds in your teams/);
    expect((await tabRounds()).status).toBe(403);
    expect(await myRounds()).toEqual([]);
  });

  it("stays removed after activity that names the team from another tenant", async () => {
    const elsewhere = channelCommand(url(), PEOPLE.practitioner, 'status') as { channelData: Record<string, unknown>; conversation: Record<string, unknown> };
    const otherTenant = { id: '99999999-0000-4000-8000-000000000009' };
    await send({ ...elsewhere, channelData: { ...elsewhere.channelData, tenant: otherTenant }, conversation: { ...elsewhere.conversation, tenantId: otherTenant.id } });
    await service.settled();
    expect((await tabRounds()).status).toBe(403);
  });

  it('is back, open round and all, after a message in the team though no install event came', async () => {
    await send(channelCommand(url(), PEOPLE.practitioner, 'status'));
    await service.settled();
    expect(await chatReply(PEOPLE.practitioner)).toMatch(/Condition 1 of 12/);
    expect(await tabRounds()).toEqual({ status: 200, rounds: [expect.objectContaining({ roundId, status: 'open' })] });
    expect((await myRounds()).map((r) => r.roundId)).toEqual([roundId]);
  });

  it('is back after a card action in the team, too', async () => {
    await send(uninstalledFromTeam(url(), PEOPLE.champion));
    expect((await tabRounds()).status).toBe(403);
    const reply = await send(cardAction(url(), PEOPLE.champion, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'mostly', level: 'practitioner' }));
    expect(cardText(cardOf(reply.body))).toMatch(/Mostly in place/);
    await service.settled();
    expect((await tabRounds()).status).toBe(200);
    expect(await chatReply(PEOPLE.practitioner)).toMatch(/Condition 1 of 12/);
  });

  it('is welcomed again when it is added back with an install event, as a new installation', async () => {
    await send(uninstalledFromTeam(url(), PEOPLE.champion));
    const before = connector.sentActivities().length;
    await send(installedInTeam(url(), PEOPLE.champion));
    expect(connector.sentActivities().slice(before).map((s) => cardText(cardOf(s.activity)))).toEqual([expect.stringMatching(/Welcome to Practice Audit/)]);
    expect((await tabRounds()).status).toBe(200);
  });
});
