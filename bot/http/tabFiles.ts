import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type * as restify from 'restify';

/**
 * The built Teams tab (tab/dist) at /tab/. Hashed files under assets/ are cached for a year;
 * index.html (every other path under /tab/, so the tab's own views can have addresses) is
 * revalidated on every load, so a new build is picked up at once. Text files are gzipped
 * once and kept in memory: the whole build is a few hundred kilobytes.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Teams (web, desktop, mobile) and the Microsoft 365 hosts that can show a Teams tab. */
const FRAME_ANCESTORS = [
  'teams.microsoft.com', '*.teams.microsoft.com', '*.teams.microsoft.us', 'local.teams.office.com', '*.skype.com',
  '*.office.com', 'outlook.office.com', 'outlook.office365.com', '*.microsoft365.com', '*.cloud.microsoft',
].join(' ');
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  // teams-js fetches its list of valid host origins from Microsoft's CDN (and falls back to a built-in list).
  "connect-src 'self' https://res.cdn.office.net", "object-src 'none'", "base-uri 'self'", `frame-ancestors ${FRAME_ANCESTORS}`,
].join('; ');

interface CachedFile {
  readonly mtimeMs: number;
  readonly etag: string;
  readonly body: Buffer;
  readonly gzipped: Buffer | null;
}

export function registerTabFiles(server: restify.Server, distDir: string): void {
  const root = path.resolve(distDir);
  const cache = new Map<string, CachedFile>();

  async function load(file: string): Promise<CachedFile | null> {
    const stat = await fs.stat(file).catch(() => null);
    if (!stat?.isFile()) return null;
    const cached = cache.get(file);
    if (cached && cached.mtimeMs === stat.mtimeMs) return cached;
    const body = await fs.readFile(file);
    const gzipped = COMPRESSIBLE.has(path.extname(file)) && body.length > 1024 ? gzipSync(body) : null;
    const fresh = { mtimeMs: stat.mtimeMs, etag: `W/"${body.length.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`, body, gzipped };
    cache.set(file, fresh);
    return fresh;
  }

  /** The file a request path names inside the build, or null when it names something outside it. */
  function resolve(requestPath: string): { file: string; relative: string } | null {
    let relative: string;
    try {
      relative = decodeURIComponent(requestPath.slice('/tab/'.length));
    } catch {
      return null;
    }
    if (relative.includes('\0')) return null;
    const file = path.resolve(root, relative);
    if (file !== root && !file.startsWith(root + path.sep)) return null;
    return { file, relative };
  }

  const serve = async (req: restify.Request, res: restify.Response): Promise<void> => {
    const target = resolve(req.path());
    if (!target) {
      res.sendRaw(404, 'Not found.', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const index = path.join(root, 'index.html');
    let served = target.relative === '' ? index : target.file;
    let file = await load(served);
    if (!file) {
      // A missing hashed asset must not be answered with HTML (the browser would run it as script).
      if (target.relative.startsWith('assets/')) {
        res.sendRaw(404, 'Not found.', { 'Content-Type': 'text/plain; charset=utf-8' });
        return;
      }
      served = index;
      file = await load(served);
      if (!file) {
        res.sendRaw(503, 'The tab has not been built: run `npm run build:tab`.', { 'Content-Type': 'text/plain; charset=utf-8' });
        return;
      }
    }
    const isAsset = served !== index && target.relative.startsWith('assets/');
    const ext = path.extname(served);
    const headers: Record<string, string> = {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      'Cache-Control': isAsset ? IMMUTABLE : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      ETag: file.etag,
      Vary: 'Accept-Encoding',
    };
    if (ext === '.html') headers['Content-Security-Policy'] = CSP;
    if (req.header('if-none-match') === file.etag) {
      res.sendRaw(304, '', headers);
      return;
    }
    const gzip = file.gzipped !== null && /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    if (gzip) headers['Content-Encoding'] = 'gzip';
    const body = gzip ? file.gzipped! : file.body;
    headers['Content-Length'] = String(body.length);
    res.sendRaw(200, body, headers); // Node sends no body for HEAD
  };

  server.get('/tab', async (_req: restify.Request, res: restify.Response) => {
    res.sendRaw(301, '', { Location: '/tab/' });
  });
  server.get('/tab/*', serve);
  server.head('/tab/*', serve);
}
