import { join } from 'node:path';
import { promisify } from 'node:util';

/** Just what the seeder uses of LokiJS, the store Azurite keeps its tables in. */
interface LokiCollection {
  adaptiveBinaryIndices: boolean;
  insert(docs: object[]): unknown;
  ensureAllIndexes(force: boolean): void;
}
interface LokiDatabase {
  loadDatabase(options: object, done: (error?: unknown) => void): void;
  getCollection(name: string): LokiCollection | null;
  saveDatabase(done: (error?: unknown) => void): void;
}
type LokiConstructor = new (file: string, options: object) => LokiDatabase;

export interface SeedRow {
  readonly partitionKey: string;
  readonly rowKey: string;
  readonly properties: Readonly<Record<string, string>>;
  /** Table storage's Timestamp for the row: when it was last written. */
  readonly writtenAt: Date;
}

const ACCOUNT = 'devstoreaccount1';

/**
 * Writes rows straight into a stopped Azurite's database file, as Azurite itself stores them
 * (properties, Timestamp with Azurite's seven fractional digits, a matching ETag). Only for the
 * benchmark: Azurite's upserts into one partition slow down with its size (60,000 answers took
 * five minutes, so 240,000 would take hours), while reads, which the benchmark measures, are fine.
 * The table must already exist (created through the API before Azurite was stopped).
 */
export async function seedAzuriteFile(dataDir: string, tableName: string, rows: Iterable<SeedRow>): Promise<number> {
  const Loki = require('lokijs') as LokiConstructor;
  const db = new Loki(join(dataDir, '__azurite_db_table__.json'), { autoload: false, autosave: false });
  await promisify(db.loadDatabase.bind(db))({});
  const table = db.getCollection(`${ACCOUNT}$${tableName}`);
  if (!table) throw new Error(`Azurite's database has no table ${tableName}: create it through the API first.`);

  const docs: object[] = [];
  for (const row of rows) {
    const timestamp = row.writtenAt.toISOString().replace('Z', '0000Z');
    docs.push({
      PartitionKey: row.partitionKey,
      RowKey: row.rowKey,
      properties: { PartitionKey: row.partitionKey, RowKey: row.rowKey, ...row.properties, Timestamp: timestamp, 'Timestamp@odata.type': 'Edm.DateTime' },
      lastModifiedTime: timestamp,
      eTag: `W/"datetime'${encodeURIComponent(timestamp)}'"`,
    });
  }
  // Sort the indices once, not through every insert (Azurite keeps them adaptive, which
  // would not rebuild an index flagged dirty: rebuild before saving).
  table.adaptiveBinaryIndices = false;
  table.insert(docs);
  table.ensureAllIndexes(true);
  table.adaptiveBinaryIndices = true;
  await promisify(db.saveDatabase.bind(db))();
  return docs.length;
}
