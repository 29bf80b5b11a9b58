// Bounded retry for calls to the Teams Bot Connector. botbuilder's own pipeline only retries
// a 429/503 that carries Retry-After (and 5xx with its own backoff); Teams also answers 412
// and 502/504 under load, so sends and card updates go through this.

/** Statuses Teams uses for "try again later". Anything else is a real answer. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

export interface RetryOptions {
  /** Total tries, the first one included. */
  attempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Returns a number in [0, 1); jitter source. */
  random?: () => number;
  now?: () => number;
  /** Runs after the wait and before each retry, e.g. to take another rate-limit slot. */
  beforeRetry?: (attempt: number, error: unknown) => void | Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(task: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const { attempts = 5, sleep = defaultSleep, beforeRetry } = options;
  for (let attempt = 1; ; attempt++) {
    try {
      return await task();
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await sleep(retryDelayMs(error, attempt, options));
      await beforeRetry?.(attempt + 1, error);
    }
  }
}

export function isRetryable(error: unknown): boolean {
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

interface HttpErrorShape {
  statusCode?: unknown;
  status?: unknown;
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

/** Retry-After (delta seconds or HTTP date) from the error's response headers, in ms. */
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
  const headers = (error as HttpErrorShape).response?.headers;
  if (typeof headers !== 'object' || headers === null) return undefined;
  const getter = (headers as { get?: unknown }).get;
  const value =
    typeof getter === 'function'
      ? (getter as (key: string) => unknown).call(headers, name)
      : Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}
