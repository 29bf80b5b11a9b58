import { createCoalescer, type Coalescer } from '../../bot/shared/coalescer';

const DELAY_MS = 500;

let coalescer: Coalescer;
beforeEach(() => jest.useFakeTimers());
afterEach(() => {
  coalescer?.stop();
  jest.useRealTimers();
});

function setUp(flush: (key: string) => Promise<void> = async () => undefined) {
  const flushed = jest.fn(flush);
  const onError = jest.fn();
  coalescer = createCoalescer({ delayMs: DELAY_MS, flush: flushed, onError });
  return { flushed, onError };
}

/** A flush that stays running until the test releases it. */
function heldFlush() {
  const releases: Array<() => void> = [];
  const flush = () => new Promise<void>((resolve) => releases.push(resolve));
  return { flush, release: () => releases.shift()?.() };
}

test('100 marks within the delay give one flush', async () => {
  const { flushed } = setUp();
  for (let i = 0; i < 100; i++) coalescer.markDirty('card-1');

  await jest.advanceTimersByTimeAsync(DELAY_MS - 1);
  expect(flushed).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(1);
  expect(flushed.mock.calls).toEqual([['card-1']]);
  await jest.advanceTimersByTimeAsync(10 * DELAY_MS);
  expect(flushed).toHaveBeenCalledTimes(1);
});

test('keys are flushed separately', async () => {
  const { flushed } = setUp();
  coalescer.markDirty('a');
  coalescer.markDirty('b');
  coalescer.markDirty('a');
  await jest.advanceTimersByTimeAsync(DELAY_MS);
  expect(flushed.mock.calls.map(([key]) => key).sort((a, b) => a.localeCompare(b))).toEqual(['a', 'b']);
});

test('marks during a flush cause exactly one more flush after it', async () => {
  const held = heldFlush();
  const { flushed } = setUp(held.flush);
  coalescer.markDirty('card');
  await jest.advanceTimersByTimeAsync(DELAY_MS);
  expect(flushed).toHaveBeenCalledTimes(1);

  for (let i = 0; i < 5; i++) coalescer.markDirty('card');
  await jest.advanceTimersByTimeAsync(10 * DELAY_MS);
  expect(flushed).toHaveBeenCalledTimes(1); // never two flushes of one key at once

  held.release();
  await jest.advanceTimersByTimeAsync(DELAY_MS);
  expect(flushed).toHaveBeenCalledTimes(2);
  held.release();
  await jest.advanceTimersByTimeAsync(10 * DELAY_MS);
  expect(flushed).toHaveBeenCalledTimes(2);
});

test('drain flushes pending keys without waiting for the delay, and waits for running ones', async () => {
  const held = heldFlush();
  const { flushed } = setUp(held.flush);
  coalescer.markDirty('a');
  let drained = false;
  const draining = coalescer.drain().then(() => (drained = true));

  await Promise.resolve();
  expect(flushed).toHaveBeenCalledTimes(1);
  coalescer.markDirty('a'); // owed flush runs straight away while draining
  held.release();
  await jest.advanceTimersByTimeAsync(0);
  expect(flushed).toHaveBeenCalledTimes(2);
  expect(drained).toBe(false);

  held.release();
  await draining;
  expect(drained).toBe(true);
});

test('drain resolves at once when idle', async () => {
  setUp();
  await expect(coalescer.drain()).resolves.toBeUndefined();
});

test('errors go to onError and later flushes still run', async () => {
  const failure = new Error('Teams said 413');
  const { flushed, onError } = setUp(async () => {
    if (flushed.mock.calls.length === 1) throw failure;
  });
  coalescer.markDirty('card');
  await jest.advanceTimersByTimeAsync(DELAY_MS);
  expect(onError).toHaveBeenCalledWith(failure, 'card');

  coalescer.markDirty('card');
  await coalescer.drain();
  expect(flushed).toHaveBeenCalledTimes(2);
  expect(onError).toHaveBeenCalledTimes(1);
});

test('stop cancels pending flushes and ignores later marks', async () => {
  const { flushed } = setUp();
  coalescer.markDirty('card');
  coalescer.stop();
  coalescer.markDirty('other');
  await jest.advanceTimersByTimeAsync(10 * DELAY_MS);
  expect(flushed).not.toHaveBeenCalled();
  await expect(coalescer.drain()).resolves.toBeUndefined();
});
