import type { AuditRound } from '../auditRound';
import type { CalendarDay } from '../closeDate';
import { CONDITIONS, type ConditionId } from '../conditions';
import type { LevelId } from '../levels';
import type { ActionStatus, PlanAction } from '../plan';
import { teamSizeAtClose, type TeamSize } from '../responseRate';
import { rankDisagreements } from './rankDisagreements';
import type { RoundSummary } from './roundSummary';
import { scoreInTenths } from './shownScore';
import { NOTABLE_GAP } from './whatHappensNow';

// "You said, we did" (issue 11): what a closed round's staff are told in their channel, built
// only from the round's released summary (every privacy rule already applied: small cuts hidden,
// the next smallest hidden beside them, scores only from enough judgements) and the plan. Nothing
// here reads an answer, so nothing here can name what the summary hides.

/** Highest and lowest are named only among at least this many conditions with a score: with fewer they say little. */
const MIN_SCORED_CONDITIONS = 3;
/** The largest gaps between levels named on the card; conditions tied with the last one named are named too. */
const MAX_DISAGREEMENTS = 3;

/** A condition's all-staff score, as shown (one decimal place: shownScore.ts). */
export interface ScoredCondition {
  readonly conditionId: ConditionId;
  /** 0 to 3, a multiple of 0.1. */
  readonly score: number;
}

/**
 * The conditions rated highest and lowest by all staff. Ties are all named (in the report's
 * order). `too-few`: fewer than MIN_SCORED_CONDITIONS conditions had a score shown; `all-equal`:
 * every condition with a score had the same one, so none is higher or lower.
 */
export type RatedExtremes =
  | { readonly kind: 'ranked'; readonly highest: readonly ScoredCondition[]; readonly lowest: readonly ScoredCondition[] }
  | { readonly kind: 'too-few'; readonly scored: number }
  | { readonly kind: 'all-equal'; readonly score: number; readonly scored: number };

/** Where two levels whose figures are shown disagree about a condition; scores as shown. */
export interface LevelGap {
  readonly conditionId: ConditionId;
  /** The most positive level's score less the least positive's (0.5 to 3, a multiple of 0.1). */
  readonly gap: number;
  readonly mostPositive: { readonly level: LevelId; readonly score: number };
  readonly leastPositive: { readonly level: LevelId; readonly score: number };
}

/**
 * Where levels disagree most: the largest gaps of NOTABLE_GAP or more. `comparable`: whether any
 * condition had two levels shown with a score (otherwise no level could be compared at all).
 */
export interface LevelDisagreements {
  readonly comparable: boolean;
  readonly gaps: readonly LevelGap[];
}

/** One action of the plan, as the card shows it. */
export interface AgreedAction {
  readonly actionId: string;
  readonly conditionId: ConditionId;
  readonly need: string;
  readonly owner: string;
  /** YYYY-MM-DD, or null. */
  readonly dueDate: CalendarDay | null;
  readonly status: ActionStatus;
}

/** Which plan the actions are: the team's living plan as it stands on a day (UK), or the plan kept at the round's close. */
export type PlanAsOf = { readonly kind: 'living'; readonly on: CalendarDay } | { readonly kind: 'frozen'; readonly at: string };

/** Everything a "You said, we did" card says: counts, scores and levels as the summary shows them, and the plan. */
export interface YouSaidWeDidFacts {
  readonly roundNumber: number;
  readonly teamName: string | null;
  /** ISO 8601. */
  readonly closedAt: string | null;
  readonly privacyThreshold: number;
  /** People who answered at least one condition. */
  readonly respondents: number;
  /** The team's members kept at close (the response rate's denominator), or why there is none. */
  readonly teamSize: TeamSize;
  readonly extremes: RatedExtremes;
  readonly disagreements: LevelDisagreements;
  /** In the report's order of conditions, then as the plan lists them. */
  readonly actions: readonly AgreedAction[];
  readonly planAsOf: PlanAsOf;
}

