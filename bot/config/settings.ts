import { z } from 'zod';
import { DEFAULT_COMMENT_THRESHOLD, DEFAULT_PRIVACY_THRESHOLD, DEFAULT_RETENTION_DAYS } from '../domain/privacy';
import { DEFAULT_SAFEGUARDING_CONTACT_TEXT } from '../domain/safeguarding/safeguardingContact';

/**
 * Every setting the service reads, declared once. The README's configuration table
 * mirrors this list; `loadConfig` validates it at start-up and names any bad setting.
 */
const optionalText = z.string().trim().optional().transform((value) => (value ? value : undefined));
// Digits only: Number() would read "" and "  " as 0 (PORT=0: a random port) and "0x50" as 80.
const integer = (fallback: number, min: number, max: number) =>
  z.string().trim().regex(/^-?\d+$/, 'expected a whole number').transform(Number).pipe(z.number().int().min(min).max(max)).default(fallback);

export const settingsSchema = z.object({
  NODE_ENV: z.string().trim().default('development'),
  PORT: integer(3978, 0, 65535),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('.data'),
  MicrosoftAppId: optionalText,
  MicrosoftAppType: z.enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI']).default('SingleTenant'),
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppPassword: optionalText,
  TABLES_CONNECTION_STRING: optionalText,
  TABLES_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  // With TABLES_ENDPOINT: the queue service's endpoint (due work); by default the table endpoint's account's, `.queue.` for `.table.`.
  STORAGE_QUEUE_ENDPOINT: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  // The user-assigned managed identity's client id: with TABLES_ENDPOINT, tables and queues are reached as that identity.
  AZURE_CLIENT_ID: optionalText.pipe(z.guid('expected a client id (a GUID)').optional()),
  TABLES_PREFIX: z.string().trim().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/, 'letters and digits only, starting with a letter').default('practiceaudit'),
  RESPONDENT_HMAC_KEY: optionalText.pipe(z.string().min(32, 'at least 32 characters').optional()),
  PRIVACY_THRESHOLD: integer(DEFAULT_PRIVACY_THRESHOLD, 3, 10),
  // Comments on a condition are shown once at least this many people answered it: Viva Glint's 10 (teams-platform.md), 5 to 20.
  COMMENT_THRESHOLD: integer(DEFAULT_COMMENT_THRESHOLD, 5, 20),
  // Days after a round closes that its answers are deleted, the counts kept at close staying (issue 12): 30 days to 10 years.
  RETENTION_DAYS: integer(DEFAULT_RETENTION_DAYS, 30, 3650),
  // Where a concern about a child goes, shown when a comment looks as if it identifies someone or discloses risk (issue 12).
  // Empty (as the Azure template sets it when an organisation gives none) is the default wording.
  SAFEGUARDING_CONTACT_TEXT: optionalText.pipe(z.string().max(500).default(DEFAULT_SAFEGUARDING_CONTACT_TEXT)),
  SAFEGUARDING_CONTACT_URL: optionalText.pipe(z.url({ protocol: /^https$/ }).optional()),
  CARD_UPDATE_DELAY_MS: integer(2000, 0, 60000),
  ROUND_CACHE_MS: integer(1000, 0, 10000),
  // How long a team's roster (the response rate's denominator) is kept per instance: up to an hour.
  ROSTER_CACHE_MS: integer(600000, 0, 3600000),
  MAX_REQUEST_BYTES: integer(262144, 1024, 4194304),
  // How often an idle instance asks the queue for due work (each ask is one storage transaction).
  DUE_WORK_POLL_MS: integer(1000, 100, 60000),
  TAB_SSO_AUDIENCE: optionalText,
  TAB_SSO_TENANT_ID: optionalText,
  TAB_SSO_JWKS_URI: z.url({ protocol: /^https?$/ }).default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // Set: requests, dependencies and exceptions go to Application Insights (Azure Monitor OpenTelemetry).
  APPLICATIONINSIGHTS_CONNECTION_STRING: optionalText.pipe(z.string().regex(/(^|;)\s*InstrumentationKey=[^;]+/i, 'expected an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)').optional()),
});

export type Settings = z.infer<typeof settingsSchema>;
