// Collapses bursts of "this changed" into one flush per key. When a whole team votes at once,
// updating the shared card on every vote would break Teams' 8-per-2-s limit, and writing each
// remembered level on its own would double the storage calls of an answer.

export interface CoalescerOptions {
  /** How long to gather marks before flushing a key. */
  delayMs: number;
  flush: (key: string) => Promise<void>;
  onError: (error: unknown, key: string) => void;
}

export interface Coalescer {
  markDirty(key: string): void;
  /** Flushes pending keys now and resolves once nothing is pending or running. */
  drain(): Promise<void>;
  /** Cancels pending timers and ignores later marks; running flushes finish. */
  stop(): void;
}

interface KeyState {
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  /** Marked again while a flush ran: one more flush is owed. */
  dirtyAgain: boolean;
}

export function createCoalescer(options: CoalescerOptions): Coalescer {
  const { delayMs, flush, onError } = options;
  const keys = new Map<string, KeyState>();
  let idleWaiters: Array<() => void> = [];
  let stopped = false;

  const settle = (key: string) => {
    keys.delete(key);
    if (keys.size > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const schedule = (key: string, state: KeyState) => {
    // While someone drains, owed flushes run at once instead of after the delay.
    if (idleWaiters.length > 0) void run(key, state);
    else state.timer = setTimeout(() => void run(key, state), delayMs);
  };

  // Never rejects (a flush's error goes to onError), so callers start it without awaiting.
  const run = async (key: string, state: KeyState) => {
    clearTimeout(state.timer);
    state.timer = undefined;
    state.running = true;
    try {
      await flush(key);
    } catch (error) {
      reportSafely(onError, error, key);
    }
    state.running = false;
    if (state.dirtyAgain && !stopped) {
      state.dirtyAgain = false;
      schedule(key, state);
    } else {
      settle(key);
    }
  };

  return {
    markDirty(key) {
      if (stopped) return;
      const state = keys.get(key);
      if (!state) {
        const fresh: KeyState = { running: false, dirtyAgain: false };
        keys.set(key, fresh);
        schedule(key, fresh);
      } else if (state.running) {
        state.dirtyAgain = true;
      }
      // Otherwise a flush is already scheduled and will pick this mark up.
    },
    drain() {
      if (keys.size === 0) return Promise.resolve();
      const idle = new Promise<void>((resolve) => idleWaiters.push(resolve));
      for (const [key, state] of keys) if (state.timer !== undefined) void run(key, state);
      return idle;
    },
    stop() {
      stopped = true;
      for (const [key, state] of keys) {
        if (state.running) continue;
        clearTimeout(state.timer);
        settle(key);
      }
    },
  };
}

function reportSafely(onError: CoalescerOptions['onError'], error: unknown, key: string): void {
  try {
    onError(error, key);
  } catch {
    // A failing error reporter must not stop later flushes.
  }
}
