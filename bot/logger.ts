/**
 * Structured JSON lines on stdout: what App Service and Application Insights collect.
 * Fields are values, never message templates, so logs can be queried.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createLogger(level: LogLevel, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)): Logger {
  const emit = (at: Exclude<LogLevel, 'silent'>) => (event: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[at] < ORDER[level]) return;
    write(JSON.stringify({ time: new Date().toISOString(), level: at, event, ...serialiseErrors(fields) }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

function serialiseErrors(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) out[key] = value instanceof Error ? describeError(value, 0) : value;
  return out;
}

/** How deep a chain of causes is followed (fetch failed ← connect ECONNREFUSED is two). */
const MAX_CAUSES = 3;

/**
 * What an operator needs of an error, and nothing else an error object may carry (a request
 * with its headers, a response with its body): name, message, code, HTTP status, stack, and
 * the same of its cause, so "fetch failed" shows the ECONNREFUSED or ENOTFOUND behind it.
 */
function describeError(error: Error, depth: number): Record<string, unknown> {
  const { code, statusCode, status } = error as { code?: unknown; statusCode?: unknown; status?: unknown };
  const httpStatus = typeof statusCode === 'number' ? statusCode : typeof status === 'number' ? status : undefined;
  const cause = (error as { cause?: unknown }).cause;
  return {
    name: error.name,
    message: error.message,
    ...(code !== undefined ? { code } : {}),
    ...(httpStatus !== undefined ? { status: httpStatus } : {}),
    stack: error.stack,
    ...(cause instanceof Error && depth < MAX_CAUSES ? { cause: describeError(cause, depth + 1) } : {}),
  };
}
