import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import semver from 'semver';
import { loadConfig } from '../../bot/config/loadConfig';
import { settingsSchema } from '../../bot/config/settings';
import { isAuditError } from '../../bot/domain/errors';
import { dueWorkQueueNames } from '../../bot/storage/dueWorkQueue';
import { readBicep, type BicepAppSetting, type BicepTemplate, type BicepValue } from './bicepTemplate';

/**
 * infra/azure.bicep against the service's configuration, so the two cannot drift apart: the web
 * app's settings are all settings the service knows, and they are enough for it to start in
 * production. Which settings production requires is found by taking each away, not listed here,
 * so a setting that becomes required fails this test until the template sets it.
 */
const ROOT = resolve(__dirname, '../..');
const TEMPLATE_SOURCE = readFileSync(join(ROOT, 'infra/azure.bicep'), 'utf8');
const template = readBicep(TEMPLATE_SOURCE);
const parametersFile = JSON.parse(readFileSync(join(ROOT, 'infra/azure.parameters.json'), 'utf8')) as { $schema: string; parameters: Record<string, { value: unknown }> };
const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; devDependencies: Record<string, string> };

/** App Service's own settings: read by the platform, not by the service. */
const PLATFORM_SETTINGS = [
  'SCM_DO_BUILD_DURING_DEPLOYMENT', // deployments upload a built folder: no build in Azure
  'WEBSITE_RUN_FROM_PACKAGE', // the upload is mounted read-only as the site
];

const IDENTITY_CLIENT_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
const TENANT_ID = '72f988bf-0000-4000-8000-000000000047';
const SSO_CLIENT_ID = 'a1b2c3d4-0000-4000-8000-00000000a0b0';

/**
 * What App Service hands the service for a setting whose value is an expression, once deployed:
 * a plausible value of the right shape (a client id, an endpoint, the secret a Key Vault reference
 * resolves to). Literal values are taken from the template as they are.
 */
const DEPLOYED_VALUES: Record<string, string> = {
  MicrosoftAppId: IDENTITY_CLIENT_ID,
  MicrosoftAppTenantId: TENANT_ID,
  AZURE_CLIENT_ID: IDENTITY_CLIENT_ID,
  TABLES_ENDPOINT: 'https://practiceauditabc123.table.core.windows.net/',
  STORAGE_QUEUE_ENDPOINT: 'https://practiceauditabc123.queue.core.windows.net/',
  RESPONDENT_HMAC_KEY: 'the-secret-from-key-vault-0123456789abcdef',
  PRIVACY_THRESHOLD: '5',
  // Issue 12's settings as the template's defaults deploy them: the empty texts mean the service's defaults.
  COMMENT_THRESHOLD: '10',
  RETENTION_DAYS: '400',
  SAFEGUARDING_CONTACT_TEXT: '',
  SAFEGUARDING_CONTACT_URL: '',
  TAB_SSO_AUDIENCE: SSO_CLIENT_ID,
  TAB_SSO_TENANT_ID: TENANT_ID,
  APPLICATIONINSIGHTS_CONNECTION_STRING:
    'InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://uksouth-1.in.applicationinsights.azure.com/;LiveEndpoint=https://uksouth.livediagnostics.monitor.azure.com/',
};

function webAppSettings(of: BicepTemplate): readonly BicepAppSetting[] {
  expect(of.appSettingsBlocks).toHaveLength(1);
  return of.appSettingsBlocks[0]!;
}

/** The environment the service starts with in Azure: exactly the template's settings, as deployed. */
function deployedEnvironment(of: BicepTemplate): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name, value } of webAppSettings(of)) {
    if (PLATFORM_SETTINGS.includes(name)) continue;
    if (value.kind === 'literal') env[name] = value.value;
    else if (name in DEPLOYED_VALUES) env[name] = DEPLOYED_VALUES[name]!;
    else throw new Error(`${name} is set to an expression (${value.source}): add the value it takes once deployed to DEPLOYED_VALUES`);
  }
  return env;
}

/** The configuration problem, or undefined if the service would start. */
function problemStarting(env: Record<string, string>): string | undefined {
  try {
    loadConfig(env);
    return undefined;
  } catch (error) {
    if (isAuditError(error, 'CONFIG_INVALID')) return error.message;
    throw error;
  }
}

const setting = (name: string): BicepValue | undefined => webAppSettings(template).find((entry) => entry.name === name)?.value;
const expressionOf = (value: BicepValue | undefined) => (value?.kind === 'expression' ? value.source : undefined);

