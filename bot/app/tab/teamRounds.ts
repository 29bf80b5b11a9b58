import type { TabUser } from '../../auth/ssoTokenVerifier';
import type { AuditRound } from '../../domain/auditRound';
import type { TabDeps } from './tabDeps';
import { requireTeamAccess } from './teamAccess';

export interface RoundListing {
  readonly teamId: string;
  readonly teamName: string;
  readonly roundId: string;
  readonly number: number;
  readonly status: AuditRound['status'];
  readonly openedAt: string;
  readonly closedAt?: string;
  /** When its answers and comments were deleted, RETENTION_DAYS after its close (ISO 8601); its figures are kept. */
  readonly answersExpiredAt?: string;
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
    ...(round.answersExpiredAt ? { answersExpiredAt: round.answersExpiredAt } : {}),
  };
}

/** The channel tab's round picker: a team's rounds, newest first. */
export async function teamRounds({ teamCache, roster, rounds }: Pick<TabDeps, 'teamCache' | 'roster' | 'rounds'>, user: TabUser, teamId: string): Promise<RoundListing[]> {
  await requireTeamAccess({ teamCache, roster }, user, teamId);
  return (await rounds.listForTeam(teamId)).map((round) => listing(round, round.teamName ?? ''));
}

/** The personal tab: the rounds of every team in the person's tenant that they belong to. */
export async function myRounds({ teams, rounds, roster }: Pick<TabDeps, 'teams' | 'rounds' | 'roster'>, user: TabUser): Promise<RoundListing[]> {
  const tenantTeams = await teams.listIn(user.local ? undefined : user.tenantId);
  const mine = await Promise.all(tenantTeams.map(async (team) => (user.local || (await roster.isMember(team.teamId, user.entraObjectId)) ? team : undefined)));
  const listings = await Promise.all(
    mine.flatMap((team) => (team ? [rounds.listForTeam(team.teamId).then((list) => list.map((round) => listing(round, team.teamName)))] : [])),
  );
  return listings.flat().sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}
