import type { Person } from '../../app/auditServices';
import { AuditError } from '../../domain/errors';
import { teamOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';

/**
 * In a channel, Teams itself says which team the person acted in, and it must be the
 * card's team. In a one-to-one chat there is no team, so the Teams roster is asked.
 * The activity's tenant was checked before any handler ran (tenantGuard.ts, from the router).
 */
export async function requireMembership(turn: TeamsTurn, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  const team = teamOf(turn.activity);
  const member = team ? team.teamId === teamId : await deps.membership.isMember(turn, teamId, person.teamsUserId);
  if (!member) throw new AuditError('NOT_A_TEAM_MEMBER');
}
