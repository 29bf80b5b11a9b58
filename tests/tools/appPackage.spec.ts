import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { parseCommand } from '../../bot/teams/commands';
import { buildAppPackage, type BuiltAppPackage } from '../../tools/appPackage/buildAppPackage';
import { countOutlinePixels } from '../../tools/appPackage/iconRules';
import { localSchemaPath } from '../../tools/appPackage/manifestSchema';
import { unzipAppPackage, type PackageFiles } from '../../tools/appPackage/zipPackage';
import { DEV_VALUES, REPO_ROOT, packageWorkspace, type PackageWorkspace } from './appPackageFixture';

/** The newest Teams manifest schema @microsoft/app-manifest ships (v1.0 … v1.30 in 1.1.2). */
function newestShippedSchemaVersion(): string {
  const folder = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
  const versions = readdirSync(folder).filter((name) => /^v1\.\d+$/.test(name)).map((name) => Number(name.slice(3)));
  return `1.${Math.max(...versions)}`;
}

interface Manifest {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string };
  description: { short: string; full: string };
  bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[];
  configurableTabs: { configurationUrl: string; canUpdateConfiguration: boolean; scopes: string[] }[];
  staticTabs: { entityId: string; contentUrl?: string; scopes: string[] }[];
  validDomains: string[];
  webApplicationInfo: { id: string; resource: string };
}

let workspace: PackageWorkspace;
let built: BuiltAppPackage;
let files: PackageFiles;
let manifestText: string;
let manifest: Manifest;

beforeAll(async () => {
  workspace = packageWorkspace();
  workspace.writeEnv(DEV_VALUES);
  built = await buildAppPackage({ env: 'dev', root: REPO_ROOT, envDir: workspace.envDir, outDir: workspace.outDir });
  files = unzipAppPackage(readFileSync(built.zipPath));
  manifestText = Buffer.from(files['manifest.json']!).toString('utf8');
  manifest = JSON.parse(manifestText) as Manifest;
});

afterAll(() => workspace.remove());

describe('the app package (npm run package -- --env dev)', () => {
  it('writes appPackage.dev.zip with the manifest and both icons at its root, and nothing else', () => {
    expect(built.zipPath).toBe(join(workspace.outDir, 'appPackage.dev.zip'));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it('is on the newest manifest schema shipped for offline validation, and validates against it offline', async () => {
    expect(manifest.manifestVersion).toBe(newestShippedSchemaVersion());
    // The schema is read from node_modules, so validation never needs the network.
    expect(localSchemaPath(manifest.$schema)).toBeDefined();
    const extracted = join(workspace.dir, 'extracted-manifest.json');
    writeFileSync(extracted, manifestText);
    const [, errors] = await AppManifestUtils.readAndValidateTeamsManifest(extracted);
    expect(errors).toEqual([]);
  });

  it('fills every placeholder from the environment', () => {
    expect(manifestText).not.toContain('${{');
    expect(manifest.id).toBe(DEV_VALUES.TEAMS_APP_ID);
    expect(manifest.name.short).toBe('Practice Audit (dev)');
    expect(manifest.bots[0]!.botId).toBe(DEV_VALUES.BOT_ID);
    expect(manifest.validDomains).toEqual([DEV_VALUES.BOT_DOMAIN]);
    expect(manifest.webApplicationInfo).toEqual({
      id: DEV_VALUES.AAD_APP_CLIENT_ID,
      resource: `api://${DEV_VALUES.BOT_DOMAIN}/${DEV_VALUES.AAD_APP_CLIENT_ID}`,
    });
  });

  it("offers the bot in teams and personal chat, with commands the bot understands", () => {
    const bot = manifest.bots[0]!;
    expect(bot.scopes.sort()).toEqual(['personal', 'team']);
    const commandsIn = (scope: string) => bot.commandLists.find((list) => list.scopes.includes(scope))!.commands.map((command) => command.title);
    expect(commandsIn('team')).toEqual(['start', 'status', 'close', 'extend', 'settings', 'remind', 'champions', 'help']);
    expect(commandsIn('personal')).toEqual(['audit', 'my answers', 'delete my answers', 'my data', 'stop reminders', 'help']);
    for (const title of [...commandsIn('team'), ...commandsIn('personal')]) {
      const parsed = parseCommand({ text: title, recipient: { id: 'bot', name: 'Practice Audit' } }, []);
      expect(parsed.name).toBe({ 'my answers': 'myAnswers', 'delete my answers': 'deleteMyAnswers', 'my data': 'myData', 'stop reminders': 'stopReminders' }[title] ?? title);
    }
    // A person's own data is sent as a file in their one-to-one chat (Teams' file consent flow needs supportsFiles).
    expect((bot as { supportsFiles?: boolean }).supportsFiles).toBe(true);
    // An open round's status shows no level (issue 8): its suggestion must not promise one.
    const status = bot.commandLists.find((list) => list.scopes.includes('team'))!.commands.find((command) => command.title === 'status')!;
    expect(status.description).not.toMatch(/level/);
  });

  it("has the channel tab's configuration page and the personal tab on the service's domain", () => {
    expect(manifest.configurableTabs).toEqual([
      expect.objectContaining({ configurationUrl: `https://${DEV_VALUES.BOT_DOMAIN}/tab/?view=config`, canUpdateConfiguration: true, scopes: ['team'] }),
    ]);
    const personal = manifest.staticTabs.find((tab) => tab.contentUrl);
    expect(personal).toMatchObject({ contentUrl: `https://${DEV_VALUES.BOT_DOMAIN}/tab/?view=personal`, scopes: ['personal'] });
    // The personal app keeps its chat with the bot next to the tab.
    expect(manifest.staticTabs.map((tab) => tab.entityId)).toContain('conversations');
  });

  it('says what the app does for children\'s services', () => {
    expect(manifest.description.short).toMatch(/children's social care/);
    expect(manifest.description.full).toMatch(/twelve conditions which promote good practice/);
    expect(manifest.description.full).toMatch(/practice champions/i);
  });

  it('packs a 192×192 colour icon and a 32×32 outline icon that is white on transparent', () => {
    const color = PNG.sync.read(Buffer.from(files['color.png']!));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(Buffer.from(files['outline.png']!));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = countOutlinePixels(outline);
    expect(pixels.notWhite).toBe(0);
    expect(pixels.transparent).toBeGreaterThan(0);
    expect(pixels.whiteOpaqueOrPartly).toBeGreaterThan(0);
  });

  it('packs the committed icons as they are', () => {
    expect(Buffer.from(files['color.png']!).equals(readFileSync(join(REPO_ROOT, 'appPackage', 'color.png')))).toBe(true);
    expect(Buffer.from(files['outline.png']!).equals(readFileSync(join(REPO_ROOT, 'appPackage', 'outline.png')))).toBe(true);
  });

  it('also writes the filled manifest next to the zip, for review', () => {
    expect(readFileSync(built.manifestPath, 'utf8')).toBe(manifestText);
  });
});
