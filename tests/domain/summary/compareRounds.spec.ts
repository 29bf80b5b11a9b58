import { CONDITIONS } from '../../../bot/domain/conditions';
import { LEVELS } from '../../../bot/domain/levels';
import { RATINGS } from '../../../bot/domain/ratings';
import { compareRounds, formatScore, summariseRound, type RatedAnswer } from '../../../bot/domain/summary';
import { many, pick, seededRandom } from './fixtures';

/** How each condition moved since the previous round, from shown cuts only. Threshold 5. */
describe('comparing two rounds', () => {
  const first = summariseRound([
    ...many(6, 'p1', 'C01', 'practitioner', 'not-in-place'),
    ...many(6, 's1', 'C01', 'supervisor', 'mostly'),
    ...many(5, 'p1', 'C02', 'practitioner', 'dont-know'),
    ...many(6, 'p1', 'C03', 'practitioner', 'partly'),
    ...many(3, 'p1', 'C04', 'practitioner', 'fully'),
  ], 5);
  const second = summariseRound([
    ...many(6, 'p2', 'C01', 'practitioner', 'partly'),
    ...many(6, 's2', 'C01', 'supervisor', 'fully'),
    ...many(5, 'p2', 'C02', 'practitioner', 'mostly'),
    ...many(6, 'p2', 'C03', 'practitioner', 'mostly'),
    ...many(2, 'l2', 'C03', 'senior-leader', 'fully'),
    ...many(6, 'p2', 'C04', 'practitioner', 'mostly'),
  ], 5);
  const changes = compareRounds(first, second);
  const of = (id: string) => changes.find((c) => c.conditionId === id)!;

  it('gives every condition, in the report order', () => {
    expect(changes.map((c) => c.conditionId)).toEqual(CONDITIONS.map((c) => c.id));
  });

  it('gives the change of the all-staff score and of each level shown in both rounds', () => {
    expect(of('C01').allStaff).toEqual({ before: 1, after: 2, change: 1, direction: 'up' });
    expect(of('C01').byLevel).toEqual([
      { level: 'practitioner', before: 0, after: 1, change: 1, direction: 'up' },
      { level: 'supervisor', before: 2, after: 3, change: 1, direction: 'up' },
    ]);
  });

  it('gives no all-staff change where either round has no score (every answer "don\'t know")', () => {
    expect(of('C02').allStaff).toBeNull();
    expect(of('C02').byLevel).toEqual([]);
  });

  it('gives no change where either round hides the cut', () => {
    expect(of('C04').allStaff).toBeNull(); // 3 answers in the first round: hidden
    expect(of('C04').byLevel).toEqual([]);
    expect(of('C05')).toEqual({ conditionId: 'C05', allStaff: null, byLevel: [] });
  });

  it('leaves out a level hidden in the later round, and the level hidden to protect it', () => {
    // C03 second round: practitioners 6, senior leaders 2 (too small): practitioners are hidden too.
    expect(second.conditions[2]!.byLevel.practitioner).toEqual({ shown: false, reason: 'protects-another' });
    // 18/8 = 2.25 shows as 2.3 (a half rounds up), so the change shown is 2.3 less 1.0.
    expect(of('C03').allStaff).toEqual({ before: 1, after: (6 * 2 + 2 * 3) / 8, change: 1.3, direction: 'up' });
    expect(of('C03').byLevel).toEqual([]);
  });

  it('never reports a cut hidden in either round, and reports the shown scores as they are (random rounds)', () => {
    const random = seededRandom(7);
    const round = (prefix: string): RatedAnswer[] =>
      CONDITIONS.flatMap((c) => LEVELS.flatMap((l) => many(Math.floor(random() * 9), `${prefix}-${l.id}`, c.id, l.id, pick(random, RATINGS).id)));
    const seen = { compared: 0, left: 0 };
    for (let trial = 0; trial < 30; trial++) {
      const [a, b] = [summariseRound(round('a'), 5), summariseRound(round('b'), 5)];
      compareRounds(a, b).forEach((change, i) => {
        const [then, now] = [a.conditions[i]!, b.conditions[i]!];
        if (change.allStaff) expect(change.allStaff).toEqual({ before: then.allStaff.shown && then.allStaff.score, after: now.allStaff.shown && now.allStaff.score, change: expect.any(Number), direction: expect.any(String) });
        else expect(then.allStaff.shown && then.allStaff.score !== null && now.allStaff.shown && now.allStaff.score !== null).toBe(false);
        for (const { id } of LEVELS) {
          const [x, y] = [then.byLevel[id], now.byLevel[id]];
          const both = x.shown && y.shown && x.score !== null && y.score !== null;
          const level = change.byLevel.find((l) => l.level === id);
          expect(Boolean(level)).toBe(both);
          seen[level ? 'compared' : 'left'] += 1;
          if (level && x.shown && y.shown) expect(level).toMatchObject({ level: id, before: x.score, after: y.score });
        }
      });
    }
    expect(seen.compared).toBeGreaterThan(50);
    expect(seen.left).toBeGreaterThan(50);
  });

  // Issue 8, item 2: a score from too few ratings is neither shown nor compared.
  it('compares no cut whose score would come from too few ratings: 11 answers, 10 of them "don\'t know"', () => {
    const fewRatings = [...many(10, 'ad', 'C06', 'partner-agency', 'dont-know'), ...many(1, 'ap', 'C06', 'partner-agency', 'partly')];
    const then = summariseRound([...fewRatings, ...many(6, 'pa', 'C06', 'practitioner', 'mostly'), ...many(6, 'sa', 'C06', 'supervisor', 'mostly')], 5);
    const now = summariseRound([...many(11, 'aa', 'C06', 'partner-agency', 'fully'), ...many(6, 'pb', 'C06', 'practitioner', 'fully'), ...many(6, 'sb', 'C06', 'supervisor', 'fully')], 5);
    expect(then.conditions[5]!.byLevel['partner-agency']).toMatchObject({ shown: true, score: null, withheld: 'too-few-judgements' });
    const c06 = compareRounds(then, now)[5]!;
    expect(c06.byLevel.map((l) => l.level)).not.toContain('partner-agency');
  });

  // Issue 8: "1.5 → 1.6 | 0.0 no change" and "1.6 → 1.3 | −0.2". The change must agree with the figures beside it.
  describe('the change agrees with the scores as shown', () => {
    // One level's score from 50 judgements worth `points` (50 to 150: partly 1, mostly 2, fully 3), so score = points / 50.
    const scored = (prefix: string, conditionId: 'C01' | 'C02', points: number) => {
      const fully = Math.max(0, points - 100);
      const mostly = points > 100 ? 50 - fully : points - 50;
      const partly = 50 - fully - mostly;
      return [
        ...many(fully, `${prefix}-f`, conditionId, 'practitioner', 'fully'),
        ...many(mostly, `${prefix}-m`, conditionId, 'practitioner', 'mostly'),
        ...many(partly, `${prefix}-p`, conditionId, 'practitioner', 'partly'),
      ];
    };
    // 1.54 → 1.56: shown 1.5 → 1.6. 1.56 → 1.34: shown 1.6 → 1.3.
    const before = summariseRound([...scored('a', 'C01', 77), ...scored('b', 'C02', 78)], 5);
    const after = summariseRound([...scored('c', 'C01', 78), ...scored('d', 'C02', 67)], 5);
    const [c01, c02] = compareRounds(before, after);

    it('1.5 → 1.6 is +0.1, up (not "0.0, no change")', () => {
      expect(c01!.allStaff).toEqual({ before: 1.54, after: 1.56, change: 0.1, direction: 'up' });
      expect(formatScore(c01!.allStaff!.before)).toBe('1.5');
      expect(formatScore(c01!.allStaff!.after)).toBe('1.6');
    });

    it('1.6 → 1.3 is −0.3, down (not −0.2)', () => {
      expect(c02!.allStaff).toEqual({ before: 1.56, after: 1.34, change: -0.3, direction: 'down' });
      expect(c02!.byLevel).toEqual([{ level: 'practitioner', before: 1.56, after: 1.34, change: -0.3, direction: 'down' }]);
    });

    it('is "no change" only when the two shown scores are the same', () => {
      const same = compareRounds(summariseRound(scored('e', 'C01', 73), 5), summariseRound(scored('f', 'C01', 77), 5))[0]!;
      expect(same.allStaff).toEqual({ before: 1.46, after: 1.54, change: 0, direction: 'none' }); // both show 1.5
    });

    it('for random pairs of scores: shown before + change = shown after, and the direction is the change\'s sign', () => {
      const random = seededRandom(8);
      for (let trial = 0; trial < 300; trial++) {
        const [x, y] = [Math.floor(random() * 101) + 50, Math.floor(random() * 101) + 50];
        const change = compareRounds(summariseRound(scored(`x${trial}`, 'C01', x), 5), summariseRound(scored(`y${trial}`, 'C01', y), 5))[0]!.allStaff!;
        expect((Number(formatScore(change.before)) * 10 + Math.round(change.change * 10)) / 10).toBe(Number(formatScore(change.after)));
        expect(change.direction).toBe(change.change > 0 ? 'up' : change.change < 0 ? 'down' : 'none');
      }
    });
  });
});
