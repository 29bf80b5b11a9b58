import { RoundSummaryCache } from '../../bot/app/tab/roundSummaryCache';
import type { ConditionId } from '../../bot/domain/conditions';
import type { RatedAnswer } from '../../bot/domain/summary';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** Real answers in Azurite; the repository counts its reads and can be made to fail or wait. */
class ObservedAnswers extends AnswersRepository {
  reads = 0;
  failNext = false;
  gate: Promise<void> | undefined;
  override async ratedAnswers(roundId: string, conditionId?: ConditionId): Promise<RatedAnswer[]> {
    this.reads += 1;
    if (this.gate) await this.gate;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('storage unavailable');
    }
    return super.ratedAnswers(roundId, conditionId);
  }
}

const answer = (n: number) => ({ roundId: 'r1', conditionId: 'C01' as const, respondentId: `p${n}`, rating: 'mostly' as const, level: 'practitioner' as const, comment: '', answeredAt: '2026-11-25T10:00:00Z', via: 'channel' as const });

let answers: ObservedAnswers;
beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  answers = new ObservedAnswers(tables.answers);
  for (let n = 0; n < 5; n += 1) await answers.record(answer(n));
});

it('serves the last summary at once and refreshes it behind, one read at a time', async () => {
  let clock = 0;
  const cache = new RoundSummaryCache(answers, 5, 2000, () => clock);
  const first = await cache.summary('r1');
  expect(first.respondents).toBe(5);
  await Promise.all(Array.from({ length: 20 }, () => cache.summary('r1')));
  expect(answers.reads).toBe(1);

  await answers.record(answer(5));
  clock = 2001;
  let release!: () => void;
  answers.gate = new Promise((resolve) => (release = resolve));
  // Stale: answered at once from what it has, while one refresh waits on storage.
  expect((await cache.summary('r1')).respondents).toBe(5);
  expect((await cache.summary('r1')).respondents).toBe(5);
  expect(answers.reads).toBe(2);
  answers.gate = undefined;
  release();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect((await cache.summary('r1')).respondents).toBe(6);
});

it('keeps serving the last summary when a refresh fails, and tries again later', async () => {
  let clock = 0;
  const cache = new RoundSummaryCache(answers, 5, 2000, () => clock);
  await cache.summary('r1');
  answers.failNext = true;
  clock = 5000;
  expect((await cache.summary('r1')).respondents).toBe(6);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const reads = answers.reads;
  expect((await cache.summary('r1')).respondents).toBe(6);
  expect(answers.reads).toBe(reads + 1);
});
