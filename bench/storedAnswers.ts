import { odata, TableClient } from '@azure/data-tables';

/**
 * Counts the rows one condition's answers left in a table, straight from storage: the
 * stored side of "answers lost = sent − stored". Answers rows are keyed
 * `<conditionId>-<respondent>`, and '.' sorts straight after '-'.
 */
export async function countStoredAnswers(connectionString: string, tableName: string, partitionKey: string, conditionId: string): Promise<number> {
  const table = TableClient.fromConnectionString(connectionString, tableName, { allowInsecureConnection: true });
  const rows = table.listEntities({
    queryOptions: { filter: odata`PartitionKey eq ${partitionKey} and RowKey ge ${`${conditionId}-`} and RowKey lt ${`${conditionId}.`}`, select: ['RowKey'] },
  });
  let count = 0;
  for await (const row of rows) if (row.rowKey?.startsWith(`${conditionId}-`)) count += 1;
  return count;
}
