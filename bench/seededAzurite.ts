import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedAzurite, type EmbeddedAzurite } from '../bot/storage/embeddedAzurite';
import { ensureAuditTables, openAuditTables, tableNameFor, type AuditTables } from '../bot/storage/tables';
import { seedAzuriteFile, type SeedRow } from './azuriteFileSeed';

/**
 * An Azurite of its own, persisted to a new temporary folder (`dataDir`: the caller removes it):
 * the audit tables under `prefix` are made and `setUp` writes through the repositories (teams,
 * rounds, whatever the scenario needs) and gives the answers to seed; Azurite is stopped, those
 * answers are written into its database file (azuriteFileSeed.ts: far faster than Azurite's own upserts into a large
 * partition), and Azurite is started again on the same port to serve them through its real API.
 */
export async function seededAzurite(prefix: string, setUp: (tables: AuditTables) => Promise<Iterable<SeedRow>>): Promise<EmbeddedAzurite & { dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pa-bench-'));
  const first = await startEmbeddedAzurite({ dataDir });
  let answers: Iterable<SeedRow>;
  try {
    const tables = openAuditTables({ kind: 'connectionString', connectionString: first.connectionString }, prefix);
    await ensureAuditTables(tables);
    answers = await setUp(tables);
  } finally {
    await first.stop();
  }
  await seedAzuriteFile(dataDir, tableNameFor(prefix, 'answers'), answers);
  return { ...(await startEmbeddedAzurite({ dataDir, port: first.port })), dataDir };
}
