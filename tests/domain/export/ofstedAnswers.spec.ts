import { CONDITIONS } from '../../../bot/domain/conditions';
import { ofstedAnswers, type ReportBlock } from '../../../bot/domain/export/ofstedAnswers';
import type { Judgement, NowSummary } from '../../../bot/domain/summary/whatHappensNow';
import { reportInput } from './reportFixture';

/**
 * "What do you know about the quality of practice?" names the conditions rated highest and
 * lowest. A reader checks them against the grid: a condition left out of "rated lowest" while
 * another with the same score is in it would be picked by its number, not by what staff said.
 */

const judgementOf = (score: number): Judgement => (score < 0.5 ? 'not-in-place' : score < 1.5 ? 'partly' : score < 2.5 ? 'mostly' : 'fully');

/** Each condition's all-staff score as shown, in Appendix 2's order. */
function nowWith(scores: readonly string[]): NowSummary[] {
  return CONDITIONS.map((condition, i) => {
    const score = Number(scores[i]);
    return { conditionId: condition.id, shown: true, answers: 40, score, displayScore: scores[i]!, judgement: judgementOf(score), dontKnowShare: 0, leastPositive: null, text: '' };
  });
}

/** The numbers of the conditions listed after `heading` ("Rated lowest:"), in order; null when there is no such heading. */
function listedAfter(blocks: readonly ReportBlock[], heading: string): number[] | null {
  const at = blocks.findIndex((block) => 'paragraph' in block && block.paragraph === heading);
  if (at < 0) return null;
  const list = blocks[at + 1];
  if (!list || !('list' in list)) throw new Error(`No list after ${heading}`);
  return list.list.map((item) => Number(/^Condition (\d+),/.exec(item)![1]));
}

function quality(scores: readonly string[]): readonly ReportBlock[] {
  const { summary } = reportInput();
  return ofstedAnswers({ summary, now: nowWith(scores), rateSentence: '', planAsOf: 'As it stands on Friday 2 April 2027', actions: [], evidence: [] })[0]!.blocks;
}

describe('rated highest and lowest, in the Word report', () => {
  test('names every condition tied with the last one listed, lowest first', () => {
    // The demo's round 1: conditions 7, 11 and 12 are all 1.1, the third-lowest score.
    const blocks = quality(['1.5', '1.4', '1.3', '1.2', '1.6', '2.1', '1.1', '0.7', '1.6', '0.6', '1.1', '1.1']);
    expect(listedAfter(blocks, 'Rated lowest:')).toEqual([10, 8, 7, 11, 12]);
    expect(listedAfter(blocks, 'Rated highest:')).toEqual([6, 5, 9]);
  });

  test('never puts a condition in both lists: where ties meet in the middle, each keeps only the scores beyond them', () => {
    const blocks = quality(['2.0', '1.0', '1.0', '1.0', '1.0', '1.0', '1.0', '1.0', '1.0', '1.0', '1.0', '0.4']);
    expect(listedAfter(blocks, 'Rated highest:')).toEqual([1]);
    expect(listedAfter(blocks, 'Rated lowest:')).toEqual([12]);
  });

  test('names none as highest or lowest when every condition has the same score, and says so', () => {
    const blocks = quality(Array.from(CONDITIONS, () => '1.1'));
    expect(listedAfter(blocks, 'Rated highest:')).toBeNull();
    expect(listedAfter(blocks, 'Rated lowest:')).toBeNull();
    expect(blocks).toContainEqual({ paragraph: 'Every condition with a score was rated the same (score 1.1 of 3).' });
  });
});