describe("the Azure template's web app settings", () => {
  it('are all settings the service knows (or App Service reads), each set once', () => {
    const known = Object.keys(settingsSchema.shape);
    const names = webAppSettings(template).map((entry) => entry.name);
    expect(names.filter((name) => !known.includes(name) && !PLATFORM_SETTINGS.includes(name))).toEqual([]);
    expect(new Set(names).size).toBe(names.length);
    // PORT is App Service's to set (8080); setting it here would point the service elsewhere.
    expect(names).not.toContain('PORT');
  });

  it('start the service in production, as the managed identity, with Table storage, the SSO tab and telemetry', () => {
    const config = loadConfig(deployedEnvironment(template));
    expect(config.production).toBe(true);
    expect(config.host).toBe('0.0.0.0');
    expect(config.botAuth).toEqual({ mode: 'authenticated', appId: IDENTITY_CLIENT_ID, appType: 'UserAssignedMSI', tenantId: TENANT_ID });
    expect(config.storage).toEqual({ kind: 'endpoint', endpoint: DEPLOYED_VALUES.TABLES_ENDPOINT, queueEndpoint: DEPLOYED_VALUES.STORAGE_QUEUE_ENDPOINT, managedIdentityClientId: IDENTITY_CLIENT_ID });
    expect(expressionOf(setting('TABLES_ENDPOINT'))).toBe('storage.properties.primaryEndpoints.table');
    expect(expressionOf(setting('STORAGE_QUEUE_ENDPOINT'))).toBe('storage.properties.primaryEndpoints.queue');
    expect(config.tabAuth).toMatchObject({ mode: 'sso', audience: SSO_CLIENT_ID, tenantId: TENANT_ID });
    expect(config.respondentHmacKey).toBe(DEPLOYED_VALUES.RESPONDENT_HMAC_KEY);
    expect(config.applicationInsightsConnectionString).toBe(DEPLOYED_VALUES.APPLICATIONINSIGHTS_CONNECTION_STRING);
  });

  it('include every setting production requires: without any one of them the service refuses to start, naming it', () => {
    const env = deployedEnvironment(template);
    const required: string[] = [];
    for (const name of Object.keys(env)) {
      const { [name]: _removed, ...without } = env;
      const problem = problemStarting(without);
      if (problem === undefined) continue;
      required.push(name);
      expect({ name, problem }).toEqual({ name, problem: expect.stringContaining(name) });
    }
    // The rules, as a check that the removals found something: credentials, storage, the HMAC key.
    expect(required).toEqual(expect.arrayContaining(['MicrosoftAppId', 'MicrosoftAppTenantId', 'TABLES_ENDPOINT', 'RESPONDENT_HMAC_KEY', 'TAB_SSO_AUDIENCE']));
  });

  it('would fail this check without a setting production requires', () => {
    const withoutAudience = TEMPLATE_SOURCE.replace(/\{\s*name: 'TAB_SSO_AUDIENCE'\s*value: ssoClientId\s*\}/, '');
    expect(withoutAudience).not.toBe(TEMPLATE_SOURCE);
    expect(problemStarting(deployedEnvironment(readBicep(withoutAudience)))).toMatch(/TAB_SSO_AUDIENCE is required/);
  });

  it('read the HMAC key from Key Vault, never from the template itself', () => {
    expect(expressionOf(setting('RESPONDENT_HMAC_KEY'))).toMatch(/^'@Microsoft\.KeyVault\(SecretUri=\$\{[A-Za-z]+\.properties\.secretUri\}\)'$/);
    expect(template.parameters.find((p) => p.name === 'respondentHmacKey')?.decorators).toContain('secure');
  });

  it('make the bot registration and the service the same identity', () => {
    expect(setting('MicrosoftAppType')).toEqual({ kind: 'literal', value: 'UserAssignedMSI' });
    expect(template.propertyValues('msaAppType')).toEqual([{ kind: 'literal', value: 'UserAssignedMSI' }]);
    const appId = expressionOf(setting('MicrosoftAppId'));
    expect(appId).toBe('identity.properties.clientId');
    expect(template.propertyValues('msaAppId')).toEqual([{ kind: 'expression', source: appId }]);
    expect(expressionOf(setting('AZURE_CLIENT_ID'))).toBe(appId);
    expect(template.outputs.find((output) => output.name === 'BOT_ID')?.expression).toBe(appId);
    expect(template.propertyValues('msaAppMSIResourceId')).toEqual([{ kind: 'expression', source: 'identity.id' }]);
    // Teams posts to the route the service serves.
    expect(template.propertyValues('endpoint')).toEqual([{ kind: 'expression', source: "'https://${webApp.properties.defaultHostName}/api/messages'" }]);
    expect(readFileSync(join(ROOT, 'bot/service.ts'), 'utf8')).toContain("server.post('/api/messages'");
  });

  it('start the built service the way npm start does, without its build step, on the Node the tests run on', () => {
    expect(template.propertyValues('appCommandLine')).toEqual([{ kind: 'literal', value: packageJson.scripts.start }]);
    expect(packageJson.scripts.start).toMatch(/ dist\/bot\/index\.js$/);
    // The `node` dev dependency is the Node npm scripts (and so the tests) run on.
    const testedMajor = semver.minVersion(packageJson.devDependencies.node!)?.major;
    expect(template.propertyValues('linuxFxVersion')).toEqual([{ kind: 'literal', value: `NODE|${testedMajor}-lts` }]);
  });
});

