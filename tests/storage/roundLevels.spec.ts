import type { Answer } from '../../bot/domain/answer';
import type { ConditionId } from '../../bot/domain/conditions';
import type { LevelId } from '../../bot/domain/levels';
import { participationOf } from '../../bot/domain/participation';
import { respondentIdFor } from '../../bot/domain/respondent';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { RoundLevels } from '../../bot/storage/roundLevels';
import { isAuditError } from '../../bot/domain/errors';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';
import { TEST_HMAC_KEY } from '../support/testService';

/** One level per person per round, as storage keeps it: atomically on one instance, and across two. */
let tables: AuditTables;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
});

// Made-up people.
const grace = respondentIdFor('00000000-0000-4000-8000-0000000000a1', TEST_HMAC_KEY);
const hamid = respondentIdFor('00000000-0000-4000-8000-0000000000a2', TEST_HMAC_KEY);

const answerOf = (roundId: string, respondentId: string, conditionId: ConditionId, level: LevelId, answeredAt: string): Answer => ({
  roundId, conditionId, respondentId, rating: 'partly', level, comment: '', answeredAt, via: 'channel',
});
const levelsOf = async (answers: AnswersRepository, roundId: string, respondentId: string) => (await answers.answersOf(roundId, respondentId)).map((a) => `${a.conditionId}:${a.level}`);
const roundLevels = (answers: AnswersRepository, errors: unknown[] = []) => new RoundLevels(answers, { refreshDelayMs: 60_000, loadWaitMs: 5_000, onError: (error) => errors.push(error) });

describe("a person's level in a round, in storage", () => {
  it('moves all their answers in one write, and writes nothing if one changed since it was read', async () => {
    const answers = new AnswersRepository(tables.answers);
    await answers.record(answerOf('r-move', grace, 'C01', 'practitioner', '2026-03-05T09:00:00Z'));
    await answers.record(answerOf('r-move', grace, 'C02', 'practitioner', '2026-03-05T09:01:00Z'));
    await answers.record(answerOf('r-move', hamid, 'C01', 'practitioner', '2026-03-05T09:00:00Z'));
    const read = await answers.answersOf('r-move', grace);

    // Grace changes C02 again on another card between our read and our write.
    await answers.record(answerOf('r-move', grace, 'C02', 'practitioner', '2026-03-05T09:02:00Z'));
    const stale = await answers.writeLevel('r-move', 'senior-leader', read, answerOf('r-move', grace, 'C03', 'senior-leader', '2026-03-05T09:03:00Z')).catch((error: unknown) => error);
    expect(isAuditError(stale, 'STORAGE_CONFLICT')).toBe(true);
    expect(await levelsOf(answers, 'r-move', grace)).toEqual(['C01:practitioner', 'C02:practitioner']);

    const moved = await answers.writeLevel('r-move', 'senior-leader', await answers.answersOf('r-move', grace), answerOf('r-move', grace, 'C03', 'senior-leader', '2026-03-05T09:03:00Z'));
    expect(moved).toBe(2);
    expect(await levelsOf(answers, 'r-move', grace)).toEqual(['C01:senior-leader', 'C02:senior-leader', 'C03:senior-leader']);
    expect(await answers.find('r-move', 'C01', grace)).toMatchObject({ answeredAt: '2026-03-05T09:00:00Z' }); // a move is not a new answer
    expect(await levelsOf(answers, 'r-move', hamid)).toEqual(['C01:practitioner']);
  });

  it('is brought to one level when two instances each took an answer of theirs at a different level', async () => {
    // Two instances, each with its own knowledge of the round, sharing the table.
    const onA = new AnswersRepository(tables.answers);
    const onB = new AnswersRepository(tables.answers);
    const [a, b] = [roundLevels(onA), roundLevels(onB)];
    expect(await a.known('r-two', grace)).toBeUndefined(); // both have read the (empty) round
    expect(await b.known('r-two', grace)).toBeUndefined();

    // Grace's first answer reaches A, her second (at another level) reaches B before B has read the first.
    await onA.record(answerOf('r-two', grace, 'C01', 'practitioner', '2026-03-05T09:00:00Z'));
    a.noted('r-two', grace, 'practitioner');
    await onB.record(answerOf('r-two', grace, 'C02', 'supervisor', '2026-03-05T09:01:00Z'));
    b.noted('r-two', grace, 'supervisor');
    await onB.record(answerOf('r-two', hamid, 'C02', 'volunteer', '2026-03-05T09:01:00Z'));
    b.noted('r-two', hamid, 'volunteer');

    // B reads what changed: Grace at two levels. Her latest answer's level applies to all of hers.
    await b.drain();
    expect(await levelsOf(onB, 'r-two', grace)).toEqual(['C01:supervisor', 'C02:supervisor']);
    expect(await levelsOf(onB, 'r-two', hamid)).toEqual(['C02:volunteer']);
    expect(participationOf(await onB.footprints('r-two'), 1).respondentsByLevel.get('practitioner')).toEqual({ shown: true, count: 0 });

    // A learns it too, and settling again changes nothing.
    a.noted('r-two', hamid, 'volunteer');
    await a.drain();
    expect(await a.known('r-two', grace)).toBe('supervisor');
    expect(await levelsOf(onA, 'r-two', grace)).toEqual(['C01:supervisor', 'C02:supervisor']);
    a.stop();
    b.stop();
  });

  it("knows each person's level from the round's first read, without a read per answer", async () => {
    const answers = new AnswersRepository(tables.answers);
    await answers.record(answerOf('r-known', grace, 'C05', 'business-support', '2026-03-05T09:00:00Z'));
    const levels = roundLevels(answers);
    expect(await levels.known('r-known', grace)).toBe('business-support');
    expect(await levels.known('r-known', hamid)).toBeUndefined();
    levels.stop();
  });
});
