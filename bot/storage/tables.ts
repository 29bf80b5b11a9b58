import { TableClient, type TableServiceClientOptions } from '@azure/data-tables';
import type { TokenCredential } from '@azure/core-auth';
import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { isConflict } from './storageErrors';

/** How to reach Table storage: a connection string (Azurite or Azure), or an endpoint and an Entra credential. */
export type TableConnection =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'endpoint'; readonly endpoint: string; readonly credential: TokenCredential };

export const TABLE_NAMES = ['rounds', 'answers', 'champions', 'members', 'teams', 'plans', 'activities', 'reminders', 'sendSchedule', 'evidence', 'channelPosts', 'activityLog', 'organisation'] as const;
export type TableName = (typeof TABLE_NAMES)[number];
export type AuditTables = Readonly<Record<TableName, TableClient>>;

// Invokes time out in Teams after about 15 s: fail fast enough to answer the person in time,
// also when storage hangs rather than refuses (three attempts of at most 4 s, short pauses).
const ATTEMPT_TIMEOUT_MS = 4000;
const attemptTimeout: PipelinePolicy = {
  name: 'practiceAuditAttemptTimeout',
  sendRequest: (request, next) => {
    request.timeout = ATTEMPT_TIMEOUT_MS;
    return next(request);
  },
};
const CLIENT_OPTIONS: TableServiceClientOptions = {
  retryOptions: { maxRetries: 2, retryDelayInMs: 200, maxRetryDelayInMs: 1500 },
  additionalPolicies: [{ policy: attemptTimeout, position: 'perRetry' }],
};

function clientFor(connection: TableConnection, tableName: string): TableClient {
  if (connection.kind === 'connectionString') {
    const insecure = /DefaultEndpointsProtocol=http;|UseDevelopmentStorage=true/i.test(connection.connectionString);
    return TableClient.fromConnectionString(connection.connectionString, tableName, { ...CLIENT_OPTIONS, allowInsecureConnection: insecure });
  }
  return new TableClient(connection.endpoint, tableName, connection.credential, CLIENT_OPTIONS);
}

/** Table names allow letters and digits only; the prefix lets several deployments (or test files) share an account. */
export function tableNameFor(prefix: string, table: TableName): string {
  return `${prefix}${table[0]!.toUpperCase()}${table.slice(1)}`;
}

export function openAuditTables(connection: TableConnection, prefix: string): AuditTables {
  const entries = TABLE_NAMES.map((table) => [table, clientFor(connection, tableNameFor(prefix, table))] as const);
  return Object.fromEntries(entries) as unknown as AuditTables;
}

/** Creates missing tables at start-up; an existing table is fine. */
export async function ensureAuditTables(tables: AuditTables): Promise<void> {
  await Promise.all(
    Object.values(tables).map(async (client) => {
      try {
        await client.createTable();
      } catch (error) {
        if (!isConflict(error)) throw error;
      }
    }),
  );
}

