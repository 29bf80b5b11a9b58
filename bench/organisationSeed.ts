import { TurnContext, type Activity } from 'botbuilder';
import { CONDITIONS } from '../bot/domain/conditions';
import type { ServiceRound } from '../bot/domain/organisation/serviceRound';
import { countsOfAnswers } from '../bot/domain/summary';
import { RoundsRepository } from '../bot/storage/roundsRepository';
import { ServiceRoundsRepository } from '../bot/storage/serviceRoundsRepository';
import type { AuditTables } from '../bot/storage/tables';
import { TeamsRepository } from '../bot/storage/teamsRepository';
import type { SeedRow } from './azuriteFileSeed';
import { answerRows, benchAnswer } from './summaryRead';
import { installedInTeam, PEOPLE, person, TENANT_ID, type TestPerson } from '../tests/support/teamsActivities';

/** The local identity's organisation (bot/app/organisation/orgAccess.ts): its rows' partition. */
const LOCAL_PARTITION = 'local';
const DAY_MS = 86_400_000;

/** One of the bench's teams: its Teams ids and its staff (the roster Teams gives). */
export interface BenchTeam {
  readonly id: string;
  readonly name: string;
  readonly staff: readonly TestPerson[];
}

/** `count` teams of `staff` people each; every person is their own Teams user, in one team only. */
export function benchTeams(count: number, staff: number): BenchTeam[] {
  return Array.from({ length: count }, (_, t) => ({
    id: `19:bench-team-${t + 1}-general@thread.tacv2`,
    name: `Children's Services – Team ${String(t + 1).padStart(2, '0')}`,
    staff: Array.from({ length: staff }, (_, k) => person(`Staff member ${t + 1}.${k + 1}`, 1_000_000 + t * 1_000 + k)),
  }));
}

/** The two service-wide rounds the organisation read is measured on, and the team rounds of the open one. */
export interface SeededOrganisation {
  readonly released: ServiceRound;
  readonly open: ServiceRound;
  /** Each team's round of the open service-wide round, by team id. */
  readonly openRoundIds: ReadonlyMap<string, string>;
}

/**
 * Through the repositories, as the service writes them: the teams installed (each with the
 * address its installationUpdate gives), a service-wide round that opened 45 days ago and closed
 * 31 days ago in every team (each team round closed with its counts and its members kept, as the
 * close does, from `staff` people × 12 answers), and a second one, open, in every team, closing in
 * 12 days. Both rounds' team states are `opened` with their cards posted.
 */
export async function seedOrganisation(tables: AuditTables, teams: readonly BenchTeam[], serviceUrl: string): Promise<SeededOrganisation> {
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const teamsRepository = new TeamsRepository(tables.teams);
  const rounds = new RoundsRepository(tables.rounds);
  const serviceRounds = new ServiceRoundsRepository(tables.organisation);
  const refs = teams.map(({ id, name }) => ({ teamId: id, teamName: name }));
  await Promise.all(
    teams.map((team) =>
      teamsRepository.add({ teamId: team.id, teamName: team.name, tenantId: TENANT_ID, installedAt: at(60), postTo: TurnContext.getConversationReference(installedInTeam(serviceUrl, PEOPLE.champion, team) as Partial<Activity>) }),
    ),
  );
  const openIn = async (serviceRound: ServiceRound, team: BenchTeam, number: number) => {
    const roundId = `${serviceRound.serviceRoundId}-team-${teams.indexOf(team) + 1}`;
    await rounds.open({ teamId: team.id, roundId, number, status: 'open', openedAt: serviceRound.openedAt, openedBy: `${serviceRound.openedBy} (service-wide round ${serviceRound.number})`, closesAt: serviceRound.closesAt, conditionMessageIds: {}, serviceRoundId: serviceRound.serviceRoundId, teamName: team.name });
    await serviceRounds.setTeamState(LOCAL_PARTITION, serviceRound.serviceRoundId, team.id, { state: 'opened', roundId, roundNumber: number, cards: { posted: 13, notPosted: 0 } });
    return roundId;
  };

  const released = await serviceRounds.open({ tenantId: LOCAL_PARTITION, serviceRoundId: 'bench-service-round-1', openedAt: at(45), openedBy: 'Bench admin', closesAt: at(31), teams: refs });
  await Promise.all(
    teams.map(async (team, t) => {
      const roundId = await openIn(released, team, 1);
      await rounds.close(team.id, roundId, released.closesAt);
      // Each team rates a little differently: the answers are shifted by the team's place.
      const answers = team.staff.flatMap((_, p) => CONDITIONS.map((_c, i) => benchAnswer(p + t, i, released.closesAt, roundId)));
      await rounds.recordFinalCounts(team.id, roundId, countsOfAnswers(answers), team.staff.length);
    }),
  );
  const open = await serviceRounds.open({ tenantId: LOCAL_PARTITION, serviceRoundId: 'bench-service-round-2', openedAt: at(2), openedBy: 'Bench admin', closesAt: new Date(now + 12 * DAY_MS).toISOString(), teams: refs });
  const openRoundIds = new Map(await Promise.all(teams.map(async (team) => [team.id, await openIn(open, team, 2)] as const)));
  return { released, open, openRoundIds };
}

/** The answers already given in the open round: `answered` of each team's staff, all 12 conditions. */
export function* openRoundAnswers(openRoundIds: ReadonlyMap<string, string>, answered: number): Generator<SeedRow> {
  for (const roundId of openRoundIds.values()) yield* answerRows(answered, roundId);
}
