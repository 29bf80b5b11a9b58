import type { ConditionId } from '../../../bot/domain/conditions';
import type { LevelId } from '../../../bot/domain/levels';
import type { RatingId } from '../../../bot/domain/ratings';
import { dontKnowByLevel } from '../../../bot/domain/summary/dontKnowByLevel';
import { rankDisagreements } from '../../../bot/domain/summary/rankDisagreements';
import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { summariseRound } from '../../../bot/domain/summary/summariseRound';
import { many } from './fixtures';

/** Five people of `level` per rating listed, answering `condition`. */
function group(condition: ConditionId, level: LevelId, ...ratings: RatingId[]): RatedAnswer[] {
  return ratings.flatMap((rating, i) => many(5, `${condition}-${level}-${i}`, condition, level, rating));
}

describe('disagreement between levels', () => {
  it('names the most positive and least positive levels, with the gap between their scores', () => {
    const summary = summariseRound(
      [
        ...group('C01', 'senior-leader', 'fully'), // 3
        ...group('C01', 'practitioner', 'not-in-place', 'partly'), // 0.5
        ...group('C01', 'supervisor', 'mostly'), // 2
      ],
      5,
    );
    expect(summary.conditions[0]!.disagreement).toEqual({
      gap: 2.5,
      mostPositive: { level: 'senior-leader', score: 3 },
      leastPositive: { level: 'practitioner', score: 0.5 },
    });
  });

  it('runs the other way when practitioners are the more positive', () => {
    const summary = summariseRound([...group('C01', 'senior-leader', 'partly'), ...group('C01', 'practitioner', 'fully')], 5);
    const d = summary.conditions[0]!.disagreement;
    expect(d?.mostPositive.level).toBe('practitioner');
    expect(d?.leastPositive.level).toBe('senior-leader');
    expect(d?.gap).toBe(2);
  });

  // Issue 8, item 3: the gap shown must agree with the two scores shown beside it.
  it('gives the gap between the scores as shown: 2.04 and 0.56 show as 2.0 and 0.6, a gap of 1.4 (not 1.48 → 1.5)', () => {
    const summary = summariseRound(
      [
        ...many(24, 'pm', 'C01', 'practitioner', 'mostly'),
        ...many(1, 'pf', 'C01', 'practitioner', 'fully'), // 51/25 = 2.04
        ...many(14, 'sp', 'C01', 'supervisor', 'partly'),
        ...many(11, 'sn', 'C01', 'supervisor', 'not-in-place'), // 14/25 = 0.56
      ],
      5,
    );
    expect(summary.conditions[0]!.disagreement).toEqual({
      gap: 1.4,
      mostPositive: { level: 'practitioner', score: 2.04 },
      leastPositive: { level: 'supervisor', score: 0.56 },
    });
  });

  // Issue 8, item 2: a level whose score would come from too few judgements is not compared.
  it('leaves out a level with too few judgements: 11 answers, 10 of them "don\'t know"', () => {
    const summary = summariseRound(
      [
        ...many(10, 'pd', 'C01', 'partner-agency', 'dont-know'),
        ...many(1, 'pn', 'C01', 'partner-agency', 'not-in-place'),
        ...group('C01', 'practitioner', 'mostly', 'fully'),
        ...group('C01', 'supervisor', 'fully', 'fully'),
        ...group('C01', 'service-manager', 'not-in-place'),
      ],
      5,
    );
    const c01 = summary.conditions[0]!;
    expect(c01.byLevel['partner-agency']).toEqual({ shown: true, answers: 11, distribution: null, dontKnow: 10, score: null, dontKnowShare: 10 / 11, withheld: 'too-few-judgements' });
    // Withheld with it, the smallest other level: else all staff less the levels shown would give the one rating.
    expect(c01.byLevel['service-manager']).toMatchObject({ shown: true, answers: 5, score: null, withheld: 'protects-another' });
    expect(c01.disagreement).toEqual({ gap: 0.5, mostPositive: { level: 'supervisor', score: 3 }, leastPositive: { level: 'practitioner', score: 2.5 } });
  });

  it('ignores a level with no score (all "don\'t know") and needs two scored levels', () => {
    const summary = summariseRound([...group('C01', 'senior-leader', 'fully'), ...group('C01', 'volunteer', 'dont-know')], 5);
    expect(summary.conditions[0]!.disagreement).toBeNull();
  });

  it('gives a gap of 0, with two different levels named, when the shown levels agree', () => {
    const summary = summariseRound([...group('C01', 'practitioner', 'mostly'), ...group('C01', 'supervisor', 'mostly')], 5);
    expect(summary.conditions[0]!.disagreement).toEqual({
      gap: 0,
      mostPositive: { level: 'practitioner', score: 2 },
      leastPositive: { level: 'supervisor', score: 2 },
    });
  });
});

