import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';

export const ROOT = path.resolve(__dirname, '..', '..');
export const TAB_DIST = path.join(ROOT, 'tab', 'dist');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && (entry.name === 'dist' || entry.name === 'node_modules')) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

/** Builds the tab when tab/dist is missing or older than the tab's sources or the domain it imports. */
export function ensureTabBuilt(): void {
  const index = path.join(TAB_DIST, 'index.html');
  const sources = [path.join(ROOT, 'tab'), path.join(ROOT, 'bot', 'domain')];
  const fresh = () => fs.existsSync(index) && sources.every((dir) => newest(dir) <= fs.statSync(index).mtimeMs);
  if (fresh()) return;
  // Jest runs spec files in parallel: one builds, the others wait (a build empties tab/dist first).
  const lock = path.join(os.tmpdir(), `practice-audit-tab-build-${Buffer.from(ROOT).toString('base64url')}`);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for another tab build (remove ${lock} if none is running)`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    if (!fresh()) execFileSync('npm', ['run', '--silent', 'build:tab'], { cwd: ROOT, stdio: 'pipe', timeout: 120_000, env: { ...process.env, NODE_ENV: 'production' } });
  } finally {
    fs.rmdirSync(lock);
  }
}

const gzipped = (name: string) => gzipSync(fs.readFileSync(path.join(TAB_DIST, 'assets', name)), { level: 9 }).length;

/** The built JavaScript files the tab loads at start: index.html's module script and the chunks it preloads (its static imports). */
function initialJsFiles(): Set<string> {
  const html = fs.readFileSync(path.join(TAB_DIST, 'index.html'), 'utf8');
  return new Set([...html.matchAll(/(?:src|href)="\/tab\/assets\/([^"]+\.js)"/g)].map((match) => match[1]!));
}

/**
 * Sum of the gzipped sizes of the JavaScript the tab loads at start, in bytes. A chunk loaded
 * later, when a view that needs it opens (the trends chart), is not in it: see gzippedLazyJsBytes.
 */
export function gzippedJsBytes(): number {
  return [...initialJsFiles()].reduce((sum, name) => sum + gzipped(name), 0);
}

/** The gzipped size of each chunk loaded only when a view needs it (import()), by file name. */
export function gzippedLazyJsBytes(): Map<string, number> {
  const initial = initialJsFiles();
  const lazy = fs.readdirSync(path.join(TAB_DIST, 'assets')).filter((name) => name.endsWith('.js') && !initial.has(name));
  return new Map(lazy.map((name) => [name, gzipped(name)]));
}
