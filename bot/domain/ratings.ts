/**
 * The rating scale for "what happens now", with a way out for those who cannot judge.
 * "Don't know" is an answer, not a gap: it is counted, but never scored.
 */
export type RatingId = 'not-in-place' | 'partly' | 'mostly' | 'fully' | 'dont-know';

export interface Rating {
  readonly id: RatingId;
  readonly label: string;
  /** 0 to 3 for the four judgements; null for "don't know". */
  readonly score: number | null;
}

export const RATINGS: readonly Rating[] = Object.freeze([
  { id: 'not-in-place', label: 'Not in place', score: 0 },
  { id: 'partly', label: 'Partly in place', score: 1 },
  { id: 'mostly', label: 'Mostly in place', score: 2 },
  { id: 'fully', label: 'Fully in place', score: 3 },
  { id: 'dont-know', label: "Don't know", score: null },
] satisfies Rating[]);

const byId = new Map<string, Rating>(RATINGS.map((r) => [r.id, r]));

export function isRatingId(value: unknown): value is RatingId {
  return typeof value === 'string' && byId.has(value);
}

export function ratingLabel(id: RatingId): string {
  return byId.get(id)?.label ?? id;
}
