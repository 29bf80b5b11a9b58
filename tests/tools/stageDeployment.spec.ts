import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stageDeployment } from '../../tools/deploy/stageDeployment';

let root: string;
const write = (path: string, text = path) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
};

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'practice-audit-stage-'));
  for (const path of ['package.json', 'package-lock.json', 'dist/bot/index.js', 'dist/bot/http/tabFiles.js', 'tab/dist/index.html', 'scripts/ensure-build.mjs']) write(path);
  // What must never be uploaded: sources, tests, local data, env files, other builds.
  for (const path of ['bot/index.ts', 'tab/src/App.tsx', 'tests/config.spec.ts', '.data/respondent-hmac.key', 'env/.env.dev.user', 'dist/bench/run.js', 'node_modules/jest/package.json']) write(path);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staging the built service for atk deploy', () => {
  it('copies only what the service runs from into .deploy/', () => {
    const target = stageDeployment({ root });
    expect(target).toBe(join(root, '.deploy'));
    expect(readFileSync(join(target, 'dist/bot/http/tabFiles.js'), 'utf8')).toBe('dist/bot/http/tabFiles.js');
    for (const path of ['package.json', 'package-lock.json', 'dist/bot/index.js', 'tab/dist/index.html', 'scripts/ensure-build.mjs']) expect(existsSync(join(target, path))).toBe(true);
    for (const path of ['bot', 'tab/src', 'tests', '.data', 'env', 'dist/bench', 'node_modules']) expect(existsSync(join(target, path))).toBe(false);
  });

  it('empties the folder first, so nothing from an earlier deploy lingers', () => {
    write('.deploy/dist/bot/removedModule.js');
    stageDeployment({ root });
    expect(existsSync(join(root, '.deploy/dist/bot/removedModule.js'))).toBe(false);
  });

  it('refuses before the build, naming what is missing', () => {
    rmSync(join(root, 'tab/dist'), { recursive: true });
    expect(() => stageDeployment({ root })).toThrow(/tab\/dist missing. Run `npm run build` first/);
  });
});
