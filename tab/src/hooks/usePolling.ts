import { useMemo, useSyncExternalStore } from 'react';
import { IDLE, PolledSource, type Polled } from './polledSource';

export type { Polled } from './polledSource';

const noReaders = () => () => undefined;
const idle = () => IDLE;

/** What a shared source shows, kept up to date while the component is mounted; `null`: nothing to read. */
export function usePolled<T>(source: PolledSource<T> | null): Polled<T> {
  return useSyncExternalStore<Polled<T>>(source?.subscribe ?? noReaders, source?.getSnapshot ?? idle);
}

/**
 * A read only this component shows, polled as PolledSource says (every `intervalMs`, not while
 * the tab is hidden). `load` must keep its identity between renders (useCallback): a new one
 * starts a new read (another round, say). `null` reads nothing.
 */
export function usePolling<T>(load: ((signal: AbortSignal) => Promise<T>) | null, intervalMs: number): Polled<T> {
  const source = useMemo(() => (load ? new PolledSource(load, intervalMs) : null), [load, intervalMs]);
  return usePolled(source);
}
