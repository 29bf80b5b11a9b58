import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseEnvFile } from 'dotenv';
import { settingsSchema } from '../../bot/config/settings';
import { ORG_ROLE_VALUES } from '../../bot/domain/organisation/orgRoles';
import { REPO_ROOT } from './appPackageFixture';

/**
 * The Agents Toolkit project files hang together by names: every ${{NAME}} a file uses must be
 * declared in that environment's env file (or be a SECRET_ kept in the ignored .user file), and
 * the names shared with infra/ and the service must be spelt the same everywhere.
 */
const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((match) => match[1]!))];
const envKeys = (env: string) => Object.keys(parseEnvFile(read(`env/.env.${env}`)));
/** `- uses: action` lines of one lifecycle section (provision, deploy, publish), in order. */
const actions = (yml: string, section: string) => {
  const body = new RegExp(`^${section}:\\n([\\s\\S]*?)(?=^\\w|(?![\\s\\S]))`, 'm').exec(yml)?.[1] ?? '';
  return [...body.matchAll(/^\s+- uses: (\S+)/gm)].map((match) => match[1]);
};

const CONTRACT_KEYS = [
  'TEAMSFX_ENV', 'APP_NAME_SUFFIX', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX', 'TEAMS_APP_ID', 'TEAMS_APP_TENANT_ID',
  'AAD_APP_CLIENT_ID', 'AAD_APP_OBJECT_ID', 'AAD_APP_TENANT_ID', 'AAD_APP_OAUTH_AUTHORITY', 'AAD_APP_OAUTH_AUTHORITY_HOST',
  'BOT_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID',
];

describe('the Agents Toolkit project', () => {
  it.each([
    ['dev', ['m365agents.yml', 'aad.manifest.json', 'appPackage/manifest.json', 'infra/azure.parameters.json']],
    ['local', ['m365agents.local.yml', 'aad.manifest.json', 'appPackage/manifest.json']],
    ['playground', ['m365agents.playground.yml']],
  ])('declares in env/.env.%s every name its files use (secrets apart)', (env, files) => {
    const declared = new Set(envKeys(env));
    const undeclared = files.flatMap((file) => placeholders(read(file)).filter((name) => !declared.has(name) && !name.startsWith('SECRET_')).map((name) => `${file}: ${name}`));
    expect(undeclared).toEqual([]);
  });

  it('keeps the names agreed with infra/ (its outputs too) in env/.env.dev, and no secret in any committed env file', () => {
    expect(envKeys('dev')).toEqual(expect.arrayContaining(CONTRACT_KEYS));
    // arm/deploy writes the template's outputs into env/.env.dev under their own names.
    const outputs = [...read('infra/azure.bicep').matchAll(/^output (\w+) /gm)].map((match) => match[1]!);
    expect(outputs.sort()).toEqual(['BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'BOT_DOMAIN', 'BOT_ENDPOINT', 'BOT_ID']);
    for (const env of ['dev', 'local', 'playground']) expect(envKeys(env).filter((name) => name.startsWith('SECRET_'))).toEqual([]);
    expect(read('.gitignore')).toMatch(/^env\/\.env\.\*\.user$/m);
    expect(read('.gitignore')).toMatch(/^\.localConfigs$/m);
  });

  it('uses one toolkit schema version in every yml file', () => {
    for (const file of ['m365agents.yml', 'm365agents.local.yml', 'm365agents.playground.yml']) {
      const yml = read(file);
      const version = /^version: (v\d+\.\d+)$/m.exec(yml)?.[1];
      expect(version).toBe('v1.11');
      expect(yml).toContain(`https://aka.ms/m365-agents-toolkits/${version}/yaml.schema.json`);
    }
  });

  it('provisions in the order the names become known: app, sign-in app, Azure, identifier URI, package', () => {
    const yml = read('m365agents.yml');
    expect(actions(yml, 'provision')).toEqual([
      'teamsApp/create', 'aadApp/create', 'arm/deploy', 'aadApp/update',
      'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage', 'teamsApp/update',
    ]);
    expect(actions(yml, 'deploy')).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'script', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    expect(actions(yml, 'publish').at(-1)).toBe('teamsApp/publishAppPackage');
    expect(yml).toMatch(/resourceId: \$\{\{BOT_AZURE_APP_SERVICE_RESOURCE_ID\}\}/);
    expect(yml).toMatch(/run: node dist\/tools\/deploy\/stageDeployment\.js/);
  });

  it("gives the tab's sign-in app the resource the Teams manifest asks tokens for", () => {
    const aad = JSON.parse(read('aad.manifest.json'));
    const manifest = JSON.parse(read('appPackage/manifest.json'));
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(aad.appId).toBe(manifest.webApplicationInfo.id);
    expect(aad.api.requestedAccessTokenVersion).toBe(2);
    expect(aad.api.oauth2PermissionScopes.map((scope: { value: string }) => scope.value)).toEqual(['access_as_user']);
    const preAuthorised = aad.api.preAuthorizedApplications.map((app: { appId: string }) => app.appId);
    // Teams desktop and mobile, and Teams on the web.
    expect(preAuthorised).toEqual(expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']));
  });

  it("declares the organisation's roles as app roles for people and groups, with the values the service reads in the token", () => {
    const aad = JSON.parse(read('aad.manifest.json'));
    const roles = aad.appRoles as { id: string; allowedMemberTypes: string[]; displayName: string; description: string; value: string; isEnabled: boolean }[];
    expect(roles.map((role) => role.value).sort()).toEqual(Object.values(ORG_ROLE_VALUES).sort());
    expect(roles.map((role) => [role.value, role.displayName])).toEqual([['Organisation.Leader', 'Organisation leader'], ['Organisation.Admin', 'Organisation admin']]);
    for (const role of roles) {
      // "User" lets the tenant's admin assign the role to people and to groups; enabled, or Entra leaves it out of tokens.
      expect(role).toMatchObject({ allowedMemberTypes: ['User'], isEnabled: true });
      expect(role.description).toMatch(/^Organisation (leaders|admins) /);
      // A fixed id: a new one on each provisioning would drop everyone's assignment.
      expect(role.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    }
    expect(new Set(roles.map((role) => role.id)).size).toBe(roles.length);
  });

  it('writes .localConfigs with settings the service knows, as a single-tenant bot with tab sign-in', () => {
    const yml = read('m365agents.local.yml');
    const envs = /envs:\n((?:\s{8}\S.*\n?)+)/.exec(yml)?.[1] ?? '';
    const settings = Object.fromEntries([...envs.matchAll(/^\s+(\w+): (.*)$/gm)].map((match) => [match[1]!, match[2]!.trim()]));
    expect(Object.keys(settings).filter((name) => !(name in settingsSchema.shape))).toEqual([]);
    expect(settings).toMatchObject({
      MicrosoftAppId: '${{BOT_ID}}', MicrosoftAppPassword: '${{SECRET_BOT_PASSWORD}}', MicrosoftAppType: 'SingleTenant',
      TAB_SSO_AUDIENCE: '${{AAD_APP_CLIENT_ID}}', RESPONDENT_HMAC_KEY: '${{SECRET_RESPONDENT_HMAC_KEY}}',
    });
  });
});
