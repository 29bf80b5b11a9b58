import type { TabUser } from '../../auth/ssoTokenVerifier';
import type { AuditRound } from '../../domain/auditRound';
import type { AuditServices } from '../auditServices';
import { requireTeamAccess, type TabRoster } from './teamAccess';

export interface RoundListing {
  readonly teamId: string;
  readonly teamName: string;
  readonly roundId: string;
  readonly number: number;
  readonly status: AuditRound['status'];
  readonly openedAt: string;
  readonly closedAt?: string;
}

function listing(round: AuditRound, teamName: string): RoundListing {
  return {
    teamId: round.teamId,
    teamName,
    roundId: round.roundId,
    number: round.number,
    status: round.status,
    openedAt: round.openedAt,
    ...(round.closedAt ? { closedAt: round.closedAt } : {}),
  };
}

/** The channel tab's round picker: a team's rounds, newest first. */
export async function teamRounds(services: AuditServices, roster: TabRoster, user: TabUser, teamId: string): Promise<RoundListing[]> {
  await requireTeamAccess(services, roster, user, teamId);
  const rounds = await services.rounds.listForTeam(teamId);
  return rounds.map((round) => listing(round, round.teamName ?? ''));
}

/** The personal tab: the rounds of every team in the person's tenant that they belong to. */
export async function myRounds(services: AuditServices, roster: TabRoster, user: TabUser): Promise<RoundListing[]> {
  const teams = await services.teams.listIn(user.local ? undefined : user.tenantId);
  const mine = await Promise.all(teams.map(async (team) => (user.local || (await roster.isMember(team.teamId, user.entraObjectId)) ? team : undefined)));
  const rounds = await Promise.all(
    mine.flatMap((team) => (team ? [services.rounds.listForTeam(team.teamId).then((list) => list.map((round) => listing(round, team.teamName)))] : [])),
  );
  return rounds.flat().sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}
