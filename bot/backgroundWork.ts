import type { Logger } from './logger';

/**
 * Work that outlives a request, tracked so tests and shutdown can wait for it. Its functions use
 * no `this`, so `run` can be handed on alone (as the bot's `inBackground`).
 */
export interface BackgroundWork {
  run: (name: string, work: () => Promise<void>) => void;
  idle: () => Promise<void>;
}

export function createBackgroundWork(logger: Logger): BackgroundWork {
  const running = new Set<Promise<void>>();
  return {
    run(name, work) {
      const task: Promise<void> = work()
        .catch((error: unknown) => logger.error('background_work_failed', { name, error }))
        .finally(() => running.delete(task));
      running.add(task);
    },
    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },
  };
}
