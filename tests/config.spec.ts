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
const productionStorage = { TABLES_ENDPOINT: 'https://acct.table.core.windows.net', RESPONDENT_HMAC_KEY: 'k'.repeat(32), TAB_SSO_AUDIENCE: 'api://audit.example.org/botid-app-id' };

describe('configuration', () => {
  it('runs locally on defaults: loopback, port 3978, embedded storage, no credentials', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3978, dataDir: '.data', botAuth: { mode: 'local' }, storage: { kind: 'embedded' }, privacyThreshold: 5 });
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
    expect(problemWith({ ...credentials, ...productionStorage, TAB_SSO_AUDIENCE: '' })).toMatch(/TAB_SSO_AUDIENCE is required outside local mode/);
    expect(loadConfig({ NODE_ENV: 'production', HOST: '0.0.0.0', ...credentials, ...productionStorage }).storage).toEqual({ kind: 'endpoint', endpoint: 'https://acct.table.core.windows.net' });
  });

  it("checks the tab's sign-in against the app's tenant unless told otherwise", () => {
    expect(loadConfig({ ...credentials, ...productionStorage }).tabAuth).toEqual({
      mode: 'sso', audience: 'api://audit.example.org/botid-app-id', tenantId: 'tenant-id', jwksUri: 'https://login.microsoftonline.com/common/discovery/v2.0/keys',
    });
    expect(loadConfig({}).tabAuth).toEqual({ mode: 'local' });
    expect(problemWith({ TAB_SSO_AUDIENCE: 'api://x/botid-y' })).toMatch(/TAB_SSO_TENANT_ID/);
  });

  it('names a malformed setting', () => {
    expect(problemWith({ PORT: 'eighty' })).toMatch(/^Configuration: PORT is not valid/);
    expect(problemWith({ PRIVACY_THRESHOLD: '2' })).toMatch(/PRIVACY_THRESHOLD/);
    expect(problemWith({ TABLES_PREFIX: 'bad-prefix' })).toMatch(/TABLES_PREFIX/);
    expect(problemWith({ MicrosoftAppType: 'Anonymous' })).toMatch(/MicrosoftAppType/);
  });
});
