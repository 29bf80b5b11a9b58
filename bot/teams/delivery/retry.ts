import type { RetryStrategy } from '@azure/core-rest-pipeline';

// When Teams says "try again later", the connector's pipeline tries again: core-rest-pipeline's
// own retry loop (bounded, abortable) with this strategy deciding which answers are worth
// another try and how long to wait. botbuilder's default policy only retries 429/503 with
// Retry-After and 5xx; Teams also answers 412 and 429 without Retry-After under load.

/**
 * Statuses Teams uses for "try again later", and 500, which Teams also answers for a
 * passing fault (issue 8: one 500 stopped a round's cards). Anything else is a real answer.
 */
const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 500, 502, 503, 504]);

export interface RetryOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Returns a number in [0, 1); jitter source. */
  random?: () => number;
  now?: () => number;
}

/** Tries after the first: five attempts in all, about 7.5 s of backoff at most without Retry-After. */
export const MAX_RETRIES = 4;

/**
 * For core-rest-pipeline's `retryPolicy(strategies, { maxRetries })`: retries a retryable
 * status after `retryDelayMs`; leaves everything else (including network errors, which may
 * have reached Teams: a repeated post would show twice) to the caller.
 */
export function teamsRetryStrategy(options: RetryOptions = {}): RetryStrategy {
  return {
    name: 'teamsRetryStrategy',
    retry({ retryCount, response, responseError }) {
      const failure = response ?? responseError;
      if (!isRetryable(failure)) return { skipStrategy: true };
      return { retryAfterInMs: retryDelayMs(failure, retryCount + 1, options) };
    },
  };
}

function isRetryable(error: unknown): boolean {
  const status = httpStatusOf(error);
  return status !== undefined && RETRYABLE_STATUSES.has(status);
}

/** Retry-After when the service sent one (capped), otherwise exponential backoff with full jitter. */
export function retryDelayMs(error: unknown, failedAttempt: number, options: RetryOptions = {}): number {
  const { baseDelayMs = 500, maxDelayMs = 15_000, random = Math.random, now = Date.now } = options;
  const retryAfter = retryAfterMsOf(error, now());
  if (retryAfter !== undefined) return Math.min(retryAfter, maxDelayMs);
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (failedAttempt - 1));
  return Math.floor(random() * ceiling);
}

/** A RestError (statusCode, response), a PipelineResponse (status, headers) or a fetch Response. */
interface HttpErrorShape {
  statusCode?: unknown;
  status?: unknown;
  headers?: unknown;
  response?: { status?: unknown; headers?: unknown };
}

/** HTTP status of an error from botbuilder (RestError.statusCode), fetch-like or axios-like clients. */
export function httpStatusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, status, response } = error as HttpErrorShape;
  for (const candidate of [statusCode, status, response?.status]) {
    if (typeof candidate === 'number' && Number.isInteger(candidate)) return candidate;
  }
  return undefined;
}

/** Retry-After (delta seconds or HTTP date) from the error's (or response's) headers, in ms. */
export function retryAfterMsOf(error: unknown, nowMs = Date.now()): number | undefined {
  const value = headerOf(error, 'retry-after');
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/** Reads a header from core-rest-pipeline's HttpHeaders / fetch Headers (`get`) or a plain record. */
function headerOf(error: unknown, name: string): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const shape = error as HttpErrorShape;
  const headers = shape.response?.headers ?? shape.headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const getter = (headers as { get?: unknown }).get;
  const value =
    typeof getter === 'function'
      ? (getter as (key: string) => unknown).call(headers, name)
      : Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
