import type { Person } from '../../app/auditServices';
import { AuditError } from '../../domain/errors';
import { teamOf, tenantOf, tenantOfAddress } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';

/**
 * In a channel, Teams itself says which team the person acted in, and it must be the
 * card's team. In a one-to-one chat there is no team, so the Teams roster is asked.
 * Either way the activity must come from the team's own tenant, as the tab and the chat's
 * list of rounds already require: an answer from another organisation is refused.
 */
export async function requireMembership(turn: TeamsTurn, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  const team = teamOf(turn.activity);
  const member = team ? team.teamId === teamId : await deps.membership.isMember(turn, teamId, person.teamsUserId);
  if (!member) throw new AuditError('NOT_A_TEAM_MEMBER');
  const teamTenant = await tenantOfTeam(teamId, deps);
  const actingTenant = tenantOf(turn.activity);
  if (teamTenant !== undefined && teamTenant !== actingTenant) {
    // Tenant ids name organisations, not people: an operator may need to see these.
    deps.logger.warn('answer_from_other_tenant', { teamTenant, actingTenant });
    throw new AuditError('OTHER_TENANT');
  }
}

/**
 * The tenant the team belongs to: its installation's, recorded from Teams' install event;
 * failing that (the app removed and back without a new install event), the tenant of the
 * channel its open round was posted in. Undefined only when neither is known: then there is
 * no open round to answer either, and recording the answer refuses it.
 */
async function tenantOfTeam(teamId: string, deps: BotDeps): Promise<string | undefined> {
  const installation = await deps.services.teamCache.get(teamId);
  if (installation?.tenantId) return installation.tenantId;
  const openRound = await deps.services.rounds.findOpen(teamId);
  return openRound?.postedIn ? tenantOfAddress(openRound.postedIn) : undefined;
}
