import type { ConditionId } from '../conditions';
import type { LevelId } from '../levels';
import type { RatedAnswer } from './roundSummary';

/**
 * Storage keeps one answer per person per condition, but the summary does not rely on it:
 * if two ever arrive, only the latest counts, so one person can never fill a cell up to the
 * privacy threshold alone. Ties keep the first seen, as participation.ts does.
 */
export interface LatestAnswers {
  /** Per condition, each person's latest answer to it. */
  readonly byCondition: ReadonlyMap<ConditionId, ReadonlyMap<string, RatedAnswer>>;
  /** Each person's level as of their latest answer to any condition. */
  readonly levelOfPerson: ReadonlyMap<string, LevelId>;
}

export function latestAnswers(answers: Iterable<RatedAnswer>, onlyCondition?: ConditionId): LatestAnswers {
  const byCondition = new Map<ConditionId, Map<string, RatedAnswer>>();
  const latestOfPerson = new Map<string, RatedAnswer>();
  for (const answer of answers) {
    const previousOfPerson = latestOfPerson.get(answer.respondentId);
    if (!previousOfPerson || previousOfPerson.answeredAt < answer.answeredAt) latestOfPerson.set(answer.respondentId, answer);

    if (onlyCondition !== undefined && answer.conditionId !== onlyCondition) continue;
    let ofCondition = byCondition.get(answer.conditionId);
    if (!ofCondition) byCondition.set(answer.conditionId, (ofCondition = new Map()));
    const previous = ofCondition.get(answer.respondentId);
    if (!previous || previous.answeredAt < answer.answeredAt) ofCondition.set(answer.respondentId, answer);
  }
  const levelOfPerson = new Map<string, LevelId>();
  for (const [respondentId, answer] of latestOfPerson) levelOfPerson.set(respondentId, answer.level);
  return { byCondition, levelOfPerson };
}
