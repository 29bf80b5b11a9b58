import { randomUUID } from 'node:crypto';
import type { TabUser } from '../../auth/ssoTokenVerifier';
import { isConditionId } from '../../domain/conditions';
import { AuditError } from '../../domain/errors';
import { planActionInput, type PlanAction } from '../../domain/plan';
import { roundOfTeam, type RoundOfTeamDeps } from './roundSummary';
import type { TabDeps } from './tabDeps';

/** What the plan's reads and changes use. */
type PlanDeps = RoundOfTeamDeps & Pick<TabDeps, 'plans' | 'champions' | 'now'>;

/** The plan of a round; members read it, the team's practice champions write it. */
export async function roundPlan(deps: PlanDeps, user: TabUser, teamId: string, roundId: string): Promise<{ actions: PlanAction[]; canEdit: boolean }> {
  await roundOfTeam(deps, user, teamId, roundId);
  const [actions, canEdit] = await Promise.all([deps.plans.list(roundId), isTabChampion(deps, user, teamId)]);
  return { actions, canEdit };
}

export async function addAction(deps: PlanDeps, user: TabUser, teamId: string, roundId: string, body: unknown): Promise<PlanAction> {
  await requireTabChampion(deps, user, teamId, roundId);
  return deps.plans.create(roundId, randomUUID(), fieldsFrom(deps, user, body));
}

export async function changeAction(deps: PlanDeps, user: TabUser, teamId: string, roundId: string, actionId: string, version: string | undefined, body: unknown): Promise<PlanAction> {
  await requireTabChampion(deps, user, teamId, roundId);
  return deps.plans.update(roundId, actionId, requireVersion(version), fieldsFrom(deps, user, body));
}

export async function removeAction(deps: PlanDeps, user: TabUser, teamId: string, roundId: string, actionId: string, version: string | undefined): Promise<void> {
  await requireTabChampion(deps, user, teamId, roundId);
  await deps.plans.remove(roundId, actionId, requireVersion(version));
}

async function isTabChampion(deps: PlanDeps, user: TabUser, teamId: string): Promise<boolean> {
  return user.local || deps.champions.isChampion(teamId, user.entraObjectId);
}

async function requireTabChampion(deps: PlanDeps, user: TabUser, teamId: string, roundId: string): Promise<void> {
  await roundOfTeam(deps, user, teamId, roundId);
  if (!(await isTabChampion(deps, user, teamId))) throw new AuditError('NOT_A_CHAMPION', "Only the team's practice champions can change the plan.");
}

function requireVersion(version: string | undefined): string {
  if (!version) throw new AuditError('BAD_REQUEST', 'Send the version of the action you are changing (If-Match).');
  return version;
}

function fieldsFrom(deps: PlanDeps, user: TabUser, body: unknown): Parameters<PlanDeps['plans']['create']>[2] {
  const parsed = planActionInput.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AuditError('BAD_REQUEST', `The action's ${String(issue.path[0] ?? 'details')} is not valid: ${issue.message}.`);
  }
  const { conditionId, ownerMemberId: _picked, ...fields } = parsed.data;
  if (!isConditionId(conditionId)) throw new AuditError('BAD_REQUEST', "That condition is not one of the audit's conditions.");
  return { conditionId, ...fields, updatedAt: deps.now().toISOString(), updatedBy: user.name };
}
