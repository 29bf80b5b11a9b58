import type { ConditionId } from '../../../bot/domain/conditions';
import type { LevelId } from '../../../bot/domain/levels';
import type { RatingId } from '../../../bot/domain/ratings';
import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';

let clock = Date.UTC(2026, 10, 2, 9, 0, 0);

/** An answer; each call is a minute later than the last unless `answeredAt` is given. */
export function answer(
  respondentId: string,
  conditionId: ConditionId,
  level: LevelId,
  rating: RatingId,
  comment = '',
  answeredAt?: string,
): RatedAnswer {
  clock += 60_000;
  return { respondentId, conditionId, level, rating, comment, answeredAt: answeredAt ?? new Date(clock).toISOString() };
}

/** `count` people of one level giving one rating to one condition, ids `${prefix}-1`, `${prefix}-2`… */
export function many(
  count: number,
  prefix: string,
  conditionId: ConditionId,
  level: LevelId,
  rating: RatingId,
): RatedAnswer[] {
  return Array.from({ length: count }, (_, i) => answer(`${prefix}-${i + 1}`, conditionId, level, rating));
}

/** A small deterministic PRNG (mulberry32), so property-style tests repeat exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

export function shuffled<T>(random: () => number, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
