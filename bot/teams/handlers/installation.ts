import type { Person } from '../../app/auditServices';
import { recordInstallation } from '../../app/champions';
import { noteTeamInUse } from '../../app/teamInUse';
import { welcomeCard } from '../cards';
import { personOf, teamOf, tenantOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';

/**
 * The app was added to a team. Teams may say so twice (installationUpdate and
 * conversationUpdate), so the welcome is posted only the first time we hear of the team.
 */
export async function welcomeTeam(turn: TeamsTurn, deps: BotDeps): Promise<void> {
  const team = teamOf(turn.activity);
  if (!team) return;
  // Most repeats are long after the first (the Playground sends one per page load): skip the roster call.
  if (await deps.services.teams.get(team.teamId)) return;
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
  const team = teamOf(turn.activity);
  if (!team) return;
  const tenantId = tenantOf(turn.activity);
  deps.inBackground('note team activity', async () => {
    if (await noteTeamInUse(deps.services, team.teamId, tenantId)) deps.logger.info('team_restored', { teamId: team.teamId });
  });
}
