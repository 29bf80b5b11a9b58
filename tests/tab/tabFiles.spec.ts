import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as restify from 'restify';
import { registerTabFiles } from '../../bot/http/tabFiles';

/** registerTabFiles over HTTP, against a small stand-in build (the real build is tested in the browser). */
const INDEX = '<!doctype html><title>Practice Audit</title><script type="module" src="/tab/assets/index-AbC123.js"></script>';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;
let work: string;
let server: restify.Server;
let base: string;

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A raw request: the path goes on the wire as written (no URL normalisation). */
function request(rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${base}/`, { method, headers, path: rawPath }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'tab-files-'));
  fs.mkdirSync(path.join(work, 'dist', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(work, 'dist', 'index.html'), INDEX);
  fs.writeFileSync(path.join(work, 'dist', 'assets', 'index-AbC123.js'), SCRIPT);
  fs.writeFileSync(path.join(work, 'secret.txt'), 'not for the web');
  server = restify.createServer({ handleUncaughtExceptions: false });
  registerTabFiles(server, path.join(work, 'dist'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(work, { recursive: true, force: true });
});

test('/tab/ is index.html, revalidated on every load, framed only by Teams and Microsoft 365', async () => {
  const reply = await request('/tab/?teamId=19%3Aabc%40thread.tacv2');
  expect(reply.status).toBe(200);
  expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(reply.headers['cache-control']).toBe('no-cache');
  expect(reply.headers['x-content-type-options']).toBe('nosniff');
  expect(reply.headers['content-security-policy']).toMatch(/frame-ancestors [^;]*teams\.microsoft\.com/);
  expect(reply.headers['content-security-policy']).toContain("script-src 'self'");
  expect(reply.body.toString()).toBe(INDEX);
});

test('/tab redirects to /tab/, and unknown paths under /tab/ are the app', async () => {
  const redirect = await request('/tab');
  expect(redirect.status).toBe(301);
  expect(redirect.headers.location).toBe('/tab/');
  for (const route of ['/tab/personal', '/tab/some/deep/route?view=personal']) {
    const reply = await request(route);
    expect([route, reply.status, reply.headers['content-type']]).toEqual([route, 200, 'text/html; charset=utf-8']);
    expect(reply.body.toString()).toBe(INDEX);
  }
});

test('hashed assets are JavaScript, cached for a year, gzipped when the browser accepts it', async () => {
  const plain = await request('/tab/assets/index-AbC123.js');
  expect(plain.status).toBe(200);
  expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
  expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(plain.headers['content-encoding']).toBeUndefined();
  expect(plain.body.toString()).toBe(SCRIPT);

  const gzipped = await request('/tab/assets/index-AbC123.js', { 'Accept-Encoding': 'gzip, br' });
  expect(gzipped.headers['content-encoding']).toBe('gzip');
  expect(gzipped.headers.vary).toBe('Accept-Encoding');
  expect(gzipped.body.length).toBeLessThan(SCRIPT.length / 10);
  expect(gunzipSync(gzipped.body).toString()).toBe(SCRIPT);
});

test('a missing asset is a 404, never index.html (the browser would run it as a script)', async () => {
  const reply = await request('/tab/assets/index-Gone99.js');
  expect(reply.status).toBe(404);
  expect(reply.body.toString()).not.toContain('<!doctype');
});

test('nothing outside the build can be reached', async () => {
  for (const route of ['/tab/../secret.txt', '/tab/%2e%2e/secret.txt', '/tab/..%2fsecret.txt', '/tab/%2e%2e%2f%2e%2e%2fsecret.txt', '/tab/%00', '/tab/%E0%A4%A']) {
    const reply = await request(route);
    expect([route, reply.status]).toEqual([route, 404]);
    expect(reply.body.toString()).not.toContain('not for the web');
  }
});

test('a matching ETag gets 304; HEAD gets the headers alone', async () => {
  const first = await request('/tab/');
  const etag = String(first.headers.etag);
  expect((await request('/tab/', { 'If-None-Match': etag })).status).toBe(304);
  const head = await request('/tab/assets/index-AbC123.js', {}, 'HEAD');
  expect([head.status, head.headers['content-type'], head.body.length]).toEqual([200, 'text/javascript; charset=utf-8', 0]);
});

test('without a build, /tab/ says how to make one', async () => {
  const bare = restify.createServer({ handleUncaughtExceptions: false });
  registerTabFiles(bare, path.join(work, 'no-such-dist'));
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const reply = await fetch(`http://127.0.0.1:${bare.address().port}/tab/`);
  await new Promise<void>((resolve) => bare.close(() => resolve()));
  expect(reply.status).toBe(503);
  await expect(reply.text()).resolves.toContain('npm run build:tab');
});

test('the tab renders no HTML from data: no dangerouslySetInnerHTML or innerHTML in its source', () => {
  const root = path.resolve(__dirname, '..', '..', 'tab', 'src');
  const files = fs.readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((name) => /\.tsx?$/.test(name));
  expect(files.length).toBeGreaterThan(5);
  const offenders = files.filter((name) => /dangerouslySetInnerHTML|innerHTML|outerHTML|insertAdjacentHTML/.test(fs.readFileSync(path.join(root, name), 'utf8')));
  expect(offenders).toEqual([]);
});
