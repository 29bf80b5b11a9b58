import { CONDITIONS } from '../../../bot/domain/conditions';
import { LEVELS, type LevelId } from '../../../bot/domain/levels';
import { RATINGS, type RatingId } from '../../../bot/domain/ratings';
import { commentsFor } from '../../../bot/domain/summary/commentsFor';
import { dontKnowByLevel } from '../../../bot/domain/summary/dontKnowByLevel';
import { rankDisagreements } from '../../../bot/domain/summary/rankDisagreements';
import type { CellSummary, RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { summariseRound } from '../../../bot/domain/summary/summariseRound';
import { summariseNow } from '../../../bot/domain/summary/whatHappensNow';
import { answer, many, pick, seededRandom } from './fixtures';

type Distribution = Record<RatingId, number>;
const zero = (): Distribution => ({ 'not-in-place': 0, partly: 0, mostly: 0, fully: 0, 'dont-know': 0 });
const total = (d: Distribution) => RATINGS.reduce((sum, r) => sum + d[r.id], 0);

/**
 * All staff less every shown level: what a reader could work out about the hidden levels (and
 * about the judgements of levels whose judgements are withheld: only their "don't know" is shown).
 */
function residual(allStaff: CellSummary, byLevel: Record<LevelId, CellSummary>): Distribution {
  if (!allStaff.shown || allStaff.distribution === null) throw new Error('all staff hidden');
  const left = { ...allStaff.distribution };
  for (const { id } of LEVELS) {
    const cell = byLevel[id];
    if (!cell.shown) continue;
    if (cell.distribution === null) left['dont-know'] -= cell.dontKnow;
    else for (const r of RATINGS) left[r.id] -= cell.distribution[r.id];
  }
  return left;
}

describe('privacy of the cuts', () => {
  // Threshold 5. C01: practitioners 12 (not ×6, partly ×6), supervisors 7 (mostly ×7), senior leaders 2 (fully ×2).
  const answers = [
    ...many(6, 'p-not', 'C01', 'practitioner', 'not-in-place'),
    ...many(6, 'p-partly', 'C01', 'practitioner', 'partly'),
    ...many(7, 'sup', 'C01', 'supervisor', 'mostly'),
    ...many(2, 'lead', 'C01', 'senior-leader', 'fully'),
  ];
  const c01 = summariseRound(answers, 5).conditions[0]!;

  it('hides a small level, and the next-smallest level beside it', () => {
    expect(c01.byLevel['senior-leader']).toEqual({ shown: false, reason: 'too-small' });
    expect(c01.byLevel.supervisor).toEqual({ shown: false, reason: 'protects-another' });
    expect(c01.byLevel.practitioner.shown).toBe(true);
    expect(c01.allStaff.shown && c01.allStaff.answers).toBe(21);
  });

  it("leaves no way to recover a hidden level's distribution by subtracting the shown levels from all staff", () => {
    const left = residual(c01.allStaff, c01.byLevel);
    const seniorLeadersTruly: Distribution = { ...zero(), fully: 2 };
    expect(left).not.toEqual(seniorLeadersTruly);
    expect(left).toEqual({ ...zero(), mostly: 7, fully: 2 }); // only the two hidden levels together
    expect(total(left)).toBeGreaterThanOrEqual(5);
  });

  it('keeps hidden levels out of the disagreement, however far apart they are', () => {
    expect(c01.disagreement).toBeNull();
  });

  it('hides everything about a condition with fewer answers than the threshold, empty levels included', () => {
    const c = summariseRound(many(4, 'few', 'C02', 'practitioner', 'fully'), 5).conditions[1]!;
    expect(c.allStaff).toEqual({ shown: false, reason: 'too-small' });
    for (const { id } of LEVELS) expect(c.byLevel[id]).toEqual({ shown: false, reason: 'too-small' });
  });

  it('holds for random rounds: every shown level has 0 or threshold+ answers, and all staff less shown levels is 0 or a threshold+ group larger than any one hidden level', () => {
    const random = seededRandom(20261125);
    const seen = { hiddenConditions: 0, hiddenLevelsWithAnswers: 0, shownLevelsWithAnswers: 0 };
    for (let round = 0; round < 200; round++) {
      const threshold = 3 + Math.floor(random() * 8);
      const levelWeights = LEVELS.map(() => random() ** 3);
      const people = Math.floor(random() * 60);
      const roundAnswers: RatedAnswer[] = [];
      const truth = new Map<string, Distribution>();
      for (let p = 0; p < people; p++) {
        let r = random() * levelWeights.reduce((a, b) => a + b, 0);
        const level = LEVELS.find((_, i) => (r -= levelWeights[i]!) <= 0)?.id ?? 'volunteer';
        for (const c of CONDITIONS) {
          if (random() < 0.25) continue;
          const rating = pick(random, RATINGS).id;
          roundAnswers.push(answer(`r${round}-p${p}`, c.id, level, rating));
          const key = `${c.id}/${level}`;
          const d = truth.get(key) ?? zero();
          d[rating] += 1;
          truth.set(key, d);
        }
      }
      const summary = summariseRound(roundAnswers, threshold);
      for (const condition of summary.conditions) {
        const trueOf = (level: LevelId) => truth.get(`${condition.conditionId}/${level}`) ?? zero();
        if (!condition.allStaff.shown) {
          expect(LEVELS.every((l) => !condition.byLevel[l.id].shown)).toBe(true);
          seen.hiddenConditions += 1;
          continue;
        }
        expect(condition.allStaff.answers).toBeGreaterThanOrEqual(threshold);
        for (const { id } of LEVELS) {
          const cell = condition.byLevel[id];
          if (cell.shown) {
            if (cell.distribution === null) expect(cell.dontKnow).toBe(trueOf(id)['dont-know']);
            else expect(cell.distribution).toEqual(trueOf(id));
            expect(cell.answers === 0 || cell.answers >= threshold).toBe(true);
            if (cell.answers > 0) seen.shownLevelsWithAnswers += 1;
          }
        }
        if (condition.allStaff.distribution === null) continue; // its judgements withheld: fewer than the threshold in all
        const left = residual(condition.allStaff, condition.byLevel);
        const leftTotal = total(left);
        expect(leftTotal === 0 || leftTotal >= threshold).toBe(true);
        for (const { id } of LEVELS) {
          if (!condition.byLevel[id].shown && total(trueOf(id)) > 0) {
            expect(leftTotal).toBeGreaterThan(total(trueOf(id)));
            seen.hiddenLevelsWithAnswers += 1;
          }
        }
      }
    }
    // The random rounds did exercise every case.
    expect(Math.min(seen.hiddenConditions, seen.hiddenLevelsWithAnswers, seen.shownLevelsWithAnswers)).toBeGreaterThan(100);
  });

  it('never carries a count in a hidden cell', () => {
    const hidden = Object.values(c01.byLevel).filter((cell) => !cell.shown);
    expect(hidden).toHaveLength(2); // senior leaders, and supervisors beside them
    for (const cell of hidden) expect(Object.keys(cell).sort()).toEqual(['reason', 'shown']);
  });
});

describe('no respondent id or time in anything leaders see', () => {
  const ids = ['a1b2c3d4e5f60718293a4b5c6d7e8f9012345678', 'ffeeddccbbaa99887766554433221100ffeeddcc', 'resp-zeta-0042'];
  const times = ['2026-11-03T08:15:42.123Z', '2026-11-03T08:16:01.456Z', '2026-11-04T17:59:59.999Z'];
  const answers: RatedAnswer[] = [];
  for (const [c, condition] of CONDITIONS.entries()) {
    for (let i = 0; i < 9; i++) {
      const level: LevelId = i < 6 ? 'practitioner' : 'senior-leader';
      const respondentId = i < ids.length ? ids[i]! : `respondent-${i}`;
      const answeredAt = i < times.length ? times[i]! : `2026-11-05T10:${String(c).padStart(2, '0')}:${String(i).padStart(2, '0')}.000Z`;
      answers.push(answer(respondentId, condition.id, level, RATINGS[(i + c) % 5]!.id, `Comment ${i} on ${condition.id}`, answeredAt));
    }
  }
  const summary = summariseRound(answers, 3);
  const everything = JSON.stringify({
    summary,
    ranked: rankDisagreements(summary),
    dontKnow: dontKnowByLevel(summary),
    now: summariseNow(summary),
    comments: CONDITIONS.map((c) => commentsFor(answers, c.id, { privacyThreshold: 3, commentThreshold: 3 })),
    practitionerComments: commentsFor(answers, 'C01', { privacyThreshold: 3, commentThreshold: 3 }, 'practitioner'),
  });

  it('has something to look in', () => {
    expect(everything).toContain('Comment 4 on C01');
    expect(summary.respondents).toBe(9);
  });

  it.each([...ids, 'respondent-5', 'respondent-8'])('does not contain respondent id %s', (id) => {
    expect(everything).not.toContain(id);
  });

  it.each(times)('does not contain answer time %s', (time) => {
    expect(everything).not.toContain(time);
    expect(everything).not.toContain(time.slice(0, 16));
  });

  it('has no respondentId or answeredAt key', () => {
    expect(everything).not.toMatch(/respondentId|answeredAt/);
  });

  it('carries no comment text in the summary itself', () => {
    expect(JSON.stringify(summary)).not.toContain('Comment');
  });
});
