import { startEmbeddedAzurite } from '../../bot/storage/embeddedAzurite';

/**
 * One real Azurite table server for the whole suite (a child process), in memory. Test files isolate
 * themselves with their own table prefix; workers find it through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const azurite = await startEmbeddedAzurite({ inMemory: true });
  process.env.TEST_TABLES_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __azurite?: { stop(): Promise<void> } }).__azurite = azurite;
}
