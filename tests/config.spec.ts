import { loadConfig } from '../bot/config/loadConfig';
import { isAuditError } from '../bot/domain/errors';

const problemWith = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (isAuditError(error, 'CONFIG_INVALID')) return error.message;
    throw error;
  }
  return undefined;
};

const credentials = { MicrosoftAppId: 'app-id', MicrosoftAppTenantId: 'tenant-id', MicrosoftAppPassword: 'secret' };
// The tab's Entra app: its v2 SSO tokens carry its client id as the audience.
const TAB_APP_CLIENT_ID = 'a1b2c3d4-0000-4000-8000-00000000a0b0';
const productionStorage = { TABLES_ENDPOINT: 'https://acct.table.core.windows.net', RESPONDENT_HMAC_KEY: 'k'.repeat(32), TAB_SSO_AUDIENCE: TAB_APP_CLIENT_ID };
const MANAGED_IDENTITY_CLIENT_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
/** What App Service gives the service (infra/azure.bicep): a user-assigned managed identity, no secret. */
const managedIdentity = { MicrosoftAppId: MANAGED_IDENTITY_CLIENT_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant-id', AZURE_CLIENT_ID: MANAGED_IDENTITY_CLIENT_ID };

describe('configuration', () => {
  it('runs locally on defaults: loopback, port 3978, embedded storage, no credentials', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3978, dataDir: '.data', botAuth: { mode: 'local' }, storage: { kind: 'embedded' }, privacyThreshold: 5 });
  });

  it('keeps answers 400 days after a close and shows comments from 10 people unless told otherwise; an empty safeguarding text is the default wording', () => {
    const config = loadConfig({ SAFEGUARDING_CONTACT_TEXT: '', SAFEGUARDING_CONTACT_URL: '' });
    expect(config).toMatchObject({ retentionDays: 400, commentThreshold: 10, safeguardingContact: { text: expect.stringMatching(/^If you are worried about a child/) } });
    expect(config.safeguardingContact.url).toBeUndefined();
    expect(loadConfig({ RETENTION_DAYS: '730', SAFEGUARDING_CONTACT_TEXT: ' Call the MASH on 01234 567890. ' })).toMatchObject({ retentionDays: 730, safeguardingContact: { text: 'Call the MASH on 01234 567890.' } });
    expect(problemWith({ RETENTION_DAYS: '29' })).toMatch(/RETENTION_DAYS/);
    expect(problemWith({ SAFEGUARDING_CONTACT_TEXT: 'x'.repeat(501) })).toMatch(/SAFEGUARDING_CONTACT_TEXT/);
  });

  it('refuses local mode in production, naming the missing setting', () => {
    expect(problemWith({ NODE_ENV: 'production', ...productionStorage })).toMatch(/MicrosoftAppId is required when NODE_ENV=production/);
  });

  it('refuses local mode on any address but loopback', () => {
    expect(problemWith({ HOST: '0.0.0.0' })).toMatch(/MicrosoftAppId is required to listen on 0\.0\.0\.0/);
    expect(loadConfig({ HOST: 'localhost' }).botAuth.mode).toBe('local');
  });

  it('asks for the tenant and a secret (or a managed identity) with an app id', () => {
    expect(problemWith({ MicrosoftAppId: 'app-id' })).toMatch(/MicrosoftAppTenantId/);
    expect(problemWith({ MicrosoftAppId: 'app-id', MicrosoftAppTenantId: 't' })).toMatch(/MicrosoftAppPassword/);
    const msi = loadConfig({ MicrosoftAppId: 'app-id', MicrosoftAppTenantId: 't', MicrosoftAppType: 'UserAssignedMSI', ...productionStorage });
    expect(msi.botAuth).toMatchObject({ mode: 'authenticated', appType: 'UserAssignedMSI' });
  });

  it('requires real storage and an HMAC key outside local mode', () => {
    expect(problemWith({ ...credentials })).toMatch(/TABLES_ENDPOINT/);
    expect(problemWith({ ...credentials, TABLES_ENDPOINT: 'https://acct.table.core.windows.net' })).toMatch(/RESPONDENT_HMAC_KEY/);
    expect(problemWith({ ...credentials, ...productionStorage, TAB_SSO_AUDIENCE: '' })).toMatch(/TAB_SSO_AUDIENCE is required outside local mode \(the client id of the tab's Entra app/);
    expect(loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', ...credentials, ...productionStorage }).storage).toEqual({
      kind: 'endpoint', endpoint: 'https://acct.table.core.windows.net', queueEndpoint: 'https://acct.queue.core.windows.net/',
    });
  });

  it("checks the tab's sign-in against the app's tenant unless told otherwise", () => {
    expect(loadConfig({ ...credentials, ...productionStorage }).tabAuth).toEqual({
      mode: 'sso', audience: TAB_APP_CLIENT_ID, tenantId: 'tenant-id', jwksUri: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    });
    expect(loadConfig({}).tabAuth).toEqual({ mode: 'local' });
    expect(problemWith({ TAB_SSO_AUDIENCE: 'api://x/botid-y' })).toMatch(/TAB_SSO_TENANT_ID/);
  });

  it('runs in production as a user-assigned managed identity: bot, tables and telemetry without a secret', () => {
    const connectionString = 'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/';
    const config = loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', ...managedIdentity, ...productionStorage, APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString });
    expect(config.production).toBe(true);
    expect(config.botAuth).toEqual({ mode: 'authenticated', appId: MANAGED_IDENTITY_CLIENT_ID, appType: 'UserAssignedMSI', tenantId: 'tenant-id' });
    expect(config.storage).toEqual({ kind: 'endpoint', endpoint: 'https://acct.table.core.windows.net', queueEndpoint: 'https://acct.queue.core.windows.net/', managedIdentityClientId: MANAGED_IDENTITY_CLIENT_ID });
    expect(config.applicationInsightsConnectionString).toBe(connectionString);
    // Without them: DefaultAzureCredential for tables, and no telemetry.
    const { AZURE_CLIENT_ID: _unused, ...withoutClientId } = managedIdentity;
    const plain = loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', ...withoutClientId, ...productionStorage });
    expect(plain.storage).toEqual({ kind: 'endpoint', endpoint: 'https://acct.table.core.windows.net', queueEndpoint: 'https://acct.queue.core.windows.net/' });
    expect(plain.applicationInsightsConnectionString).toBeUndefined();
  });

  it("reaches due work's queues in the tables' storage account, or where STORAGE_QUEUE_ENDPOINT says", () => {
    const storageOf = (env: Record<string, string>) => loadConfig({ ...credentials, ...productionStorage, ...env }).storage;
    expect(storageOf({ TABLES_ENDPOINT: 'https://practiceaudit1.table.core.windows.net/' })).toMatchObject({ queueEndpoint: 'https://practiceaudit1.queue.core.windows.net/' });
    expect(storageOf({ STORAGE_QUEUE_ENDPOINT: 'https://elsewhere.queue.core.windows.net/' })).toMatchObject({ queueEndpoint: 'https://elsewhere.queue.core.windows.net/' });
    // An endpoint whose account cannot be read from it (Azurite's path-style, a custom domain) needs the queue endpoint named.
    expect(problemWith({ ...credentials, ...productionStorage, TABLES_ENDPOINT: 'http://127.0.0.1:10002/devstoreaccount1' })).toMatch(/^Configuration: STORAGE_QUEUE_ENDPOINT is required with TABLES_ENDPOINT=http:\/\/127\.0\.0\.1:10002\/devstoreaccount1/);
    expect(storageOf({ TABLES_ENDPOINT: 'http://127.0.0.1:10002/devstoreaccount1', STORAGE_QUEUE_ENDPOINT: 'http://127.0.0.1:10001/devstoreaccount1' })).toMatchObject({ queueEndpoint: 'http://127.0.0.1:10001/devstoreaccount1' });
    expect(problemWith({ STORAGE_QUEUE_ENDPOINT: 'https://acct.queue.core.windows.net/' })).toMatch(/^Configuration: STORAGE_QUEUE_ENDPOINT applies only with TABLES_ENDPOINT/);
  });

  it('refuses a connection string that names no queue endpoint, and takes one that does', () => {
    const tablesOnly = 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=a2V5;TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;';
    expect(problemWith({ TABLES_CONNECTION_STRING: tablesOnly })).toMatch(/^Configuration: TABLES_CONNECTION_STRING names no queue endpoint: due work/);
    for (const connectionString of [
      `${tablesOnly}QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;`,
      'UseDevelopmentStorage=true',
      'DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=a2V5;EndpointSuffix=core.windows.net',
    ]) {
      expect(loadConfig({ TABLES_CONNECTION_STRING: connectionString }).storage).toEqual({ kind: 'connectionString', connectionString });
    }
  });

  it('asks the queue for due work every second unless DUE_WORK_POLL_MS says otherwise', () => {
    expect(loadConfig({}).dueWorkPollMs).toBe(1000);
    expect(loadConfig({ DUE_WORK_POLL_MS: '250' }).dueWorkPollMs).toBe(250);
    expect(problemWith({ DUE_WORK_POLL_MS: '0' })).toMatch(/^Configuration: DUE_WORK_POLL_MS is not valid/);
  });

  it('refuses a secret alongside the managed identity, which botbuilder would reject at start-up', () => {
    expect(problemWith({ ...managedIdentity, ...productionStorage, MicrosoftAppPassword: 'secret' })).toMatch(/MicrosoftAppPassword must not be set for MicrosoftAppType=UserAssignedMSI/);
  });

  it('refuses a Key Vault reference App Service could not resolve, naming the setting', () => {
    // App Service passes the reference through as text: it must never become the HMAC key.
    const reference = '@Microsoft.KeyVault(SecretUri=https://practiceaudit-kv.vault.azure.net/secrets/respondent-hmac-key/)';
    expect(problemWith({ ...managedIdentity, ...productionStorage, RESPONDENT_HMAC_KEY: reference })).toMatch(/^Configuration: RESPONDENT_HMAC_KEY is a Key Vault reference App Service could not resolve/);
    expect(problemWith({ ...managedIdentity, ...productionStorage, TAB_SSO_AUDIENCE: ` ${reference.toLowerCase()}` })).toMatch(/^Configuration: TAB_SSO_AUDIENCE is a Key Vault reference/);
  });

  it('names a malformed managed identity client id or Application Insights connection string', () => {
    expect(problemWith({ AZURE_CLIENT_ID: 'practice-audit-identity' })).toMatch(/^Configuration: AZURE_CLIENT_ID is not valid/);
    expect(problemWith({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'https://uksouth-1.in.applicationinsights.azure.com/' })).toMatch(/^Configuration: APPLICATIONINSIGHTS_CONNECTION_STRING is not valid/);
    expect(loadConfig({ AZURE_CLIENT_ID: '', APPLICATIONINSIGHTS_CONNECTION_STRING: ' ' })).toMatchObject({ storage: { kind: 'embedded' } });
  });

  it('names a malformed setting', () => {
    expect(problemWith({ PORT: 'eighty' })).toMatch(/^Configuration: PORT is not valid/);
    expect(problemWith({ PRIVACY_THRESHOLD: '2' })).toMatch(/PRIVACY_THRESHOLD/);
    expect(problemWith({ TABLES_PREFIX: 'bad-prefix' })).toMatch(/TABLES_PREFIX/);
    expect(problemWith({ MicrosoftAppType: 'Anonymous' })).toMatch(/MicrosoftAppType/);
  });
});
