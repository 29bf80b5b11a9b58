import { CONDITIONS, type ConditionId } from './conditions';
import { LEVELS, type LevelId } from './levels';
import { suppressCounts, type CountCell } from './privacy';

/** The least a participation count needs to know of an answer. */
export interface AnswerFootprint {
  readonly conditionId: ConditionId;
  readonly level: LevelId;
  readonly respondentId: string;
}

export interface Participation {
  /** Distinct people who answered at least one condition. */
  readonly respondents: number;
  readonly answersByCondition: ReadonlyMap<ConditionId, number>;
  /** Distinct people by the level they gave, small groups suppressed. */
  readonly respondentsByLevel: ReadonlyMap<LevelId, CountCell>;
}

/**
 * Counts only: who answered is never part of it. A person is counted at the level of
 * their most recent answer, so changing level never counts them twice.
 */
export function participationOf(
  answers: Iterable<AnswerFootprint & { readonly answeredAt: string }>,
  privacyThreshold: number,
): Participation {
  const answersByCondition = new Map<ConditionId, number>(CONDITIONS.map((c) => [c.id, 0]));
  const latestByRespondent = new Map<string, { level: LevelId; answeredAt: string }>();
  for (const answer of answers) {
    answersByCondition.set(answer.conditionId, (answersByCondition.get(answer.conditionId) ?? 0) + 1);
    const latest = latestByRespondent.get(answer.respondentId);
    if (!latest || latest.answeredAt < answer.answeredAt) {
      latestByRespondent.set(answer.respondentId, { level: answer.level, answeredAt: answer.answeredAt });
    }
  }
  const levelSizes = new Map<LevelId, number>(LEVELS.map((l) => [l.id, 0]));
  for (const { level } of latestByRespondent.values()) levelSizes.set(level, (levelSizes.get(level) ?? 0) + 1);

  return {
    respondents: latestByRespondent.size,
    answersByCondition,
    respondentsByLevel: suppressCounts(levelSizes, privacyThreshold),
  };
}
