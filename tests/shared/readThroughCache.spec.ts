import { ReadThroughCache } from '../../bot/shared/readThroughCache';

/** A loader that answers when told to, counting the reads that reach it. */
function storage<T>() {
  const pending: Array<{ resolve: (value: T | undefined) => void; reject: (error: Error) => void }> = [];
  return {
    reads: 0,
    pending,
    load(): Promise<T | undefined> {
      this.reads += 1;
      return new Promise((resolve, reject) => pending.push({ resolve, reject }));
    },
  };
}
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('ReadThroughCache serving stale values (the tab)', () => {
  it('serves an expired value at once while one read behind it fetches the next', async () => {
    let clock = 0;
    const cache = new ReadThroughCache<string>(1000, { serveStale: true, now: () => clock });
    const store = storage<string>();
    const first = cache.get('k', () => store.load());
    store.pending.shift()!.resolve('open');
    expect(await first).toBe('open');

    clock = 1001;
    // Expired: both callers get the old value without waiting; only one read goes out.
    expect(await cache.get('k', () => store.load())).toBe('open');
    expect(await cache.get('k', () => store.load())).toBe('open');
    expect(store.reads).toBe(2);
    store.pending.shift()!.resolve('closed');
    await settle();
    expect(await cache.get('k', () => store.load())).toBe('closed');
    expect(store.reads).toBe(2);
  });

  it('keeps serving the old value when the read behind it fails, and tries again next time', async () => {
    let clock = 0;
    const cache = new ReadThroughCache<string>(1000, { serveStale: true, now: () => clock });
    const store = storage<string>();
    const first = cache.get('k', () => store.load());
    store.pending.shift()!.resolve('v1');
    await first;
    clock = 2000;
    expect(await cache.get('k', () => store.load())).toBe('v1');
    store.pending.shift()!.reject(new Error('storage unavailable'));
    await settle();
    expect(await cache.get('k', () => store.load())).toBe('v1');
    expect(store.reads).toBe(3);
  });

  it('stops serving a value storage no longer has', async () => {
    let clock = 0;
    const cache = new ReadThroughCache<string>(1000, { serveStale: true, now: () => clock });
    const store = storage<string>();
    const first = cache.get('k', () => store.load());
    store.pending.shift()!.resolve('team');
    await first;
    clock = 2000;
    await cache.get('k', () => store.load());
    store.pending.shift()!.resolve(undefined);
    await settle();
    const next = cache.get('k', () => store.load());
    store.pending.shift()!.resolve(undefined);
    expect(await next).toBeUndefined();
  });

  it('without serveStale, an expired value waits for storage (the answers path)', async () => {
    let clock = 0;
    const cache = new ReadThroughCache<string>(1000, { now: () => clock });
    const store = storage<string>();
    const first = cache.get('k', () => store.load());
    store.pending.shift()!.resolve('open');
    await first;
    clock = 1001;
    const next = cache.get('k', () => store.load());
    store.pending.shift()!.resolve('closed');
    expect(await next).toBe('closed');
  });
});
