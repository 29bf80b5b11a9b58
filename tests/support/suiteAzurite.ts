import { randomBytes } from 'node:crypto';

/** The suite's Azurite (started by jest's globalSetup) and per-test table prefixes. */
export function testConnectionString(): string {
  const connectionString = process.env.TEST_TABLES_CONNECTION_STRING;
  if (!connectionString) throw new Error('TEST_TABLES_CONNECTION_STRING is not set: run the tests through jest (globalSetup starts Azurite).');
  return connectionString;
}

/** Table names allow letters and digits: a fresh prefix keeps each test's data apart. */
export function uniqueTablePrefix(): string {
  return `t${randomBytes(5).toString('hex')}`;
}

