import { CONDITIONS } from '../../bot/domain/conditions';
import type { RoundSummary } from '../../bot/domain/summary';
import type { TeamTrends } from '../../bot/domain/summary/trends';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { closeRoundNow } from '../support/closeRoundNow';
import type { FakeConnector } from '../support/fakeConnector';
import { startSignedInTeam, type SignedInTeam } from '../support/signedInTeam';
import type { LocalIdentityProvider } from '../support/ssoTokens';
import { startTheRound } from '../support/startRound';
import { cardAction, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot } from '../support/testService';

/**
 * Issue 11, "What leaders read": each condition's score across all of the team's closed rounds,
 * on the real service (answers through the bot, Azure Table storage in Azurite, Teams sign-in).
 * Three rounds closed and a fourth open; the trend is each closed round's released summary.
 */
let team: SignedInTeam | undefined;
let connector: FakeConnector;
let identity: LocalIdentityProvider;
let service: RunningService;
const rounds: string[] = [];
const practitioners = Array.from({ length: 6 }, (_, i) => person(`Practitioner ${i}`, 500 + i));
const managers = Array.from({ length: 5 }, (_, i) => person(`Manager ${i}`, 600 + i));

const bearer = async (who: TestPerson) => `Bearer ${await identity.sign({ oid: who.aadObjectId, name: who.name })}`;
const trendsPath = (teamId = TEAM.id) => `/api/teams/${encodeURIComponent(teamId)}/trends`;
async function get(path: string, who: TestPerson = PEOPLE.practitioner): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${service.url}${path}`, { headers: { authorization: await bearer(who) } });
  return { status: response.status, body: await response.json() };
}
/** The trends, as a member of the team reads them. */
async function trends(): Promise<TeamTrends> {
  const { status, body } = await get(trendsPath());
  expect(status).toBe(200);
  return body as TeamTrends;
}
async function answer(people: readonly TestPerson[], conditionId: string, level: string, rating: string): Promise<void> {
  const roundId = rounds.at(-1)!;
  for (const who of people) {
    const reply = await postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: 'channel', rating, level }));
    expect(reply.status).toBe(200);
  }
}
async function openRound(): Promise<void> {
  await startTheRound(service, connector);
  await service.settled();
  rounds.push((await service.services.rounds.findOpen(TEAM.id))!.roundId);
}
const close = async () => closeRoundNow(service, { authorization: await bearer(PEOPLE.champion) });

beforeAll(async () => {
  team = await startSignedInTeam();
  ({ connector, identity, service } = team);
  rounds.push(team.roundId);
  // Round 1: C01 "partly" from six practitioners (1.0); C02 "mostly" from five (2.0).
  await answer(practitioners, 'C01', 'practitioner', 'partly');
  await answer(practitioners.slice(0, 5), 'C02', 'practitioner', 'mostly');
  await close();
  // Round 2: C01 "mostly" (2.0); C02 from only three people: all staff too small to show.
  await openRound();
  await answer(practitioners, 'C01', 'practitioner', 'mostly');
  await answer(practitioners.slice(0, 3), 'C02', 'practitioner', 'fully');
  await close();
  // Round 3: C01 "fully" from the practitioners and "mostly" from five managers: 28 / 11 = 2.545…
  await openRound();
  await answer(practitioners, 'C01', 'practitioner', 'fully');
  await answer(managers, 'C01', 'supervisor', 'mostly');
  await answer(practitioners.slice(0, 5), 'C02', 'practitioner', 'not-in-place');
  await close();
  // Round 4 stays open, with answers: no part of a trend.
  await openRound();
  await answer(practitioners, 'C01', 'practitioner', 'not-in-place');
}, 180_000);
afterAll(async () => team?.stop());

describe("a team's trends", () => {
  it('give each closed round in order, with its close and how many answered; the open round is left out', async () => {
    const body = await trends();
    const closed = await Promise.all(rounds.slice(0, 3).map((roundId) => service.services.rounds.get(TEAM.id, roundId)));
    expect(body.rounds.map(({ roundId, number, closedAt, respondents, privacyThreshold }) => ({ roundId, number, closedAt, respondents, privacyThreshold }))).toEqual([
      { roundId: rounds[0], number: 1, closedAt: closed[0]!.closedAt, respondents: 6, privacyThreshold: 5 },
      { roundId: rounds[1], number: 2, closedAt: closed[1]!.closedAt, respondents: 6, privacyThreshold: 5 },
      { roundId: rounds[2], number: 3, closedAt: closed[2]!.closedAt, respondents: 11, privacyThreshold: 5 },
    ]);
    expect(body.rounds.map((round) => round.roundId)).not.toContain(rounds[3]);
    for (const round of body.rounds) expect(round.conditions.map((c) => c.conditionId)).toEqual(CONDITIONS.map((c) => c.id));
  });

  it("give each condition's all-staff score as the round's released summary shows it", async () => {
    const body = await trends();
    const c01 = body.rounds.map((round) => round.conditions[0]!.allStaff);
    expect(c01.map((cell) => (cell.shown ? { answers: cell.answers, score: cell.score } : cell))).toEqual([
      { answers: 6, score: 1 },
      { answers: 6, score: 2 },
      { answers: 11, score: 28 / 11 },
    ]);
    for (const [i, roundId] of rounds.slice(0, 3).entries()) {
      const summary = (await get(`/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/summary`)).body as RoundSummary;
      expect(body.rounds[i]!.conditions.map((c) => c.allStaff)).toEqual(summary.conditions.map((c) => c.allStaff));
    }
  });

  it('keep a hidden score hidden, with its reason, and no figure', async () => {
    const body = await trends();
    expect(body.rounds.map((round) => round.conditions[1]!.allStaff)).toEqual([
      expect.objectContaining({ shown: true, answers: 5, score: 2 }),
      { shown: false, reason: 'too-small' },
      expect.objectContaining({ shown: true, answers: 5, score: 0 }),
    ]);
  });

  it('are for the team’s members only: another team’s member gets 403, no token 401', async () => {
    expect(await get(trendsPath(), PEOPLE.outsider)).toEqual({ status: 403, body: { error: { code: 'NOT_A_TEAM_MEMBER', message: 'You can only see the audit of teams you belong to.' } } });
    expect((await fetch(`${service.url}${trendsPath()}`)).status).toBe(401);
    expect((await get(trendsPath('19:no-such-team@thread.tacv2'))).status).toBe(403);
  });
});
