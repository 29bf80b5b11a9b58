import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { summariseRound } from '../../../bot/domain/summary/summariseRound';
import { summariseNow } from '../../../bot/domain/summary/whatHappensNow';
import { many } from './fixtures';

describe('summariseNow ("What happens now")', () => {
  it('phrases the all-staff cell, the don\'t-know share and the least positive level', () => {
    // 25 answers: practitioners 10 (partly ×5, dk ×5); senior leaders 15 (fully ×15) → score (5+45)/20
    const answers: RatedAnswer[] = [
      ...many(5, 'pp', 'C01', 'practitioner', 'partly'),
      ...many(5, 'pd', 'C01', 'practitioner', 'dont-know'),
      ...many(15, 'lf', 'C01', 'senior-leader', 'fully'),
    ];
    const [c01] = summariseNow(summariseRound(answers, 5));
    expect(c01).toEqual({
      conditionId: 'C01',
      shown: true,
      answers: 25,
      score: 50 / 20,
      displayScore: '2.5',
      judgement: 'fully',
      dontKnowShare: 5 / 25,
      leastPositive: 'practitioner',
      text: "Fully in place (score 2.5 of 3) · 20% don't know · practitioners least positive",
    });
  });

  it('leaves out a small gap and a zero don\'t-know share', () => {
    // practitioners 2, supervisors 21/9 ≈ 2.33: a gap of a third, under NOTABLE_GAP; all staff 33/15 = 2.2
    const answers = [...many(6, 'p', 'C02', 'practitioner', 'mostly'), ...many(6, 's', 'C02', 'supervisor', 'mostly'), ...many(3, 's2', 'C02', 'supervisor', 'fully')];
    const now = summariseNow(summariseRound(answers, 5))[1]!;
    expect(now).toMatchObject({ leastPositive: null, text: 'Mostly in place (score 2.2 of 3)' });
  });

  it('bands on the score as shown, so the words never contradict the number', () => {
    // 1 not, 1 fully → 1.5 exactly: "Mostly in place (score 1.5 of 3)"
    const answers = [...many(5, 'n', 'C03', 'practitioner', 'not-in-place'), ...many(5, 'f', 'C03', 'practitioner', 'fully')];
    expect(summariseNow(summariseRound(answers, 5))[2]).toMatchObject({ judgement: 'mostly', text: 'Mostly in place (score 1.5 of 3)' });
  });

  it('says when there is no score, and when a condition is too small to show', () => {
    const now = summariseNow(summariseRound([...many(6, 'd', 'C04', 'volunteer', 'dont-know'), ...many(2, 'x', 'C05', 'volunteer', 'fully')], 5));
    expect(now[3]).toMatchObject({ shown: true, score: null, judgement: null, text: 'No score: all 6 answers were "don\'t know"' });
    expect(now[4]).toEqual({ conditionId: 'C05', shown: false, reason: 'too-small', text: 'Not shown: fewer than 5 answers' });
    expect(now).toHaveLength(12);
  });

  // Issue 8, item 2: a level with 11 answers, 10 of them "don't know", showed a score of 1.0 (one
  // person's rating), which then drove "partner agencies least positive".
  it('names no level least positive from too few judgements, and gives all staff no score from too few', () => {
    const answers = [
      ...many(10, 'ad', 'C06', 'partner-agency', 'dont-know'),
      ...many(1, 'ap', 'C06', 'partner-agency', 'partly'),
      ...many(6, 'pf', 'C06', 'practitioner', 'fully'),
      ...many(10, 'd', 'C07', 'partner-agency', 'dont-know'),
      ...many(1, 'p', 'C07', 'partner-agency', 'partly'),
    ];
    const now = summariseNow(summariseRound(answers, 5));
    // Practitioners' judgements are withheld too, so that the one rating is not all staff less practitioners.
    expect(now[5]).toMatchObject({ leastPositive: null, text: "Fully in place (score 2.7 of 3) · 59% don't know" });
    expect(now[6]).toMatchObject({
      shown: true,
      score: null,
      judgement: null,
      leastPositive: null,
      text: 'No score: too few ratings (10 of 11 answers were "don\'t know"; a score needs 5 ratings)',
    });
  });
});
