import { CONDITIONS } from '../../../bot/domain/conditions';
import { LEVELS } from '../../../bot/domain/levels';
import { RATINGS } from '../../../bot/domain/ratings';
import { talliesFrom } from '../../../bot/domain/summary/roundCounts';
import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { countsOfAnswers } from '../../../bot/domain/summary/roundTallies';
import { summariseRound, summariseTallies } from '../../../bot/domain/summary/summariseRound';
import { finalCountsFromColumn, finalCountsToColumn } from '../../../bot/storage/finalCountsColumn';
import { answer, pick, seededRandom } from './fixtures';

function randomRound(seed: number): RatedAnswer[] {
  const random = seededRandom(seed);
  return Array.from({ length: 120 }, () =>
    answer(`person-${Math.floor(random() * 40)}`, pick(random, CONDITIONS).id, pick(random, LEVELS).id, pick(random, RATINGS).id, random() < 0.2 ? 'a comment' : ''),
  );
}

describe('the counts a closed round keeps', () => {
  it('give the same summary as its answers, at any threshold, after the trip through the rounds table', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const answers = randomRound(seed);
      const kept = finalCountsFromColumn(finalCountsToColumn(countsOfAnswers(answers)));
      expect(kept).toBeDefined();
      for (const threshold of [3, 5, 10]) expect(summariseTallies(talliesFrom(kept!), threshold)).toEqual(summariseRound(answers, threshold));
    }
  });

  it('hold counts only: no respondent id or comment is in them', () => {
    const answers = randomRound(7);
    const column = finalCountsToColumn(countsOfAnswers(answers));
    for (const { respondentId } of answers) expect(column).not.toContain(respondentId);
    expect(column).not.toContain('a comment');
  });

  it('are read as absent when the stored column is not counts this version understands', () => {
    const good = JSON.parse(finalCountsToColumn(countsOfAnswers(randomRound(3)))) as Record<string, unknown>;
    for (const bad of [
      'not json',
      JSON.stringify({ ...good, respondents: -1 }),
      JSON.stringify({ ...good, peopleByLevel: { director: 3 } }),
      JSON.stringify({ ...good, cells: { C99: {} } }),
      JSON.stringify({ ...good, cells: { C01: { practitioner: { partly: 1 } } } }),
      JSON.stringify({ ...good, respondentIds: ['x'] }),
    ]) {
      expect(finalCountsFromColumn(bad)).toBeUndefined();
    }
    expect(finalCountsFromColumn(undefined)).toBeUndefined();
  });
});
