/**
 * Scores (0 to 3) are shown to one decimal place. This is the one place that rounds them, and
 * every figure worked out between scores (a change since the last round, a gap between levels)
 * is worked out from the scores as shown, so what a reader sees adds up: 1.5 → 1.6 is +0.1,
 * never "0.0, no change", and 1.6 → 1.3 is −0.3, never −0.2.
 */

/** A score in tenths as shown (15 for 1.5); an exact half rounds up, as written (1.45 → 15). */
function scoreInTenths(score: number): number {
  // toPrecision(12) drops binary noise first: 1.45 is stored as 1.4499999…, which would round down.
  return Math.round(Number((score * 10).toPrecision(12)));
}

/** "1.5": a score as the tab, the export's text and the cards show it. */
export function formatScore(score: number): string {
  return (scoreInTenths(score) / 10).toFixed(1);
}

/** `after` less `before`, each as shown: a multiple of 0.1 (-3 to 3). */
export function shownDifference(after: number, before: number): number {
  return (scoreInTenths(after) - scoreInTenths(before)) / 10;
}