/** Each role assignment of the template: its resource name, what it is scoped to, and the role's id. */
function roleAssignments(source: string): { resource: string; scope: string; role: string }[] {
  const roleIds = Object.fromEntries([...source.matchAll(/^var (\w+) = '([0-9a-f-]{36})'$/gm)].map(([, name, id]) => [name!, id!]));
  return [...source.matchAll(/^resource (\w+) 'Microsoft\.Authorization\/roleAssignments@[^']+' = \{\n([\s\S]*?)\n\}$/gm)].map(([, resource, body]) => ({
    resource: resource!,
    scope: /^\s+scope: (\w+)$/m.exec(body!)?.[1] ?? '',
    role: roleIds[/roleDefinitions', (\w+)\)/.exec(body!)?.[1] ?? ''] ?? '',
  }));
}
const STORAGE_QUEUE_DATA_CONTRIBUTOR = '974c5e8b-45b9-4653-ba55-5f855dd0fb88';

describe("the Azure template's due-work queues", () => {
  const names = dueWorkQueueNames(loadConfig(deployedEnvironment(template)).tablesPrefix);
  const queueResource = (name: string) => new RegExp(`^resource (\\w+) 'Microsoft\\.Storage/storageAccounts/queueServices/queues@[^']+' = \\{\\n  parent: queueService\\n  name: '${name}'$`, 'm').exec(TEMPLATE_SOURCE)?.[1];

  it('are created under the names the service gives them, so it finds them at start-up', () => {
    expect(queueResource(names.work)).toBe('dueWorkQueue');
    expect(queueResource(names.poison)).toBe('dueWorkPoisonQueue');
    // In the storage account whose queue endpoint the service is given.
    expect(template.propertyValues('parent')).toContainEqual({ kind: 'expression', source: 'storage' });
  });

  it("give the identity the queue role on those two queues alone, and the web app waits for it", () => {
    const queueRoles = roleAssignments(TEMPLATE_SOURCE).filter((assignment) => assignment.role === STORAGE_QUEUE_DATA_CONTRIBUTOR);
    expect(queueRoles.map((assignment) => assignment.scope).toSorted()).toEqual(['dueWorkPoisonQueue', 'dueWorkQueue']);
    // Nothing else of the template touches queues (no role on the account's queue service).
    expect(roleAssignments(TEMPLATE_SOURCE).map((assignment) => assignment.scope).toSorted()).toEqual(['dueWorkPoisonQueue', 'dueWorkQueue', 'hmacKeySecret', 'storage']);
    const webAppDependsOn = /^  dependsOn: \[\n([\s\S]*?)\n  \]$/m.exec(TEMPLATE_SOURCE)?.[1] ?? '';
    for (const assignment of queueRoles) expect(webAppDependsOn).toContain(assignment.resource);
  });
});

describe("the Azure template's parameters and outputs", () => {
  it('has a parameters file in the ARM deployment parameters schema', () => {
    expect(parametersFile.$schema).toBe('https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#');
  });

  it('are supplied by the parameters file: every one without a default, and nothing the template does not declare', () => {
    const declared = template.parameters.map((p) => p.name);
    const supplied = Object.keys(parametersFile.parameters);
    const needed = template.parameters.filter((p) => !p.hasDefault && !p.type.endsWith('?')).map((p) => p.name);
    expect(needed.filter((name) => !supplied.includes(name))).toEqual([]);
    expect(supplied.filter((name) => !declared.includes(name))).toEqual([]);
  });

  it('take their values from the Agents Toolkit environment, the HMAC key from an encrypted SECRET_ variable', () => {
    const values = Object.fromEntries(Object.entries(parametersFile.parameters).map(([name, { value }]) => [name, value]));
    expect(values).toMatchObject({
      resourceBaseName: 'practiceaudit${{RESOURCE_SUFFIX}}',
      ssoClientId: '${{AAD_APP_CLIENT_ID}}',
      respondentHmacKey: '${{SECRET_RESPONDENT_HMAC_KEY}}',
    });
    expect(String(values.botDisplayName)).toMatch(/^Practice Audit/);
  });

  it('output what the app package and the toolkit read', () => {
    const outputs = template.outputs.map((output) => output.name);
    expect(outputs).toEqual(expect.arrayContaining(['BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID']));
    expect(template.outputs.find((output) => output.name === 'BOT_ENDPOINT')?.expression).toBe("'https://${webApp.properties.defaultHostName}'");
    expect(template.outputs.find((output) => output.name === 'BOT_DOMAIN')?.expression).toBe('webApp.properties.defaultHostName');
  });
});
