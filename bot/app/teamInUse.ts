import type { PostingAddress } from '../domain/auditRound';
import type { AuditServices } from './auditServices';

/** An activity from a team, as the Teams edge read it. */
export interface TeamActivity {
  readonly teamId: string;
  /** The activity's tenant. */
  readonly tenantId: string;
  /**
   * A stored address of the team's, moved to where this activity says Teams now is (its
   * serviceUrl); undefined when it is there already or the activity cannot vouch for it (another
   * tenant's). The Teams edge decides what an address holds (teamsActivity.ts addressFollowing).
   */
  readonly follow: (stored: PostingAddress) => PostingAddress | undefined;
}

export type TeamInUseDeps = Pick<AuditServices, 'teams' | 'teamCache' | 'rounds' | 'roundCache' | 'roster'>;

/**
 * Activity from a team proves two things. Its app is installed: Teams sometimes adds an app back
 * without an install event, after it said the app was removed; a team marked removed is then
 * restored, so its open round is reachable from chat and the tab again. And where Teams now is
 * for the team: when the activity's address differs from the stored one (Teams moved the
 * conversation's serviceUrl; a Playground on another port), the team's stored address follows,
 * and so does its open round's channel, so roster reads, reminders, recurring rounds, automatic
 * closes and card updates reach Teams. Cheap when nothing changed: the per-instance team cache
 * answers. `restored`: the team was marked removed and is no longer; `moved`: its address followed.
 */
export async function noteTeamInUse(deps: TeamInUseDeps, activity: TeamActivity): Promise<{ restored: boolean; moved: boolean }> {
  const { teams, teamCache } = deps;
  let team = await teamCache.get(activity.teamId);
  const restored = !team && (await teams.restore(activity.teamId, activity.tenantId));
  if (restored) {
    teamCache.forget(activity.teamId);
    team = await teamCache.get(activity.teamId);
  }
  // Another tenant's activity never moves a team's address (nor restores it, above).
  if (!team || team.tenantId !== activity.tenantId || !activity.follow(team.postTo)) return { restored, moved: false };
  return { restored, moved: await followTeam(deps, activity) };
}

/**
 * The open round's channel first, then the team: the team's address, once current, is what says
 * all is done, so a failure between the two is mended by the team's next activity. Each write is
 * at the version read (the repositories'); another instance doing the same finds nothing to move.
 */
async function followTeam({ teams, teamCache, rounds, roundCache, roster }: TeamInUseDeps, activity: TeamActivity): Promise<boolean> {
  const openRound = await rounds.findOpen(activity.teamId);
  if (openRound && (await rounds.readdress(activity.teamId, openRound.roundId, activity.follow))) roundCache.forget(activity.teamId, openRound.roundId);
  const moved = await teams.readdress(activity.teamId, activity.tenantId, activity.follow);
  // Moved here or by another instance: either way this instance's copies are of the old address.
  teamCache.forget(activity.teamId);
  roster.forget(activity.teamId);
  return moved;
}
