import { AuditError } from '../domain/errors';

/** Narrow helpers over @azure/data-tables' RestError, which carries the HTTP status. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

export const isConflict = (error: unknown): boolean => statusOf(error) === 409;
export const isNotFound = (error: unknown): boolean => statusOf(error) === 404;
export const isPreconditionFailed = (error: unknown): boolean => statusOf(error) === 412;

function isUnavailable(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  if (name !== 'RestError' && name !== 'AbortError') return false;
  const status = statusOf(error);
  return status === undefined || status >= 500;
}

/**
 * Runs a storage call, turning "storage cannot be reached" (no status: connection refused,
 * reset, timed out; or a 5xx after the SDK's own retries) into STORAGE_UNAVAILABLE, so a
 * person hears "try again" and the caller keeps what they typed. Other errors pass through.
 */
export async function storageCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AuditError) throw error;
    if (isUnavailable(error)) throw new AuditError('STORAGE_UNAVAILABLE', undefined, { cause: error });
    throw error;
  }
}
