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

/** A cache that has read `value` once (one read so far), and a clock now past its lifetime. */
async function expiredHolding(value: string, options: { serveStale: boolean }) {
  let clock = 0;
  const cache = new ReadThroughCache<string>(1000, { serveStale: options.serveStale, now: () => clock });
  const store = storage<string>();
  const first = cache.get('k', () => store.load());
  store.pending.shift()!.resolve(value);
  expect(await first).toBe(value);
  clock = 1001;
  return { cache, store, get: () => cache.get('k', () => store.load()) };
}

describe('ReadThroughCache serving stale values (the tab)', () => {
  it('serves an expired value at once while one read behind it fetches the next', async () => {
    const { store, get } = await expiredHolding('open', { serveStale: true });
    // Expired: both callers get the old value without waiting; only one read goes out.
    expect(await get()).toBe('open');
    expect(await get()).toBe('open');
    expect(store.reads).toBe(2);
    store.pending.shift()!.resolve('closed');
    await settle();
    expect(await get()).toBe('closed');
    expect(store.reads).toBe(2);
  });

  it('keeps serving the old value when the read behind it fails, and tries again next time', async () => {
    const { store, get } = await expiredHolding('v1', { serveStale: true });
    expect(await get()).toBe('v1');
    store.pending.shift()!.reject(new Error('storage unavailable'));
    await settle();
    expect(await get()).toBe('v1');
    expect(store.reads).toBe(3);
  });

  it('stops serving a value storage no longer has', async () => {
    const { store, get } = await expiredHolding('team', { serveStale: true });
    await get();
    store.pending.shift()!.resolve(undefined);
    await settle();
    const next = get();
    store.pending.shift()!.resolve(undefined);
    expect(await next).toBeUndefined();
  });

  it('without serveStale, an expired value waits for storage (the answers path)', async () => {
    const { store, get } = await expiredHolding('open', { serveStale: false });
    const next = get();
    store.pending.shift()!.resolve('closed');
    expect(await next).toBe('closed');
  });
});
