import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArguments, runCli } from '../../tools/appPackage/cli';
import { DEV_VALUES, REPO_ROOT, devValuesWith, packageWorkspace, type PackageWorkspace } from './appPackageFixture';

let workspace: PackageWorkspace;
beforeEach(() => {
  workspace = packageWorkspace();
});
afterEach(() => workspace.remove());

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => { out += text; }, err: (text) => { err += text; } }, REPO_ROOT);
  return { code, out, err };
}

describe('npm run package', () => {
  it('reads --env dev and --env=dev, and the folders for tests and scripts', () => {
    expect(parseArguments(['--env', 'dev'])).toEqual({ env: 'dev' });
    expect(parseArguments(['--env=local', '--out-dir', '/tmp/out'])).toEqual({ env: 'local', outDir: '/tmp/out' });
    expect(parseArguments([])).toMatch(/which environment/);
    expect(parseArguments(['--env'])).toMatch(/--env needs a value/);
    expect(parseArguments(['dev'])).toMatch(/Unknown argument "dev"/);
  });

  it('builds the package, says where it is and how to upload it, and exits 0', async () => {
    workspace.writeEnv(DEV_VALUES);
    const result = await run(['--env', 'dev', '--env-dir', workspace.envDir, '--out-dir', workspace.outDir]);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toContain(join(workspace.outDir, 'appPackage.dev.zip'));
    expect(result.out).toMatch(/Upload an app/);
    expect(existsSync(join(workspace.outDir, 'appPackage.dev.zip'))).toBe(true);
  });

  it('exits 1 naming the missing variables, and 2 with usage for bad arguments', async () => {
    workspace.writeEnv(devValuesWith({ BOT_ID: '' }));
    const missing = await run(['--env', 'dev', '--env-dir', workspace.envDir, '--out-dir', workspace.outDir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/BOT_ID is empty/);
    const usage = await run(['--environment', 'dev']);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/Usage: npm run package -- --env <environment>/);
  });
});
