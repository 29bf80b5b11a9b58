import { AuditError } from '../domain/errors';
import type { SafeguardingContact } from '../domain/safeguarding/safeguardingContact';
import { settingsSchema, type Settings } from './settings';

/** How the bot proves who it is to Teams, and checks who calls it. */
export type BotAuth =
  | { readonly mode: 'local' }
  | { readonly mode: 'authenticated'; readonly appId: string; readonly appType: Settings['MicrosoftAppType']; readonly tenantId?: string; readonly password?: string };

/** Where tables and the due-work queues live: one storage account (or Azurite) for both. */
export type StorageChoice =
  | { readonly kind: 'embedded' }
  /** Names the table and the queue endpoints (or has the account's own connection string derive them). */
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  /** Reached with an Entra token: as the named user-assigned managed identity, or as DefaultAzureCredential finds. */
  | { readonly kind: 'endpoint'; readonly endpoint: string; readonly queueEndpoint: string; readonly managedIdentityClientId?: string };

/** How the tab's API knows who is asking: Teams SSO tokens, or (local mode only) a local identity. */
export type TabAuth =
  | { readonly mode: 'local' }
  | { readonly mode: 'sso'; readonly audience: string; readonly tenantId: string; readonly jwksUri: string };

export interface AppConfig {
  readonly production: boolean;
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly botAuth: BotAuth;
  readonly tabAuth: TabAuth;
  readonly storage: StorageChoice;
  readonly tablesPrefix: string;
  /** Undefined only in local mode, where a key is created under the data folder. */
  readonly respondentHmacKey?: string;
  readonly privacyThreshold: number;
  /** A condition's comments are shown once at least this many people answered it (never below privacyThreshold). */
  readonly commentThreshold: number;
  /** Days after its close that a round's answers are deleted, its counts kept. */
  readonly retentionDays: number;
  /** Where a concern about a child goes: shown to a person whose comment looks as if it identifies someone. */
  readonly safeguardingContact: SafeguardingContact;
  readonly cardUpdateDelayMs: number;
  readonly roundCacheMs: number;
  /** How long an instance keeps a team's roster, in ms (0: read it every time). */
  readonly rosterCacheMs: number;
  readonly maxRequestBytes: number;
  /** How often an idle instance asks the queue for due work, in milliseconds. */
  readonly dueWorkPollMs: number;
  readonly logLevel: Settings['LOG_LEVEL'];
  /** Set: telemetry goes to Application Insights. */
  readonly applicationInsightsConnectionString?: string;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i;

function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

function invalid(setting: string, problem: string): AuditError {
  return new AuditError('CONFIG_INVALID', `Configuration: ${setting} ${problem}`);
}

// App Service passes a Key Vault reference it could not resolve through as its own text, and
// "@Microsoft.KeyVault(SecretUri=…)" is long enough to pass as an HMAC key: every respondent re-keyed.
const KEY_VAULT_REFERENCE = /^\s*@Microsoft\.KeyVault\(/i;

/** Validates the environment; throws an AuditError naming the first bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const unresolved = Object.keys(settingsSchema.shape).find((name) => KEY_VAULT_REFERENCE.test(env[name] ?? ''));
  if (unresolved) {
    throw invalid(unresolved, "is a Key Vault reference App Service could not resolve: check that the app's identity may read the secret (Key Vault Secrets User) and is its keyVaultReferenceIdentity.");
  }
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw invalid(String(issue.path[0] ?? 'environment'), `is not valid: ${issue.message}.`);
  }
  const settings = parsed.data;
  const production = settings.NODE_ENV === 'production';
  const botAuth = botAuthFrom(settings, production);
  const local = botAuth.mode === 'local';

  const storage = storageFrom(settings);
  if (storage.kind === 'embedded' && !local) {
    throw invalid('TABLES_ENDPOINT', 'or TABLES_CONNECTION_STRING is required outside local mode: embedded storage is for local work only.');
  }
  if (!settings.RESPONDENT_HMAC_KEY && !local) {
    throw invalid('RESPONDENT_HMAC_KEY', 'is required outside local mode (at least 32 characters, kept outside the tables).');
  }
  if (settings.COMMENT_THRESHOLD < settings.PRIVACY_THRESHOLD) {
    throw invalid('COMMENT_THRESHOLD', `is ${settings.COMMENT_THRESHOLD}, below PRIVACY_THRESHOLD (${settings.PRIVACY_THRESHOLD}): comments need at least as many people as counts.`);
  }
  const tabAuth = tabAuthFrom(settings, local);
  return {
    production,
    port: settings.PORT,
    host: settings.HOST,
    dataDir: settings.DATA_DIR,
    botAuth,
    tabAuth,
    storage,
    tablesPrefix: settings.TABLES_PREFIX,
    ...(settings.RESPONDENT_HMAC_KEY ? { respondentHmacKey: settings.RESPONDENT_HMAC_KEY } : {}),
    privacyThreshold: settings.PRIVACY_THRESHOLD,
    commentThreshold: settings.COMMENT_THRESHOLD,
    retentionDays: settings.RETENTION_DAYS,
    safeguardingContact: { text: settings.SAFEGUARDING_CONTACT_TEXT, ...(settings.SAFEGUARDING_CONTACT_URL ? { url: settings.SAFEGUARDING_CONTACT_URL } : {}) },
    cardUpdateDelayMs: settings.CARD_UPDATE_DELAY_MS,
    roundCacheMs: settings.ROUND_CACHE_MS,
    rosterCacheMs: settings.ROSTER_CACHE_MS,
    maxRequestBytes: settings.MAX_REQUEST_BYTES,
    dueWorkPollMs: settings.DUE_WORK_POLL_MS,
    logLevel: settings.LOG_LEVEL,
    ...(settings.APPLICATIONINSIGHTS_CONNECTION_STRING ? { applicationInsightsConnectionString: settings.APPLICATIONINSIGHTS_CONNECTION_STRING } : {}),
  };
}

function botAuthFrom(settings: Settings, production: boolean): BotAuth {
  const appId = settings.MicrosoftAppId;
  if (!appId) {
    // Without an app id botbuilder checks no token at all: safe only on this machine.
    if (production) throw invalid('MicrosoftAppId', 'is required when NODE_ENV=production: local mode (no bot credentials) is for local work only.');
    if (!isLoopback(settings.HOST)) throw invalid('MicrosoftAppId', `is required to listen on ${settings.HOST}: local mode (no bot credentials) only binds to loopback (127.0.0.1).`);
    return { mode: 'local' };
  }
  if (settings.MicrosoftAppType !== 'MultiTenant' && !settings.MicrosoftAppTenantId) {
    throw invalid('MicrosoftAppTenantId', `is required for MicrosoftAppType=${settings.MicrosoftAppType}.`);
  }
  if (settings.MicrosoftAppType === 'UserAssignedMSI' && settings.MicrosoftAppPassword) {
    // botbuilder refuses this combination when it builds its credentials; say so before anything starts.
    throw invalid('MicrosoftAppPassword', 'must not be set for MicrosoftAppType=UserAssignedMSI: the managed identity is the credential.');
  }
  if (settings.MicrosoftAppType !== 'UserAssignedMSI' && !settings.MicrosoftAppPassword) {
    throw invalid('MicrosoftAppPassword', `is required for MicrosoftAppType=${settings.MicrosoftAppType} (or use UserAssignedMSI).`);
  }
  return {
    mode: 'authenticated',
    appId,
    appType: settings.MicrosoftAppType,
    ...(settings.MicrosoftAppTenantId ? { tenantId: settings.MicrosoftAppTenantId } : {}),
    ...(settings.MicrosoftAppPassword ? { password: settings.MicrosoftAppPassword } : {}),
  };
}

function tabAuthFrom(settings: Settings, local: boolean): TabAuth {
  if (!settings.TAB_SSO_AUDIENCE) {
    if (!local) throw invalid('TAB_SSO_AUDIENCE', "is required outside local mode (the client id of the tab's Entra app: its v2 SSO tokens carry that as their audience).");
    return { mode: 'local' };
  }
  const tenantId = settings.TAB_SSO_TENANT_ID ?? settings.MicrosoftAppTenantId;
  if (!tenantId) throw invalid('TAB_SSO_TENANT_ID', 'is required with TAB_SSO_AUDIENCE (the Entra tenant whose users may sign in), unless MicrosoftAppTenantId is set.');
  return { mode: 'sso', audience: settings.TAB_SSO_AUDIENCE, tenantId, jwksUri: settings.TAB_SSO_JWKS_URI };
}

// A connection string reaches queues if it names their endpoint, is Azurite's shorthand, or is an
// account's own (the SDK derives https://<account>.queue.<EndpointSuffix>).
const REACHES_QUEUES = /(^|;)\s*(QueueEndpoint=\S|UseDevelopmentStorage=true|EndpointSuffix=\S)/i;

function storageFrom(settings: Settings): StorageChoice {
  if (settings.STORAGE_QUEUE_ENDPOINT && !settings.TABLES_ENDPOINT) {
    throw invalid('STORAGE_QUEUE_ENDPOINT', 'applies only with TABLES_ENDPOINT: a connection string names its own QueueEndpoint.');
  }
  if (settings.TABLES_CONNECTION_STRING) {
    if (!REACHES_QUEUES.test(settings.TABLES_CONNECTION_STRING)) {
      throw invalid('TABLES_CONNECTION_STRING', 'names no queue endpoint: due work (close dates, reminders) is kept in Queue storage. Add QueueEndpoint=… or use the storage account\'s own connection string.');
    }
    return { kind: 'connectionString', connectionString: settings.TABLES_CONNECTION_STRING };
  }
  if (settings.TABLES_ENDPOINT) {
    return {
      kind: 'endpoint',
      endpoint: settings.TABLES_ENDPOINT,
      queueEndpoint: settings.STORAGE_QUEUE_ENDPOINT ?? queueEndpointOf(settings.TABLES_ENDPOINT),
      ...(settings.AZURE_CLIENT_ID ? { managedIdentityClientId: settings.AZURE_CLIENT_ID } : {}),
    };
  }
  return { kind: 'embedded' };
}

/** The same account's queue endpoint: https://acct.table.core.windows.net/ → https://acct.queue.core.windows.net/. */
function queueEndpointOf(tableEndpoint: string): string {
  const url = new URL(tableEndpoint);
  const labels = url.hostname.split('.');
  if (labels[1] !== 'table') {
    throw invalid('STORAGE_QUEUE_ENDPOINT', `is required with TABLES_ENDPOINT=${tableEndpoint}: only an endpoint like https://<account>.table.core.windows.net has a queue endpoint that can be derived from it.`);
  }
  labels[1] = 'queue';
  url.hostname = labels.join('.');
  return url.toString();
}
