import type { TabUser } from '../../auth/ssoTokenVerifier';
import type { AuditRound } from '../../domain/auditRound';
import type { TabDeps } from './tabDeps';
import { isTabChampion, requireTeamAccess } from './teamAccess';

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

/** GET /api/teams/:teamId/rounds (tab/src/api/types.ts TeamRounds). */
export interface TeamRoundsReply {
  /** Newest first. */
  readonly rounds: readonly RoundListing[];
  /**
   * Whether the signed-in person is one of the team's practice champions (anyone, in local mode):
   * the tab offers the champions' views (activity log, held comments) only then. It only decides
   * what is offered; each of those routes still refuses anyone else (NOT_A_CHAMPION).
   */
  readonly champion: boolean;
}

/**
 * The channel tab's round picker: a team's rounds, newest first, and whether the person is one
 * of its champions (one point read, beside the list). NOT_A_TEAM_MEMBER (403) for anyone else.
 */
export async function teamRounds(deps: Pick<TabDeps, 'teamCache' | 'roster' | 'rounds' | 'champions'>, user: TabUser, teamId: string): Promise<TeamRoundsReply> {
  await requireTeamAccess(deps, user, teamId);
  const [list, champion] = await Promise.all([deps.rounds.listForTeam(teamId), isTabChampion(deps, user, teamId)]);
  return { rounds: list.map((round) => listing(round, round.teamName ?? '')), champion };
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
