// Paces calls into one Teams conversation so the bot never exceeds Teams' per-bot,
// per-conversation limits. Each conversation has its own FIFO queue: messages keep their
// order and a busy channel never delays another one.
//
// With retries:  pacer.schedule(id, (takeSlot) => withRetry(send, { beforeRetry: takeSlot }))
// keeps the conversation's queue held during a backoff (order kept) and counts every attempt.

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

/** Waits for, and records, one more start in the conversation's windows. */
export type TakeSlot = () => Promise<void>;

export interface ConversationPacer {
  /**
   * Runs `task` after the conversation's earlier tasks, once every window has room.
   * A task that calls the service again (a retry) must first await `takeSlot()`.
   */
  schedule<T>(conversationId: string, task: (takeSlot: TakeSlot) => Promise<T>): Promise<T>;
  /** Conversations whose state is still held (for tests and metrics). */
  trackedConversations(): number;
}

interface ConversationState {
  /** Start times within the longest window, oldest first. */
  starts: number[];
  /** Settles when the conversation's last queued task has finished. */
  tail: Promise<unknown>;
  queued: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createConversationPacer(options: ConversationPacerOptions = {}): ConversationPacer {
  const { marginMs = 50, now = Date.now, sleep = realSleep } = options;
  const windows = (options.windows ?? TEAMS_CONVERSATION_WINDOWS).map((w) => ({ limit: w.limit, perMs: w.perMs + marginMs }));
  const longestMs = Math.max(...windows.map((w) => w.perMs));
  const conversations = new Map<string, ConversationState>();
  let lastSweep = now();

  /** How long until every window has room for one more start (0 = now). */
  const waitMs = (starts: number[], at: number): number => {
    while (starts.length > 0 && (starts[0] ?? 0) <= at - longestMs) starts.shift();
    let wait = 0;
    for (const { limit, perMs } of windows) {
      const oldestInWay = starts[starts.length - limit];
      if (oldestInWay !== undefined) wait = Math.max(wait, oldestInWay + perMs - at);
    }
    return wait;
  };

  const takeSlotIn = (state: ConversationState) => async () => {
    for (let wait = waitMs(state.starts, now()); wait > 0; wait = waitMs(state.starts, now())) await sleep(wait);
    state.starts.push(now());
  };

  /** Forgets conversations with nothing queued and no start inside the longest window. */
  const sweepIdle = () => {
    const at = now();
    if (at - lastSweep < 60_000) return;
    lastSweep = at;
    for (const [id, state] of conversations) {
      const last = state.starts[state.starts.length - 1];
      if (state.queued === 0 && (last === undefined || last <= at - longestMs)) conversations.delete(id);
    }
  };

  return {
    schedule<T>(conversationId: string, task: (takeSlot: TakeSlot) => Promise<T>): Promise<T> {
      sweepIdle();
      const state = conversations.get(conversationId) ?? { starts: [], tail: Promise.resolve(), queued: 0 };
      conversations.set(conversationId, state);
      const takeSlot = takeSlotIn(state);
      state.queued += 1;
      const run = state.tail.then(async () => {
        try {
          await takeSlot();
          return await task(takeSlot);
        } finally {
          state.queued -= 1;
        }
      });
      state.tail = run.catch(() => undefined);
      return run;
    },
    trackedConversations: () => conversations.size,
  };
}
