import type { TabUser } from '../../auth/ssoTokenVerifier';
import { isConditionId } from '../../domain/conditions';
import { AuditError } from '../../domain/errors';
import { isLevelId } from '../../domain/levels';
import { keptTeamSize, type TeamSize } from '../../domain/responseRate';
import type { AuditRound } from '../../domain/auditRound';
import { commentsFor, releasedSummary, requireResults, resultsState, type ResultsState, type ConditionComments, type RoundParticipation, type RoundRelease, type RoundSummary } from '../../domain/summary';
import { teamSizeNow } from '../teamSize';
import type { TabDeps } from './tabDeps';
import { requireTeamAccess } from './teamAccess';

/** What reading one of a team's rounds uses: the team's access check and the tab's rounds. */
export type RoundOfTeamDeps = Pick<TabDeps, 'teamCache' | 'roster' | 'tabRounds'>;

/** The round, once the user is known to belong to its team (403 otherwise, 404 for no such round). */
export async function roundOfTeam({ teamCache, roster, tabRounds }: RoundOfTeamDeps, user: TabUser, teamId: string, roundId: string) {
  await requireTeamAccess({ teamCache, roster }, user, teamId);
  const round = await tabRounds.get(teamId, roundId);
  if (!round) throw new AuditError('ROUND_NOT_FOUND');
  return round;
}

/**
 * The aggregated audit of one round: counts and scores by condition and level, small cuts
 * hidden. Only once the round has closed (domain/summary/release.ts): RESULTS_AT_CLOSE (409)
 * while it is open, or in the moment after its close while the last answers land.
 */
export async function roundSummary(deps: RoundOfTeamDeps & Pick<TabDeps, 'roundSummaries'>, user: TabUser, teamId: string, roundId: string): Promise<RoundSummary> {
  const round = await roundOfTeam(deps, user, teamId, roundId);
  return releasedSummary(await deps.roundSummaries.release(round), round.number);
}

/** GET …/participation: what may be read of any round, open or closed, and whether its results are out. */
export interface ParticipationReply extends RoundParticipation {
  readonly roundNumber: number;
  readonly results: ResultsState;
  /** The response rate's denominator: the team's members now while the round is open, those kept at close once its results are out. */
  readonly teamSize: TeamSize;
}

/**
 * How many have answered, in all and by condition, and of how many: live while the round is
 * open (the team's roster, cached), fixed once it closes (its members kept at close; none when
 * they were not kept, never today's roster).
 */
export async function roundParticipation(deps: RoundOfTeamDeps & Pick<TabDeps, 'roundSummaries' | 'teamRoster'>, user: TabUser, teamId: string, roundId: string): Promise<ParticipationReply> {
  const round = await roundOfTeam(deps, user, teamId, roundId);
  const { release: { results, participation }, teamSize } = await releaseAndTeamSize(deps, round);
  return { roundNumber: round.number, results, ...participation, teamSize };
}

/**
 * What of a round may be served now (RoundSummaryCache.release), and its response rate's
 * denominator: the size kept at its close once released, else the team's members now (its
 * roster, cached; `unreadable` when Teams will not give it). Checks no access: the caller has.
 */
async function releaseAndTeamSize(deps: Pick<TabDeps, 'roundSummaries' | 'teamRoster'>, round: AuditRound): Promise<{ readonly release: RoundRelease; readonly teamSize: TeamSize }> {
  const release = await deps.roundSummaries.release(round);
  const teamSize = keptTeamSize(round, release.results === 'released') ?? (await teamSizeNow(deps.teamRoster, round.teamId));
  return { release, teamSize };
}

/**
 * What people said about one condition, anonymously (domain/summary/commentsFor.ts): none until at
 * least COMMENT_THRESHOLD people answered it; by level only where the level is big enough; held and
 * withheld comments never (storage gives them blank). Closed rounds only, as the summary.
 */
export async function conditionComments(deps: RoundOfTeamDeps & Pick<TabDeps, 'roundSummaries' | 'privacyThreshold' | 'commentThreshold'>, user: TabUser, teamId: string, roundId: string, conditionId: string, level: unknown): Promise<ConditionComments> {
  if (!isConditionId(conditionId)) throw new AuditError('BAD_REQUEST', "That condition is not one of the audit's conditions.");
  if (level !== undefined && level !== '' && !isLevelId(level)) throw new AuditError('BAD_REQUEST', "That level is not one of the team's levels.");
  const round = await roundOfTeam(deps, user, teamId, roundId);
  const { now, settleMs } = deps.roundSummaries.clock;
  requireResults(resultsState(round, now, settleMs), round.number);
  const answers = await deps.roundSummaries.answersTo(round.roundId, conditionId);
  return commentsFor(answers, conditionId, deps, isLevelId(level) ? level : undefined);
}
