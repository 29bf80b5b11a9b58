import type { AuditServices } from './auditServices';

/**
 * Activity from a team (a message or a card action there) proves its app is installed: Teams
 * sometimes adds an app back without an install event, after it said the app was removed. A team
 * marked removed is then restored, so its open round is reachable from chat and the tab again.
 * True when it was restored. Cheap when the team is known: the per-instance team cache answers.
 */
export async function noteTeamInUse({ teams, teamCache }: Pick<AuditServices, 'teams' | 'teamCache'>, teamId: string, tenantId: string): Promise<boolean> {
  if (await teamCache.get(teamId)) return false;
  const restored = await teams.restore(teamId, tenantId);
  if (restored) teamCache.forget(teamId);
  return restored;
}
