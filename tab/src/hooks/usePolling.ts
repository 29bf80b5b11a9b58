import { useEffect, useRef, useState } from 'react';

export interface Polled<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
}

/**
 * Loads now, then again `intervalMs` after each load settles, while the document is visible;
 * a hidden tab stops polling and loads at once when shown again. `key` restarts it (new round).
 * A failed poll keeps the last data and shows the error until a poll succeeds.
 */
export function usePolling<T>(load: ((signal: AbortSignal) => Promise<T>) | null, intervalMs: number, key: string): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: undefined, error: undefined, loading: load !== null });
  const latest = useRef(load);
  latest.current = load;
  const enabled = load !== null;

  useEffect(() => {
    if (!enabled) {
      setState({ data: undefined, error: undefined, loading: false });
      return undefined;
    }
    setState({ data: undefined, error: undefined, loading: true });
    const controller = new AbortController();
    let timer: number | undefined;
    let inFlight = false;

    const schedule = () => {
      window.clearTimeout(timer);
      if (!document.hidden && !controller.signal.aborted) timer = window.setTimeout(poll, intervalMs);
    };
    async function poll(): Promise<void> {
      if (inFlight || controller.signal.aborted) return;
      inFlight = true;
      try {
        const data = await latest.current!(controller.signal);
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      } catch (error) {
        if (!controller.signal.aborted) setState((previous) => ({ ...previous, error: error as Error, loading: false }));
      } finally {
        inFlight = false;
        schedule();
      }
    }
    const onVisibility = () => {
      if (document.hidden) window.clearTimeout(timer);
      else void poll();
    };

    void poll();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      controller.abort();
      window.clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
    // `load` is rebuilt on every render (read through `latest`); `key` says when what it loads changes.
  }, [key, intervalMs, enabled]);

  return state;
}
