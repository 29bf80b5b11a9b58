import type { Answer } from '../../bot/domain/answer';
import type { ConditionId } from '../../bot/domain/conditions';
import { respondentIdFor } from '../../bot/domain/respondent';
import { RoundAggregate } from '../../bot/app/tab/roundAggregate';
import { AnswersRepository } from '../../bot/storage/answersRepository';
import { RoundCompletion } from '../../bot/storage/roundCompletion';
import { RoundLevels } from '../../bot/storage/roundLevels';
import { ensureAuditTables, openAuditTables, type AuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';
import { TEST_HMAC_KEY } from '../support/testService';

/**
 * `delete my answers` (issue 12) in storage: one person's rows go, in one transaction, and every
 * reader that keeps a round's figures by reading only what changed sees the round go down by
 * exactly their answers (a deleted row cannot be read as changed).
 */
let tables: AuditTables;
beforeAll(async () => {
  tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
});

// Made-up people.
const grace = respondentIdFor('00000000-0000-4000-8000-0000000000b1', TEST_HMAC_KEY);
const hamid = respondentIdFor('00000000-0000-4000-8000-0000000000b2', TEST_HMAC_KEY);
const iris = respondentIdFor('00000000-0000-4000-8000-0000000000b3', TEST_HMAC_KEY);

const answerOf = (roundId: string, respondentId: string, conditionId: ConditionId, minute: number): Answer => ({
  roundId, conditionId, respondentId, rating: 'mostly', level: 'practitioner', comment: `said by ${respondentId.slice(0, 6)}`, answeredAt: `2026-03-05T09:${String(minute).padStart(2, '0')}:00Z`, via: 'channel',
});

async function roundWithThreePeople(roundId: string, answers: AnswersRepository): Promise<void> {
  for (const [i, who] of [grace, hamid, iris].entries()) {
    await answers.record(answerOf(roundId, who, 'C01', i));
    await answers.record(answerOf(roundId, who, 'C02', i + 10));
  }
  await answers.record(answerOf(roundId, grace, 'C03', 30));
}

describe("erasing one person's answers in a round", () => {
  it('deletes their rows only and says which conditions; run again, it deletes nothing', async () => {
    const answers = new AnswersRepository(tables.answers);
    await roundWithThreePeople('r-erase', answers);

    expect(await answers.eraseAnswersOf('r-erase', grace, '2026-03-06T10:00:00Z')).toEqual(['C01', 'C02', 'C03']);

    expect(await answers.answersOf('r-erase', grace)).toEqual([]);
    expect((await answers.answersOf('r-erase', hamid)).map((a) => a.conditionId)).toEqual(['C01', 'C02']);
    expect(await answers.countForCondition('r-erase', 'C01')).toBe(2);
    expect(await answers.countForCondition('r-erase', 'C03')).toBe(0);
    // Every read of answers passes over the row that marks the erasure.
    expect((await answers.ratedAnswers('r-erase')).map((a) => a.respondentId).sort()).toEqual([hamid, hamid, iris, iris].sort());
    expect((await answers.footprints('r-erase')).filter((f) => f.respondentId === grace)).toEqual([]);
    expect(await answers.eraseAnswersOf('r-erase', grace, '2026-03-06T10:01:00Z')).toEqual([]);
  });

  it("brings the tab's running counts down by exactly their answers", async () => {
    const answers = new AnswersRepository(tables.answers);
    await roundWithThreePeople('r-aggregate', answers);
    const aggregate = new RoundAggregate('r-aggregate', answers);
    const before = await aggregate.refresh();
    expect(before.respondents).toBe(3);
    expect(before.tallies('C01').get('practitioner')?.mostly).toBe(3);

    await answers.eraseAnswersOf('r-aggregate', grace, '2026-03-06T10:00:00Z');

    const after = await aggregate.refresh();
    expect(after.respondents).toBe(2);
    expect(after.tallies('C01').get('practitioner')?.mostly).toBe(2);
    expect(after.tallies('C03').get('practitioner')?.mostly).toBe(0);
    // A later answer of someone else is still counted on top, one read at a time.
    await answers.record(answerOf('r-aggregate', hamid, 'C03', 40));
    expect((await aggregate.refresh()).tallies('C03').get('practitioner')?.mostly).toBe(1);
  });

  it("tells the reminders that they have not answered any more, and the others' completion stays", async () => {
    const answers = new AnswersRepository(tables.answers);
    await roundWithThreePeople('r-completion', answers);
    const completion = new RoundCompletion(answers);
    expect([...(await completion.answeredIn('r-completion')).keys()].sort()).toEqual([grace, hamid, iris].sort());

    await answers.eraseAnswersOf('r-completion', grace, '2026-03-06T10:00:00Z');

    const answered = await completion.answeredIn('r-completion');
    expect(answered.has(grace)).toBe(false);
    expect([...(answered.get(hamid) ?? [])]).toEqual(['C01', 'C02']);
  });

  it('forgets their level in the round at the next read of what changed', async () => {
    const answers = new AnswersRepository(tables.answers);
    await roundWithThreePeople('r-levels', answers);
    const levels = new RoundLevels(answers, { refreshDelayMs: 60_000, loadWaitMs: 5_000, onError: () => undefined });
    expect(await levels.known('r-levels', grace)).toBe('practitioner');

    await answers.eraseAnswersOf('r-levels', grace, '2026-03-06T10:00:00Z');
    levels.noted('r-levels', hamid, 'practitioner'); // someone answers: the round is read again
    await levels.drain();

    expect(await levels.known('r-levels', grace)).toBeUndefined();
    expect(await levels.known('r-levels', hamid)).toBe('practitioner');
    levels.stop();
  });
});
