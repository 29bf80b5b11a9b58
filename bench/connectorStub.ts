import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Stands in for Teams' Bot Connector during the bench: accepts every send (201) and update
 * (200), knows every member, and counts what it was asked. Unlike the tests' fake connector
 * it checks nothing, and keeps only the first activities posted (the round's cards).
 */
export interface ConnectorStub {
  /** Like Teams' serviceUrl, with the trailing slash. */
  readonly serviceUrl: string;
  readonly counts: { posts: number; puts: number; gets: number };
  /** Bodies of the first POSTed activities (kept up to a small limit). */
  readonly posted: readonly unknown[];
  waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void>;
  close(): Promise<void>;
}

const KEPT_POSTS = 100;

export async function startConnectorStub(): Promise<ConnectorStub> {
  const counts = { posts: 0, puts: 0, gets: 0 };
  const posted: unknown[] = [];
  let nextId = 1_800_000_000_000;

  const server = createServer((request, response) => {
    // readBody() never rejects (a broken request reads as empty).
    void readBody(request).then((text) => {
      const segments = new URL(request.url ?? '/', 'http://stub').pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const reply = (status: number, body: unknown) => {
        response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
        response.end(JSON.stringify(body));
      };
      if (request.method === 'POST') {
        counts.posts += 1;
        const body = parse(text) as { activity?: unknown; channelData?: { channel?: { id?: string } } } | undefined;
        const id = String(nextId++);
        // POST /v3/conversations creates a conversation (a channel thread); the rest are sends.
        if (segments.length === 2) {
          if (posted.length < KEPT_POSTS && body?.activity) posted.push(body.activity);
          return reply(201, { id: `${body?.channelData?.channel?.id ?? 'a:stub'};messageid=${id}`, activityId: id });
        }
        if (posted.length < KEPT_POSTS) posted.push(body);
        return reply(201, { id });
      }
      if (request.method === 'PUT') {
        counts.puts += 1;
        return reply(200, { id: segments[4] ?? '' });
      }
      if (request.method === 'GET') {
        counts.gets += 1;
        // GET .../members/:id: everyone is a member.
        const memberId = segments[3] === 'members' ? (segments[4] ?? '') : '';
        return reply(200, { id: memberId, name: 'Staff member', aadObjectId: memberId });
      }
      return reply(200, {});
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    counts,
    posted,
    async waitFor(condition, timeoutMs, what) {
      const deadline = Date.now() + timeoutMs;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what} (connector saw ${JSON.stringify(counts)})`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function parse(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', () => resolve(''));
  });
}
