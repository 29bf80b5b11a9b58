import type { ConditionId } from '../conditions';
import type { ConditionChange, ScoreChange } from '../summary/compareRounds';
import type { TallySource } from '../summary/roundCounts';
import type { CellScore, RoundSummary } from '../summary/roundSummary';

/**
 * The organisation's figures for one service-wide round (issue 13), made once every team's round
 * in it has closed and its results are released (each team's counts are then fixed: its
 * `finalCounts`), so two reads can never differ by one answer.
 *
 * The privacy rule across teams ("published parts"). Anyone may be a member of several teams,
 * and so read those teams' own views; assume a reader who reads all of them. Then:
 *
 * - A team's column is exactly the team's own all-staff cut of each condition, as its own view
 *   shows it (the same threshold, the same withheld judgements): the organisation view shows
 *   nothing of a team that the team's view does not.
 * - A level's cut across teams adds up only the level cuts the teams' own views show (with their
 *   judgements). A level hidden within its team (too small, or hidden to protect another) is never
 *   added into any organisation figure by level: added in, the organisation's figure less the
 *   teams' shown cuts would give that team's hidden level (or, with the team's all-staff cut, the
 *   level it was hidden to protect).
 * - The all-teams cut adds up the teams' all-staff cuts that their own views show with their
 *   judgements, and the rest (teams hidden, or shown without judgements) only when that rest holds
 *   at least the threshold of answers, and none or at least the threshold of judgements: so the
 *   all-teams figure less the teams shown gives a group of at least the threshold, never one small
 *   team. Otherwise the rest is left out of every all-teams figure, and the coverage says so.
 *
 * So the organisation view reveals nothing beyond the teams' own views except sums over hidden
 * parts of at least the threshold.
 *
 * Over time: the figures are served only once no team can join the round any more (every team
 * asked has opened or been found unable to, none `not-asked` can still be asked before the close
 * date, and a team's opening job after the close date opens nothing: app/organisation/
 * serviceRoundFigures.ts, openServiceRoundInTeam.ts), and every team's counts are fixed. So two
 * reads give the same figures: none differs from another by one team, or by one answer.
 *
 * What the rule does NOT protect against (no more than the rules within one team do):
 * - A group of at least the threshold that answered alike: all hidden teams' answers "don't know",
 *   or all one rating, says what each of them answered. Counts cannot hide unanimity.
 * - Insiders: a reader who answered in a hidden group, or several who did, can take their own
 *   answers out of its sum; the threshold assumes no more than threshold - 1 people collude.
 * - Counts known from elsewhere: each team's answers per condition are live participation in its
 *   own view, so with the rest's "don't know" count less the withheld teams' shown ones, the hidden
 *   teams' number of judgements is known, and can be below the threshold (1, say). Their split is
 *   only ever added to the withheld teams' judgements (never shown alone), as a cut shown with its
 *   judgements withheld shows its answers and "don't know" within a team.
 * - Changes made outside the app: a team's round rows deleted from storage by hand (the team's
 *   round then counts nowhere), or PRIVACY_THRESHOLD changed, re-make a released round's figures,
 *   so reads either side of the change differ (the teams' own views too).
 */
export interface ServiceSummary {
  readonly privacyThreshold: number;
  /** The teams whose closed rounds are counted, in name order, and how many answered in each (participation is never hidden). */
  readonly teams: readonly { readonly teamId: string; readonly teamName: string; readonly respondents: number }[];
  /**
   * All teams together, in the shape of one round's summary (each condition for all staff and by
   * level, with disagreement), so compareRounds, the exports and the tab's grids read it as they
   * read a team's. `respondents` adds up the teams' (a person in two teams counts in each).
   */
  readonly organisation: RoundSummary;
  /** Per condition, in the conditions' order: what the all-teams figures count and leave out. */
  readonly coverage: readonly ConditionCoverage[];
  /**
   * Each team's all-staff cut of each condition, its score, answers and "don't know" exactly as the
   * team's own view shows them (CellScore: the distribution is left out, as nothing here shows it,
   * which also keeps the view's reply small at 50 teams); teams in name order.
   */
  readonly byTeam: readonly TeamConditions[];
}

export interface ConditionCoverage {
  readonly conditionId: ConditionId;
  /** Teams whose answers to the condition are in the all-teams cut. */
  readonly teamsCounted: number;
  /** Teams whose answers are left out of every all-teams figure: too few together to count without singling one out. */
  readonly teamsLeftOut: number;
  /** Answers in the all-teams cut that are in no level's cut: their level was too small to show within their own team. */
  readonly answersWithoutLevel: number;
}

export interface TeamConditions {
  readonly teamId: string;
  readonly teamName: string;
  readonly conditions: Readonly<Record<ConditionId, CellScore>>;
}

/** What summariseService reads of one team: its round's fixed counts (talliesFrom(finalCounts)). */
export interface TeamRoundCounts {
  readonly teamId: string;
  readonly teamName: string;
  readonly counts: TallySource;
}

/**
 * How the organisation moved since the previous service-wide round: compareRounds over the two
 * organisation summaries, and each team's all-staff score change (null where either round hides
 * it, or the team was not in both).
 */
export interface ServiceRoundChanges {
  readonly previousNumber: number;
  readonly organisation: readonly ConditionChange[];
  readonly byTeam: readonly { readonly teamId: string; readonly teamName: string; readonly conditions: Readonly<Record<ConditionId, ScoreChange | null>> }[];
}
