// `npm start` must work right after `npm install`: build when dist/ is missing or older
// than the sources, otherwise start at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const entry = join(root, 'dist/bot/index.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const sources = ['bot', 'bench', 'tests/support'].map((d) => join(root, d)).filter(existsSync);
const stale = !existsSync(entry) || sources.some((dir) => newestSource(dir) > statSync(entry).mtimeMs);
if (stale) {
  process.stderr.write('Building Practice Audit…\n');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
