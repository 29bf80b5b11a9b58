import { RATINGS, type RatingId } from '../ratings';
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
 * Score: the mean of the judgements on 0 (not in place) to 3 (fully in place), "don't know"
 * left out; null when there is no judgement. Computed from whole-number counts in one
 * division, so equal proportions give exactly equal scores. Full precision: the UI rounds.
 *
 * "Don't know" share: don't-know answers over all answers. An empty cell (no answers) has a
 * share of 0 and a null score: show it as "no answers", not as 0%.
 */
export function shownCell(tally: Readonly<RatingTally>): ShownCell {
  const answers = tallyTotal(tally);
  const judged = answers - tally['dont-know'];
  const points = RATINGS.reduce((sum, { id, score }) => sum + (score ?? 0) * tally[id], 0);
  return {
    shown: true,
    answers,
    distribution: { ...tally },
    score: judged === 0 ? null : points / judged,
    dontKnowShare: answers === 0 ? 0 : tally['dont-know'] / answers,
  };
}
