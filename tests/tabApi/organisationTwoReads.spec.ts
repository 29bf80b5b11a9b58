import { closeRound } from '../../bot/app/closeRound';
import { openServiceRoundInTeam } from '../../bot/app/organisation/openServiceRoundInTeam';
import { proposedCloseDay } from '../../bot/domain/closeDate';
import type { ServiceRoundView } from '../../bot/domain/organisation/organisationView';
import type { ServiceSummary } from '../../bot/domain/organisation/serviceSummary';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { startTheRound } from '../support/startRound';
import { cardAction, installedInTeam, OTHER_TEAM, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/**
 * The cross-team attacker of issue 13, reading the organisation view twice over time. North and
 * South are small (3 answers each: hidden within their teams, counted together across teams);
 * East could not be asked when the service-wide round opened. North and South close early, by
 * hand. If the organisation's figures came out then, and again once the admin had asked East and
 * East's one respondent had answered, the second all-teams figure less the first would be that
 * one person's rating. So figures come out only once the asked teams can no longer change.
 */
let connector: FakeConnector;
let service: RunningService;
const SERVICE_ROUND = 'sr-2027-05';
const EAST = { id: '19:east-general@thread.tacv2', name: "Children's Services – East" };
const WEST = { id: '19:west-general@thread.tacv2', name: "Children's Services – West" };
const small = [
  { team: TEAM, champion: PEOPLE.champion, roundId: '' },
  { team: OTHER_TEAM, champion: PEOPLE.outsider, roundId: '' },
];
const api = (path: string, init?: RequestInit) => fetch(`${service.url}/api/organisation${path}`, init);
const view = async () => (await (await api(`/service-rounds/${SERVICE_ROUND}`)).json()) as ServiceRoundView;

async function answerC01(who: TestPerson, team: typeof TEAM, roundId: string, rating: string): Promise<void> {
  const reply = await postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: team.id, conditionId: 'C01', via: 'channel', rating, level: 'practitioner' }, 'channel', team));
  expect(reply.status).toBe(200);
}
async function close(team: typeof TEAM, champion: TestPerson): Promise<void> {
  await closeRound(service.services, team.id, { entraObjectId: champion.aadObjectId, name: champion.name, teamsUserId: champion.id });
  await service.settled();
}

beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService();
  for (const t of small) {
    await postToBot(service, installedInTeam(connector.serviceUrl, t.champion, t.team));
    await startTheRound(service, connector, { who: t.champion, team: t.team });
    await service.settled();
    t.roundId = (await service.services.rounds.findOpen(t.team.id))!.roundId;
  }
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.manager, EAST));
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.leader, WEST));
  await service.services.serviceRounds.open({
    tenantId: 'local', serviceRoundId: SERVICE_ROUND, openedAt: new Date().toISOString(), openedBy: 'Organisation admin', closesAt: '2099-05-31T22:59:59.999Z',
    teams: [...small.map((t) => ({ teamId: t.team.id, teamName: t.team.name })), { teamId: EAST.id, teamName: EAST.name }],
  });
  for (const t of small) await service.services.serviceRounds.setTeamState('local', SERVICE_ROUND, t.team.id, { state: 'opened', roundId: t.roundId, roundNumber: 1 });
  await service.services.serviceRounds.setTeamState('local', SERVICE_ROUND, EAST.id, { state: 'not-opened', reason: 'not-asked' });
  for (const [i, t] of small.entries()) {
    for (let n = 0; n < 3; n++) await answerC01(person(`${t.team.name} practitioner ${n}`, 800 + 10 * i + n), t.team, t.roundId, 'mostly');
    await close(t.team, t.champion);
  }
}, 90_000);
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('the organisation view read twice while a team not asked can still be asked', () => {
  const served: ServiceSummary[] = [];

  it('serves no figure while East can still be asked, though every round that opened has closed', async () => {
    const first = await view();
    if (first.summary) served.push(first.summary);
    expect(first.teams.map((t) => [t.teamName, t.roundStatus ?? t.opening.state])).toEqual([
      [EAST.name, 'not-opened'],
      [TEAM.name, 'closed'],
      [OTHER_TEAM.name, 'closed'],
    ]);
    expect(first.results).toBe('at-close');
    expect(first.summary).toBeUndefined();
    const response = await api(`/service-rounds/${SERVICE_ROUND}/export.csv`);
    expect(response.status).toBe(409);
    expect(((await response.json()) as { error: { message: string } }).error.message).toBe(
      'Results of service-wide round 1 appear after its close date, Sunday 31 May 2099: a team not asked can still be asked until then.',
    );
  });

  it('once East is asked, answers and closes, serves one set of figures: none of them less an earlier read gives East', async () => {
    const asked = await api('/service-rounds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ closesOn: proposedCloseDay(new Date(), 14) }) });
    expect(asked.status).toBe(201);
    const eastRound = await eventually(async () => {
      const state = (await service.services.serviceRounds.teamStates('local', SERVICE_ROUND)).get(EAST.id);
      return state?.state === 'opened' && state.cards ? state.roundId : undefined;
    }, 30_000, "East's round to open");
    // East's only respondent: their rating is what the attacker is after.
    await answerC01(person('East practitioner', 900), EAST, eastRound, 'not-in-place');
    await close(EAST, PEOPLE.manager);
    const second = await eventually(async () => {
      const reply = await view();
      return reply.results === 'released' ? reply : undefined;
    }, 15_000, "the service-wide round's results");
    served.push(second.summary!);
    const c01 = second.summary!.organisation.conditions[0]!;
    expect(c01.allStaff).toMatchObject({ shown: true, answers: 7 });
    // Every read that served figures served these: no difference to take.
    for (const summary of served) expect(summary).toEqual(second.summary);
  }, 60_000);

  it('lets the next service-wide round open before the close date once every team\'s round in it has closed, and not while one is running', async () => {
    const post = () => api('/service-rounds', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ closesOn: proposedCloseDay(new Date(), 14) }) });
    // West stays out of it (the last test here wants West without a round).
    expect((await api(`/teams/${encodeURIComponent(WEST.id)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ leftOut: true }) })).status).toBe(200);
    const next = await post();
    expect(next.status).toBe(201);
    expect(((await next.json()) as { number: number }).number).toBe(2);
    const again = await post();
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'SERVICE_ROUND_OPEN', message: expect.stringMatching(/^Service-wide round 2 is still running until the end of /) });
    await service.settled();
  }, 60_000);
});

describe("a team's opening job that comes after the service-wide round's close date", () => {
  it('opens nothing in the team and records it not asked: the figures may be out without it', async () => {
    const late = await service.services.serviceRounds.open({
      tenantId: 'local', serviceRoundId: 'sr-2024-06', openedAt: '2024-06-01T09:00:00.000Z', openedBy: 'Organisation admin', closesAt: '2024-06-30T22:59:59.999Z',
      teams: [{ teamId: WEST.id, teamName: WEST.name }],
    });
    await service.services.serviceRounds.setTeamState('local', late.serviceRoundId, WEST.id, { state: 'opening' });
    const outcome = await openServiceRoundInTeam(service.services, { kind: 'openServiceRoundInTeam', tenantId: 'local', serviceRoundId: late.serviceRoundId, teamId: WEST.id });
    expect(outcome).toBeUndefined();
    expect(await service.services.rounds.findOpen(WEST.id)).toBeUndefined();
    expect((await service.services.serviceRounds.teamStates('local', late.serviceRoundId)).get(WEST.id)).toEqual({ state: 'not-opened', reason: 'closed-before-opening' });
  });
});
