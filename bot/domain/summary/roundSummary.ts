import type { ConditionId } from '../conditions';
import type { LevelId } from '../levels';
import type { CountCell } from '../privacy';
import type { RatingId } from '../ratings';

/**
 * What leaders see of a round: the Appendix 2 grid by condition and level. The contract
 * between the aggregation (domain), the tab's API and the tab. It carries counts and
 * comments only: no respondent id or name ever appears in it.
 */
export interface RatedAnswer {
  readonly conditionId: ConditionId;
  readonly level: LevelId;
  readonly rating: RatingId;
  readonly comment: string;
  /**
   * The comment went through a champion's review (released, or released with the identifying part
   * removed): the champion read it, so it is shown without its author's level and rating, which
   * would otherwise tie the text they reviewed to them (issue 12: nothing about the person reaches
   * the champion).
   */
  readonly commentReviewed?: true;
  /** Used only to count distinct people; never copied into a summary. */
  readonly respondentId: string;
  readonly answeredAt: string;
}

/**
 * Why a shown cut's judgements (its ratings other than "don't know", and so its score) are
 * withheld: fewer than the threshold gave one, or they are hidden so that a cut with too few
 * cannot be worked out from all staff (conditionPrivacy.ts).
 */
export type JudgementsWithheld = 'too-few-judgements' | 'protects-another';

/**
 * A cut (a level's view of a condition, or all staff's) shown only with enough answers; its
 * score and its split between the four judgements only with enough judgements.
 */
export type CellSummary =
  | {
      readonly shown: true;
      readonly answers: number;
      readonly distribution: Readonly<Record<RatingId, number>>;
      /** Mean of the judgements on 0 (not in place) to 3 (fully); null when every answer is "don't know". */
      readonly score: number | null;
      /** Share of answers that are "don't know", 0 to 1 (0 for a shown level with no answers: check `answers`). */
      readonly dontKnowShare: number;
      readonly withheld?: undefined;
    }
  | {
      readonly shown: true;
      readonly answers: number;
      /** The judgements are withheld: only how many said "don't know" is shown. */
      readonly distribution: null;
      readonly dontKnow: number;
      readonly score: null;
      readonly dontKnowShare: number;
      readonly withheld: JudgementsWithheld;
    }
  | { readonly shown: false; readonly reason: 'too-small' | 'protects-another' };

/**
 * A cell as a table of scores shows it: its score, answers and "don't know", or why it is hidden;
 * no distribution. Every CellSummary is one. The organisation view's team columns (issue 13) are
 * these: a team's scores side by side need no more of the team than that.
 */
export type CellScore =
  | { readonly shown: true; readonly answers: number; readonly score: number | null; readonly dontKnowShare: number; readonly withheld?: undefined }
  | { readonly shown: true; readonly answers: number; readonly dontKnow: number; readonly score: null; readonly dontKnowShare: number; readonly withheld: JudgementsWithheld }
  | { readonly shown: false; readonly reason: 'too-small' | 'protects-another' };

export interface Disagreement {
  /** Score of the most positive level less that of the least positive, among shown levels, each as shown (0 to 3, a multiple of 0.1). */
  readonly gap: number;
  readonly mostPositive: { readonly level: LevelId; readonly score: number };
  readonly leastPositive: { readonly level: LevelId; readonly score: number };
}

export interface ConditionSummary {
  readonly conditionId: ConditionId;
  readonly allStaff: CellSummary;
  readonly byLevel: Readonly<Record<LevelId, CellSummary>>;
  /** Null when fewer than two levels can be shown with a score. */
  readonly disagreement: Disagreement | null;
}

export interface RoundSummary {
  readonly privacyThreshold: number;
  readonly respondents: number;
  readonly respondentsByLevel: Readonly<Record<LevelId, CountCell>>;
  readonly conditions: readonly ConditionSummary[];
}

/**
 * A comment as the tab shows it: its level only where that level is big enough to be named; its
 * rating unless it is a judgement in a condition whose judgements are withheld (then null).
 */
export interface SummaryComment {
  readonly text: string;
  readonly rating: RatingId | null;
  readonly level: LevelId | null;
}

/**
 * GET …/conditions/:conditionId/comments (domain/summary/commentsFor.ts): a condition's comments,
 * or, while fewer than `commentThreshold` people have answered it, none (`shown: false`), so the
 * tab can say why ("Comments appear once at least 10 people have answered this condition").
 */
export interface ConditionComments {
  readonly shown: boolean;
  /** COMMENT_THRESHOLD: how many people must have answered the condition before its comments are shown. */
  readonly commentThreshold: number;
  readonly comments: readonly SummaryComment[];
}
