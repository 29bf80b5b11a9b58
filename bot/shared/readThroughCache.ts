/**
 * Values read from storage, kept briefly per instance: concurrent misses share one read, and a
 * failed or empty read is asked again next time. `keepFor` may keep a value longer than `ttlMs`
 * once it is known (undefined: no longer). With `serveStale`, an expired value is still served
 * at once while one read behind it fetches the next (for readers that can live with a value a
 * little old, so they never wait on storage once warm).
 */
interface CacheEntry<T> {
  readonly value: Promise<T | undefined>;
  until: number;
  settled?: boolean;
  /** Whether the value may be served once past its lifetime (`servedStale`); set once settled. */
  staleOk?: boolean;
  reloading?: boolean;
}

export interface ReadThroughCacheOptions<T> {
  readonly keepFor?: (value: T) => number | undefined;
  readonly serveStale?: boolean;
  /** Which values may be served past their lifetime (serveStale, peek); the others are read again, waited for. Default: all. */
  readonly servedStale?: (value: T) => boolean;
  readonly now?: () => number;
  readonly maxEntries?: number;
}

export class ReadThroughCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();
  private readonly now: () => number;

  constructor(
    readonly ttlMs: number,
    private readonly options: ReadThroughCacheOptions<T> = {},
  ) {
    this.now = options.now ?? Date.now;
  }

  get(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    if (this.ttlMs <= 0) return load();
    const cached = this.entries.get(key);
    if (cached && cached.until > this.now()) return cached.value;
    if (cached?.settled && cached.staleOk && this.options.serveStale) {
      if (!cached.reloading) this.reload(key, cached, load);
      return cached.value;
    }
    if (this.entries.size >= (this.options.maxEntries ?? 1000)) this.entries.clear();
    return this.remember(key, load()).value;
  }

  /**
   * The value held for `key` once read, however old, without reading it again; undefined when none
   * is held, or when it is past its lifetime and `servedStale` says it may not be served so.
   */
  peek(key: string): Promise<T | undefined> | undefined {
    const cached = this.entries.get(key);
    return cached?.settled && (cached.staleOk || cached.until > this.now()) ? cached.value : undefined;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }

  private remember(key: string, value: Promise<T | undefined>): CacheEntry<T> {
    const entry: CacheEntry<T> = { value, until: this.now() + this.ttlMs };
    this.entries.set(key, entry);
    const drop = () => this.entries.get(key) === entry && this.entries.delete(key);
    value.then((found) => {
      if (found === undefined) {
        drop();
        return;
      }
      entry.settled = true;
      entry.staleOk = this.options.servedStale?.(found) ?? true;
      const keepFor = this.options.keepFor?.(found);
      if (keepFor !== undefined) entry.until = Math.max(entry.until, this.now() + keepFor);
    }, drop);
    return entry;
  }

  /** The stale value stays until the next one is known; a failed read leaves it for the next try. */
  private reload(key: string, stale: CacheEntry<T>, load: () => Promise<T | undefined>): void {
    stale.reloading = true;
    load().then(
      (found) => {
        if (this.entries.get(key) !== stale) return;
        if (found === undefined) this.entries.delete(key);
        else this.remember(key, Promise.resolve(found));
      },
      () => (stale.reloading = false),
    );
  }
}
