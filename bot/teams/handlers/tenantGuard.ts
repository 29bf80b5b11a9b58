import { AuditError } from '../../domain/errors';
import { teamOf, tenantOf, tenantOfAddress } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';

/**
 * Every message in a team and every press of a button naming a team must come from the team's
 * own tenant, as the tab and the chat's list of rounds already require: a champion's `close` from
 * another organisation is refused as an answer is (OTHER_TENANT), before any handler runs. The
 * router calls this for every team activity (router.ts); `teamId` undefined checks nothing.
 * @throws AuditError OTHER_TENANT when the team's tenant is known and is not the activity's.
 */
export async function requireTeamsTenant(turn: TeamsTurn, teamId: string | undefined, deps: BotDeps): Promise<void> {
  if (teamId === undefined) return;
  const teamTenant = await tenantOfTeam(teamId, deps);
  const actingTenant = tenantOf(turn.activity);
  if (teamTenant !== undefined && teamTenant !== actingTenant) {
    // Tenant ids name organisations, not people: an operator may need to see these.
    deps.logger.warn('activity_from_other_tenant', { teamTenant, actingTenant, activityType: turn.activity.type });
    throw new AuditError('OTHER_TENANT');
  }
}

/** The team a card's button acts on: the one its data names, else the channel's. */
export function teamActedOn(turn: TeamsTurn, data: unknown): string | undefined {
  const named = (data as { teamId?: unknown } | null | undefined)?.teamId;
  return typeof named === 'string' && named ? named : teamOf(turn.activity)?.teamId;
}

/**
 * The tenant the team belongs to: its installation's, recorded from Teams' install event;
 * failing that (the app removed and back without a new install event), the tenant of the
 * channel its open round was posted in. Undefined only when neither is known: then there is
 * no open round to act on either, and the handlers refuse what needs one.
 */
async function tenantOfTeam(teamId: string, deps: BotDeps): Promise<string | undefined> {
  const installation = await deps.services.teamCache.get(teamId);
  if (installation?.tenantId) return installation.tenantId;
  const openRound = await deps.services.rounds.findOpen(teamId);
  return openRound?.postedIn ? tenantOfAddress(openRound.postedIn) : undefined;
}
