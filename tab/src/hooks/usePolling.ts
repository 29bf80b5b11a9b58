import { useEffect, useMemo, useRef, useState } from 'react';

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
  const enabled = load !== null;
  // Each result carries the run that loaded it, so a new run (another round, say) shows nothing
  // of the last one's without resetting the state in an effect (a second render each time).
  const run = JSON.stringify([key, intervalMs, enabled]);
  const [state, setState] = useState<(Polled<T> & { readonly run: string }) | undefined>(undefined);
  const notYet = useMemo<Polled<T>>(() => ({ data: undefined, error: undefined, loading: enabled }), [enabled]);
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });

  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    let timer: number | undefined;
    let inFlight = false;

    const schedule = () => {
      window.clearTimeout(timer);
      if (!document.hidden && !controller.signal.aborted) timer = window.setTimeout(() => void poll(), intervalMs);
    };
    // Never rejects (a failure goes into the state), so it is started without awaiting.
    async function poll(): Promise<void> {
      if (inFlight || controller.signal.aborted) return;
      inFlight = true;
      try {
        const data = await latest.current!(controller.signal);
        if (!controller.signal.aborted) setState({ run, data, error: undefined, loading: false });
      } catch (error) {
        if (!controller.signal.aborted) setState((previous) => ({ run, data: previous?.run === run ? previous.data : undefined, error: error as Error, loading: false }));
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
    // `load` is rebuilt on every render (read through `latest`); `key`, in `run`, says when what it loads changes.
  }, [run, intervalMs, enabled]);

  return state?.run === run ? state : notYet;
}
