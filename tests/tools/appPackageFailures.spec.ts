import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { buildAppPackage } from '../../tools/appPackage/buildAppPackage';
import { isAppPackageError } from '../../tools/appPackage/errors';
import { DEV_VALUES, REPO_ROOT, devValuesWith, packageWorkspace, type PackageWorkspace } from './appPackageFixture';

let workspace: PackageWorkspace;
beforeEach(() => {
  workspace = packageWorkspace();
});
afterEach(() => workspace.remove());

const build = (options: { appPackageDir?: string } = {}) =>
  buildAppPackage({ env: 'dev', root: REPO_ROOT, envDir: workspace.envDir, outDir: workspace.outDir, ...options });

/** The error's message, failing the test when the build succeeds or throws something else. */
async function refusal(options?: { appPackageDir?: string }): Promise<string> {
  const error = await build(options).then(() => undefined, (thrown: unknown) => thrown);
  if (!isAppPackageError(error)) throw new Error(`expected the build to be refused, got ${String(error)}`);
  return error.message;
}

const noPackageWritten = () => expect(existsSync(join(workspace.outDir, 'appPackage.dev.zip'))).toBe(false);

describe('the app package refuses to build', () => {
  it('naming every variable that is missing or empty (as before provisioning)', async () => {
    workspace.writeEnv(devValuesWith({ TEAMS_APP_ID: '', BOT_DOMAIN: undefined, AAD_APP_CLIENT_ID: '   ', DEVELOPER_PRIVACY_URL: undefined }));
    const message = await refusal();
    expect(message).toMatch(/TEAMS_APP_ID is empty/);
    expect(message).toMatch(/AAD_APP_CLIENT_ID is empty/);
    expect(message).toMatch(/BOT_DOMAIN is missing/);
    expect(message).toMatch(/DEVELOPER_PRIVACY_URL is missing/);
    expect(message).toMatch(/atk provision --env dev/);
    expect(message).not.toMatch(/BOT_ID/);
    noPackageWritten();
  });

  it('when a value makes the manifest invalid, printing the schema errors', async () => {
    workspace.writeEnv(devValuesWith({ BOT_ID: 'not-a-guid', DEVELOPER_WEBSITE_URL: 'www.north.example.gov.uk' }));
    const message = await refusal();
    expect(message).toMatch(/does not match its schema; no package was written/);
    expect(message).toMatch(/\/bots\/0\/botId must match pattern/);
    expect(message).toMatch(/\/developer\/websiteUrl must match pattern/);
    noPackageWritten();
  });

  it('when the template itself breaks the schema', async () => {
    workspace.writeEnv(DEV_VALUES);
    const manifestPath = join(workspace.appPackageDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.description.short = 'A short description that has grown far longer than the eighty characters Teams allows';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(await refusal({ appPackageDir: workspace.appPackageDir })).toMatch(/\/description\/short must NOT have more than 80 characters/);
    noPackageWritten();
  });

  it('when the manifest names a schema that cannot be checked offline', async () => {
    workspace.writeEnv(DEV_VALUES);
    const manifestPath = join(workspace.appPackageDir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    manifest.$schema = 'https://developer.microsoft.com/json-schemas/teams/v9.99/MicrosoftTeams.schema.json';
    writeFileSync(manifestPath, JSON.stringify(manifest));
    expect(await refusal({ appPackageDir: workspace.appPackageDir })).toMatch(/cannot be checked offline/);
    noPackageWritten();
  });

  it('when the outline icon is not white on transparent', async () => {
    workspace.writeEnv(DEV_VALUES);
    const coloured = new PNG({ width: 32, height: 32 });
    coloured.data.fill(0x80); // grey, half transparent
    writeFileSync(join(workspace.appPackageDir, 'outline.png'), PNG.sync.write(coloured));
    expect(await refusal({ appPackageDir: workspace.appPackageDir })).toMatch(/outline\.png has 1024 visible pixels that are not white/);
    noPackageWritten();
  });

  it('when the colour icon is the wrong size', async () => {
    workspace.writeEnv(DEV_VALUES);
    writeFileSync(join(workspace.appPackageDir, 'color.png'), readFileSync(join(workspace.appPackageDir, 'outline.png')));
    expect(await refusal({ appPackageDir: workspace.appPackageDir })).toMatch(/color\.png is 32×32; the color icon must be 192×192/);
    noPackageWritten();
  });

  it('for an environment that has no env file, naming the ones there are', async () => {
    workspace.writeEnv(DEV_VALUES);
    workspace.writeEnv(DEV_VALUES, 'local');
    const error = await buildAppPackage({ env: 'prod', root: REPO_ROOT, envDir: workspace.envDir, outDir: workspace.outDir }).then(() => undefined, (thrown: unknown) => thrown);
    expect(isAppPackageError(error) && error.message).toMatch(/no .*\.env\.prod: the environments here are dev, local/);
  });
});

describe('the app package builds', () => {
  it('with an empty APP_NAME_SUFFIX, the production name', async () => {
    workspace.writeEnv(devValuesWith({ APP_NAME_SUFFIX: '' }));
    const built = await build();
    expect((built.manifest as { name: { short: string } }).name.short).toBe('Practice Audit');
  });

  it('with secrets and overrides from env/.env.dev.user, which wins', async () => {
    workspace.writeEnv(devValuesWith({ BOT_DOMAIN: '' }));
    writeFileSync(join(workspace.envDir, '.env.dev.user'), `BOT_DOMAIN=${DEV_VALUES.BOT_DOMAIN}\nSECRET_RESPONDENT_HMAC_KEY=${'k'.repeat(48)}\n`);
    const built = await build();
    expect(built.envFiles.map((file) => file.replace(/^.*[\\/]/, ''))).toEqual(['.env.dev', '.env.dev.user']);
    expect(JSON.stringify(built.manifest)).toContain(`https://${DEV_VALUES.BOT_DOMAIN}/tab/?view=config`);
    expect(JSON.stringify(built.manifest)).not.toContain('kkkk');
  });
});
