import { CONDITIONS } from '../../../bot/domain/conditions';
import { LEVELS } from '../../../bot/domain/levels';
import { RATINGS } from '../../../bot/domain/ratings';
import { commentsFor } from '../../../bot/domain/summary/commentsFor';
import { dontKnowByLevel } from '../../../bot/domain/summary/dontKnowByLevel';
import { rankDisagreements } from '../../../bot/domain/summary/rankDisagreements';
import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { summariseRound } from '../../../bot/domain/summary/summariseRound';
import { summariseNow } from '../../../bot/domain/summary/whatHappensNow';

/** A sanity check at size, not a benchmark: no timing is asserted (the report gives the figures). */
describe('a large round: 20,000 people × 12 conditions', () => {
  const people = 20_000;
  function* answers(): Generator<RatedAnswer> {
    for (let p = 0; p < people; p++) {
      const level = LEVELS[p % 7 === 6 ? 6 : p % 5]!.id; // volunteers and business support fewer
      for (const [c, condition] of CONDITIONS.entries()) {
        yield {
          respondentId: `person-${p}`,
          conditionId: condition.id,
          level,
          rating: RATINGS[(p + c) % 5]!.id,
          comment: p % 50 === 0 ? `Comment from ${p % 7}` : '',
          answeredAt: `2026-11-0${1 + (p % 9)}T09:00:00.000Z`,
        };
      }
    }
  }

  it('summarises every answer once, with level cells adding up to all staff', () => {
    const summary = summariseRound(answers(), 5);
    expect(summary.respondents).toBe(people);
    for (const condition of summary.conditions) {
      expect(condition.allStaff.shown && condition.allStaff.answers).toBe(people);
      const byLevel = LEVELS.reduce((sum, l) => {
        const cell = condition.byLevel[l.id];
        return sum + (cell.shown ? cell.answers : 0);
      }, 0);
      expect(byLevel).toBe(people);
    }
    expect(rankDisagreements(summary).length).toBeGreaterThan(0);
    expect(dontKnowByLevel(summary).every((row) => row.shown)).toBe(true);
    expect(summariseNow(summary)).toHaveLength(12);
    expect(commentsFor(answers(), 'C07', { privacyThreshold: 5, commentThreshold: 10 }).comments).toHaveLength(people / 50);
  });
});
