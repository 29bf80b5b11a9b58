import type { TabUser } from '../../auth/ssoTokenVerifier';
import { AuditError } from '../../domain/errors';
import type { OwnerMember, PlanAction, PlanActionInput } from '../../domain/plan';
import type { RosterMember } from '../roster';
import type { TabDeps } from '../tab/tabDeps';
import { requirePlanChampion, type PlanAccessDeps } from './planAccess';

/** GET /api/teams/:teamId/members (tab/src/api/types.ts TeamMembersReply). */
export interface TeamMembersReply {
  readonly members: readonly { readonly memberId: string; readonly name: string }[];
}

/**
 * Who can own an action as a member of the team: its roster's people, guests left out. Guests
 * (from another organisation) are counted in a round but never messaged by the app (reminders
 * skip them), so they would not get an owner's nudge either: they are named as free text.
 */
export function canOwn(member: RosterMember): boolean {
  return !member.guest;
}

/**
 * The team's members for a champion's owner picker, by name: each one's Teams user id (what
 * `ownerMemberId` sends back) and display name. Champions only (NOT_A_TEAM_MEMBER,
 * NOT_A_CHAMPION); rejects as the roster does when Teams will not give it.
 */
export async function teamMembers(deps: PlanAccessDeps & Pick<TabDeps, 'teamRoster'>, user: TabUser, teamId: string): Promise<TeamMembersReply> {
  await requirePlanChampion(deps, user, teamId);
  const members = (await deps.teamRoster.membersOf(teamId)).filter(canOwn);
  return {
    members: members.map((member) => ({ memberId: member.teamsUserId, name: member.name })).sort((a, b) => a.name.localeCompare(b.name, 'en-GB')),
  };
}

/**
 * An action's owner from what a champion sent: free text (`owner`) when no member is picked;
 * otherwise the member named by `ownerMemberId`, checked against the team's roster, with the
 * roster's name (OWNER_NOT_A_MEMBER when they are not in it, or a guest). An action keeping the
 * owner it has keeps them when they have since left the team, or the roster cannot be read, so
 * changing its other fields never fails on them. Rejects as the roster does otherwise.
 */
export async function ownerOf(
  deps: Pick<TabDeps, 'teamRoster'>,
  teamId: string,
  input: Pick<PlanActionInput, 'owner' | 'ownerMemberId'>,
  current?: Pick<PlanAction, 'owner' | 'ownerMember'>,
): Promise<{ owner: string; ownerMember: OwnerMember | null }> {
  const memberId = input.ownerMemberId || null;
  if (!memberId) return { owner: input.owner, ownerMember: null };
  const kept = current?.ownerMember?.teamsUserId === memberId ? { owner: current.owner, ownerMember: current.ownerMember } : undefined;
  let members: readonly RosterMember[];
  try {
    members = await deps.teamRoster.membersOf(teamId);
  } catch (error) {
    if (kept) return kept;
    throw error;
  }
  const member = members.find((m) => m.teamsUserId === memberId && canOwn(m));
  if (member) return { owner: member.name, ownerMember: { teamsUserId: member.teamsUserId, ...(member.entraObjectId ? { entraObjectId: member.entraObjectId } : {}) } };
  if (kept) return kept;
  throw new AuditError('OWNER_NOT_A_MEMBER');
}
