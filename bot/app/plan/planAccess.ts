import type { TabUser } from '../../auth/ssoTokenVerifier';
import { AuditError } from '../../domain/errors';
import type { TabDeps } from '../tab/tabDeps';
import { requireTeamAccess } from '../tab/teamAccess';

/** What deciding who may read and change a team's plan uses. */
export type PlanAccessDeps = Pick<TabDeps, 'teamCache' | 'roster' | 'champions'>;

/** Whether the signed-in person is one of the team's practice champions (anyone, in local mode). */
export async function isPlanChampion(deps: Pick<TabDeps, 'champions'>, user: TabUser, teamId: string): Promise<boolean> {
  return user.local || deps.champions.isChampion(teamId, user.entraObjectId);
}

/**
 * Members of the team only (NOT_A_TEAM_MEMBER, 403, which also answers for other tenants' and
 * unknown teams), and of those its practice champions only (NOT_A_CHAMPION, 403).
 */
export async function requirePlanChampion(deps: PlanAccessDeps, user: TabUser, teamId: string): Promise<void> {
  await requireTeamAccess(deps, user, teamId);
  if (!(await isPlanChampion(deps, user, teamId))) throw new AuditError('NOT_A_CHAMPION', "Only the team's practice champions can change the plan.");
}
