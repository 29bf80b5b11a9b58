import { createKeyedQueue } from '../../shared/keyedQueue';

// Paces calls into one Teams conversation so the bot never exceeds Teams' per-bot,
// per-conversation limits. Each conversation has its own FIFO queue: messages keep their
// order and a busy channel never delays another one.
//
// The connector's pipeline (connectorPipeline.ts) holds a conversation's order with
// `inOrder` around its retries and takes a slot for every attempt, so a retry counts too.
//
// A request is counted when it leaves for Teams, not when its windows let it through: between
// the two it still waits for its app-wide slot (sharedAppLimit.ts), for a few ms or, when the
// app is busy, much longer, and a window counted from the earlier moment let the next request
// leave that much too soon. While a request waits between the two, it holds its room in every
// window as if it had just left (it will leave no earlier), so concurrent callers never overfill one.

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
   * Added to every window (250 ms by default). Teams counts when requests arrive, not when we
   * start them: network jitter, or a busy instance that takes a moment to write a request it has
   * started, can squeeze two starts `perMs` apart into one window. 50 ms was not enough: opening
   * a service-wide round in 50 teams on a loaded machine once put 9 cards in one channel's 2 s.
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
  /**
   * Waits until every window has room for one more request, then runs `beforeLeaving` (the
   * app-wide slot) holding that room, and counts the request when that resolves: the moment it
   * leaves, which is when this resolves. If `beforeLeaving` rejects, the room is given back and
   * this rejects with its error. Safe to call concurrently.
   */
  takeSlot(conversationId: string, beforeLeaving?: () => Promise<void>): Promise<void>;
  /** Conversations whose state is still held (for tests and metrics). */
  trackedConversations(): number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One conversation's counts: requests that left (oldest first) and those between room and leaving. */
interface Counts {
  /** When each request left, within the longest window, oldest first (ms, from `now`). */
  readonly left: number[];
  /** Requests given room that have not left yet: they leave no earlier than now. */
  leaving: number;
  /** Callers waiting for a leaving request to leave or give its room back. */
  readonly waiting: Array<() => void>;
}

export function createConversationPacer(options: ConversationPacerOptions = {}): ConversationPacer {
  const { marginMs = 250, now = Date.now, sleep = realSleep } = options;
  const windows = (options.windows ?? TEAMS_CONVERSATION_WINDOWS).map((w) => ({ limit: w.limit, perMs: w.perMs + marginMs }));
  const longestMs = Math.max(...windows.map((w) => w.perMs));
  const counts = new Map<string, Counts>();
  const order = createKeyedQueue();
  let lastSweep = now();

  /**
   * How long until every window has room for one more request (0 = now), counting those still
   * leaving as leaving now; undefined when they alone fill a window (only their leaving can free it).
   */
  const waitMs = ({ left, leaving }: Counts, at: number): number | undefined => {
    while (left.length > 0 && (left[0] ?? 0) <= at - longestMs) left.shift();
    let wait = 0;
    for (const { limit, perMs } of windows) {
      if (leaving >= limit) return undefined;
      const oldestInWay = left[left.length - (limit - leaving)];
      if (oldestInWay !== undefined) wait = Math.max(wait, oldestInWay + perMs - at);
    }
    return wait;
  };

  const takeSlot = async (conversationId: string, beforeLeaving?: () => Promise<void>): Promise<void> => {
    sweepIdle();
    const mine = counts.get(conversationId) ?? { left: [], leaving: 0, waiting: [] };
    counts.set(conversationId, mine);
    // The last check and taking the room happen in one tick, so concurrent callers never overfill a window.
    for (let wait = waitMs(mine, now()); wait !== 0; wait = waitMs(mine, now())) {
      await (wait === undefined ? new Promise<void>((resolve) => mine.waiting.push(resolve)) : sleep(wait));
    }
    mine.leaving += 1;
    try {
      await beforeLeaving?.();
      mine.left.push(now());
    } finally {
      mine.leaving -= 1;
      for (const wake of mine.waiting.splice(0)) wake();
    }
  };

  /** Forgets conversations with nothing queued or leaving and no request inside the longest window. */
  const sweepIdle = () => {
    const at = now();
    if (at - lastSweep < 60_000) return;
    lastSweep = at;
    for (const [id, { left, leaving }] of counts) {
      const last = left[left.length - 1];
      if (order.pending(id) === 0 && leaving === 0 && (last === undefined || last <= at - longestMs)) counts.delete(id);
    }
  };

  const inOrder = <T>(conversationId: string, task: () => Promise<T>): Promise<T> => {
    sweepIdle();
    return order.run(conversationId, task);
  };

  return {
    inOrder,
    takeSlot,
    trackedConversations: () => counts.size,
  };
}
