import { httpStatusOf, retryAfterMsOf, withRetry, type RetryOptions } from '../../../bot/teams/delivery/retry';

/** Shaped like botbuilder 4.23's RestError: statusCode, and response.headers with get(). */
function restError(statusCode: number, headers: Record<string, string> = {}) {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    name: 'RestError',
    statusCode,
    response: { status: statusCode, headers: { get: (name: string) => lower.get(name.toLowerCase()) } },
  });
}

/** A task failing with the given errors, then succeeding. */
function failingWith(...errors: unknown[]) {
  const task = jest.fn(async () => {
    const error = errors[task.mock.calls.length - 1];
    if (error !== undefined) throw error;
    return 'ok';
  });
  return task;
}

function recordedSleeps(options: RetryOptions = {}) {
  const sleeps: number[] = [];
  return { sleeps, options: { random: () => 0.5, ...options, sleep: async (ms: number) => void sleeps.push(ms) } };
}

test('a 429 with Retry-After waits exactly that long', async () => {
  const { sleeps, options } = recordedSleeps();
  const task = failingWith(restError(429, { 'Retry-After': '2' }));
  await expect(withRetry(task, options)).resolves.toBe('ok');
  expect(sleeps).toEqual([2_000]);
  expect(task).toHaveBeenCalledTimes(2);
});

test('Retry-After as an HTTP date', async () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  const { sleeps, options } = recordedSleeps({ now: () => now });
  await withRetry(failingWith(restError(503, { 'Retry-After': 'Wed, 01 Jan 2025 00:00:03 GMT' })), options);
  expect(sleeps).toEqual([3_000]);
});

test('Retry-After is capped by maxDelayMs', async () => {
  const { sleeps, options } = recordedSleeps({ maxDelayMs: 5_000 });
  await withRetry(failingWith(restError(429, { 'Retry-After': '120' })), options);
  expect(sleeps).toEqual([5_000]);
});

test('without Retry-After: exponential backoff with full jitter', async () => {
  const { sleeps, options } = recordedSleeps({ baseDelayMs: 500, maxDelayMs: 3_000 });
  const task = failingWith(restError(429), restError(412), restError(502), restError(504));
  await expect(withRetry(task, options)).resolves.toBe('ok');
  // random() = 0.5 of a ceiling 500, 1000, 2000, then 4000 capped at 3000.
  expect(sleeps).toEqual([250, 500, 1_000, 1_500]);
});

test('jitter spreads the delay over [0, ceiling)', async () => {
  const low = recordedSleeps({ random: () => 0 });
  const high = recordedSleeps({ random: () => 0.999 });
  await withRetry(failingWith(restError(502)), low.options);
  await withRetry(failingWith(restError(502)), high.options);
  expect(low.sleeps).toEqual([0]);
  expect(high.sleeps).toEqual([499]);
});

test.each([400, 401, 403, 404, 409, 413, 500])('does not retry %i', async (status) => {
  const { sleeps, options } = recordedSleeps();
  const task = failingWith(restError(status));
  await expect(withRetry(task, options)).rejects.toMatchObject({ statusCode: status });
  expect(task).toHaveBeenCalledTimes(1);
  expect(sleeps).toEqual([]);
});

test('does not retry errors without an HTTP status', async () => {
  const task = failingWith(new TypeError('bug'));
  await expect(withRetry(task, recordedSleeps().options)).rejects.toThrow('bug');
  expect(task).toHaveBeenCalledTimes(1);
});

test('gives up after the last attempt and throws the last error', async () => {
  const errors = [restError(429), restError(503), restError(504)];
  const task = failingWith(...errors, 'never reached');
  await expect(withRetry(task, { ...recordedSleeps().options, attempts: 3 })).rejects.toBe(errors[2]);
  expect(task).toHaveBeenCalledTimes(3);
});

test('beforeRetry runs before each retry with the attempt number', async () => {
  const beforeRetry = jest.fn();
  const first = restError(429);
  await withRetry(failingWith(first), { ...recordedSleeps().options, beforeRetry });
  expect(beforeRetry).toHaveBeenCalledWith(2, first);
});

test('httpStatusOf reads statusCode, status or response.status', () => {
  expect(httpStatusOf({ statusCode: 429 })).toBe(429);
  expect(httpStatusOf({ status: 412 })).toBe(412);
  expect(httpStatusOf({ response: { status: 504 } })).toBe(504);
  expect(httpStatusOf(new Error('no status'))).toBeUndefined();
  expect(httpStatusOf('429')).toBeUndefined();
  expect(httpStatusOf(null)).toBeUndefined();
});

test('retryAfterMsOf reads fetch Headers and plain header records', () => {
  expect(retryAfterMsOf({ response: { headers: new Headers({ 'Retry-After': '4' }) } })).toBe(4_000);
  expect(retryAfterMsOf({ response: { headers: { 'retry-after': '1.5' } } })).toBe(1_500);
  expect(retryAfterMsOf({ response: { headers: { 'Retry-After': 'soon' } } })).toBeUndefined();
  expect(retryAfterMsOf({ statusCode: 429 })).toBeUndefined();
});
