import type { ConditionId } from '../conditions';
import { LEVELS, type LevelId } from '../levels';
import { emptyTally, type RatingTally } from './ratingTally';

/**
 * What a round's summary is made from: ratings counted by condition and level, and people by
 * level. Counts only, nothing of any person. A closed round keeps its counts with it, so its
 * summary never needs its answers read again; `summariseTallies` reads either kind.
 */
export interface TallySource {
  readonly respondents: number;
  peopleByLevel(): ReadonlyMap<LevelId, number>;
  /** Each level's ratings of one condition (every level present, empty where nobody answered). */
  tallies(conditionId: ConditionId): ReadonlyMap<LevelId, Readonly<RatingTally>>;
}

/** A TallySource as stored: plain data (cells nobody answered left out). */
export interface RoundCounts {
  readonly respondents: number;
  readonly peopleByLevel: Readonly<Partial<Record<LevelId, number>>>;
  readonly cells: Readonly<Partial<Record<ConditionId, Readonly<Partial<Record<LevelId, Readonly<RatingTally>>>>>>>;
}

export function countsOf(source: TallySource, conditionIds: readonly ConditionId[]): RoundCounts {
  const cells: Partial<Record<ConditionId, Partial<Record<LevelId, RatingTally>>>> = {};
  for (const conditionId of conditionIds) {
    for (const [level, tally] of source.tallies(conditionId)) {
      if (Object.values(tally).every((count) => count === 0)) continue;
      (cells[conditionId] ??= {})[level] = { ...tally };
    }
  }
  return { respondents: source.respondents, peopleByLevel: Object.fromEntries(source.peopleByLevel()), cells };
}

export function talliesFrom(counts: RoundCounts): TallySource {
  return {
    respondents: counts.respondents,
    peopleByLevel: () => new Map(LEVELS.map(({ id }) => [id, counts.peopleByLevel[id] ?? 0])),
    tallies: (conditionId) => new Map(LEVELS.map(({ id }) => [id, { ...(counts.cells[conditionId]?.[id] ?? emptyTally()) }])),
  };
}
