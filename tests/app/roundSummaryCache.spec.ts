import { RoundAggregate } from '../../bot/app/tab/roundAggregate';
import { RoundSummaryCache } from '../../bot/app/tab/roundSummaryCache';
import { warmRoundSummaries } from '../../bot/app/tab/warmRoundSummaries';
import { createLogger } from '../../bot/logger';
import { RoundsRepository } from '../../bot/storage/roundsRepository';
import { countsOfAnswers, summariseRound, summariseTallies } from '../../bot/domain/summary';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/** Real answers in Azurite; the repository counts its reads and can be made to fail or wait. */
class ObservedAnswers extends AnswersRepository {
  reads = 0;
  failNext = false;
  gate: Promise<void> | undefined;
  sinces: (Date | undefined)[] = [];
  override async answersChangedSince(roundId: string, since: Date | undefined): ReturnType<AnswersRepository['answersChangedSince']> {
    this.reads += 1;
    this.sinces.push(since);
    if (this.gate) await this.gate;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('storage unavailable');
    }
    return super.answersChangedSince(roundId, since);
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

const open = (roundId: string) => ({ roundId, status: 'open' as const });
const respondents = async (cache: RoundSummaryCache, roundId: string) => (await cache.release(open(roundId))).participation.respondents;

it('serves the last figures at once and refreshes them behind, one read at a time', async () => {
  let clock = 0;
  const cache = new RoundSummaryCache(answers, 5, { maxAgeMs: 2000, now: () => clock });
  const first = await cache.release(open('r1'));
  expect(first).toMatchObject({ results: 'at-close', participation: { respondents: 5 } });
  await Promise.all(Array.from({ length: 20 }, () => cache.release(open('r1'))));
  expect(answers.reads).toBe(1);

  await answers.record(answer(5));
  clock = 2001;
  let release!: () => void;
  answers.gate = new Promise((resolve) => (release = resolve));
  // Stale: answered at once from what it has, while one refresh waits on storage.
  expect(await respondents(cache, 'r1')).toBe(5);
  expect(await respondents(cache, 'r1')).toBe(5);
  expect(answers.reads).toBe(2);
  answers.gate = undefined;
  release();
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await respondents(cache, 'r1')).toBe(6);
  // The first refresh read the whole round; the later one only what was written since (less an overlap).
  expect(answers.sinces[0]).toBeUndefined();
  expect(answers.sinces.at(-1)).toBeInstanceOf(Date);
});

it('keeps serving the last figures when a refresh fails, and tries again later', async () => {
  let clock = 0;
  const cache = new RoundSummaryCache(answers, 5, { maxAgeMs: 2000, now: () => clock });
  await cache.release(open('r1'));
  answers.failNext = true;
  clock = 5000;
  expect(await respondents(cache, 'r1')).toBe(6);
  await new Promise((resolve) => setTimeout(resolve, 50));
  const reads = answers.reads;
  expect(await respondents(cache, 'r1')).toBe(6);
  expect(answers.reads).toBe(reads + 1);
});

it('counts a changed answer once, at its new rating, when only changes are read', async () => {
  const inRound2 = (n: number, rating: 'mostly' | 'fully') => ({ ...answer(n), roundId: 'r2', rating });
  for (let n = 0; n < 5; n += 1) await answers.record(inRound2(n, 'mostly'));
  const aggregate = new RoundAggregate('r2', answers);
  const before = summariseTallies(await aggregate.refresh(), 5).conditions[0]!.allStaff;
  expect(before).toMatchObject({ shown: true, answers: 5, distribution: { mostly: 5, fully: 0 } });

  await answers.record(inRound2(0, 'fully'));
  const after = summariseTallies(await aggregate.refresh(), 5);
  expect(answers.sinces.at(-1)).toBeInstanceOf(Date);
  expect(after.respondents).toBe(5);
  expect(after.conditions[0]!.allStaff).toMatchObject({ shown: true, answers: 5, distribution: { mostly: 4, fully: 1 } });
});

it('has the open rounds ready when an instance starts, so the first tab does not wait for a full read', async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  const rounds = new RoundsRepository(tables.rounds);
  const observed = new ObservedAnswers(tables.answers);
  const round = (roundId: string, status: 'open' | 'closed') => ({ teamId: `team-${roundId}`, roundId, number: 1, status, openedAt: '2026-11-25T10:00:00Z', openedBy: 'Amara', conditionMessageIds: {} });
  await rounds.open(round('open-1', 'open'));
  await rounds.open(round('open-2', 'open'));
  for (let n = 0; n < 6; n += 1) await observed.record({ ...answer(n), roundId: 'open-1' });
  const logged: string[] = [];
  const cache = new RoundSummaryCache(observed, 5);

  await warmRoundSummaries(rounds, cache, createLogger('info', (line) => logged.push(line)));
  const readsAtStart = observed.reads;
  expect(readsAtStart).toBe(2); // each open round, once
  expect(await respondents(cache, 'open-1')).toBe(6);
  expect(observed.reads).toBe(readsAtStart); // served from what the start read
  expect(logged.map((line) => JSON.parse(line) as { event: string; roundId: string; respondents: number })).toEqual([
    expect.objectContaining({ event: 'round_summary_ready', roundId: expect.stringMatching(/^open-/), respondents: expect.any(Number) }),
    expect.objectContaining({ event: 'round_summary_ready', roundId: expect.stringMatching(/^open-/), respondents: expect.any(Number) }),
  ]);
});

