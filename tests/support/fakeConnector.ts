// A real local HTTP server that plays Teams' Bot Connector service, so the bot's real
// ConnectorClient can call back into something during tests. It records every call and is
// strict where Teams is strict (activity type, 28 KB message size, unknown members).
// This is the only fake in the project: everything else runs for real.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
  /** When the request arrived. */
  at: number;
  /** When the answer was written (later than `at` for a call slowed by slowNext). */
  answeredAt: number;
}

export interface SentActivity {
  conversationId: string;
  activityId: string;
  /** Set for replies (POST .../activities/:activityId). */
  replyToId?: string;
  activity: Record<string, unknown>;
  at: number;
}

/** A TeamsChannelAccount as Teams returns it from the roster calls. */
export interface RosterMember {
  id: string;
  name: string;
  aadObjectId: string;
  userPrincipalName?: string;
  email?: string;
}

export interface FakeTeam {
  name?: string;
  aadGroupId?: string;
  /** Channels of the team. The General channel's id is the team id, as in Teams. */
  channels?: Array<{ id: string; name?: string }>;
}

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  body?: unknown;
}

export interface FakeConnector {
  /** Like Teams' serviceUrl: `http://127.0.0.1:PORT/` (with the trailing slash). */
  readonly serviceUrl: string;
  readonly calls: readonly RecordedCall[];
  /** Activities Teams accepted (sends, replies, and the first activity of a created conversation). */
  sentActivities(): SentActivity[];
  /** Accepted PUT updates, body = the new activity. */
  updates(): RecordedCall[];
  waitFor(predicate: (calls: readonly RecordedCall[]) => boolean, timeoutMs?: number): Promise<readonly RecordedCall[]>;
  /** Forgets recorded calls and pending faults; rosters, teams and stored activities stay. */
  reset(): void;
  /**
   * Sets the roster of a team (or of a group chat). A conversation belongs to a roster when its id
   * starts with the roster id or one of its team's channel ids (so thread ids like
   * `19:x@thread.tacv2;messageid=1` count); members are then found only in that roster.
   * Conversations tied to no roster (1:1 chats) find members in any roster.
   */
  setRoster(conversationOrTeamId: string, members: RosterMember[]): void;
  setTeam(teamId: string, team: FakeTeam): void;
  /** Answers the next `count` matching calls with the fault instead of handling them. */
  failNext(count: number, fault: Fault, match?: (call: RecordedCall) => boolean): void;
  /**
   * Handles the next `count` matching calls as usual but holds each answer for `delayMs`
   * (a slow Teams); `hurry()` answers the held ones, and later ones, at once.
   */
  slowNext(count: number, delayMs: number, match?: (call: RecordedCall) => boolean): { hurry(): void };
  /**
   * Forgets activities as if they were deleted in Teams (or the Agents Playground lost the
   * channel's history on reload): updates and deletes of them then answer 404
   * ActivityNotFoundInConversation. Without `activityIds`, the whole conversation's.
   */
  forget(conversationId: string, activityIds?: readonly string[]): void;
  close(): Promise<void>;
}

/** Teams refuses messages over about 28 KB (the whole activity, cards included). */
const MAX_MESSAGE_BYTES = 28 * 1024;

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface PendingFault extends Fault {
  remaining: number;
  match: (call: RecordedCall) => boolean;
}

interface PendingSlowness {
  remaining: number;
  delayMs: number;
  match: (call: RecordedCall) => boolean;
  hurried: boolean;
  /** Answers of held calls, to write at once on hurry(). */
  held: Set<() => void>;
}

const errorReply = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } },
});

