import type { TableClient, TransactionAction } from '@azure/data-tables';
import { CONDITIONS } from '../../bot/domain/conditions';
import { answerEntity } from '../../bot/storage/answerRows';
import { RoundAnswersErasure } from '../../bot/storage/roundAnswersErasure';
import { ensureAuditTables, openAuditTables } from '../../bot/storage/tables';
import { testConnectionString, uniqueTablePrefix } from '../support/suiteAzurite';

/**
 * Issue 12: retention deletes a round's answer rows 100 to a transaction (Table storage's limit
 * for one partition), every row of that round and no other's, and a job delivered again (after
 * a part-done run, or at the same moment) deletes what is left and nothing twice.
 */
let table: TableClient;
let erasure: RoundAnswersErasure;
beforeAll(async () => {
  const tables = openAuditTables({ kind: 'connectionString', connectionString: testConnectionString() }, uniqueTablePrefix());
  await ensureAuditTables(tables);
  table = tables.answers;
  erasure = new RoundAnswersErasure(table);
});

/** `people` respondents' answers to all twelve conditions of `roundId`, written 100 to a transaction. */
async function seed(roundId: string, people: number): Promise<string[]> {
  const rows = Array.from({ length: people }, (_, p) =>
    CONDITIONS.map(({ id }) => answerEntity({ roundId, conditionId: id, respondentId: `respondent-${p}`, rating: 'mostly', level: 'practitioner', comment: `Comment ${p}`, answeredAt: '2025-01-06T10:00:00.000Z', via: 'channel' })),
  ).flat();
  for (let i = 0; i < rows.length; i += 100) await table.submitTransaction(rows.slice(i, i + 100).map((row): TransactionAction => ['create', { ...row }]));
  return rows.map((row) => row.rowKey);
}

async function rowsIn(roundId: string): Promise<number> {
  let count = 0;
  for await (const row of table.listEntities({ queryOptions: { filter: `PartitionKey eq '${roundId}'`, select: ['RowKey'] } })) if (row) count += 1;
  return count;
}

it("deletes every row of the round, in batches past one transaction's 100, and no other round's", async () => {
  await seed('round-a', 21); // 252 rows
  await seed('round-b', 2);
  expect(await erasure.eraseRound('round-a')).toBe(252);
  expect(await rowsIn('round-a')).toBe(0);
  expect(await rowsIn('round-b')).toBe(24);
});

it('deletes nothing twice: again after it is done, and only the rest after a part-done run', async () => {
  const keys = await seed('round-c', 15); // 180 rows
  // A run cut short: some rows already gone.
  await table.submitTransaction(keys.slice(0, 70).map((rowKey): TransactionAction => ['delete', { partitionKey: 'round-c', rowKey }]));
  expect(await erasure.eraseRound('round-c')).toBe(110);
  expect(await erasure.eraseRound('round-c')).toBe(0);
  expect(await rowsIn('round-c')).toBe(0);
});

it('two deliveries at the same moment delete every row between them, each once', async () => {
  await seed('round-d', 25); // 300 rows
  const [one, two] = await Promise.all([erasure.eraseRound('round-d'), erasure.eraseRound('round-d')]);
  expect(one + two).toBe(300);
  expect(await rowsIn('round-d')).toBe(0);
});
