/**
 * Values read from storage, kept briefly per instance: concurrent misses share one read, a
 * failed or empty read is asked again next time, and `keepFor` may keep a value longer than
 * `ttlMs` once it is known (undefined: no longer).
 */
interface CacheEntry<T> {
  readonly value: Promise<T | undefined>;
  until: number;
}

export class ReadThroughCache<T> {
  private readonly entries = new Map<string, CacheEntry<T>>();

  constructor(
    readonly ttlMs: number,
    private readonly options: { keepFor?: (value: T) => number | undefined; now?: () => number; maxEntries?: number } = {},
  ) {}

  get(key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
    if (this.ttlMs <= 0) return load();
    const now = this.options.now ?? Date.now;
    const cached = this.entries.get(key);
    if (cached && cached.until > now()) return cached.value;
    if (this.entries.size >= (this.options.maxEntries ?? 1000)) this.entries.clear();
    const entry: CacheEntry<T> = { value: load(), until: now() + this.ttlMs };
    this.entries.set(key, entry);
    const drop = () => this.entries.get(key) === entry && this.entries.delete(key);
    entry.value.then((found) => {
      if (found === undefined) return void drop();
      const keepFor = this.options.keepFor?.(found);
      if (keepFor !== undefined) entry.until = Math.max(entry.until, now() + keepFor);
    }, drop);
    return entry.value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}
