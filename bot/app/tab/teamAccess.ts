import type { TabUser } from '../../auth/ssoTokenVerifier';
import { AuditError } from '../../domain/errors';
import type { AuditServices } from '../auditServices';

/** The tab's view of membership: the Teams roster, through the bot. */
export interface TabRoster {
  isMember(teamId: string, entraObjectId: string): Promise<boolean>;
}

/**
 * A tab's context names a team, but proves nothing: only the roster decides whether the
 * signed-in person belongs to it. Unknown teams and other tenants' teams get the same 403,
 * so the answer says nothing about which teams exist.
 */
export async function requireTeamAccess({ teamCache, roster }: Pick<AuditServices, 'teamCache'> & { roster: TabRoster }, user: TabUser, teamId: string): Promise<void> {
  const team = await teamCache.get(teamId);
  if (team && user.local) return;
  if (!team || team.tenantId !== user.tenantId || !(await roster.isMember(teamId, user.entraObjectId))) {
    throw new AuditError('NOT_A_TEAM_MEMBER', 'You can only see the audit of teams you belong to.');
  }
}

/**
 * Whether the tab's user may change what champions write (the plan, evidence notes): one of the
 * team's practice champions, or the local identity of local mode (one person on their own
 * computer). Call it after the team's access check: it says nothing about membership.
 */
export async function isTabChampion({ champions }: Pick<AuditServices, 'champions'>, user: TabUser, teamId: string): Promise<boolean> {
  return user.local || champions.isChampion(teamId, user.entraObjectId);
}
