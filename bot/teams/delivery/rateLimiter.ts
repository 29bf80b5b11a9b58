import { createKeyedQueue } from '../../shared/keyedQueue';

// Paces calls into one Teams conversation so the bot never exceeds Teams' per-bot,
// per-conversation limits. Each conversation has its own FIFO queue: messages keep their
// order and a busy channel never delays another one.
//
// The connector's pipeline (connectorPipeline.ts) holds a conversation's order with
// `inOrder` around its retries and takes a slot for every attempt, so a retry counts too.

export interface RateWindow {
  limit: number;
  perMs: number;
}

/** Teams' per-bot limits for one conversation (channel thread or chat). */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { limit: 7, perMs: 1_000 },
  { limit: 8, perMs: 2_000 },
  { limit: 60, perMs: 30_000 },
  { limit: 1_800, perMs: 3_600_000 },
];

export interface ConversationPacerOptions {
  windows?: readonly RateWindow[];
  /**
   * Added to every window. Teams counts when requests arrive, not when we start them, so
   * network jitter could squeeze two starts exactly `perMs` apart into one window.
   */
  marginMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** Teams' per-app limit within one tenant: 50 requests a second (older documentation said 30); held across instances by sharedAppLimit.ts. */
export const TEAMS_APP_LIMIT_PER_SECOND = 50;

/** Teams' limit on reading rosters (a member, a page of members): 14 a second per bot. */
export const TEAMS_ROSTER_WINDOWS: readonly RateWindow[] = [{ limit: 14, perMs: 1_000 }];

export interface ConversationPacer {
  /**
   * Runs `task` after the conversation's earlier tasks, taking no slot itself: each call the
   * task makes to Teams must first await `takeSlot(conversationId)`. Holding the order across
   * a retry's backoff keeps a conversation's messages in the order they were sent.
   */
  inOrder<T>(conversationId: string, task: () => Promise<T>): Promise<T>;
  /** Waits until every window has room for one more start, then records it. Safe to call concurrently. */
  takeSlot(conversationId: string): Promise<void>;
  /** Conversations whose state is still held (for tests and metrics). */
  trackedConversations(): number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createConversationPacer(options: ConversationPacerOptions = {}): ConversationPacer {
  const { marginMs = 50, now = Date.now, sleep = realSleep } = options;
  const windows = (options.windows ?? TEAMS_CONVERSATION_WINDOWS).map((w) => ({ limit: w.limit, perMs: w.perMs + marginMs }));
  const longestMs = Math.max(...windows.map((w) => w.perMs));
  /** Start times within the longest window, oldest first, per conversation. */
  const starts = new Map<string, number[]>();
  const order = createKeyedQueue();
  let lastSweep = now();

  /** How long until every window has room for one more start (0 = now). */
  const waitMs = (times: number[], at: number): number => {
    while (times.length > 0 && (times[0] ?? 0) <= at - longestMs) times.shift();
    let wait = 0;
    for (const { limit, perMs } of windows) {
      const oldestInWay = times[times.length - limit];
      if (oldestInWay !== undefined) wait = Math.max(wait, oldestInWay + perMs - at);
    }
    return wait;
  };

  const takeSlot = async (conversationId: string): Promise<void> => {
    sweepIdle();
    const times = starts.get(conversationId) ?? [];
    starts.set(conversationId, times);
    // The last check and the push happen in one tick, so concurrent callers never overfill a window.
    for (let wait = waitMs(times, now()); wait > 0; wait = waitMs(times, now())) await sleep(wait);
    times.push(now());
  };

  /** Forgets conversations with nothing queued and no start inside the longest window. */
  const sweepIdle = () => {
    const at = now();
    if (at - lastSweep < 60_000) return;
    lastSweep = at;
    for (const [id, times] of starts) {
      const last = times[times.length - 1];
      if (order.pending(id) === 0 && (last === undefined || last <= at - longestMs)) starts.delete(id);
    }
  };

  const inOrder = <T>(conversationId: string, task: () => Promise<T>): Promise<T> => {
    sweepIdle();
    return order.run(conversationId, task);
  };

  return {
    inOrder,
    takeSlot,
    trackedConversations: () => starts.size,
  };
}
