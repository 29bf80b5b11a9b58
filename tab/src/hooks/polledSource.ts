/** What a polled read shows: the last data, the last failure (until a load succeeds), and whether the first load is under way. */
export interface Polled<T> {
  readonly data: T | undefined;
  readonly error: Error | undefined;
  readonly loading: boolean;
}

/** A read nobody asked for (a round whose state does not allow it, say). */
export const IDLE: Polled<never> = { data: undefined, error: undefined, loading: false };

/** `refresh` of a read nobody asked for: nothing to read again. */
export const noRefresh = (): void => undefined;

/**
 * One read of the API kept up to date for every component that shows it (the subscribers of
 * React's useSyncExternalStore). It loads when its first reader arrives, at once unless what it
 * has is younger than `intervalMs`, then again `intervalMs` after each load settles, while it
 * has readers and the document is visible; a hidden tab stops polling and loads at once when
 * shown again. A failed load keeps the last data and shows the error until a load succeeds.
 * When the last reader leaves, polling stops and a load on the wire is abandoned, unless a
 * reader comes back within the same turn (one view replacing another).
 */
export class PolledSource<T> {
  private state: Polled<T> = { data: undefined, error: undefined, loading: true };
  private readonly readers = new Set<() => void>();
  /** The load on the wire, if any: one at a time. */
  private inFlight: AbortController | undefined;
  private timer: number | undefined;
  private stopping: number | undefined;
  /** When the last load settled (Date.now()), or never. */
  private settledAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly load: (signal: AbortSignal) => Promise<T>,
    private readonly intervalMs: number,
  ) {}

  readonly getSnapshot = (): Polled<T> => this.state;

  readonly subscribe = (reader: () => void): (() => void) => {
    this.readers.add(reader);
    this.start();
    return () => {
      this.readers.delete(reader);
      if (this.readers.size === 0) this.stopSoon();
    };
  };

  /** Loads again now (after a change this tab made), abandoning a load already on the wire, which may predate the change. */
  readonly refresh = (): void => {
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.pollNow();
  };

  private start(): void {
    window.clearTimeout(this.stopping);
    this.stopping = undefined;
    document.addEventListener('visibilitychange', this.onVisibility);
    if (this.inFlight || this.timer !== undefined) return;
    const due = this.settledAt + this.intervalMs - Date.now();
    if (due <= 0) this.pollNow();
    else if (!document.hidden) this.timer = window.setTimeout(this.pollNow, due);
  }

  private stopSoon(): void {
    window.clearTimeout(this.stopping);
    this.stopping = window.setTimeout(() => {
      this.stopping = undefined;
      if (this.readers.size > 0) return;
      document.removeEventListener('visibilitychange', this.onVisibility);
      this.clearTimer();
      this.inFlight?.abort();
      this.inFlight = undefined;
    }, 0);
  }

  private async poll(): Promise<void> {
    if (this.inFlight) return;
    this.clearTimer();
    const controller = new AbortController();
    this.inFlight = controller;
    try {
      const data = await this.load(controller.signal);
      if (!controller.signal.aborted) this.show({ data, error: undefined, loading: false });
    } catch (error) {
      if (!controller.signal.aborted) this.show({ ...this.state, error: error as Error, loading: false });
    } finally {
      // An abandoned load leaves no trace: the next reader loads afresh.
      if (this.inFlight === controller) {
        this.inFlight = undefined;
        this.settledAt = Date.now();
        if (!document.hidden) this.timer = window.setTimeout(this.pollNow, this.intervalMs);
      }
    }
  }

  private readonly pollNow = (): void => void this.poll();

  private readonly onVisibility = (): void => {
    if (document.hidden) this.clearTimer();
    else this.pollNow();
  };

  private clearTimer(): void {
    window.clearTimeout(this.timer);
    this.timer = undefined;
  }

  private show(state: Polled<T>): void {
    this.state = state;
    for (const reader of this.readers) reader();
  }
}
