import type { AuditRound } from '../../domain/auditRound';
import type { EvidenceNote } from '../../domain/evidence';
import type { ReportPlan } from '../../domain/export/roundReport';
import type { TabDeps } from './tabDeps';

// INTEGRATION (issue 11): the reports' two other sources are being built on other branches.
// - The plan: replace the body of `reportPlan` with teamplan's `planForReport(deps, round)`
//   (bot/app/plan/): the living plan for the team's latest round, else the plan frozen at the
//   round's close. Until then the plan is the round's own (the old per-round PlanRepository),
//   which stays editable after the close, so it is the plan as it stands now.
// - The evidence notes: replace the body of `reportEvidence` with `deps.evidence.list(round.roundId)`
//   (the evidence branch adds `evidence` to the services). Until then no note can be recorded,
//   so a round has none.

/** The plan a round's report shows, and as of when (ReportPlan). */
export async function reportPlan(deps: Pick<TabDeps, 'plans' | 'now'>, round: Pick<AuditRound, 'roundId'>): Promise<ReportPlan> {
  const actions = await deps.plans.list(round.roundId);
  return { actions, asOf: 'now', at: deps.now().toISOString() };
}

/** The round's evidence notes. */
export async function reportEvidence(_deps: Pick<TabDeps, 'plans'>, _round: Pick<AuditRound, 'roundId'>): Promise<EvidenceNote[]> {
  return [];
}
