import { createHttpHeaders, type PipelineResponse } from '@azure/core-rest-pipeline';
import { httpStatusOf, retryAfterMsOf, retryDelayMs, teamsRetryStrategy, type RetryOptions } from '../../../bot/teams/delivery/retry';

/** Shaped like botbuilder 4.23's RestError: statusCode, and response.headers with get(). */
function restError(statusCode: number, headers: Record<string, string> = {}) {
  const lower = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.assign(new Error(`HTTP ${statusCode}`), {
    name: 'RestError',
    statusCode,
    response: { status: statusCode, headers: { get: (name: string) => lower.get(name.toLowerCase()) } },
  });
}

/** What the pipeline's retry loop hands a strategy: the raw response with its headers. */
function response(status: number, headers: Record<string, string> = {}): PipelineResponse {
  return { status, headers: createHttpHeaders(headers), request: {} as PipelineResponse['request'] };
}

/** The delay the strategy asks for after the `retryCount`-th try (0 = the first), or 'no retry'. */
function decision(failure: PipelineResponse, retryCount = 0, options: RetryOptions = {}) {
  const modifiers = teamsRetryStrategy({ random: () => 0.5, ...options }).retry({ retryCount, response: failure });
  return modifiers.skipStrategy ? 'no retry' : modifiers.retryAfterInMs;
}

test('a 429 with Retry-After waits exactly that long', () => {
  expect(decision(response(429, { 'Retry-After': '2' }))).toBe(2_000);
});

test('Retry-After as an HTTP date', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  expect(decision(response(503, { 'Retry-After': 'Wed, 01 Jan 2025 00:00:03 GMT' }), 0, { now: () => now })).toBe(3_000);
});

test('Retry-After is capped by maxDelayMs', () => {
  expect(decision(response(429, { 'Retry-After': '120' }), 0, { maxDelayMs: 5_000 })).toBe(5_000);
});

test('without Retry-After: exponential backoff with full jitter', () => {
  const options = { baseDelayMs: 500, maxDelayMs: 3_000 };
  // random() = 0.5 of a ceiling 500, 1000, 2000, then 4000 capped at 3000.
  expect([429, 412, 502, 504].map((status, retryCount) => decision(response(status), retryCount, options))).toEqual([250, 500, 1_000, 1_500]);
});

test('jitter spreads the delay over [0, ceiling)', () => {
  expect(retryDelayMs(restError(502), 1, { random: () => 0 })).toBe(0);
  expect(retryDelayMs(restError(502), 1, { random: () => 0.999 })).toBe(499);
});

test.each([500, 502, 503, 504, 412, 429])('retries %i (500 too: issue 8, one 500 stopped a round)', (status) => {
  expect(decision(response(status))).toEqual(expect.any(Number));
});

test.each([200, 201, 400, 401, 403, 404, 409, 413, 501])('does not retry %i', (status) => {
  expect(decision(response(status))).toBe('no retry');
});

test('does not retry an error without an HTTP status (the post may have reached Teams)', () => {
  const modifiers = teamsRetryStrategy().retry({ retryCount: 0, responseError: Object.assign(new Error('socket hang up'), { name: 'RestError', code: 'ECONNRESET' }) as never });
  expect(modifiers.skipStrategy).toBe(true);
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
