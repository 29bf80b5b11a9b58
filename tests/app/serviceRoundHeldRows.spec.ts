import { serviceRoundState, type FiguresDeps } from '../../bot/app/organisation/serviceRoundFigures';
import type { ServiceRound } from '../../bot/domain/organisation/serviceRound';
import { countsOfAnswers } from '../../bot/domain/summary';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ServiceRoundsRepository } from '../../bot/storage/serviceRoundsRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { organisationReadDeps } from '../support/organisationReads';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * A round held by an instance as closed without its counts (read in the few seconds between its
 * close and its counts being kept, or a close whose counts' write failed) is summarised from its
 * answers. Retention keeps the counts and deletes the answers an hour later
 * (expireAnswers.ts COUNTS_SETTLE_MS), relying on no instance serving a round without counts
 * for longer than seconds. The organisation view, polled again long after, must not serve such a
 * held row: its figures would be made from answers no longer there.
 */
const TEAMS = Array.from({ length: 12 }, (_, i) => ({ teamId: `held-${String(i + 1).padStart(2, '0')}`, teamName: `Held ${String(i + 1).padStart(2, '0')}` }));
const TENANT = 'tenant-held';
const roundIdOf = (teamId: string) => `${teamId}-round-1`;
let clock = Date.parse('2027-03-02T09:00:00Z');
let rounds: RoundsRepository;
let answers: AnswersRepository;
let serviceRound: ServiceRound;
let deps: FiguresDeps;

beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  answers = new AnswersRepository(tables.answers);
  rounds = new RoundsRepository(tables.rounds);
  const serviceRounds = new ServiceRoundsRepository(tables.organisation);
  serviceRound = await serviceRounds.open({ tenantId: TENANT, serviceRoundId: 'sr-held', openedAt: '2027-03-01T09:00:00.000Z', openedBy: 'Organisation admin', closesAt: '2027-03-02T08:00:00.000Z', teams: TEAMS });
  for (const { teamId } of TEAMS) {
    await rounds.open({ teamId, roundId: roundIdOf(teamId), number: 1, status: 'open', openedAt: '2027-03-01T09:00:00.000Z', openedBy: 'Organisation admin (service-wide round 1)', conditionMessageIds: {}, serviceRoundId: 'sr-held' });
    await serviceRounds.setTeamState(TENANT, 'sr-held', teamId, { state: 'opened', roundId: roundIdOf(teamId), roundNumber: 1 });
    for (let n = 0; n < 6; n += 1) await answers.record({ roundId: roundIdOf(teamId), conditionId: 'C01', respondentId: `p${n}`, rating: 'mostly', level: 'practitioner', comment: '', answeredAt: new Date(clock).toISOString(), via: 'channel' });
    await rounds.close(teamId, roundIdOf(teamId), new Date(clock).toISOString());
  }
  deps = organisationReadDeps({ answers, rounds, serviceRounds, now: () => clock });
}, 60_000);

it('never makes released figures from a round held without its counts long after its counts were kept', async () => {
  // Polled during the close: every team's round held as closed, its counts not kept yet.
  const during = await serviceRoundState(deps, TENANT, serviceRound);
  expect(during.opened.every(({ round }) => round.status === 'closed' && !round.finalCounts)).toBe(true);

  // The counts are kept; months later retention has deleted the answers.
  for (const { teamId } of TEAMS) {
    await rounds.recordFinalCounts(teamId, roundIdOf(teamId), countsOfAnswers(await answers.allRatedAnswers(roundIdOf(teamId))));
  }
  clock += 90 * 24 * 60 * 60 * 1000;

  // The next poll: released, so serviceSummaryOf counts each round without kept counts from its answers.
  const later = await serviceRoundState(deps, TENANT, serviceRound);
  expect(later.results).toBe('released');
  expect(later.opened.filter(({ round }) => !round.finalCounts).map(({ teamId }) => teamId)).toEqual([]);
}, 60_000);
