import { Agent, request } from 'node:http';

/**
 * Posts activities to a bot's /api/messages, `concurrency` at a time, over keep-alive
 * connections (as Teams does), timing each request from send to last byte. Bodies are
 * serialised before the clock starts, so the client spends little CPU during the burst.
 */
export interface BurstOptions {
  readonly url: string;
  readonly activities: readonly unknown[];
  readonly concurrency: number;
  /** Is this answer what a successful submit returns? */
  readonly accept: (status: number, body: unknown) => boolean;
  readonly timeoutMs?: number;
}

export interface BurstResult {
  readonly sent: number;
  readonly accepted: number;
  /** A few examples of what was not accepted. */
  readonly failures: readonly string[];
  readonly wallMs: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

interface Reply {
  status: number;
  body: unknown;
  ms: number;
}

export async function answerBurst(options: BurstOptions): Promise<BurstResult> {
  const target = new URL('/api/messages', options.url);
  const bodies = options.activities.map((activity) => Buffer.from(JSON.stringify(activity)));
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  const failures: string[] = [];
  let accepted = 0;
  let next = 0;

  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      try {
        const reply = await post(target, body, agent, options.timeoutMs ?? 30_000);
        latencies.push(reply.ms);
        if (options.accept(reply.status, reply.body)) accepted += 1;
        else if (failures.length < 5) failures.push(`HTTP ${reply.status}: ${JSON.stringify(reply.body).slice(0, 300)}`);
      } catch (error) {
        if (failures.length < 5) failures.push(error instanceof Error ? error.message : String(error));
      }
    }
  };

  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(options.concurrency, bodies.length) }, worker));
  const wallMs = performance.now() - started;
  agent.destroy();

  latencies.sort((a, b) => a - b);
  return {
    sent: bodies.length,
    accepted,
    failures,
    wallMs,
    perSecond: (bodies.length / wallMs) * 1000,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.at(-1) ?? NaN,
  };
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

function post(url: URL, body: Buffer, agent: Agent, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length }, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const ms = performance.now() - started;
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = text ? (JSON.parse(text) as unknown) : undefined;
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed, ms });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The body of an invoke that answered with an Adaptive Card. */
export function invokeCard(status: number, body: unknown): Record<string, unknown> | undefined {
  if (status !== 200 || typeof body !== 'object' || body === null) return undefined;
  const { type, value } = body as { type?: unknown; value?: unknown };
  if (type !== 'application/vnd.microsoft.card.adaptive' || typeof value !== 'object' || value === null) return undefined;
  return (value as { type?: unknown }).type === 'AdaptiveCard' ? (value as Record<string, unknown>) : undefined;
}