const FAULT_CODES: Record<number, string> = {
  412: 'PreconditionFailed',
  500: 'InternalServerError',
  429: 'TooManyRequests',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

export async function startFakeConnector(): Promise<FakeConnector> {
  const calls: RecordedCall[] = [];
  const faults: PendingFault[] = [];
  const slowness: PendingSlowness[] = [];
  const rosters = new Map<string, RosterMember[]>();
  const teams = new Map<string, FakeTeam>();
  /** conversationId -> activity ids that exist there, so updates/deletes of unknown ids 404. */
  const activities = new Map<string, Set<string>>();
  let nextActivityNumber = 1_700_000_000_000;
  let nextConversationNumber = 1;

  const newActivityId = (conversationId: string): string => {
    const id = String(nextActivityNumber++);
    const ids = activities.get(conversationId) ?? new Set<string>();
    activities.set(conversationId, ids.add(id));
    return id;
  };
  const activityExists = (conversationId: string, activityId: string): boolean =>
    activities.get(conversationId)?.has(activityId) ?? false;

  const channelsOf = (teamId: string) => teams.get(teamId)?.channels ?? [{ id: teamId, name: 'General' }];

  /** The roster a conversation belongs to, or undefined for conversations outside any roster. */
  const rosterOf = (conversationId: string): RosterMember[] | undefined => {
    for (const [rosterId, members] of rosters) {
      const prefixes = [rosterId, ...channelsOf(rosterId).map((channel) => channel.id)];
      if (prefixes.some((prefix) => conversationId.startsWith(prefix))) return members;
    }
    return undefined;
  };
  const membersVisibleIn = (conversationId: string): RosterMember[] =>
    rosterOf(conversationId) ?? [...rosters.values()].flat();

  const activityProblem = (body: unknown): Reply | undefined => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return errorReply(400, 'BadSyntax', 'Request body must be a JSON activity');
    }
    const { type } = body as { type?: unknown };
    if (typeof type !== 'string' || type === '') {
      return errorReply(400, 'BadArgument', 'Activity must have a type');
    }
    if (Buffer.byteLength(JSON.stringify(body)) > MAX_MESSAGE_BYTES) {
      return errorReply(413, 'MessageSizeTooBig', `Message is larger than ${MAX_MESSAGE_BYTES} bytes`);
    }
    return undefined;
  };

  const handleConversation = (call: RecordedCall, rest: string[]): Reply => {
    const conversationId = call.conversationId ?? '';
    const [resource, id] = rest;
    if (resource === 'activities' && (call.method === 'POST' || call.method === 'PUT')) {
      const problem = activityProblem(call.body);
      if (problem) return problem;
      if (call.method === 'PUT') {
        if (!id || !activityExists(conversationId, id)) {
          return errorReply(404, 'ActivityNotFoundInConversation', `No activity ${id} in ${conversationId}`);
        }
        return { status: 200, body: { id } };
      }
      // A reply may name any message in the conversation, including the people's own
      // (which this fake never saw), so only updates and deletes need a known activity.
      return { status: 201, body: { id: newActivityId(conversationId) } };
    }
    if (resource === 'activities' && call.method === 'DELETE' && id) {
      if (!activities.get(conversationId)?.delete(id)) {
        return errorReply(404, 'ActivityNotFoundInConversation', `No activity ${id} in ${conversationId}`);
      }
      return { status: 200 };
    }
    if (resource === 'members' && call.method === 'GET' && id) {
      const member = membersVisibleIn(conversationId).find((m) => m.id === id || m.aadObjectId === id);
      return member
        ? { status: 200, body: member }
        : errorReply(404, 'MemberNotFoundInConversation', `Member ${id} not found in ${conversationId}`);
    }
    if (resource === 'pagedmembers' && call.method === 'GET') {
      return pagedMembers(membersVisibleIn(conversationId), call.query);
    }
    return errorReply(404, 'NotFound', `The fake connector has no route for ${call.method} ${call.path}`);
  };

  const createConversation = (call: RecordedCall): Reply => {
    const params = (call.body ?? {}) as { activity?: unknown; channelData?: { channel?: { id?: string } } };
    const channelId = params.channelData?.channel?.id;
    if (params.activity !== undefined) {
      const problem = activityProblem(params.activity);
      if (problem) return problem;
    }
    if (channelId) {
      // Posting into a channel starts a thread: the conversation id names the first message.
      const activityId = String(nextActivityNumber);
      const conversationId = `${channelId};messageid=${activityId}`;
      return { status: 201, body: { id: conversationId, activityId: newActivityId(conversationId) } };
    }
    const conversationId = `a:fake-chat-${nextConversationNumber++}`;
    const activityId = params.activity === undefined ? undefined : newActivityId(conversationId);
    return { status: 201, body: { id: conversationId, activityId } };
  };

  const handleTeam = (call: RecordedCall, rest: string[]): Reply => {
    const teamId = call.teamId ?? '';
    const team = teams.get(teamId);
    if (!team && !rosters.has(teamId)) return errorReply(404, 'NotFound', `Team ${teamId} not found`);
    if (call.method === 'GET' && rest.length === 0) {
      return { status: 200, body: { id: teamId, name: team?.name ?? `Team ${teamId}`, aadGroupId: team?.aadGroupId ?? `group-${teamId}` } };
    }
    if (call.method === 'GET' && rest[0] === 'conversations') {
      return { status: 200, body: { conversations: channelsOf(teamId) } };
    }
    return errorReply(404, 'NotFound', `The fake connector has no route for ${call.method} ${call.path}`);
  };

  const route = (call: RecordedCall, segments: string[]): Reply => {
    const [version, collection, id, ...rest] = segments;
    if (version !== 'v3') return errorReply(404, 'NotFound', `Unknown path ${call.path}`);
    if (collection === 'conversations' && id === undefined && call.method === 'POST') return createConversation(call);
    if (collection === 'conversations' && id !== undefined) return handleConversation(call, rest);
    if (collection === 'teams' && id !== undefined) return handleTeam(call, rest);
    return errorReply(404, 'NotFound', `The fake connector has no route for ${call.method} ${call.path}`);
  };

  const takeFault = (call: RecordedCall): PendingFault | undefined => {
    const fault = faults.find((f) => f.remaining > 0 && f.match(call));
    if (fault) fault.remaining -= 1;
    return fault;
  };

  /** Waits out a matching slowNext delay, or until it is hurried. */
  const slowedDown = (call: RecordedCall): Promise<void> => {
    const slow = slowness.find((s) => s.remaining > 0 && s.match(call));
    if (!slow) return Promise.resolve();
    slow.remaining -= 1;
    if (slow.hurried) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const answer = () => {
        clearTimeout(timer);
        slow.held.delete(answer);
        resolve();
      };
      const timer = setTimeout(answer, slow.delayMs);
      slow.held.add(answer);
    });
  };

  const faultReply = (fault: Fault): Reply => ({
    status: fault.status,
    body: fault.body ?? { error: { code: FAULT_CODES[fault.status] ?? 'Fault', message: 'Injected by the fake connector' } },
    headers: fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) },
  });

  const server = createServer((request, response) => {
    // handle() rejects only on a fault in this fake, or a request abandoned mid-body: left
    // unhandled on purpose, so that it is reported rather than answered.
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://fake');
    // Teams conversation ids hold ':', '@' and ';' and arrive URL-encoded.
    const segments = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    const text = await readBody(request);
    const call: RecordedCall = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      body: parseJson(text),
      status: 0,
      response: undefined,
      at: Date.now(),
      answeredAt: 0,
    };
    if (segments[1] === 'conversations' && segments[2] !== undefined) call.conversationId = segments[2];
    if (segments[1] === 'teams' && segments[2] !== undefined) call.teamId = segments[2];
    if (segments[3] === 'activities' && segments[4] !== undefined) call.activityId = segments[4];

    const fault = takeFault(call);
    const reply = fault ? faultReply(fault) : route(call, segments);
    call.status = reply.status;
    call.response = reply.body;
    calls.push(call);
    await slowedDown(call);
    call.answeredAt = Date.now();
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers });
    response.end(payload);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    sentActivities: () => calls.filter(isAcceptedSend).map(toSentActivity),
    updates: () => calls.filter((c) => c.method === 'PUT' && c.status < 300),
    waitFor: async (predicate, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline) {
          throw new Error(`fakeConnector.waitFor timed out after ${timeoutMs} ms. Recorded calls:\n${describe(calls)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return calls;
    },
    reset: () => {
      calls.length = 0;
      faults.length = 0;
      for (const slow of slowness.splice(0)) for (const answer of [...slow.held]) answer();
    },
    setRoster: (id, members) => void rosters.set(id, [...members]),
    setTeam: (teamId, team) => void teams.set(teamId, team),
    failNext: (count, fault, match = () => true) => void faults.push({ ...fault, remaining: count, match }),
    slowNext: (count, delayMs, match = () => true) => {
      const slow: PendingSlowness = { remaining: count, delayMs, match, hurried: false, held: new Set() };
      slowness.push(slow);
      return {
        hurry: () => {
          slow.hurried = true;
          for (const answer of [...slow.held]) answer();
        },
      };
    },
    forget: (conversationId, activityIds) => {
      if (!activityIds) activities.delete(conversationId);
      else for (const id of activityIds) activities.get(conversationId)?.delete(id);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function pagedMembers(members: RosterMember[], query: Record<string, string>): Reply {
  const pageSize = Math.max(1, Number(query.pageSize) || 200);
  const start = Number(query.continuationToken) || 0;
  const next = start + pageSize;
  return {
    status: 200,
    body: { members: members.slice(start, next), continuationToken: next < members.length ? String(next) : undefined },
  };
}

function isAcceptedSend(call: RecordedCall): boolean {
  return call.method === 'POST' && call.status < 300 && (call.activityId !== undefined || call.path.endsWith('/activities') || isCreateWithActivity(call));
}

function isCreateWithActivity(call: RecordedCall): boolean {
  return call.conversationId === undefined && call.teamId === undefined && (call.body as { activity?: unknown } | undefined)?.activity !== undefined;
}

function toSentActivity(call: RecordedCall): SentActivity {
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

function describe(calls: readonly RecordedCall[]): string {
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

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
