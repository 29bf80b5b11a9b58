import type { ActionStatus, PlanAction } from '@domain/plan';
import type { EvidenceKind, EvidenceNote } from '@domain/evidence';
import type { ConditionComments, RoundSummary } from '@domain/summary/roundSummary';
import type { ConditionChange } from '@domain/summary/compareRounds';
import type { ResultsState, RoundParticipation } from '@domain/summary/release';
import type { TeamSize } from '@domain/responseRate';
import type { TeamTrends, TrendRound } from '@domain/summary/trends';
import type { YouSaidWeDidFacts } from '@domain/summary/youSaidWeDid';
import type { OrgRole } from '@domain/organisation/orgRoles';

export type { ConditionComments, RoundSummary };

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
  /** Organisation roles (issue 13): the tab offers the organisation view to leaders and admins. In local mode, the role the banner acts as. */
  readonly orgRoles: readonly OrgRole[];
}

export interface RoundListItem {
  readonly roundId: string;
  /** The team's name when the round was opened ("" when none was kept): the print view's title. */
  readonly teamName?: string;
  readonly number: number;
  readonly status: 'open' | 'closed';
  readonly openedAt: string;
  readonly closedAt?: string;
  /** When its answers and comments were deleted after the organisation's retention period (RETENTION_DAYS); its figures are kept. */
  readonly answersExpiredAt?: string;
}

/** GET /api/teams/:teamId/rounds (bot/app/tab/teamRounds.ts TeamRoundsReply). */
export interface TeamRounds {
  /** Newest first. */
  readonly rounds: readonly RoundListItem[];
  /**
   * Whether the signed-in person is one of the team's practice champions: the tab offers the
   * champions' views (activity, comments to review) only then. The API refuses anyone else anyway.
   */
  readonly champion: boolean;
}

export interface MyRound extends RoundListItem {
  readonly teamId: string;
  readonly teamName: string;
}

// The plan (Appendix 2's "what needs to happen" and "how will you progress this"). Since issue 11
// it belongs to the team (bot/domain/plan.ts): routes (bot/http/tabApi.ts):
//   GET    /api/teams/:teamId/plan                          TeamPlanReply (the living plan)
//   GET    /api/teams/:teamId/rounds/:roundId/plan          RoundPlan (open: as it stands; closed: frozen at close)
//   POST   /api/teams/:teamId/plan/actions                  PlanActionFields -> PlanAction (champions)
//   PUT    /api/teams/:teamId/plan/actions/:actionId        PlanActionFields + If-Match -> PlanAction
//   DELETE /api/teams/:teamId/plan/actions/:actionId        If-Match -> 204
//   POST   /api/teams/:teamId/plan/actions/:actionId/notes  ProgressNoteFields -> PlanAction (with the note)
//   GET    /api/teams/:teamId/members                       TeamMembersReply (champions: the owner picker)
export type { ActionStatus, PlanAction };

/** What the tab sends for an action (the API validates it: bot/domain/plan.ts `planActionInput`). */
export interface PlanActionFields {
  readonly conditionId: string;
  readonly need: string;
  readonly progress: string;
  /** Free text; ignored when `ownerMemberId` names a member (their roster name is used). */
  readonly owner: string;
  /** The Teams user id of a member picked from the roster, or null for a free-text owner. */
  readonly ownerMemberId: string | null;
  /** YYYY-MM-DD, or null for none. */
  readonly dueDate: string | null;
  readonly status: ActionStatus;
}

/** A dated "what we did" update. */
export interface ProgressNoteFields {
  /** YYYY-MM-DD: when it was done. */
  readonly date: string;
  readonly text: string;
}

/** GET …/rounds/:roundId/plan. */
export interface RoundPlan {
  readonly actions: readonly PlanAction[];
  /** The viewer is a champion and the plan shown is the living one (a frozen plan is read only). */
  readonly canEdit: boolean;
  /**
   * ISO 8601 when the actions are the plan as it stood at the round's close; null when they are the
   * plan as it stands: while the round is open, or for a closed round whose plan could not be kept.
   */
  readonly frozenAt: string | null;
  /** Today in the UK (YYYY-MM-DD): what "overdue" is judged against. */
  readonly today: string;
}

/** GET /api/teams/:teamId/plan: the team's living plan, every action (done ones too). */
export interface TeamPlanReply {
  readonly actions: readonly PlanAction[];
  readonly canEdit: boolean;
  readonly today: string;
}

/** GET /api/teams/:teamId/members: the team's members for the owner picker (champions only). */
export interface TeamMembersReply {
  readonly members: readonly { readonly memberId: string; readonly name: string }[];
}

// Staff hear back (issue 11): routes (champions only; each posts one card in the team's channel
// through the same paced sends as every card, and answers only once Teams has accepted it)
//   GET  /api/teams/:teamId/rounds/:roundId/you-said-we-did   the card's facts, for a preview (closed rounds)
//   POST /api/teams/:teamId/rounds/:roundId/you-said-we-did   PostedToChannel
//   POST /api/teams/:teamId/plan/actions/:actionId/announce   PostedToChannel (a done action's short update)

