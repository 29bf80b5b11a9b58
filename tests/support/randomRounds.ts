import fc from 'fast-check';
import { CONDITIONS, type ConditionId } from '../../bot/domain/conditions';
import { LEVELS, type LevelId } from '../../bot/domain/levels';
import { RATINGS, type RatingId } from '../../bot/domain/ratings';
import type { RatedAnswer } from '../../bot/domain/summary/roundSummary';

/**
 * Random closed rounds for the attacker's property tests of what a round's results feed ("You
 * said, we did", the Word report): levels of every size, some below the threshold, leaning to
 * different ratings so that they disagree, and the truth counted from the answers themselves.
 */

/** How a level is named in words: its label and the plural the card uses, by their distinctive parts. */
export const LEVEL_NAMES: Record<LevelId, RegExp> = {
  practitioner: /practitioner/,
  supervisor: /supervisor|team manager/,
  'service-manager': /service manager|head of service/,
  'senior-leader': /senior leader/,
  'business-support': /business support|administrator/,
  'partner-agency': /partner agenc/,
  volunteer: /volunteer/,
};

// Most staff are practitioners; the other levels are smaller and smaller, so some fall below the threshold.
const LEVEL_BY_PERCENT: LevelId[] = [
  ...Array<LevelId>(45).fill('practitioner'), ...Array<LevelId>(20).fill('supervisor'), ...Array<LevelId>(14).fill('service-manager'),
  ...Array<LevelId>(9).fill('senior-leader'), ...Array<LevelId>(6).fill('business-support'), ...Array<LevelId>(4).fill('partner-agency'), ...Array<LevelId>(2).fill('volunteer'),
];
const rating = fc.constantFrom<RatingId>(...RATINGS.map((r) => r.id));
/** Each condition: not answered, the rating the person's level leans to, or one of their own. */
const personArbitrary = fc.record({
  level: fc.integer({ min: 0, max: 99 }).map((n) => LEVEL_BY_PERCENT[n]!),
  answers: fc.array(fc.record({ answered: fc.integer({ min: 0, max: 9 }).map((n) => n < 8), follows: fc.integer({ min: 0, max: 9 }), own: rating }), { minLength: 12, maxLength: 12 }),
});
export const roundArbitrary = fc.record({
  threshold: fc.integer({ min: 3, max: 8 }),
  // What each level leans to on each condition: levels disagree.
  leaning: fc.array(fc.array(rating, { minLength: 12, maxLength: 12 }), { minLength: LEVELS.length, maxLength: LEVELS.length }),
  people: fc.array(personArbitrary, { minLength: 5, maxLength: 70, size: 'max' }),
  membersAtClose: fc.option(fc.integer({ min: 0, max: 90 }), { nil: undefined }),
});

export type RandomRound = typeof roundArbitrary extends fc.Arbitrary<infer R> ? R : never;

export function answersOf(round: RandomRound): RatedAnswer[] {
  return round.people.flatMap((person, p) =>
    person.answers.flatMap((choice, c) => {
      if (!choice.answered) return [];
      const conditionId = CONDITIONS[c]!.id;
      const leans = round.leaning[LEVELS.findIndex((l) => l.id === person.level)]![c]!;
      return [{ respondentId: `person-${p}`, conditionId, level: person.level, rating: choice.follows < 7 ? leans : choice.own, comment: '', answeredAt: '2027-03-01T09:00:00.000Z' }];
    }),
  );
}

/** Answers and judgements (ratings other than "don't know") by condition and level, counted from the answers. */
export function truthOf(answers: readonly RatedAnswer[]) {
  const count = new Map<string, { answers: number; judged: number }>();
  for (const a of answers) {
    for (const key of [`${a.conditionId}|${a.level}`, `${a.conditionId}|all`]) {
      const cell = count.get(key) ?? { answers: 0, judged: 0 };
      cell.answers += 1;
      if (a.rating !== 'dont-know') cell.judged += 1;
      count.set(key, cell);
    }
  }
  return (conditionId: ConditionId, level: LevelId | 'all') => count.get(`${conditionId}|${level}`) ?? { answers: 0, judged: 0 };
}
