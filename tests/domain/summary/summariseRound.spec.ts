import { CONDITIONS } from '../../../bot/domain/conditions';
import { isAuditError } from '../../../bot/domain/errors';
import { LEVELS } from '../../../bot/domain/levels';
import type { CellSummary, ConditionSummary } from '../../../bot/domain/summary/roundSummary';
import { summariseRound } from '../../../bot/domain/summary/summariseRound';
import { answer, many } from './fixtures';

function conditionOf(summary: { conditions: readonly ConditionSummary[] }, id: string): ConditionSummary {
  const found = summary.conditions.find((c) => c.conditionId === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

function shown(cell: CellSummary) {
  if (!cell.shown) throw new Error(`cell hidden (${cell.reason})`);
  if (cell.withheld) throw new Error(`judgements withheld (${cell.withheld})`);
  return cell;
}

/**
 * C01 by hand, threshold 3:
 *   practitioner ×6: not, not, partly, partly, mostly, don't know → score (0+0+1+1+2)/5 = 0.8, dk 1/6
 *   supervisor   ×4: mostly, mostly, fully, fully                 → score 10/4 = 2.5,      dk 0
 *   senior-leader×3: fully ×3                                      → score 3,              dk 0
 *   all staff   ×13: not 2, partly 2, mostly 3, fully 5, dk 1      → score 23/12,          dk 1/13
 */
const handMade = [
  answer('p1', 'C01', 'practitioner', 'not-in-place'),
  answer('p2', 'C01', 'practitioner', 'not-in-place'),
  answer('p3', 'C01', 'practitioner', 'partly'),
  answer('p4', 'C01', 'practitioner', 'partly'),
  answer('p5', 'C01', 'practitioner', 'mostly'),
  answer('p6', 'C01', 'practitioner', 'dont-know'),
  answer('s1', 'C01', 'supervisor', 'mostly'),
  answer('s2', 'C01', 'supervisor', 'mostly'),
  answer('s3', 'C01', 'supervisor', 'fully'),
  answer('s4', 'C01', 'supervisor', 'fully'),
  answer('l1', 'C01', 'senior-leader', 'fully'),
  answer('l2', 'C01', 'senior-leader', 'fully'),
  answer('l3', 'C01', 'senior-leader', 'fully'),
];

describe('summariseRound: distributions and scores', () => {
  const summary = summariseRound(handMade, 3);
  const c01 = conditionOf(summary, 'C01');

  it('gives every condition in the report order, each with all seven levels', () => {
    expect(summary.conditions.map((c) => c.conditionId)).toEqual(CONDITIONS.map((c) => c.id));
    for (const condition of summary.conditions) expect(Object.keys(condition.byLevel)).toEqual(LEVELS.map((l) => l.id));
    expect(summary.privacyThreshold).toBe(3);
  });

  it('counts each rating exactly, per level and for all staff', () => {
    expect(shown(c01.byLevel.practitioner).distribution).toEqual({ 'not-in-place': 2, partly: 2, mostly: 1, fully: 0, 'dont-know': 1 });
    expect(shown(c01.byLevel.supervisor).distribution).toEqual({ 'not-in-place': 0, partly: 0, mostly: 2, fully: 2, 'dont-know': 0 });
    expect(shown(c01.byLevel['senior-leader']).distribution).toEqual({ 'not-in-place': 0, partly: 0, mostly: 0, fully: 3, 'dont-know': 0 });
    expect(shown(c01.allStaff)).toEqual({
      shown: true,
      answers: 13,
      distribution: { 'not-in-place': 2, partly: 2, mostly: 3, fully: 5, 'dont-know': 1 },
      score: 23 / 12,
      dontKnowShare: 1 / 13,
    });
  });

  it('scores the mean judgement at full precision, leaving "don\'t know" out of the score but in the share', () => {
    const practitioner = shown(c01.byLevel.practitioner);
    expect(practitioner.answers).toBe(6);
    expect(practitioner.score).toBe(4 / 5); // 5 judgements, not 6 answers
    expect(practitioner.dontKnowShare).toBe(1 / 6);
    expect(shown(c01.byLevel.supervisor).score).toBe(2.5);
    expect(shown(c01.byLevel['senior-leader']).score).toBe(3);
    expect(shown(c01.allStaff).score).toBeCloseTo(1.9167, 4); // not rounded to 1.9 or 2
  });

  it('shows an empty level as no answers: zeros, no score', () => {
    expect(c01.byLevel.volunteer).toEqual({
      shown: true,
      answers: 0,
      distribution: { 'not-in-place': 0, partly: 0, mostly: 0, fully: 0, 'dont-know': 0 },
      score: null,
      dontKnowShare: 0,
    });
  });

  it('hides a condition nobody answered, all staff and every level', () => {
    const c02 = conditionOf(summary, 'C02');
    expect(c02.allStaff).toEqual({ shown: false, reason: 'too-small' });
    expect(Object.values(c02.byLevel).every((cell) => !cell.shown)).toBe(true);
    expect(c02.disagreement).toBeNull();
  });

  it('gives a null score, not 0, when every answer is "don\'t know"', () => {
    const c = conditionOf(summariseRound(many(4, 'dk', 'C03', 'practitioner', 'dont-know'), 3), 'C03');
    expect(shown(c.allStaff).score).toBeNull();
    expect(shown(c.allStaff).dontKnowShare).toBe(1);
  });
});

describe('summariseRound: respondents', () => {
  it('counts distinct people, each at the level of their latest answer', () => {
    const answers = [
      ...many(5, 'p', 'C01', 'practitioner', 'partly'),
      ...many(5, 'p', 'C02', 'practitioner', 'mostly'),
      answer('mover', 'C01', 'practitioner', 'partly', '', '2026-11-02T09:00:00.000Z'),
      answer('mover', 'C02', 'supervisor', 'mostly', '', '2026-11-03T09:00:00.000Z'),
      ...many(5, 's', 'C01', 'supervisor', 'fully'),
    ];
    const summary = summariseRound(answers, 5);
    expect(summary.respondents).toBe(11);
    expect(summary.respondentsByLevel.practitioner).toEqual({ shown: true, count: 5 });
    expect(summary.respondentsByLevel.supervisor).toEqual({ shown: true, count: 6 });
    expect(summary.respondentsByLevel.volunteer).toEqual({ shown: true, count: 0 });
  });

  it('suppresses small levels among respondents', () => {
    const summary = summariseRound([...many(9, 'p', 'C01', 'practitioner', 'partly'), ...many(2, 'v', 'C01', 'volunteer', 'fully')], 5);
    expect(summary.respondentsByLevel.volunteer).toEqual({ shown: false, reason: 'too-small' });
    expect(summary.respondentsByLevel.practitioner).toEqual({ shown: false, reason: 'protects-another' });
  });

  it('counts only the latest answer when a person has two for one condition, so one person cannot fill a cell', () => {
    const answers = [
      answer('same', 'C01', 'practitioner', 'not-in-place', '', '2026-11-02T09:00:00.000Z'),
      answer('same', 'C01', 'practitioner', 'fully', '', '2026-11-02T10:00:00.000Z'),
      answer('same', 'C01', 'practitioner', 'partly', '', '2026-11-02T08:00:00.000Z'),
    ];
    const c01 = conditionOf(summariseRound(answers, 1), 'C01');
    expect(shown(c01.allStaff).answers).toBe(1);
    expect(shown(c01.allStaff).distribution.fully).toBe(1);
  });

  it('accepts any iterable, read once', () => {
    function* generate() {
      yield* handMade;
    }
    expect(summariseRound(generate(), 3)).toEqual(summariseRound(handMade, 3));
  });

  it('refuses a threshold that would switch suppression off', () => {
    for (const bad of [0, -1, 2.5, Number.NaN]) {
      let thrown: unknown;
      try {
        summariseRound(handMade, bad);
      } catch (error) {
        thrown = error;
      }
      expect(isAuditError(thrown, 'CONFIG_INVALID')).toBe(true);
    }
  });
});
