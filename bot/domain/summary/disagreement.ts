import { LEVELS, type LevelId } from '../levels';
import type { CellSummary, Disagreement } from './roundSummary';
import { shownDifference } from './shownScore';

/**
 * Among the levels that are shown and have a score (not all "don't know", nor withheld for too
 * few judgements): the most positive level's score less the least positive's, as shown (each
 * score to one decimal place, shownScore.ts), 0 to 3. Null with fewer than two such levels.
 * Equal scores are ordered by the levels' order, so the most and least positive are always
 * two different levels (a gap of 0 means the shown levels agree).
 */
export function disagreementOf(byLevel: Readonly<Record<LevelId, CellSummary>>): Disagreement | null {
  const scored: { level: LevelId; score: number }[] = [];
  for (const { id } of LEVELS) {
    const cell = byLevel[id];
    if (cell.shown && cell.score !== null) scored.push({ level: id, score: cell.score });
  }
  if (scored.length < 2) return null;
  // Stable sort: ties stay in level order.
  scored.sort((a, b) => b.score - a.score);
  const mostPositive = scored[0]!;
  const leastPositive = scored[scored.length - 1]!;
  return { gap: shownDifference(mostPositive.score, leastPositive.score), mostPositive, leastPositive };
}
