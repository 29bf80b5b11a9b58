import { RATINGS, type RatingId } from '../ratings';
import type { JudgementVisibility } from './conditionPrivacy';
import type { CellSummary } from './roundSummary';

export type RatingTally = Record<RatingId, number>;
export type ShownCell = Extract<CellSummary, { shown: true }>;

export function emptyTally(): RatingTally {
  return { 'not-in-place': 0, partly: 0, mostly: 0, fully: 0, 'dont-know': 0 };
}

export function addTally(into: RatingTally, from: Readonly<RatingTally>): void {
  for (const { id } of RATINGS) into[id] += from[id];
}

export function tallyTotal(tally: Readonly<RatingTally>): number {
  return RATINGS.reduce((sum, { id }) => sum + tally[id], 0);
}

/**
 * A shown cut's figures; with its judgements withheld (conditionPrivacy.ts), only its answers
 * and how many said "don't know".
 *
 * Score: the mean of the judgements on 0 (not in place) to 3 (fully in place), "don't know"
 * left out; null when there is no judgement. Computed from whole-number counts in one
 * division, so equal proportions give exactly equal scores. Full precision: the UI rounds.
 *
 * "Don't know" share: don't-know answers over all answers. An empty cell (no answers) has a
 * share of 0 and a null score: show it as "no answers", not as 0%.
 */
export function shownCell(tally: Readonly<RatingTally>, judgements: JudgementVisibility = { shown: true }): ShownCell {
  const answers = tallyTotal(tally);
  const judged = answers - tally['dont-know'];
  const dontKnowShare = answers === 0 ? 0 : tally['dont-know'] / answers;
  if (!judgements.shown) {
    return { shown: true, answers, distribution: null, dontKnow: tally['dont-know'], score: null, dontKnowShare, withheld: judgements.reason };
  }
  const points = RATINGS.reduce((sum, { id, score }) => sum + (score ?? 0) * tally[id], 0);
  return { shown: true, answers, distribution: { ...tally }, score: judged === 0 ? null : points / judged, dontKnowShare };
}

/** Answers that are judgements (not "don't know"). */
export function judgedIn(tally: Readonly<RatingTally>): number {
  return tallyTotal(tally) - tally['dont-know'];
}

/** How many of a shown cell's answers said "don't know", whether or not its judgements are withheld. */
export function dontKnowIn(cell: ShownCell): number {
  return cell.distribution === null ? cell.dontKnow : cell.distribution['dont-know'];
}
