import { isAuditError } from '../../../bot/domain/errors';
import type { LevelId } from '../../../bot/domain/levels';
import { commentsFor } from '../../../bot/domain/summary/commentsFor';
import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { answer, many, seededRandom, shuffled } from './fixtures';

/** The comments listed with both thresholds at `threshold` (COMMENT_THRESHOLD's own rule is tested below). */
const listed = (answers: RatedAnswer[], conditionId: Parameters<typeof commentsFor>[1], threshold: number, level?: LevelId) =>
  commentsFor(answers, conditionId, { privacyThreshold: threshold, commentThreshold: threshold }, level).comments;

function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

// Threshold 5. C01: 8 practitioners (shown), 7 supervisors and 2 volunteers (hidden together), with comments.
const answers: RatedAnswer[] = [
  answer('p1', 'C01', 'practitioner', 'not-in-place', 'Nobody told us about the model'),
  answer('p2', 'C01', 'practitioner', 'partly', '  Supervision is rushed  '),
  answer('p3', 'C01', 'practitioner', 'partly', 'Agency partners were never asked'),
  answer('p4', 'C01', 'practitioner', 'mostly', ''),
  answer('p5', 'C01', 'practitioner', 'mostly', '   '),
  ...many(3, 'p-more', 'C01', 'practitioner', 'fully'),
  answer('s1', 'C01', 'supervisor', 'fully', 'We meet monthly with health'),
  ...many(6, 's-more', 'C01', 'supervisor', 'mostly'),
  answer('v1', 'C01', 'volunteer', 'dont-know', 'I only see families on Saturdays'),
  answer('v2', 'C01', 'volunteer', 'partly', 'Agency partners were never asked'),
  answer('other', 'C02', 'practitioner', 'partly', 'Not this condition'),
];