describe('rankDisagreements', () => {
  const summary = summariseRound(
    [
      ...group('C01', 'practitioner', 'partly'), ...group('C01', 'supervisor', 'mostly'), // gap 1
      ...group('C02', 'practitioner', 'not-in-place'), ...group('C02', 'senior-leader', 'fully'), // gap 3
      ...group('C03', 'practitioner', 'mostly'), ...group('C03', 'supervisor', 'mostly'), // gap 0: agree
      ...group('C04', 'practitioner', 'fully'), // one level only: null
      ...group('C05', 'partner-agency', 'partly'), ...group('C05', 'volunteer', 'mostly'), // gap 1, ties with C01
      ...group('C06', 'practitioner', 'not-in-place', 'fully'), ...group('C06', 'supervisor', 'fully'), // 1.5 vs 3: gap 1.5
    ],
    5,
  );

  it('lists conditions whose levels disagree, largest gap first, equal gaps in the report order', () => {
    expect(rankDisagreements(summary).map((c) => [c.conditionId, c.disagreement.gap])).toEqual([
      ['C02', 3],
      ['C06', 1.5],
      ['C01', 1],
      ['C05', 1],
    ]);
  });

  it('treats gaps equal as shown as equal, in the report order', () => {
    // C07: 0.67 − 0.33 shows 0.7 − 0.3 = 0.4; C08: 1.33 − 0.93 shows 1.3 − 0.9 = 0.4. Equal: C07 first by order.
    const noisy = summariseRound(
      [
        ...group('C07', 'practitioner', 'partly', 'partly', 'not-in-place'), // 2/3
        ...group('C07', 'supervisor', 'partly', 'not-in-place', 'not-in-place'), // 1/3
        ...many(10, 'c8pm', 'C08', 'practitioner', 'mostly'), ...many(5, 'c8pn', 'C08', 'practitioner', 'not-in-place'), // 4/3
        ...many(14, 'c8sp', 'C08', 'supervisor', 'partly'), ...many(1, 'c8sn', 'C08', 'supervisor', 'not-in-place'), // 14/15
      ],
      5,
    );
    expect(rankDisagreements(noisy).map((c) => [c.conditionId, c.disagreement.gap])).toEqual([['C07', 0.4], ['C08', 0.4]]);
  });

  it('ranks by the gaps as shown, so the list reads largest first', () => {
    // C09: 2.04 − 0.56 = 1.48 in full, shown 2.0 − 0.6 = 1.4; C10: 2.05 − 0.60 = 1.45 in full, shown 2.1 − 0.6 = 1.5.
    const close = summariseRound(
      [
        ...many(24, 'c9pm', 'C09', 'practitioner', 'mostly'), ...many(1, 'c9pf', 'C09', 'practitioner', 'fully'),
        ...many(14, 'c9sp', 'C09', 'supervisor', 'partly'), ...many(11, 'c9sn', 'C09', 'supervisor', 'not-in-place'),
        ...many(19, 'c10pm', 'C10', 'practitioner', 'mostly'), ...many(1, 'c10pf', 'C10', 'practitioner', 'fully'),
        ...many(12, 'c10sp', 'C10', 'supervisor', 'partly'), ...many(8, 'c10sn', 'C10', 'supervisor', 'not-in-place'),
      ],
      5,
    );
    expect(rankDisagreements(close).map((c) => [c.conditionId, c.disagreement.gap])).toEqual([['C10', 1.5], ['C09', 1.4]]);
  });

  it('returns the whole condition, so the view can show its cells beside the gap', () => {
    const [first] = rankDisagreements(summary);
    expect(first?.byLevel['senior-leader'].shown).toBe(true);
    expect(first?.disagreement.leastPositive.level).toBe('practitioner');
  });
});

describe("dontKnowByLevel", () => {
  it('gives each level\'s share of "don\'t know" across the conditions where it is shown', () => {
    const summary = summariseRound(
      [
        ...group('C01', 'practitioner', 'dont-know', 'mostly'), // 5 of 10
        ...group('C02', 'practitioner', 'dont-know', 'dont-know', 'partly', 'partly'), // 10 of 20
        ...many(7, 'x-sup', 'C01', 'supervisor', 'fully'),
        ...many(3, 'x-vol', 'C01', 'volunteer', 'dont-know'), // too small: hides itself and supervisors in C01
        ...group('C02', 'supervisor', 'dont-know', 'fully', 'fully', 'fully'), // 5 of 20
      ],
      5,
    );
    const byLevel = new Map(dontKnowByLevel(summary).map((row) => [row.level, row]));
    expect(byLevel.get('practitioner')).toEqual({ level: 'practitioner', shown: true, answers: 30, dontKnow: 15, dontKnowShare: 0.5, conditions: 2, hiddenIn: 10 });
    // Counted in C02 only: hidden in C01 to protect the volunteers (C03–C12 have no answers and are hidden whole).
    expect(byLevel.get('supervisor')).toEqual({ level: 'supervisor', shown: true, answers: 20, dontKnow: 5, dontKnowShare: 0.25, conditions: 1, hiddenIn: 11 });
    // Hidden in C01 (and C03–C12), shown empty in C02: no share, and hiddenIn says why it may be empty.
    expect(byLevel.get('volunteer')).toEqual({ level: 'volunteer', shown: true, answers: 0, dontKnow: 0, dontKnowShare: null, conditions: 0, hiddenIn: 11 });
    expect(byLevel.get('senior-leader')).toMatchObject({ shown: true, answers: 0, dontKnowShare: null });
  });

  it('hides a level hidden in every condition', () => {
    const summary = summariseRound(
      [...group('C01', 'practitioner', 'partly'), ...many(9, 's', 'C01', 'supervisor', 'fully'), ...many(2, 'v', 'C01', 'volunteer', 'dont-know')],
      5,
    );
    const rows = dontKnowByLevel(summary);
    // C02–C12 have no answers and so are hidden whole; in C01 volunteers are too few, and practitioners (5) protect them.
    expect(rows.find((r) => r.level === 'volunteer')).toEqual({ level: 'volunteer', shown: false, reason: 'too-small' });
    expect(rows.find((r) => r.level === 'supervisor')).toMatchObject({ shown: true, answers: 9, dontKnow: 0, conditions: 1 });
  });
});
