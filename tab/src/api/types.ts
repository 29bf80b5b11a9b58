import type { ActionStatus, PlanAction } from '@domain/plan';
import type { RoundSummary, SummaryComment } from '@domain/summary/roundSummary';
import type { ConditionChange } from '@domain/summary/compareRounds';
import type { ResultsState, RoundParticipation } from '@domain/summary/release';
import type { TeamSize } from '@domain/responseRate';

export type { RoundSummary, SummaryComment };

/**
 * GET …/participation (bot/app/tab/roundSummary.ts): how many have answered, in all and by
 * condition, for any round, and of how many (the team's members now, or kept at close); live
 * while it is open, whose results appear only when it closes.
 */
export interface RoundParticipationReply extends RoundParticipation {
  readonly roundNumber: number;
  readonly results: ResultsState;
  readonly teamSize: TeamSize;
}

export interface Me {
  readonly name: string;
  /** Local mode: the server runs without sign-in (loopback only). */
  readonly local: boolean;
}

export interface RoundListItem {
  readonly roundId: string;
  readonly number: number;
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  readonly closedAt?: string;
}

export interface MyRound extends RoundListItem {
  readonly teamId: string;
  readonly teamName: string;
}

// The plan (Appendix 2's "what needs to happen" and "how will you progress this").
export type { ActionStatus, PlanAction };

/** What the tab sends for an action (the API validates it: bot/domain/plan.ts). */
export interface PlanActionFields {
  readonly conditionId: string;
  readonly need: string;
  readonly progress: string;
  readonly owner: string;
  /** YYYY-MM-DD, or null for none. */
  readonly dueDate: string | null;
  readonly status: ActionStatus;
}

export interface RoundPlan {
  readonly actions: readonly PlanAction[];
  readonly canEdit: boolean;
}

export type { ConditionChange, ScoreChange } from '@domain/summary/compareRounds';

/** GET …/changes: each condition's move since the team's previous closed round (bot/app/tab/roundChanges.ts). */
export interface RoundChanges {
  readonly previousRound: { readonly roundId: string; readonly number: number; readonly closedAt: string } | null;
  readonly conditions: readonly ConditionChange[];
}

export type ExportFormat = 'csv' | 'xlsx';

/** A file fetched from the API, ready to save. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}
