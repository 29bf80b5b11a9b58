import type { IncomingMessage } from 'node:http';

/** One call the bot made to the fake connector, with what the fake answered. */
export interface RecordedCall {
  method: string;
  /** Path as received (still URL-encoded), without the query string. */
  path: string;
  /** Decoded conversation id, for /v3/conversations/:conversationId/... routes. */
  conversationId?: string;
  /** Decoded team id, for /v3/teams/:teamId routes. */
  teamId?: string;
  activityId?: string;
  query: Record<string, string>;
  body: unknown;
  /** Status and body the fake answered with (faults included). */
  status: number;
  response: unknown;
  /** When the request arrived (its headers, before its body was read): when Teams counts it. */
  at: number;
  /** When the answer was written (later than `at` for a call slowed by slowNext). */
  answeredAt: number;
}

/** An activity Teams accepted: a send, a reply, or the first activity of a created conversation. */
export interface SentActivity {
  conversationId: string;
  activityId: string;
  /** Set for replies (POST .../activities/:activityId). */
  replyToId?: string;
  activity: Record<string, unknown>;
  at: number;
}

/** How many calls of each kind the fake has answered, recorded or not (faults included). */
export interface CallCounts {
  posts: number;
  puts: number;
  gets: number;
  deletes: number;
}

/** The call a request stands for, not yet answered. Teams' ids hold ':', '@' and ';' and arrive URL-encoded. */
export function callFrom(request: IncomingMessage, text: string, arrivedAt: number): { call: RecordedCall; segments: string[] } {
  const url = new URL(request.url ?? '/', 'http://fake');
  const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const call: RecordedCall = {
    method: request.method ?? 'GET',
    path: url.pathname,
    query: Object.fromEntries(url.searchParams),
    body: parseJson(text),
    status: 0,
    response: undefined,
    at: arrivedAt,
    answeredAt: 0,
  };
  if (segments[1] === 'conversations' && segments[2] !== undefined) call.conversationId = segments[2];
  if (segments[1] === 'teams' && segments[2] !== undefined) call.teamId = segments[2];
  if (segments[3] === 'activities' && segments[4] !== undefined) call.activityId = segments[4];
  return { call, segments };
}

export function count(counts: CallCounts, method: string): void {
  if (method === 'POST') counts.posts += 1;
  else if (method === 'PUT') counts.puts += 1;
  else if (method === 'GET') counts.gets += 1;
  else if (method === 'DELETE') counts.deletes += 1;
}

export function isAcceptedSend(call: RecordedCall): boolean {
  return call.method === 'POST' && call.status < 300 && (call.activityId !== undefined || call.path.endsWith('/activities') || isCreateWithActivity(call));
}

function isCreateWithActivity(call: RecordedCall): boolean {
  return call.conversationId === undefined && call.teamId === undefined && (call.body as { activity?: unknown } | undefined)?.activity !== undefined;
}

export function toSentActivity(call: RecordedCall): SentActivity {
  const reply = call.response as { id: string; activityId?: string };
  if (isCreateWithActivity(call)) {
    const { activity } = call.body as { activity: Record<string, unknown> };
    return { conversationId: reply.id, activityId: reply.activityId ?? '', activity, at: call.at };
  }
  return {
    conversationId: call.conversationId ?? '',
    activityId: reply.id,
    replyToId: call.activityId,
    activity: call.body as Record<string, unknown>,
    at: call.at,
  };
}

/**
 * The most of `times` (ms, in any order) within any `spanMs`: a window sliding over them, as Teams
 * counts requests when they arrive (`calls.map((call) => call.at)`; every call counts per app).
 */
export function mostWithin(unsorted: readonly number[], spanMs: number): number {
  const times = [...unsorted].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < times.length; last += 1) {
    while (times[last]! - times[first]! >= spanMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

/**
 * Messages each person received in the one-to-one chats the bot created (POST /v3/conversations
 * naming them), by Teams user id: a person reminded twice counts 2, one never reached is absent.
 */
export function messagesPerPerson(calls: readonly RecordedCall[]): Map<string, number> {
  const personOfChat = new Map<string, string>();
  for (const call of calls) {
    const member = (call.body as { members?: Array<{ id?: string }> } | undefined)?.members?.[0]?.id;
    if (call.method === 'POST' && call.path === '/v3/conversations' && call.status < 300 && member) personOfChat.set((call.response as { id: string }).id, member);
  }
  const received = new Map<string, number>();
  for (const sent of calls.filter(isAcceptedSend).map(toSentActivity)) {
    const person = personOfChat.get(sent.conversationId);
    if (person) received.set(person, (received.get(person) ?? 0) + 1);
  }
  return received;
}

/** The calls, one a line, for a failed wait's message. */
export function describeCalls(calls: readonly RecordedCall[]): string {
  if (calls.length === 0) return '  (none)';
  return calls.map((c) => `  ${c.method} ${c.path} -> ${c.status} ${JSON.stringify(c.body)?.slice(0, 200) ?? ''}`).join('\n');
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
