import { CONDITIONS, type ConditionId } from './conditions';
import { LEVELS, type LevelId } from './levels';
import { suppressCounts, type CountCell } from './privacy';

/** The least a participation count needs to know of an answer. */
export interface AnswerFootprint {
  readonly conditionId: ConditionId;
  readonly level: LevelId;
  readonly respondentId: string;
}

/** Participation while a round is open: how many answered, never at which level (see below). */
export interface OpenParticipation {
  /** Distinct people who answered at least one condition. */
  readonly respondents: number;
  readonly answersByCondition: ReadonlyMap<ConditionId, number>;
}

/** Participation once a round has closed: one fixed set of figures, levels included. */
export interface Participation extends OpenParticipation {
  /** Distinct people by the level they gave, small groups suppressed. */
  readonly respondentsByLevel: ReadonlyMap<LevelId, CountCell>;
}

type Footprint = AnswerFootprint & { readonly answeredAt: string };

/**
 * An open round's participation: people, and answers by condition. Neither says anything of an
 * answer's rating or level, so two reads either side of one answer differ only in that someone
 * answered. People by level are left out on purpose: a level going from 0 to "fewer than 5"
 * between two reads would give away the newcomer's level (issue 8); they are shown at close.
 */
export function openParticipationOf(answers: Iterable<Footprint>): OpenParticipation {
  const { respondents, answersByCondition } = count(answers);
  return { respondents, answersByCondition };
}

/**
 * A closed round's participation, read once at close. Counts only: who answered is never part
 * of it. A person is counted at the level of their most recent answer, so changing level never
 * counts them twice; levels are suppressed as the summary's are (privacy.ts's suppressCounts).
 */
export function participationOf(answers: Iterable<Footprint>, privacyThreshold: number): Participation {
  const { respondents, answersByCondition, latestByRespondent } = count(answers);
  const levelSizes = new Map<LevelId, number>(LEVELS.map((l) => [l.id, 0]));
  for (const { level } of latestByRespondent.values()) levelSizes.set(level, (levelSizes.get(level) ?? 0) + 1);
  return { respondents, answersByCondition, respondentsByLevel: suppressCounts(levelSizes, privacyThreshold) };
}

function count(answers: Iterable<Footprint>) {
  const answersByCondition = new Map<ConditionId, number>(CONDITIONS.map((c) => [c.id, 0]));
  const latestByRespondent = new Map<string, { level: LevelId; answeredAt: string }>();
  for (const answer of answers) {
    answersByCondition.set(answer.conditionId, (answersByCondition.get(answer.conditionId) ?? 0) + 1);
    const latest = latestByRespondent.get(answer.respondentId);
    if (!latest || latest.answeredAt < answer.answeredAt) {
      latestByRespondent.set(answer.respondentId, { level: answer.level, answeredAt: answer.answeredAt });
    }
  }
  return { respondents: latestByRespondent.size, answersByCondition, latestByRespondent };
}
