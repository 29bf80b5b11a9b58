import { isAuditError } from '../../bot/domain/errors';

/** The AuditError `call` throws, as its code and message; fails when it throws none, or another kind. */
export function refusalOf(call: () => unknown): { code: string; message: string } {
  try {
    call();
  } catch (error) {
    if (isAuditError(error)) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected a refusal');
}
