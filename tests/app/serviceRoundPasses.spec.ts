import { serviceRoundState, type FiguresDeps } from '../../bot/app/organisation/serviceRoundFigures';
import type { ServiceRound } from '../../bot/domain/organisation/serviceRound';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ServiceRoundsRepository } from '../../bot/storage/serviceRoundsRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { organisationReadDeps } from '../support/organisationReads';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** Real answers in Azurite; counts the "what changed" reads a pass makes, by round. */
class ObservedAnswers extends AnswersRepository {
  readonly reads: string[] = [];
  override async answersChangedSince(roundId: string, since: Date | undefined): ReturnType<AnswersRepository['answersChangedSince']> {
    this.reads.push(roundId);
    return super.answersChangedSince(roundId, since);
  }
}

/** Real rounds in Azurite; counts the reads of a round. */
class ObservedRounds extends RoundsRepository {
  reads = 0;
  override async get(teamId: string, roundId: string): ReturnType<RoundsRepository['get']> {
    this.reads += 1;
    return super.get(teamId, roundId);
  }
}

/**
 * A service-wide round open in 25 teams, read pass after pass as leaders' polls make the view
 * (issue 13): each pass reads at most ten teams' answers again, in turn, so what a poll costs
 * storage does not grow with the organisation, and every team's new answers still show within a
 * few passes.
 */
const TEAMS = Array.from({ length: 25 }, (_, i) => ({ teamId: `team-${String(i + 1).padStart(2, '0')}`, teamName: `Team ${String(i + 1).padStart(2, '0')}` }));
const TENANT = 'tenant-passes';
let answers: ObservedAnswers;
let rounds: ObservedRounds;
let serviceRound: ServiceRound;
let deps: FiguresDeps;
let clock = Date.parse('2027-03-02T09:00:00Z');
const roundIdOf = (teamId: string) => `${teamId}-round-1`;
const answerIn = (teamId: string, n: number) => answers.record({ roundId: roundIdOf(teamId), conditionId: 'C01', respondentId: `p${n}`, rating: 'mostly', level: 'practitioner', comment: '', answeredAt: new Date(clock).toISOString(), via: 'channel' });

beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  answers = new ObservedAnswers(tables.answers);
  rounds = new ObservedRounds(tables.rounds);
  const serviceRounds = new ServiceRoundsRepository(tables.organisation);
  serviceRound = await serviceRounds.open({ tenantId: TENANT, serviceRoundId: 'sr-passes', openedAt: '2027-03-01T09:00:00.000Z', openedBy: 'Organisation admin', closesAt: '2099-03-31T22:59:59.999Z', teams: TEAMS });
  for (const { teamId } of TEAMS) {
    await rounds.open({ teamId, roundId: roundIdOf(teamId), number: 1, status: 'open', openedAt: '2027-03-01T09:00:00.000Z', openedBy: 'Organisation admin (service-wide round 1)', conditionMessageIds: {}, serviceRoundId: 'sr-passes' });
    await serviceRounds.setTeamState(TENANT, 'sr-passes', teamId, { state: 'opened', roundId: roundIdOf(teamId), roundNumber: 1 });
    await answerIn(teamId, 0);
  }
  deps = organisationReadDeps({ answers, rounds, serviceRounds, now: () => clock });
}, 60_000);

/** One pass, as a poll makes it once the view is older than it may be; then the reads it started behind itself land. */
async function pass(): Promise<{ answered: Map<string, number>; status: Map<string, string | undefined>; reads: number; roundReads: number }> {
  clock += 2001;
  const before = { answers: answers.reads.length, rounds: rounds.reads };
  const state = await serviceRoundState(deps, TENANT, serviceRound);
  await new Promise((resolve) => setTimeout(resolve, 300));
  return {
    answered: new Map(state.teams.map((t) => [t.teamId, t.responseRate?.answered ?? -1])),
    status: new Map(state.teams.map((t) => [t.teamId, t.roundStatus])),
    reads: answers.reads.length - before.answers,
    roundReads: rounds.reads - before.rounds,
  };
}

it("reads at most ten teams' rounds and answers a pass, each team in turn, and shows every team's new answer within four passes", async () => {
  const first = await pass();
  // Nothing held yet: every team's round and answers are read once.
  expect(first).toMatchObject({ reads: 25, roundReads: 25 });
  expect([...first.answered.values()]).toEqual(TEAMS.map(() => 1));

  for (const { teamId } of TEAMS) await answerIn(teamId, 1);
  const passes = [];
  for (let n = 0; n < 4; n += 1) passes.push(await pass());
  for (const { reads, roundReads } of passes) {
    expect(reads).toBeLessThanOrEqual(10);
    expect(roundReads).toBeLessThanOrEqual(10);
  }
  // A team read this pass shows its new answer at the next (the read runs behind the pass).
  expect(new Set(answers.reads.slice(25))).toEqual(new Set(TEAMS.map((t) => roundIdOf(t.teamId))));
  expect([...passes.at(-1)!.answered.values()]).toEqual(TEAMS.map(() => 2));
  expect([...passes[0]!.answered.values()].filter((n) => n === 2).length).toBeLessThan(25);
});

it('shows a team round closed within four passes, and releases no results while another is open', async () => {
  const closing = TEAMS[20]!.teamId;
  await rounds.close(closing, roundIdOf(closing), new Date(clock).toISOString());
  const passes = [];
  for (let n = 0; n < 4; n += 1) passes.push(await pass());
  expect(passes.at(-1)!.status.get(closing)).toBe('closed');
  expect(passes.map((p) => p.status.get(TEAMS[0]!.teamId))).toEqual(['open', 'open', 'open', 'open']);
  expect((await serviceRoundState(deps, TENANT, serviceRound)).results).toBe('at-close');
});
