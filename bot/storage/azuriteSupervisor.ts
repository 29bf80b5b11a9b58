import type { Logger } from '../logger';
import { startEmbeddedAzurite, type EmbeddedAzurite } from './embeddedAzurite';

/** More exits than this within RESTART_WINDOW_MS is a crash loop: restarting again would not help. */
const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 60_000;

export interface SupervisedAzurite {
  /** The same for every Azurite it starts: a restart listens on the same ports. */
  readonly connectionString: string;
  /** The running Azurite's process id (it changes on a restart). */
  readonly pid: () => number;
  /** Stops watching, then stops Azurite, which saves as it closes. */
  stop(): Promise<void>;
}

/**
 * The embedded Azurite, watched: if it exits without being asked to (killed, crashed, out of
 * memory), the exit is logged and it is started again on the same ports and data folder, so the
 * service's table and queue clients reach it again and answers are accepted without anyone restarting the
 * service. What it had not saved yet (LokiJS saves every 5 s) is lost with it. If it cannot be
 * started again, or exits more than MAX_RESTARTS times in a minute, `onGiveUp` is told, so the
 * service can exit and whatever supervises it (systemd, a terminal's user) start it afresh.
 */
export async function startSupervisedAzurite(options: { dataDir: string; logger: Logger; onGiveUp: (error: Error) => void }): Promise<SupervisedAzurite> {
  const { dataDir, logger } = options;
  let current: EmbeddedAzurite = await startEmbeddedAzurite({ dataDir });
  let stopping = false;
  let restarting: Promise<void> | undefined;
  let exits: number[] = [];

  const giveUp = (error: Error) => {
    logger.error('embedded_storage_gave_up', { error });
    options.onGiveUp(error);
  };
  const restart = async (dead: EmbeddedAzurite) => {
    const now = Date.now();
    exits = [...exits.filter((at) => now - at < RESTART_WINDOW_MS), now];
    if (exits.length > MAX_RESTARTS) return giveUp(new Error(`Azurite exited ${exits.length} times within ${RESTART_WINDOW_MS / 1000} s`));
    try {
      current = await startEmbeddedAzurite({ dataDir, port: dead.port, queuePort: dead.queuePort });
    } catch (error) {
      return giveUp(error instanceof Error ? error : new Error(String(error)));
    }
    logger.warn('embedded_storage_restarted', { pid: current.pid, port: current.port, queuePort: current.queuePort });
    watch(current);
  };
  const watch = (azurite: EmbeddedAzurite) => {
    // `exited` only resolves; `stop()` awaits a restart under way.
    void azurite.exited.then(({ code, signal, stopped }) => {
      if (stopped || stopping) return;
      logger.error('embedded_storage_exited', { pid: azurite.pid, code, signal });
      restarting = restart(azurite).finally(() => (restarting = undefined));
    });
  };
  watch(current);

  return {
    connectionString: current.connectionString,
    pid: () => current.pid,
    async stop() {
      stopping = true;
      await restarting;
      await current.stop();
    },
  };
}
