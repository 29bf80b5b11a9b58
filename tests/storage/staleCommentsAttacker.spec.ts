import type { Answer } from '../../bot/domain/answer';
import { RoundSummaryCache } from '../../bot/app/tab/roundSummaryCache';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { RoundAnswersErasure } from '../../bot/storage/roundAnswersErasure';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * Issue 12, attacked: comments that were deleted (`delete my answers`, or the retention period's
 * end) must not be served again by an instance that read them before. RoundSummaryCache serves a
 * condition's comments stale-while-revalidate: however old what it holds, the first read after
 * a pause is answered from it.
 */
let tables: AuditTables;
let answers: AnswersRepository;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  answers = new AnswersRepository(tables.answers);
});

const answerOf = (roundId: string, respondentId: string, comment: string): Answer => ({
  roundId, conditionId: 'C01', respondentId, rating: 'partly', level: 'practitioner', comment, answeredAt: '2026-05-20T09:00:00Z', via: 'channel',
});
const texts = (given: readonly { comment: string }[]) => given.map((a) => a.comment).sort();

it("serves no comment a person deleted to a reader an hour later, though this instance read it before", async () => {
  let clock = 0;
  const cache = new RoundSummaryCache(answers, 5, { maxAgeMs: 2000, now: () => clock });
  await answers.record(answerOf('r-erased', 'ben', 'Ben said this'));
  await answers.record(answerOf('r-erased', 'chloe', 'Chloe said that'));
  expect(texts(await cache.answersTo('r-erased', 'C01'))).toEqual(['Ben said this', 'Chloe said that']);

  await answers.eraseAnswersOf('r-erased', 'ben', '2026-11-29T12:00:00.000Z');
  clock += 60 * 60 * 1000;
  expect(texts(await cache.answersTo('r-erased', 'C01'))).toEqual(['Chloe said that']);
});

it("serves no comment of a round whose answers expired to a reader a day later, though this instance read them before", async () => {
  let clock = 0;
  const cache = new RoundSummaryCache(answers, 5, { maxAgeMs: 2000, now: () => clock });
  await answers.record(answerOf('r-expired', 'ben', 'Ben said this'));
  expect(texts(await cache.answersTo('r-expired', 'C01'))).toEqual(['Ben said this']);

  await new RoundAnswersErasure(tables.answers).eraseRound('r-expired');
  clock += 24 * 60 * 60 * 1000;
  expect(await cache.answersTo('r-expired', 'C01')).toEqual([]);
});
