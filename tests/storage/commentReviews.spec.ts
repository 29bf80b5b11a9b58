import type { Answer } from '../../bot/domain/answer';
import type { CommentReview } from '../../bot/domain/commentReview';
import type { ConditionId } from '../../bot/domain/conditions';
import { isAuditError } from '../../bot/domain/errors';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * Issue 12: a held comment's review lives in its answer's row. A champion reads a round's reviewed
 * comments (and nothing else of the answers) and decides each once, at the row as read.
 */
let tables: AuditTables;
let answers: AnswersRepository;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  answers = new AnswersRepository(tables.answers);
});

let n = 0;
function answer(roundId: string, conditionId: ConditionId, comment: string, commentReview?: CommentReview): Answer {
  n += 1;
  return {
    roundId, conditionId, respondentId: `respondent-${n}`, rating: 'partly', level: 'practitioner', comment,
    answeredAt: `2026-11-02T09:${String(n % 60).padStart(2, '0')}:00.000Z`, via: 'channel', ...(commentReview ? { commentReview } : {}),
  };
}
const held = (reviewId: string): CommentReview => ({ state: 'held', reviewId, concerns: ['name', 'postcode'] });

async function refusalOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isAuditError(error)) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe("a round's reviewed comments", () => {
  it('reads only the comments that went to review, each with its condition, text and review: nothing of its author', async () => {
    await answers.record(answer('r-list', 'C01', 'Supervision is rushed'));
    await answers.record(answer('r-list', 'C01', 'Jamie at 12 Oak Road, SW1A 1AA', held('rv-1')));
    await answers.record(answer('r-list', 'C03', 'Email jo@example.org', { state: 'withheld', reviewId: 'rv-2', concerns: ['email'] }));
    await answers.record(answer('r-other', 'C01', 'Another round', held('rv-3')));
    const listed = await answers.reviewedComments('r-list');
    expect(listed.sort((a, b) => a.review.reviewId.localeCompare(b.review.reviewId))).toEqual([
      { conditionId: 'C01', comment: 'Jamie at 12 Oak Road, SW1A 1AA', review: held('rv-1') },
      { conditionId: 'C03', comment: 'Email jo@example.org', review: { state: 'withheld', reviewId: 'rv-2', concerns: ['email'] } },
    ]);
  });
});

describe('deciding a held comment', () => {
  it('keeps the decision in the row, where every read for leaders finds it', async () => {
    const given = answer('r-decide', 'C02', 'Call Sam on 07700 900123', held('rv-redact'));
    await answers.record(given);
    const decided = await answers.decideReview('r-decide', 'rv-redact', { state: 'redacted', text: 'Call [removed]' });
    expect(decided).toEqual({ conditionId: 'C02', comment: 'Call Sam on 07700 900123', review: { state: 'redacted', reviewId: 'rv-redact', concerns: ['name', 'postcode'], text: 'Call [removed]' } });
    expect((await answers.ratedAnswers('r-decide', 'C02')).map((a) => a.comment)).toEqual(['Call [removed]']);
    // The answer itself is as it was given.
    expect(await answers.find('r-decide', 'C02', given.respondentId)).toMatchObject({ rating: 'partly', level: 'practitioner', comment: given.comment, answeredAt: given.answeredAt });
  });

  it('decides once: a second decision is refused (REVIEW_DECIDED), and an unknown one is not found', async () => {
    await answers.record(answer('r-once', 'C04', 'A name', held('rv-once')));
    await answers.decideReview('r-once', 'rv-once', { state: 'withheld' });
    expect(await refusalOf(() => answers.decideReview('r-once', 'rv-once', { state: 'released' }))).toBe('REVIEW_DECIDED');
    expect((await answers.ratedAnswers('r-once', 'C04')).map((a) => a.comment)).toEqual(['']);
    expect(await refusalOf(() => answers.decideReview('r-once', 'rv-none', { state: 'released' }))).toBe('REVIEW_NOT_FOUND');
    expect(await refusalOf(() => answers.decideReview('r-other-round', 'rv-once', { state: 'released' }))).toBe('REVIEW_NOT_FOUND');
  });

  it('of two champions deciding at once, one decision stands and the other is told it was decided', async () => {
    await answers.record(answer('r-race', 'C05', 'Jo Bloggs', held('rv-race')));
    const outcomes = await Promise.allSettled([
      answers.decideReview('r-race', 'rv-race', { state: 'released' }),
      answers.decideReview('r-race', 'rv-race', { state: 'withheld' }),
    ]);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === 'rejected');
    expect(isAuditError(refused?.reason, 'REVIEW_DECIDED')).toBe(true);
  });

  it('is not found once the person has changed the comment or deleted the answer', async () => {
    const given = answer('r-gone', 'C06', 'Jo Bloggs at SW1A 1AA', held('rv-changed'));
    await answers.record(given);
    await answers.record({ roundId: given.roundId, conditionId: given.conditionId, respondentId: given.respondentId, rating: 'mostly', level: 'practitioner', comment: 'Changed my mind', answeredAt: given.answeredAt, via: 'channel' });
    expect(await refusalOf(() => answers.decideReview('r-gone', 'rv-changed', { state: 'released' }))).toBe('REVIEW_NOT_FOUND');
    expect((await answers.ratedAnswers('r-gone', 'C06')).map((a) => a.comment)).toEqual(['Changed my mind']);

    const deleted = answer('r-gone', 'C07', 'Jo Bloggs', held('rv-deleted'));
    await answers.record(deleted);
    await tables.answers.deleteEntity('r-gone', `C07-${deleted.respondentId}`);
    expect(await refusalOf(() => answers.decideReview('r-gone', 'rv-deleted', { state: 'released' }))).toBe('REVIEW_NOT_FOUND');
  });
});
