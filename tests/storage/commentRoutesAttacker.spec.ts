import type { TransactionAction } from '@azure/data-tables';
import fc from 'fast-check';
import type { Answer } from '../../bot/domain/answer';
import type { CommentReview } from '../../bot/domain/commentReview';
import type { ConditionId } from '../../bot/domain/conditions';
import { isAuditError } from '../../bot/domain/errors';
import { LEVELS, type LevelId } from '../../bot/domain/levels';
import { RATINGS } from '../../bot/domain/ratings';
import { commentsFor } from '../../bot/domain/summary';
import { answerEntity } from '../../bot/storage/answerRows';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * Issue 12, "comments keep their authors hidden": the attacker. A leader reads a condition's
 * comments, all staff's and each level's, exactly as the comments route does
 * (app/tab/roundSummary.ts conditionComments: the answers as storage gives them to leaders, then
 * domain/summary/commentsFor.ts), over rounds of any make-up stored in the real storage. Whatever
 * the round:
 * - no comment is listed for a condition fewer than COMMENT_THRESHOLD people answered;
 * - no held or withheld comment's text is ever listed, nor a redacted one's original: only the
 *   champion's copy;
 * - the reply is a function of what it shows: the same answers given by other people (other
 *   respondent ids, so another storage order) at other times give the very same reply.
 */
const CONDITION_IDS: readonly ConditionId[] = ['C01', 'C02'];
const ORDINARY = ['Supervision is rushed', 'We meet monthly with health', 'supervision is rushed', 'Ça dépend du jour'];
// A held, withheld or redacted comment's own text: never to be served (each with its answer's number).
const HIDDEN = 'Jo Bloggs at SW1A 1AA';
const REDACTED_COPY = '[removed] at [removed]';

type Said = { kind: 'none' } | { kind: 'ordinary'; text: string } | { kind: 'reviewed'; state: CommentReview['state'] };
const said: fc.Arbitrary<Said> = fc.oneof(
  { arbitrary: fc.constant<Said>({ kind: 'none' }), weight: 3 },
  { arbitrary: fc.constantFrom(...ORDINARY).map((text): Said => ({ kind: 'ordinary', text })), weight: 3 },
  { arbitrary: fc.constantFrom<CommentReview['state']>('held', 'withheld', 'released', 'redacted').map((state): Said => ({ kind: 'reviewed', state })), weight: 2 },
);
const roundArbitrary = fc
  .record({
    privacyThreshold: fc.integer({ min: 3, max: 6 }),
    extra: fc.integer({ min: 0, max: 6 }),
    people: fc.array(
      fc.record({ conditionId: fc.constantFrom(...CONDITION_IDS), level: fc.constantFrom(...LEVELS.map((l) => l.id)), rating: fc.constantFrom(...RATINGS.map((r) => r.id)), said }),
      { maxLength: 50, size: 'max' },
    ),
    // Another make of the same round: who is who (so the storage order), and when each answered.
    relabel: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ privacyThreshold, extra, ...rest }) => ({ thresholds: { privacyThreshold, commentThreshold: privacyThreshold + extra }, ...rest }));

let tables: AuditTables;
let answers: AnswersRepository;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  answers = new AnswersRepository(tables.answers);
});

let rounds = 0;
interface Person { readonly conditionId: ConditionId; readonly level: LevelId; readonly rating: Answer['rating']; readonly said: Said }

function answerOf(roundId: string, person: Person, index: number, relabel: number): Answer {
  const respondentId = `p${((index + 1) * relabel) % 1_000_003}-${index}`;
  const answeredAt = new Date(Date.UTC(2026, 10, 2) + ((index * relabel) % 5000) * 60_000).toISOString();
  const base = { roundId, conditionId: person.conditionId, respondentId, rating: person.rating, level: person.level, answeredAt, via: 'channel' as const };
  const { said: what } = person;
  if (what.kind === 'none') return { ...base, comment: '' };
  if (what.kind === 'ordinary') return { ...base, comment: what.text };
  const reviewId = `review-${index}`;
  // A released comment is shown as written; any other's text must never be.
  const comment = what.state === 'released' ? `Released after review #${index}` : `${HIDDEN} #${index}`;
  const review: CommentReview = what.state === 'redacted' ? { state: 'redacted', reviewId, concerns: ['name'], text: REDACTED_COPY } : { state: what.state, reviewId, concerns: ['name'] };
  return { ...base, comment, commentReview: review };
}

async function store(roundId: string, given: readonly Answer[]): Promise<void> {
  for (let i = 0; i < given.length; i += 100) {
    const batch = given.slice(i, i + 100);
    if (batch.length > 0) await tables.answers.submitTransaction(batch.map((a): TransactionAction => ['create', { ...answerEntity(a) }]));
  }
}

/** What the comments route serves for the condition, all staff's and each level's, as JSON would carry it. */
async function readComments(roundId: string, conditionId: ConditionId, thresholds: { privacyThreshold: number; commentThreshold: number }) {
  const stored = await answers.ratedAnswers(roundId, conditionId);
  const read = (level?: LevelId) => {
    try {
      return commentsFor(stored, conditionId, thresholds, level);
    } catch (error) {
      if (isAuditError(error, 'BAD_REQUEST')) return { refused: error.code };
      throw error;
    }
  };
  return JSON.parse(JSON.stringify({ all: read(), byLevel: LEVELS.map((l) => read(l.id)) })) as { all: { shown: boolean; comments: { text: string }[] }; byLevel: unknown[] };
}

it('serves no comment below COMMENT_THRESHOLD, no held comment ever, and an order that follows only what it shows', async () => {
  let shownSome = 0;
  let hiddenByThreshold = 0;
  await fc.assert(
    fc.asyncProperty(roundArbitrary, async ({ thresholds, people, relabel }) => {
      rounds += 1;
      const [first, second] = [`attack-${rounds}-a`, `attack-${rounds}-b`];
      await store(first, people.map((p, i) => answerOf(first, p, i, 1)));
      await store(second, people.map((p, i) => answerOf(second, p, i, relabel)));
      for (const conditionId of CONDITION_IDS) {
        const answered = people.filter((p) => p.conditionId === conditionId).length;
        const reply = await readComments(first, conditionId, thresholds);
        const everything = JSON.stringify(reply);
        expect(everything).not.toContain(HIDDEN);
        if (answered < thresholds.commentThreshold) {
          hiddenByThreshold += 1;
          expect(reply.all).toEqual({ shown: false, commentThreshold: thresholds.commentThreshold, comments: [] });
          for (const byLevel of reply.byLevel) expect([{ refused: 'BAD_REQUEST' }, reply.all]).toContainEqual(byLevel);
        }
        if (reply.all.shown && reply.all.comments.length > 0) shownSome += 1;
        // Only visible content orders it: the same answers, from other people at other times, read the same.
        expect(await readComments(second, conditionId, thresholds)).toEqual(reply);
      }
    }),
    { numRuns: 60 },
  );
  // The property was tested on both sides of the threshold.
  expect(Math.min(shownSome, hiddenByThreshold)).toBeGreaterThan(5);
});
