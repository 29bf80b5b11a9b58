import { z } from 'zod';
import { CONDITIONS, type ConditionId } from '../domain/conditions';
import { LEVELS, type LevelId } from '../domain/levels';
import { RATINGS, type RatingId } from '../domain/ratings';
import type { RoundCounts } from '../domain/summary';

const count = z.number().int().min(0);
const levelId = z.enum(LEVELS.map((l) => l.id) as [LevelId, ...LevelId[]]);
const conditionId = z.enum(CONDITIONS.map((c) => c.id) as [ConditionId, ...ConditionId[]]);
const tally = z.strictObject(Object.fromEntries(RATINGS.map((r) => [r.id, count])) as Record<RatingId, typeof count>);
const roundCounts = z.strictObject({
  respondents: count,
  peopleByLevel: z.partialRecord(levelId, count),
  cells: z.partialRecord(conditionId, z.partialRecord(levelId, tally)),
});

/** A closed round's counts as the rounds table keeps them: one JSON property (a few KB at most). */
export function finalCountsToColumn(counts: RoundCounts): string {
  return JSON.stringify(counts);
}

/**
 * Undefined for a round without counts, or with counts this version cannot read: its summary is
 * then made from its answers, as before counts were kept, so nothing is lost either way.
 */
export function finalCountsFromColumn(column: unknown): RoundCounts | undefined {
  if (typeof column !== 'string') return undefined;
  try {
    const parsed = roundCounts.safeParse(JSON.parse(column));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
