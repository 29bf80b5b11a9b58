import { serviceRoundView, type OrganisationReadDeps } from '../../bot/app/organisation/organisationReads';
import type { TabUser } from '../../bot/auth/ssoTokenVerifier';
import { countsOfAnswers } from '../../bot/domain/summary';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { ServiceRoundsRepository } from '../../bot/storage/serviceRoundsRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { organisationReadDeps } from '../support/organisationReads';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * A released view is kept for good with its changes since the newest earlier released round. An
 * instance that last read the earlier round's team rounds while they were open holds them so: the
 * first make of the later round's view sees the earlier round not released, and must not keep a
 * view with no changes (or changes against an older round) for good.
 */
const TENANT = 'tenant-kept-changes';
const TEAMS = [{ teamId: 'kc-team', teamName: 'Kept changes team' }];
const leader: TabUser = { entraObjectId: 'leader', tenantId: TENANT, name: 'Leader', local: false, orgRoles: ['leader'] };
let clock = Date.parse('2027-03-02T09:00:00Z');
let rounds: RoundsRepository;
let answers: AnswersRepository;
let serviceRounds: ServiceRoundsRepository;
let deps: OrganisationReadDeps;

async function teamRound(serviceRoundId: string, roundId: string, number: number): Promise<void> {
  const { teamId } = TEAMS[0]!;
  await rounds.open({ teamId, roundId, number, status: 'open', openedAt: new Date(clock).toISOString(), openedBy: 'Organisation admin', conditionMessageIds: {}, serviceRoundId });
  await serviceRounds.setTeamState(TENANT, serviceRoundId, teamId, { state: 'opened', roundId, roundNumber: number });
  for (let n = 0; n < 6; n += 1) await answers.record({ roundId, conditionId: 'C01', respondentId: `p${n}`, rating: number === 1 ? 'partly' : 'fully', level: 'practitioner', comment: '', answeredAt: new Date(clock).toISOString(), via: 'channel' });
}
async function closeWithCounts(roundId: string): Promise<void> {
  const { teamId } = TEAMS[0]!;
  await rounds.close(teamId, roundId, new Date(clock).toISOString());
  await rounds.recordFinalCounts(teamId, roundId, countsOfAnswers(await answers.allRatedAnswers(roundId)), 20);
}

beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  answers = new AnswersRepository(tables.answers);
  rounds = new RoundsRepository(tables.rounds);
  serviceRounds = new ServiceRoundsRepository(tables.organisation);
  deps = organisationReadDeps({ answers, rounds, serviceRounds, now: () => clock });
}, 60_000);

it('keeps no released view whose changes were made while the earlier round was seen as not released', async () => {
  const first = await serviceRounds.open({ tenantId: TENANT, serviceRoundId: 'sr-kc-1', openedAt: new Date(clock).toISOString(), openedBy: 'Organisation admin', closesAt: new Date(clock + 3600_000).toISOString(), teams: TEAMS });
  await teamRound(first.serviceRoundId, 'kc-round-1', 1);
  // A leader looks while the first round is open: this instance holds its team round as open.
  expect((await serviceRoundView(deps, leader, first.serviceRoundId)).results).toBe('at-close');

  clock += 2 * 3600_000;
  await closeWithCounts('kc-round-1');
  const second = await serviceRounds.open({ tenantId: TENANT, serviceRoundId: 'sr-kc-2', openedAt: new Date(clock).toISOString(), openedBy: 'Organisation admin', closesAt: new Date(clock + 3600_000).toISOString(), teams: TEAMS });
  await teamRound(second.serviceRoundId, 'kc-round-2', 2);
  clock += 2 * 3600_000;
  await closeWithCounts('kc-round-2');

  // Leaders poll the second round's view.
  let view = await serviceRoundView(deps, leader, second.serviceRoundId);
  expect(view.results).toBe('released');
  for (let poll = 0; poll < 3; poll += 1) {
    clock += 5000;
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the live view is made again once LIVE_VIEW_MS old (real time)
    view = await serviceRoundView(deps, leader, second.serviceRoundId);
  }
  expect(view.changes?.previousNumber).toBe(1);
}, 60_000);