it('leaves the rounds to the first tab request when storage fails at start, and says so', async () => {
  const logged: string[] = [];
  const failing = { listOpen: () => Promise.reject(new Error('storage unavailable')) };
  await warmRoundSummaries(failing, new RoundSummaryCache(answers, 5), createLogger('info', (line) => logged.push(line)));
  expect(logged.map((line) => (JSON.parse(line) as { event: string }).event)).toEqual(['round_summaries_not_warmed']);
});

it('summarises a closed round from the counts it kept, without reading its answers', async () => {
  for (let n = 0; n < 6; n += 1) await answers.record({ ...answer(n), roundId: 'closed-1', rating: n % 2 ? 'fully' : 'partly' });
  const stored = await answers.allRatedAnswers('closed-1');
  const cache = new RoundSummaryCache(answers, 5);
  const reads = answers.reads;
  const release = await cache.release({ roundId: 'closed-1', status: 'closed', closedAt: '2026-11-26T10:00:00Z', finalCounts: countsOfAnswers(stored) });
  if (release.results !== 'released') throw new Error(`not released: ${release.results}`);
  const { summary } = release;
  expect(summary).toEqual(summariseRound(stored, 5));
  expect(summary.conditions[0]!.allStaff).toMatchObject({ shown: true, answers: 6, distribution: { partly: 3, fully: 3 } });
  expect(answers.reads).toBe(reads);
});

it("keeps refreshing by what changed across an organisation's open rounds read together, dropping the round read least recently past 200", async () => {
  // Issue 13: the organisation view reads every team's open round on each poll; 50 teams and more.
  const roundIds = Array.from({ length: 201 }, (_, i) => `org-${i}`);
  await Promise.all(roundIds.map((roundId) => answers.record({ ...answer(1), roundId })));
  let clock = 0;
  const cache = new RoundSummaryCache(answers, 5, { maxAgeMs: 2000, now: () => clock });
  /** Reads the round (refreshing it once its figures are stale) and says how the refresh read it: whole (undefined) or since a time. */
  const readSince = async (roundId: string) => {
    const before = answers.sinces.length;
    await cache.release(open(roundId));
    expect(answers.sinces.length).toBe(before + 1);
    return answers.sinces.at(-1);
  };
  for (const roundId of roundIds.slice(0, 200)) expect(await readSince(roundId)).toBeUndefined();

  clock = 3000;
  // The first round read is still kept: its refresh reads only what was written since.
  expect(await readSince('org-0')).toBeInstanceOf(Date);
  // A 201st round drops the one read least recently (org-1), which is then read whole again.
  expect(await readSince('org-200')).toBeUndefined();
  expect(await readSince('org-1')).toBeUndefined();
  expect(await readSince('org-2')).toBeUndefined(); // dropped in turn for org-1
  clock = 6000;
  expect(await readSince('org-0')).toBeInstanceOf(Date);
  expect(await readSince('org-199')).toBeInstanceOf(Date);
}, 60_000);

it("serves a round's participation as last read when the caller does not ask for it again, and reads it again when it does", async () => {
  // Issue 13: the organisation view reads a few teams' rounds again each pass, in turn.
  for (let n = 0; n < 3; n += 1) await answers.record({ ...answer(n), roundId: 'in-turn' });
  let clock = 0;
  const cache = new RoundSummaryCache(answers, 5, { maxAgeMs: 2000, now: () => clock });
  expect((await cache.participation(open('in-turn'), false)).respondents).toBe(3); // nothing held: read once
  const reads = answers.reads;

  await answers.record({ ...answer(3), roundId: 'in-turn' });
  clock = 60_000;
  expect((await cache.participation(open('in-turn'), false)).respondents).toBe(3);
  expect(answers.reads).toBe(reads);

  // Asked again: served at once as held, while one read behind it brings the new answer in.
  expect((await cache.participation(open('in-turn'), true)).respondents).toBe(3);
  expect(answers.reads).toBe(reads + 1);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect((await cache.participation(open('in-turn'), false)).respondents).toBe(4);
});
