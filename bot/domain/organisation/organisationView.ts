import type { CalendarDay } from '../closeDate';
import type { ConditionId } from '../conditions';
import type { ResponseRate } from '../responseRate';
import type { ResultsState } from '../summary/release';
import type { OrgRole } from './orgRoles';
import { serviceRoundClosedAt, type OrganisationTeam, type ServiceRound, type ServiceRoundTeamState } from './serviceRound';
import type { ServiceRoundChanges, ServiceSummary } from './serviceSummary';

// The organisation view's API (issue 13), as the tab reads it. Every route is under
// /api/organisation, for organisation leaders and admins only (403 NOT_AN_ORG_LEADER otherwise),
// and only ever about the signed-in person's own tenant.

/** GET /api/organisation. */
export interface OrganisationReply {
  /** The signed-in person's organisation roles (the tab offers the admin's controls only to admins). */
  readonly roles: readonly OrgRole[];
  /** The tenant's teams with the app installed, in name order, left-out ones included (marked). */
  readonly teams: readonly OrganisationTeam[];
  /** Newest first. */
  readonly serviceRounds: readonly ServiceRoundListing[];
}

export interface ServiceRoundListing {
  readonly serviceRoundId: string;
  readonly number: number;
  readonly openedAt: string;
  readonly openedBy: string;
  readonly closesAt: string;
  /** `open` while any of its teams' rounds is open (or still opening); `closed` once all are closed. */
  readonly status: 'open' | 'closed';
  /**
   * Once `closed`: when the last of its teams' rounds closed (serviceRoundClosedAt), which is
   * before `closesAt` when champions closed them early. Absent while open, and for a round no
   * team's round opened in.
   */
  readonly closedAt?: string;
  /** How many teams were asked. */
  readonly teamsAsked: number;
}

/** One team of a service-wide round: how its opening went, and its response rate (live while open, fixed at close). */
export interface ServiceRoundTeamProgress {
  readonly teamId: string;
  readonly teamName: string;
  readonly opening: ServiceRoundTeamState;
  /** The team's round's status, once it opened. */
  readonly roundStatus?: 'open' | 'closed';
  /** Once it opened. */
  readonly responseRate?: ResponseRate;
}

/**
 * GET /api/organisation/service-rounds/:serviceRoundId. `results` is `released` only when every
 * team's round that opened has closed and released its results, and no team `not-asked` can still
 * be asked (before the close date, opening the round again asks it); until then there is no summary,
 * only progress and response rates (the same rule as one team's round: domain/summary/release.ts).
 */
export interface ServiceRoundView {
  readonly round: ServiceRoundListing;
  /** In name order. */
  readonly teams: readonly ServiceRoundTeamProgress[];
  readonly results: ResultsState;
  readonly summary?: ServiceSummary;
  /** Against the previous service-wide round whose results are released; absent when there is none. */
  readonly changes?: ServiceRoundChanges;
}

/** One team's plan at a glance: per condition, its actions, those done, and those overdue (plan.ts isOverdue). */
export interface TeamPlanOverview {
  readonly teamId: string;
  readonly teamName: string;
  readonly conditions: Readonly<Record<ConditionId, { readonly actions: number; readonly done: number; readonly overdue: number }>>;
}

/** GET /api/organisation/plans: the teams' living plans side by side (left-out teams not shown). */
export interface OrganisationPlans {
  /** The UK day overdue was judged on. */
  readonly today: CalendarDay;
  readonly teams: readonly TeamPlanOverview[];
}

/** POST /api/organisation/service-rounds: the admin's choice. `closesOn`: YYYY-MM-DD (UK), today to 90 days ahead. */
export interface OpenServiceRoundRequest {
  readonly closesOn: string;
}

/** PUT /api/organisation/teams/:teamId. */
export interface OrganisationTeamChange {
  readonly leftOut: boolean;
}

/**
 * A service-wide round as the organisation view lists it, from each asked team's part: still
 * `opening`, its round once opened (status and close time), or undefined when none opened. `open`
 * while any team is opening or has its round open; `closed` once every team's round that opened
 * has closed (teams not opened do not count), with when the last of them closed (serviceRoundClosedAt).
 */
export function listingOf(round: ServiceRound, parts: readonly ('opening' | { readonly status: 'open' | 'closed'; readonly closedAt?: string } | undefined)[]): ServiceRoundListing {
  const rounds = parts.filter((part) => typeof part === 'object');
  const open = parts.includes('opening') || rounds.some((part) => part.status === 'open');
  const closedAt = open ? undefined : serviceRoundClosedAt(rounds);
  return {
    serviceRoundId: round.serviceRoundId,
    number: round.number,
    openedAt: round.openedAt,
    openedBy: round.openedBy,
    closesAt: round.closesAt,
    status: open ? 'open' : 'closed',
    ...(closedAt ? { closedAt } : {}),
    teamsAsked: round.teams.length,
  };
}