/** A card the bot posted in the team's channel: Teams accepted it at `postedAt` (ISO 8601). */
export interface PostedToChannel {
  readonly posted: true;
  readonly postedAt: string;
}

export type { YouSaidWeDidFacts };

/** GET …/rounds/:roundId/you-said-we-did: the card as it would be posted now, and when (and by whom) it was, if it was. */
export interface YouSaidWeDidPreview {
  readonly facts: YouSaidWeDidFacts;
  readonly posted: { readonly postedAt: string; readonly postedBy: string } | null;
}

// Evidence notes (issue 11, bot/domain/evidence.ts): routes
//   GET    /api/teams/:teamId/rounds/:roundId/evidence           RoundEvidence
//   POST   /api/teams/:teamId/rounds/:roundId/evidence           EvidenceNoteFields -> EvidenceNote (champions)
//   PUT    /api/teams/:teamId/rounds/:roundId/evidence/:noteId   EvidenceNoteFields + If-Match -> EvidenceNote
//   DELETE /api/teams/:teamId/rounds/:roundId/evidence/:noteId   If-Match -> 204
export type { EvidenceKind, EvidenceNote };

export interface EvidenceNoteFields {
  readonly conditionId: string;
  readonly kind: EvidenceKind;
  readonly source: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly found: string;
}

export interface RoundEvidence {
  readonly notes: readonly EvidenceNote[];
  readonly canEdit: boolean;
}

export type { ConditionChange, ScoreChange } from '@domain/summary/compareRounds';

/** GET …/changes: each condition's move since the team's previous closed round (bot/app/tab/roundChanges.ts). */
export interface RoundChanges {
  readonly previousRound: { readonly roundId: string; readonly number: number; readonly closedAt: string } | null;
  readonly conditions: readonly ConditionChange[];
}

export type { TrendRound };

/**
 * GET /api/teams/:teamId/trends (bot/app/tab/trends.ts): each condition's all-staff score across
 * all of the team's closed rounds, oldest first, each as that round's released summary shows it
 * (a hidden cut stays hidden with its reason), with how many answered. Members of the team only.
 */
export type TeamTrendsReply = TeamTrends;

/** …/export.csv, …/export.xlsx (Appendix 2's grid) and …/export.docx (the Word report, issue 11). */
export type ExportFormat = 'csv' | 'xlsx' | 'docx';

/** A file fetched from the API, ready to save. */
export interface DownloadedFile {
  readonly blob: Blob;
  readonly filename: string;
}

// Held comments (issue 12): a comment that looked as if it identified someone or disclosed risk to a
// child, sent anyway, is held from leaders until a practice champion reviews it. Champions only:
//   GET  /api/teams/:teamId/rounds/:roundId/held-comments            HeldCommentsReply
//   POST /api/teams/:teamId/rounds/:roundId/held-comments/:reviewId  CommentDecision -> HeldComment
// REVIEW_NOT_FOUND (404: changed or deleted by its author), REVIEW_DECIDED (409: already reviewed).
export type { CommentDecision } from '@domain/commentReview';

/**
 * A held comment as the reviewing champion sees it: nothing about its author (no level, rating,
 * time or respondent id). Listed by condition, then text, never in the order given.
 */
export interface HeldComment {
  readonly reviewId: string;
  readonly conditionId: string;
  /** What the person wrote. */
  readonly text: string;
  readonly concerns: readonly import('@domain/safeguarding/concernKinds').ConcernKind[];
  readonly state: import('@domain/commentReview').CommentReview['state'];
  /** Once decided: what leaders read ('' when withheld). */
  readonly shownText?: string;
  /** While held: the text with each identifying part found replaced by "[removed]", where the champion's copy starts. */
  readonly suggestedCopy?: string;
}

export interface HeldCommentsReply {
  readonly comments: readonly HeldComment[];
}

// The team's activity log (issue 12): append-only, each entry chained to the one before. Champions only:
//   GET /api/teams/:teamId/activity       ActivityLogReply
//   GET /api/teams/:teamId/activity.csv   the same entries as a CSV file
export type { ChainCheck } from '@domain/activityLog';

/** An entry as champions read it: a named actor's Entra id is never sent. */
export interface ActivityLogEntry {
  readonly sequence: number;
  /** When it was appended (ISO 8601). */
  readonly at: string;
  /** When the change happened, if it was appended later (a retried append). */
  readonly happenedAt?: string;
  readonly kind: import('@domain/activityLog').ActivityKind;
  /** The person's name; 'Practice Audit' for the app; 'Someone' for a person erasing their own answers. */
  readonly actor: string;
  readonly roundId?: string;
  readonly summary: string;
  readonly hash: string;
}

export interface ActivityLogReply {
  readonly entries: readonly ActivityLogEntry[];
  readonly check: import('@domain/activityLog').ChainCheck;
}

// The organisation view (issue 13): routes and shapes in @domain/organisation/organisationView.ts.
export type { OrganisationReply, OrganisationPlans, ServiceRoundListing, ServiceRoundTeamProgress, ServiceRoundView } from '@domain/organisation/organisationView';
export type { OrganisationTeam } from '@domain/organisation/serviceRound';
export type { ConditionCoverage, ServiceRoundChanges, ServiceSummary } from '@domain/organisation/serviceSummary';