export interface YouSaidWeDidInput {
  readonly round: Pick<AuditRound, 'number' | 'teamName' | 'closedAt' | 'membersAtClose'>;
  /** The round's released summary (release.ts): never one made while answers could still arrive. */
  readonly summary: RoundSummary;
  readonly plan: { readonly actions: readonly PlanAction[]; readonly asOf: PlanAsOf };
}

/** The facts of a closed round's "You said, we did" card. Pure: the same summary and plan give the same facts. */
export function youSaidWeDidFacts({ round, summary, plan }: YouSaidWeDidInput): YouSaidWeDidFacts {
  return {
    roundNumber: round.number,
    teamName: round.teamName ?? null,
    closedAt: round.closedAt ?? null,
    privacyThreshold: summary.privacyThreshold,
    respondents: summary.respondents,
    teamSize: teamSizeAtClose(round),
    extremes: ratedExtremes(summary),
    disagreements: levelDisagreements(summary),
    actions: agreedActions(plan.actions),
    planAsOf: plan.asOf,
  };
}

const asShown = (score: number): number => scoreInTenths(score) / 10;

/** Highest and lowest all-staff scores as shown; ties compared as shown (2.44 and 2.41 are both 2.4). */
function ratedExtremes(summary: RoundSummary): RatedExtremes {
  const scored = summary.conditions.flatMap(({ conditionId, allStaff }) =>
    allStaff.shown && allStaff.score !== null ? [{ conditionId, tenths: scoreInTenths(allStaff.score) }] : [],
  );
  if (scored.length < MIN_SCORED_CONDITIONS) return { kind: 'too-few', scored: scored.length };
  const top = Math.max(...scored.map((c) => c.tenths));
  const bottom = Math.min(...scored.map((c) => c.tenths));
  if (top === bottom) return { kind: 'all-equal', score: top / 10, scored: scored.length };
  const at = (tenths: number) => scored.filter((c) => c.tenths === tenths).map((c) => ({ conditionId: c.conditionId, score: tenths / 10 }));
  return { kind: 'ranked', highest: at(top), lowest: at(bottom) };
}

/**
 * The largest gaps between levels (rankDisagreements: among each condition's levels shown with a
 * score, so a level hidden for being small, or to protect a smaller one, is never among them),
 * NOTABLE_GAP or more, at most MAX_DISAGREEMENTS unless others tie with the last.
 */
function levelDisagreements(summary: RoundSummary): LevelDisagreements {
  const comparable = summary.conditions.some((c) => c.disagreement !== null);
  const notable = rankDisagreements(summary).filter((c) => c.disagreement.gap >= NOTABLE_GAP - 1e-9);
  const last = notable[MAX_DISAGREEMENTS - 1]?.disagreement.gap;
  const named = notable.filter((c, i) => i < MAX_DISAGREEMENTS || (last !== undefined && Math.abs(c.disagreement.gap - last) < 1e-9));
  const gaps = named.map(({ conditionId, disagreement: d }): LevelGap => ({
    conditionId,
    gap: d.gap,
    mostPositive: { level: d.mostPositive.level, score: asShown(d.mostPositive.score) },
    leastPositive: { level: d.leastPositive.level, score: asShown(d.leastPositive.score) },
  }));
  return { comparable, gaps };
}

const CONDITION_ORDER = new Map(CONDITIONS.map((c, i) => [c.id, i]));

function agreedActions(actions: readonly PlanAction[]): AgreedAction[] {
  return actions
    .map((action, listed) => ({ action, listed }))
    .sort((a, b) => (CONDITION_ORDER.get(a.action.conditionId) ?? 99) - (CONDITION_ORDER.get(b.action.conditionId) ?? 99) || a.listed - b.listed)
    .map(({ action: { actionId, conditionId, need, owner, dueDate, status } }) => ({ actionId, conditionId, need, owner, dueDate, status }));
}
