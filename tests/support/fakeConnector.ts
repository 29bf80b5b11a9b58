// A real local HTTP server that plays Teams' Bot Connector service, so the bot's real
// ConnectorClient can call back into something, in the tests and in the bench. It records every
// call and is strict where Teams is strict (activity type, 28 KB message size, unknown members).
// This is the only fake in the project: everything else runs for real.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callFrom, count, describeCalls, isAcceptedSend, messagesPerPerson, mostWithin, readBody, toSentActivity, type CallCounts, type RecordedCall, type SentActivity } from './fakeConnector/recordedCalls';
import { createTeamsService, type FakeTeam, type Reply, type RosterMember } from './fakeConnector/teamsService';
import { createFileUploads, type FileUploads } from './fakeConnector/fileUploads';

export type { RecordedCall, SentActivity } from './fakeConnector/recordedCalls';
export type { FakeTeam, RosterMember } from './fakeConnector/teamsService';

export interface Fault {
  status: number;
  retryAfterSeconds?: number;
  body?: unknown;
}

export interface FakeConnectorOptions {
  /**
   * Any member id asked for is a member of any conversation, so no roster need be set: the
   * bench's thousands of staff. Otherwise members are found only in the rosters set.
   */
  everyoneIsAMember?: boolean;
}

export interface FakeConnector {
  /** Like Teams' serviceUrl: `http://127.0.0.1:PORT/` (with the trailing slash). */
  readonly serviceUrl: string;
  /**
   * Every call, in order of arrival. Recording is an append, so thousands of calls (a bench's
   * roster reads) cost little; the views below filter it only when asked.
   */
  readonly calls: readonly RecordedCall[];
  /** Calls answered, by method, since the fake started (reset() does not clear them). */
  readonly counts: Readonly<CallCounts>;
  /** Activities Teams accepted (sends, replies, and the first activity of a created conversation). */
  sentActivities(): SentActivity[];
  /** Accepted PUT updates, body = the new activity. */
  updates(): RecordedCall[];
  /**
   * The most calls of any kind (sends, updates, roster reads, conversations created, faults
   * answered) that arrived within any one second, a window sliding over their arrival times, since
   * the last reset: what Teams' 50 requests a second per app is counted on.
   */
  mostCallsInAnySecond(): number;
  /** Messages each person received in a one-to-one chat the bot created, by Teams user id, since the last reset. */
  messagesPerPerson(): Map<string, number>;
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
   * Handles the next `count` matching calls as usual (Teams takes a post) but hangs up instead of
   * answering: the bot sees the connection reset, with no status, and cannot know that it went.
   */
  hangUpAfterNext(count: number, match?: (call: RecordedCall) => boolean): void;
  /**
   * Forgets activities as if they were deleted in Teams (or the Agents Playground lost the
   * channel's history on reload): updates and deletes of them then answer 404
   * ActivityNotFoundInConversation. Without `activityIds`, the whole conversation's.
   */
  forget(conversationId: string, activityIds?: readonly string[]): void;
  /**
   * Files sent in personal chat (Teams' file consent flow): `accept(name)` gives the uploadInfo
   * Teams sends when the person accepts, with an upload URL this fake serves; `received()` the
   * bytes put there; `failNext` refuses uploads.
   */
  readonly files: Pick<FileUploads, 'accept' | 'received' | 'failNext'>;
  close(): Promise<void>;
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

const FAULT_CODES: Record<number, string> = {
  412: 'PreconditionFailed',
  500: 'InternalServerError',
  429: 'TooManyRequests',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
  504: 'GatewayTimeout',
};

const faultReply = (fault: Fault): Reply => ({
  status: fault.status,
  body: fault.body ?? { error: { code: FAULT_CODES[fault.status] ?? 'Fault', message: 'Injected by the fake connector' } },
  headers: fault.retryAfterSeconds === undefined ? {} : { 'Retry-After': String(fault.retryAfterSeconds) },
});

/** Starts the fake on a free port of 127.0.0.1; point the bot's serviceUrl at `serviceUrl`. */
export async function startFakeConnector(options: FakeConnectorOptions = {}): Promise<FakeConnector> {
  const teams = createTeamsService(options);
  const calls: RecordedCall[] = [];
  const counts: CallCounts = { posts: 0, puts: 0, gets: 0, deletes: 0 };
  const faults: PendingFault[] = [];
  const slowness: PendingSlowness[] = [];
  const hangUps: { remaining: number; match: (call: RecordedCall) => boolean }[] = [];
  const uploads = createFileUploads(() => `http://127.0.0.1:${port}/`);

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

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (uploads.handles(request)) return uploads.answer(request, response);
    const arrivedAt = Date.now();
    const { call, segments } = callFrom(request, await readBody(request), arrivedAt);
    const fault = takeFault(call);
    const reply = fault ? faultReply(fault) : teams.answer(call, segments);
    call.status = reply.status;
    call.response = reply.body;
    calls.push(call);
    count(counts, call.method);
    await slowedDown(call);
    const hangUp = hangUps.find((h) => h.remaining > 0 && h.match(call));
    if (hangUp) {
      hangUp.remaining -= 1;
      request.socket.destroy();
      return;
    }
    call.answeredAt = Date.now();
    const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
    response.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8', ...reply.headers });
    response.end(payload);
  }

  const server = createServer((request, response) => {
    void handle(request, response);
  });
  // The bot's connector client keeps its connections open between bursts of sends, as with Teams.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    counts,
    sentActivities: () => calls.filter(isAcceptedSend).map(toSentActivity),
    updates: () => calls.filter((c) => c.method === 'PUT' && c.status < 300),
    mostCallsInAnySecond: () => mostWithin(calls.map((call) => call.at), 1_000),
    messagesPerPerson: () => messagesPerPerson(calls),
    waitFor: async (predicate, timeoutMs = 5_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!predicate(calls)) {
        if (Date.now() > deadline) {
          throw new Error(`fakeConnector.waitFor timed out after ${timeoutMs} ms. Recorded calls:\n${describeCalls(calls)}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return calls;
    },
    reset: () => {
      calls.length = 0;
      faults.length = 0;
      hangUps.length = 0;
      for (const slow of slowness.splice(0)) for (const answer of [...slow.held]) answer();
    },
    setRoster: teams.setRoster,
    setTeam: teams.setTeam,
    failNext: (n, fault, match = () => true) => void faults.push({ ...fault, remaining: n, match }),
    slowNext: (n, delayMs, match = () => true) => {
      const slow: PendingSlowness = { remaining: n, delayMs, match, hurried: false, held: new Set() };
      slowness.push(slow);
      return {
        hurry: () => {
          slow.hurried = true;
          for (const answer of [...slow.held]) answer();
        },
      };
    },
    hangUpAfterNext: (n, match = () => true) => void hangUps.push({ remaining: n, match }),
    forget: teams.forget,
    files: uploads,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
