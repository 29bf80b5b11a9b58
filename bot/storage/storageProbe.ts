import type { TableClient } from '@azure/data-tables';
import type { Logger } from '../logger';
import { findRow } from './findRow';

/** /healthz may be called often (App Service every minute, a load balancer every few seconds). */
const PROBE_EVERY_MS = 5000;
/** Well inside a health checker's own timeout; the SDK's retries are cut short by it. */
const PROBE_TIMEOUT_MS = 2000;

/**
 * Whether Table storage answers: one point read of a row that never exists (404 is an answer),
 * at most once every PROBE_EVERY_MS however often it is asked; callers in between share the last
 * result. A change either way is logged once, so an outage has a start and an end in the log.
 */
export function createStorageProbe(table: TableClient, logger: Logger, options: { everyMs?: number; timeoutMs?: number } = {}): () => Promise<boolean> {
  const everyMs = options.everyMs ?? PROBE_EVERY_MS;
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS;
  let last: { at: number; reachable: Promise<boolean> } | undefined;
  let wasReachable = true;

  const probe = async (): Promise<boolean> => {
    let reachable = true;
    try {
      await findRow(table, 'healthz', 'probe', { abortSignal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      reachable = false;
      if (wasReachable) logger.error('storage_unreachable', { error });
    }
    if (reachable && !wasReachable) logger.info('storage_reachable_again');
    wasReachable = reachable;
    return reachable;
  };
  return () => {
    if (!last || Date.now() - last.at >= everyMs) last = { at: Date.now(), reachable: probe() };
    return last.reachable;
  };
}