describe('commentsFor', () => {
  it("returns the condition's non-empty comments, trimmed, with rating, and levels only where the level is shown", () => {
    expect(listed(answers, 'C01', 5)).toEqual([
      { text: 'Nobody told us about the model', rating: 'not-in-place', level: 'practitioner' },
      { text: 'Agency partners were never asked', rating: 'partly', level: 'practitioner' },
      { text: 'Agency partners were never asked', rating: 'partly', level: null },
      { text: 'Supervision is rushed', rating: 'partly', level: 'practitioner' },
      { text: 'We meet monthly with health', rating: 'fully', level: null }, // supervisors are hidden to protect volunteers
      { text: 'I only see families on Saturdays', rating: 'dont-know', level: null },
    ]);
  });

  it('carries only text, rating and level', () => {
    for (const comment of listed(answers, 'C01', 5)) expect(Object.keys(comment).sort()).toEqual(['level', 'rating', 'text']);
  });

  it('orders by what the reader sees, never by when or by whom: any input order or timing gives the same list', () => {
    const expected = listed(answers, 'C01', 5);
    const random = seededRandom(7);
    for (let i = 0; i < 20; i++) {
      const retimed = shuffled(random, answers).map((a, n) => ({ ...a, answeredAt: `2026-12-01T00:00:${String(n).padStart(2, '0')}.000Z` }));
      expect(listed(retimed, 'C01', 5)).toEqual(expected);
    }
  });

  it('filters by a shown level', () => {
    expect(listed(answers, 'C01', 5, 'practitioner').map((c) => c.text)).toEqual([
      'Nobody told us about the model',
      'Agency partners were never asked',
      'Supervision is rushed',
    ]);
    expect(listed(answers, 'C01', 5, 'senior-leader')).toEqual([]); // shown, with no answers
  });

  it.each<LevelId>(['volunteer', 'supervisor'])('refuses to filter by a hidden level (%s)', (level) => {
    const error = refusal(() => listed(answers, 'C01', 5, level));
    expect(isAuditError(error, 'BAD_REQUEST')).toBe(true);
    expect((error as Error).message).not.toMatch(/\d/); // says nothing of how many
  });

  it('returns no comments for a condition with fewer answers than the threshold, and refuses any level there', () => {
    const few = [answer('a', 'C03', 'practitioner', 'partly', 'Only four of us'), ...many(3, 'b', 'C03', 'practitioner', 'fully')];
    expect(listed(few, 'C03', 5)).toEqual([]);
    expect(isAuditError(refusal(() => listed(few, 'C03', 5, 'practitioner')), 'BAD_REQUEST')).toBe(true);
    expect(listed(few, 'C03', 4)).toEqual([{ text: 'Only four of us', rating: 'partly', level: 'practitioner' }]);
  });

  describe('COMMENT_THRESHOLD: comments only once enough people answered the condition', () => {
    const thresholds = { privacyThreshold: 5, commentThreshold: 10 };
    // Nine practitioners answered C05, one with a comment: the all-staff cut is shown (9 ≥ 5), the comments are not (9 < 10).
    const nine = [answer('n1', 'C05', 'practitioner', 'partly', 'Only our manager knows the model'), ...many(8, 'n-more', 'C05', 'practitioner', 'mostly')];

    it('lists none, and says how many are needed, while fewer than the threshold have answered', () => {
      expect(commentsFor(nine, 'C05', thresholds)).toEqual({ shown: false, commentThreshold: 10, comments: [] });
      expect(commentsFor(nine, 'C05', thresholds, 'practitioner')).toEqual({ shown: false, commentThreshold: 10, comments: [] });
    });

    it("lists them once the tenth person answers, \"don't know\" counting as an answer", () => {
      const ten = [...nine, answer('n10', 'C05', 'practitioner', 'dont-know', '')];
      expect(commentsFor(ten, 'C05', thresholds)).toEqual({ shown: true, commentThreshold: 10, comments: [{ text: 'Only our manager knows the model', rating: 'partly', level: 'practitioner' }] });
    });

    it('counts people, not answers: a changed answer is still one person', () => {
      const again = [...nine, answer('n1', 'C05', 'practitioner', 'mostly', 'Only our manager knows the model', '2099-01-01T00:00:00.000Z')];
      expect(commentsFor(again, 'C05', thresholds).shown).toBe(false);
    });

    it('refuses a comment threshold below the privacy threshold', () => {
      expect(isAuditError(refusal(() => commentsFor(nine, 'C05', { privacyThreshold: 5, commentThreshold: 4 })), 'CONFIG_INVALID')).toBe(true);
    });
  });

  it("uses a person's latest answer only", () => {
    const changed = [
      ...many(5, 'x', 'C04', 'practitioner', 'partly'),
      answer('x-1', 'C04', 'practitioner', 'mostly', 'Second thoughts', '2099-01-01T00:00:00.000Z'),
    ];
    expect(listed(changed, 'C04', 5)).toEqual([{ text: 'Second thoughts', rating: 'mostly', level: 'practitioner' }]);
  });

  it('refuses an unknown condition or level from a request', () => {
    expect(isAuditError(refusal(() => listed(answers, 'C13' as never, 5)), 'BAD_REQUEST')).toBe(true);
    expect(isAuditError(refusal(() => listed(answers, 'C01', 5, 'director' as never)), 'BAD_REQUEST')).toBe(true);
  });

  // Issue 8, item 2: a comment's rating and level must not give away what a withheld score hides.
  describe('where judgements are too few to show', () => {
    // C03: partner agencies 11 (10 "don't know", 1 partly), practitioners 6 (fully): both levels'
    // judgements withheld (7 together). C04: 11 answers, 1 a judgement: all staff's withheld too.
    const few: RatedAnswer[] = [
      ...many(9, 'c3-ad', 'C03', 'partner-agency', 'dont-know'),
      answer('c3-ad-said', 'C03', 'partner-agency', 'dont-know', 'Not sure who leads this'),
      answer('c3-ap', 'C03', 'partner-agency', 'partly', 'Only at the start of a case'),
      answer('c3-pf', 'C03', 'practitioner', 'fully', 'Always in the plan'),
      ...many(5, 'c3-pf-more', 'C03', 'practitioner', 'fully'),
      ...many(10, 'c4-d', 'C04', 'practitioner', 'dont-know'),
      answer('c4-p', 'C04', 'practitioner', 'not-in-place', 'Never happens'),
    ];

    it('names no level whose judgements are withheld, and refuses to filter by it', () => {
      expect(listed(few, 'C03', 5)).toEqual([
        { text: 'Only at the start of a case', rating: 'partly', level: null },
        { text: 'Always in the plan', rating: 'fully', level: null },
        { text: 'Not sure who leads this', rating: 'dont-know', level: null },
      ]);
      expect(isAuditError(refusal(() => listed(few, 'C03', 5, 'partner-agency')), 'BAD_REQUEST')).toBe(true);
    });

    it("gives no judgement's rating where all staff's judgements are withheld: it would be one of those few", () => {
      expect(listed(few, 'C04', 5)).toEqual([{ text: 'Never happens', rating: null, level: null }]);
    });
  });
});
