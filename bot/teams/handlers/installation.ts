import type { Person } from '../../app/auditServices';
import { recordInstallation } from '../../app/champions';
import { noteTeamInUse } from '../../app/teamInUse';
import { welcomeCard } from '../cards';
import { addressFollowing, personOf, teamOf, tenantOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';

/**
 * The app was added to a team. Teams may say so twice (installationUpdate and
 * conversationUpdate), so the welcome is posted only the first time we hear of the team.
 */
export async function welcomeTeam(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  const team = teamOf(turn.activity);
  if (!team) return;
  // Most repeats are long after the first (the Playground sends one per page load): skip the roster
  // call, but follow the address the team is now reached at (a Playground on another port), in the
  // turn, so the next command already reads the roster there.
  if (await deps.services.teams.get(team.teamId)) {
    // A repeated announcement needs no answer: a failure here is only logged.
    await followTeamActivity(turn, deps).catch((error: unknown) => deps.logger.warn('team_activity_not_followed', { teamId: team.teamId, error }));
    return;
  }
  const installedBy = await installerOf(turn, team.teamId);
  const recorded = await recordInstallation(deps.services, { ...team, tenantId: tenantOf(turn.activity), postTo: turn.address }, installedBy);
  if (!recorded) return; // the other announcement of the same installation got there first
  await turn.reply(welcomeCard({ teamId: team.teamId, teamName: team.teamName, ...(installedBy ? { installedByName: installedBy.name } : {}) }));
}

/** The install event names who added the app, though not always by name: the roster has it. */
async function installerOf(turn: TeamsTurn, teamId: string): Promise<Person | undefined> {
  const from = turn.activity.from;
  if (!from?.id || !from.aadObjectId) return undefined;
  if (from.name) return personOf(turn.activity);
  const member = await turn.readMember(teamId, from.id).catch(() => undefined);
  return { entraObjectId: from.aadObjectId, name: member?.name || 'A colleague', teamsUserId: from.id };
}

export async function forgetTeam(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  const team = teamOf(turn.activity);
  if (!team) return;
  await deps.services.teams.remove(team.teamId, deps.services.now().toISOString());
  deps.services.teamCache.forget(team.teamId);
}

/**
 * A message or card action in a team: the app is there, whatever Teams last said. Checked beside
 * the turn, not in its way: the turn never waits on it, and a failure is only logged.
 */
export function noticeTeamActivity(turn: TeamsTurn, deps: BotDeps): void {
  if (teamOf(turn.activity)) deps.inBackground('note team activity', () => followTeamActivity(turn, deps));
}

/** The team's activity: restores a team marked removed, and moves its stored addresses to the activity's Teams service (teamInUse.ts). */
async function followTeamActivity(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  const team = teamOf(turn.activity);
  if (!team) return;
  const tenantId = tenantOf(turn.activity);
  const { restored, moved } = await noteTeamInUse(deps.services, { teamId: team.teamId, tenantId, follow: addressFollowing(turn.address, tenantId) });
  if (restored) deps.logger.info('team_restored', { teamId: team.teamId });
  // The service's address, not a person's: an operator may need to see where the team went.
  if (moved) deps.logger.info('team_address_moved', { teamId: team.teamId, serviceUrl: turn.address.serviceUrl });
}
