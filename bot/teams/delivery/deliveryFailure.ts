import { httpStatusOf } from './retry';

/** What is known of a call to Teams that failed: for logs and delivery reports, never a person's data. */
export interface DeliveryFailure {
  /** HTTP status Teams answered last (after retries); absent when Teams could not be reached. */
  readonly status?: number;
  /** Teams' error code (e.g. ActivityNotFoundInConversation) or the network error's (ECONNREFUSED). */
  readonly code?: string;
}

/** Reads a botbuilder RestError (statusCode, code) or a Node network error (code). */
export function deliveryFailureOf(error: unknown): DeliveryFailure {
  const status = httpStatusOf(error);
  const code = (error as { code?: unknown } | null)?.code;
  return { ...(status === undefined ? {} : { status }), ...(typeof code === 'string' && code ? { code } : {}) };
}
