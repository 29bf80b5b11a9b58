import { mkdtempSync, readdirSync } from 'node:fs';
import { removeDir } from '../support/removeDir';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, exitWithin, spawnService, type ServiceProcess } from '../support/serviceProcess';

/**
 * `npm start` as Azure runs it: a configuration that must not serve stops at once, non-zero,
 * and says on stderr which setting to fix. Each case is otherwise a configuration that would
 * start (and listen), so a check that stopped working shows up as a service that does not exit.
 */
const credentials = { MicrosoftAppId: 'app-id', MicrosoftAppTenantId: 'tenant-id', MicrosoftAppPassword: 'secret' };
const EXIT_WITHIN_MS = 5_000;

let dataDir: string;
const spawned: ServiceProcess[] = [];

beforeAll(() => {
  ensureBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'practice-audit-start-'));
});
afterAll(async () => {
  await Promise.all(spawned.map((service) => service.kill()));
  removeDir(dataDir);
});

async function refusedStart(env: Record<string, string>): Promise<{ code: number | string; stderr: string; stdout: string }> {
  // PORT 0 and a private data folder: a start that wrongly went ahead could not collide with anything.
  const service = spawnService({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env }, { cwd: dataDir });
  spawned.push(service);
  const code = await exitWithin(service, EXIT_WITHIN_MS);
  return { code, stderr: service.stderr(), stdout: service.stdout() };
}

describe('starting the built service with a configuration that must not serve', () => {
  it('refuses NODE_ENV=production without bot credentials, naming MicrosoftAppId', async () => {
    const { code, stderr, stdout } = await refusedStart({ NODE_ENV: 'production' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Practice Audit did not start\. Configuration: MicrosoftAppId is required when NODE_ENV=production/);
    expect(stdout).not.toMatch(/service_started/);
  });

  it('refuses to listen beyond loopback without bot credentials, naming MicrosoftAppId', async () => {
    const { code, stderr, stdout } = await refusedStart({ NODE_ENV: 'development', HOST: '0.0.0.0' });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Configuration: MicrosoftAppId is required to listen on 0\.0\.0\.0/);
    expect(stdout).not.toMatch(/service_started/);
  });

  it('refuses bot credentials without Table storage, naming TABLES_ENDPOINT, and starts no Azurite of its own', async () => {
    const { code, stderr, stdout } = await refusedStart({ NODE_ENV: 'production', HOST: '0.0.0.0', ...credentials, RESPONDENT_HMAC_KEY: 'k'.repeat(32) });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Configuration: TABLES_ENDPOINT or TABLES_CONNECTION_STRING is required outside local mode/);
    expect(stdout).not.toMatch(/service_started/);
    // Embedded storage writes its tables under DATA_DIR: nothing was written.
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('refuses a Key Vault reference App Service could not resolve, naming the setting, rather than using its text as the HMAC key', async () => {
    // What infra/azure.bicep gives the service, had the identity not (yet) been allowed to read the secret.
    // Without the check it would stop later, on storage, with another message: the message is the test.
    const identity = '0f1e2d3c-4b5a-4697-8877-665544332211';
    const { code, stderr, stdout } = await refusedStart({
      NODE_ENV: 'production',
      HOST: '0.0.0.0',
      MicrosoftAppType: 'UserAssignedMSI',
      MicrosoftAppId: identity,
      MicrosoftAppTenantId: 'tenant-id',
      AZURE_CLIENT_ID: identity,
      TABLES_ENDPOINT: 'https://practiceaudit1.table.core.windows.net/',
      TAB_SSO_AUDIENCE: 'a1b2c3d4-0000-4000-8000-00000000a0b0',
      RESPONDENT_HMAC_KEY: '@Microsoft.KeyVault(SecretUri=https://practiceaudit1-kv.vault.azure.net/secrets/respondent-hmac-key)',
    });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Practice Audit did not start\. Configuration: RESPONDENT_HMAC_KEY is a Key Vault reference App Service could not resolve/);
    expect(stdout).not.toMatch(/service_started/);
  });

  it.each([
    ['not a number', 'eighty'],
    ['beyond the last port', '65536'],
    ['negative', '-1'],
    ['a fraction', '3978.5'],
    ['a number with trailing text', '3978abc'],
    ['hexadecimal', '0x50'],
    ['empty', ''],
    ['only spaces', '   '],
  ])('refuses a malformed PORT (%s), naming PORT', async (_what, port) => {
    // Otherwise a valid local configuration: with PORT accepted it would start and listen.
    const { code, stderr, stdout } = await refusedStart({ NODE_ENV: 'development', HOST: '127.0.0.1', PORT: port });
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/Practice Audit did not start\. Configuration: PORT is not valid/);
    expect(stdout).not.toMatch(/service_started/);
  });
});
