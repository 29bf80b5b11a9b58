import { ServiceSummaryCache } from '../../bot/app/organisation/serviceSummaryCache';
import { serviceSummaryOf, type FiguresDeps, type ServiceRoundState } from '../../bot/app/organisation/serviceRoundFigures';
import type { AuditRound } from '../../bot/domain/auditRound';
import { countsOfAnswers } from '../../bot/domain/summary';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** Real answers in Azurite; the repository counts the whole-round reads a summary makes. */
class ObservedAnswers extends AnswersRepository {
  wholeReads = 0;
  override async allRatedAnswers(roundId: string): ReturnType<AnswersRepository['allRatedAnswers']> {
    this.wholeReads += 1;
    return super.allRatedAnswers(roundId);
  }
}

const answer = (roundId: string, n: number, rating: 'partly' | 'fully') => ({ roundId, conditionId: 'C01' as const, respondentId: `p${n}`, rating, level: 'practitioner' as const, comment: '', answeredAt: '2026-11-25T10:00:00Z', via: 'channel' as const });
/** Six people answered the team's round: all `rating`. */
const answersOf = (roundId: string, rating: 'partly' | 'fully') => Array.from({ length: 6 }, (_, n) => answer(roundId, n, rating));

let answers: ObservedAnswers;
beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  answers = new ObservedAnswers(tables.answers);
  for (const a of answersOf('r-east', 'partly')) await answers.record(a);
});

const closedRound = (teamId: string, rating: 'partly' | 'fully', keptCounts = true): AuditRound => ({
  teamId,
  roundId: `r-${teamId}`,
  number: 1,
  status: 'closed',
  openedAt: '2026-11-01T10:00:00Z',
  closedAt: '2026-11-26T10:00:00Z',
  openedBy: 'Ewa Nowak (service-wide round 1)',
  conditionMessageIds: {},
  ...(keptCounts ? { finalCounts: countsOfAnswers(answersOf(`r-${teamId}`, rating)) } : {}),
});
const released = (rounds: AuditRound[]): ServiceRoundState => ({
  listing: { serviceRoundId: 'sr-1', number: 1, openedAt: '2026-11-01T10:00:00Z', openedBy: 'Ewa Nowak', closesAt: '2026-11-26T00:00:00Z', status: 'closed', teamsAsked: rounds.length },
  teams: [],
  results: 'released',
  opened: rounds.map((round) => ({ teamId: round.teamId, teamName: `Team ${round.teamId}`, round })),
});
const depsWith = (serviceSummaries: ServiceSummaryCache) => ({ serviceSummaries, answers, privacyThreshold: 5 }) as unknown as FiguresDeps;

it("makes a released service-wide round's figures once per instance, and anew when a team round joins it", async () => {
  const deps = depsWith(new ServiceSummaryCache());
  const first = await serviceSummaryOf(deps, released([closedRound('north', 'fully'), closedRound('south', 'partly')]));
  expect(first.teams.map((t) => t.teamId)).toEqual(['north', 'south']);
  expect(first.organisation.conditions[0]!.allStaff).toMatchObject({ shown: true, answers: 12, distribution: { partly: 6, fully: 6 } });
  expect(await serviceSummaryOf(deps, released([closedRound('south', 'partly'), closedRound('north', 'fully')]))).toBe(first);

  // A team asked later (it had not been asked) opened and closed its round in it: its figures count.
  const withWest = await serviceSummaryOf(deps, released([closedRound('north', 'fully'), closedRound('south', 'partly'), closedRound('west', 'fully')]));
  expect(withWest.teams.map((t) => t.teamId)).toEqual(['north', 'south', 'west']);
  expect(withWest.organisation.conditions[0]!.allStaff).toMatchObject({ answers: 18, distribution: { partly: 6, fully: 12 } });
});

it('counts a round released without kept counts from its answers on every read (they may still be erased)', async () => {
  const deps = depsWith(new ServiceSummaryCache());
  const state = released([closedRound('north', 'fully'), closedRound('east', 'partly', false)]);
  const reads = answers.wholeReads;
  const first = await serviceSummaryOf(deps, state);
  expect(first.organisation.conditions[0]!.allStaff).toMatchObject({ answers: 12, distribution: { partly: 6, fully: 6 } });
  await answers.record(answer('r-east', 6, 'fully'));
  const second = await serviceSummaryOf(deps, state);
  expect(answers.wholeReads).toBe(reads + 2);
  expect(second.organisation.conditions[0]!.allStaff).toMatchObject({ answers: 13, distribution: { partly: 6, fully: 7 } });
});

describe("a service-wide round's whole view, kept per instance", () => {
  const view = (results: 'released' | 'at-close') => ({
    round: { serviceRoundId: 'sr-1', number: 1, openedAt: '2026-11-01T10:00:00Z', openedBy: 'Ewa Nowak', closesAt: '2026-11-26T00:00:00Z', status: 'closed' as const, teamsAsked: 2 },
    teams: [],
    results,
  });
  const made = () => Promise.resolve(view('at-close'));

  it('is kept once released from kept counts, and served to the same tenant only', async () => {
    const cache = new ServiceSummaryCache();
    const released = view('released');
    cache.keepView('tenant-a', released, true);
    expect(await cache.viewOf('tenant-a', 'sr-1', made)).toBe(released);
    // Another tenant's round of the same id is never this one.
    expect(await cache.viewOf('tenant-b', 'sr-1', made)).toEqual(view('at-close'));
  });

  it('is not kept for good while its results wait, nor when its figures came from answers that may still be erased', async () => {
    const cache = new ServiceSummaryCache();
    cache.keepView('tenant-a', view('at-close'), true);
    cache.keepView('tenant-a', view('released'), false);
    expect(await cache.viewOf('tenant-a', 'sr-1', made)).toEqual(view('at-close'));
  });
});

describe('the teams a pass over a service-wide round reads again', () => {
  const teamIds = (n: number) => Array.from({ length: n }, (_, i) => `team-${String(i + 1).padStart(2, '0')}`);

  it('is every team while there are no more than ten', () => {
    const cache = new ServiceSummaryCache();
    for (let pass = 0; pass < 3; pass += 1) expect([...cache.teamsReadThisPass('tenant-a', 'sr-1', teamIds(10))]).toEqual(teamIds(10));
  });

  it('is ten a pass, in turn, so each of 25 teams is read at least every third pass', () => {
    const cache = new ServiceSummaryCache();
    const teams = teamIds(25);
    const lastRead = new Map<string, number>();
    for (let pass = 0; pass < 12; pass += 1) {
      const read = cache.teamsReadThisPass('tenant-a', 'sr-1', teams);
      expect(read.size).toBe(10);
      for (const teamId of read) {
        if (lastRead.has(teamId)) expect(pass - lastRead.get(teamId)!).toBeLessThanOrEqual(3);
        lastRead.set(teamId, pass);
      }
    }
    expect(lastRead.size).toBe(25);
    // Another round (or tenant) has turns of its own.
    expect([...cache.teamsReadThisPass('tenant-b', 'sr-1', teams)]).toEqual(teams.slice(0, 10));
  });
});
