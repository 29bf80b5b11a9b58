// `npm start` must work right after `npm install`: build when dist/ (or the tab's tab/dist/) is
// missing or older than its sources, otherwise start at once.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && (entry.name === 'dist' || entry.name === 'node_modules')) continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isStale(output, sourceDirs) {
  const sources = sourceDirs.map((d) => join(root, d)).filter(existsSync);
  return !existsSync(output) || sources.some((dir) => newestSource(dir) > statSync(output).mtimeMs);
}

// The tab imports the plain-TypeScript domain (labels, the summary contract), so it watches that too.
const service = { output: join(root, 'dist/bot/index.js'), sources: ['bot', 'bench', 'tools', 'tests/support'] };
const tab = { output: join(root, 'tab/dist/index.html'), sources: ['tab', 'bot/domain'] };

if (isStale(service.output, service.sources)) {
  process.stderr.write('Building Practice Audit…\n');
  execFileSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
}
if (isStale(tab.output, tab.sources)) {
  process.stderr.write('Building the Practice Audit tab…\n');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(root, 'tab/vite.config.mts')], { stdio: 'inherit', cwd: root });
}
