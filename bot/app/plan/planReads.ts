import type { TabUser } from '../../auth/ssoTokenVerifier';
import type { AuditRound } from '../../domain/auditRound';
import { ukDayOf, type CalendarDay } from '../../domain/closeDate';
import { actionsOfOpenRound, type PlanAction } from '../../domain/plan';
import type { AuditServices } from '../auditServices';
import { roundOfTeam, type RoundOfTeamDeps } from '../tab/roundSummary';
import type { TabDeps } from '../tab/tabDeps';
import { requireTeamAccess } from '../tab/teamAccess';
import { isPlanChampion } from './planAccess';
import { noLaterClosedRound, previousCloseOf } from './planRounds';

/** What reading the plan uses. */
type PlanReadDeps = RoundOfTeamDeps & Pick<TabDeps, 'plans' | 'rounds' | 'champions' | 'now'>;

/** GET /api/teams/:teamId/plan (tab/src/api/types.ts TeamPlanReply). */
export interface TeamPlanReply {
  /** Every action of the team's plan, done ones too, in condition order. */
  readonly actions: readonly PlanAction[];
  readonly canEdit: boolean;
  /** Today in the UK: what "overdue" is judged against. */
  readonly today: CalendarDay;
}

/** GET …/rounds/:roundId/plan (tab/src/api/types.ts RoundPlan). */
export interface RoundPlanReply extends TeamPlanReply {
  /** When the actions are the plan kept at the round's close (read only); null when they are the plan as it stands. */
  readonly frozenAt: string | null;
}

/** The team's living plan, for its members; champions may change it. */
export async function livingPlan(deps: PlanReadDeps, user: TabUser, teamId: string): Promise<TeamPlanReply> {
  await requireTeamAccess(deps, user, teamId);
  const [actions, canEdit] = await Promise.all([deps.plans.list(teamId), isPlanChampion(deps, user, teamId)]);
  return { actions, canEdit, today: ukDayOf(deps.now()) };
}

/**
 * A round's plan, for the team's members (issue 11's rule). An open round: the team's actions
 * not yet done, and those done since the team's previous round closed (actionsOfOpenRound),
 * changed by champions. A closed round: the plan kept at its close, read only. A closed round
 * with no plan kept (its freeze failed at close) shows the plan as it stands under the same rule,
 * with `frozenAt` null, so it never passes today's plan off as the one at its close.
 */
export async function roundPlan(deps: PlanReadDeps, user: TabUser, teamId: string, roundId: string): Promise<RoundPlanReply> {
  const round = await roundOfTeam(deps, user, teamId, roundId);
  const today = ukDayOf(deps.now());
  const [kept, canEdit] = await Promise.all([round.status === 'closed' ? deps.plans.frozen(teamId, roundId) : undefined, isPlanChampion(deps, user, teamId)]);
  if (kept) return { actions: kept.actions, canEdit: false, frozenAt: kept.frozenAt, today };
  const [actions, rounds] = await Promise.all([deps.plans.list(teamId), deps.rounds.listForTeam(teamId)]);
  return { actions: actionsOfOpenRound(actions, previousCloseOf(rounds, round)), canEdit, frozenAt: null, today };
}

/**
 * GET …/rounds/:roundId/plan/report: the plan the round's reports show (planForReport), for the
 * printed page, so paper and the Word file agree: `frozenAt` is when it was kept when it is the plan
 * at the round's close, else null (the plan as it stands). Read only. Members of the team.
 */
export async function roundReportPlan(deps: PlanReadDeps, user: TabUser, teamId: string, roundId: string): Promise<RoundPlanReply> {
  const round = await roundOfTeam(deps, user, teamId, roundId);
  const plan = await planForReport(deps, round);
  return { actions: plan.actions, canEdit: false, frozenAt: plan.asOf === 'close' ? plan.at : null, today: ukDayOf(deps.now()) };
}

/** The plan a report of a round shows, and what it is: as it stands `at` now, or as it stood at the round's close. */
export interface PlanForReport {
  readonly actions: readonly PlanAction[];
  readonly asOf: 'now' | 'close';
  /** ISO 8601: now, or when the plan was kept at the close. */
  readonly at: string;
}

/**
 * The plan for a round's reports (Word, CSV, Excel, "you said, we did"; the integrator's rule for
 * issue 11). While no round of the team has closed after it (an open round after it has no results
 * yet), the living plan as it stands: planning usually happens after a close, so the report a
 * service reads until its next round closes must show it; under the round's rule
 * (actionsOfOpenRound since the previous close). A round with a later closed round: its plan as
 * kept at its close; if none was kept, the plan as it stands, labelled so. Checks no access: the caller
 * has. Throws STORAGE_UNAVAILABLE.
 */
export async function planForReport(deps: Pick<AuditServices, 'plans' | 'rounds' | 'now'>, round: AuditRound): Promise<PlanForReport> {
  const rounds = await deps.rounds.listForTeam(round.teamId);
  if (!noLaterClosedRound(rounds, round)) {
    const kept = await deps.plans.frozen(round.teamId, round.roundId);
    if (kept) return { actions: kept.actions, asOf: 'close', at: kept.frozenAt };
  }
  const at = deps.now().toISOString();
  return { actions: actionsOfOpenRound(await deps.plans.list(round.teamId), previousCloseOf(rounds, round)), asOf: 'now', at };
}
