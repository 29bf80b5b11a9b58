import { AuditError, type ErrorCode } from '../domain/errors';
import { canBeKeys } from './keys';
import { isNotFound, isPreconditionFailed } from './storageErrors';

/**
 * What a version looks like: Table storage's etag, `W/"datetime'<ISO time, URL-encoded>'"`, as
 * Azure and Azurite hand it out. Anything else, above all `*` (which storage reads as "any
 * version" and so would overwrite a newer edit), is refused before storage sees it.
 */
const ETAG = /^W\/"datetime'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}(\.\d{1,9})?Z'"$/;

/** Whether `version` is a row's etag as storage gave it (never `*`). */
function isRowVersion(version: string): boolean {
  return ETAG.test(version);
}

/**
 * The codes a repository's conditional changes (a row replaced or removed at the version its
 * editor saw, the row's etag) are refused with: `notFound` (the row is gone, or its id cannot be
 * a key), `changed` (someone changed it since), and VERSION_NOT_VALID for a version that is no
 * etag, with `versionWording` where the default message names the wrong thing.
 */
export interface ConditionalChangeCodes {
  readonly notFound: ErrorCode;
  readonly changed: ErrorCode;
  readonly versionWording?: string;
}

/**
 * Checks a change before storage sees it: an id that cannot be a key names no row (`notFound`);
 * a version that is not an etag is no version (VERSION_NOT_VALID, 428). Throws AuditError.
 */
export function checkConditionalChange(codes: ConditionalChangeCodes, keys: readonly string[], version: string): void {
  if (!canBeKeys(...keys)) throw new AuditError(codes.notFound);
  if (!isRowVersion(version)) throw new AuditError('VERSION_NOT_VALID', codes.versionWording);
}

/** Storage's refusal of a conditional change in the product's terms (404 -> `notFound`, 412 -> `changed`); anything else as it was. */
export function conditionalChangeError(codes: ConditionalChangeCodes, error: unknown): unknown {
  if (isNotFound(error)) return new AuditError(codes.notFound);
  if (isPreconditionFailed(error)) return new AuditError(codes.changed);
  return error;
}
