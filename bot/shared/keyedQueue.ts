// Runs tasks one at a time per key, in the order they were queued; different keys never
// wait for each other. A key's state is dropped as soon as nothing is queued for it.

export interface KeyedQueue {
  /** Runs `task` after every task queued earlier under `key` has settled (resolved or rejected). */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Tasks queued or running under `key`. */
  pending(key: string): number;
  /** Keys with something queued or running (for tests and metrics). */
  size(): number;
}

export function createKeyedQueue(): KeyedQueue {
  const queues = new Map<string, { tail: Promise<unknown>; pending: number }>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const queue = queues.get(key) ?? { tail: Promise.resolve(), pending: 0 };
      queues.set(key, queue);
      queue.pending += 1;
      const run = queue.tail.then(task).finally(() => {
        queue.pending -= 1;
        if (queue.pending === 0 && queues.get(key) === queue) queues.delete(key);
      });
      queue.tail = run.catch(() => undefined);
      return run;
    },
    pending: (key) => queues.get(key)?.pending ?? 0,
    size: () => queues.size,
  };
}
