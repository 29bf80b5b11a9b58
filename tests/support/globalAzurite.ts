import { startEmbeddedAzurite } from '../../bot/storage/embeddedAzurite';

/**
 * One real Azurite for the whole suite (a child process), its table and queue services in memory.
 * Test files isolate themselves with their own table prefix (which also names their queues);
 * workers find it through the environment (one connection string naming both services).
 */
export default async function globalSetup(): Promise<void> {
  const azurite = await startEmbeddedAzurite({ inMemory: true });
  process.env.TEST_TABLES_CONNECTION_STRING = azurite.connectionString;
  (globalThis as { __azurite?: { stop(): Promise<void> } }).__azurite = azurite;
}
