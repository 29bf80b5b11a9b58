/**
 * Table storage forbids / \ # ? and control characters in keys, and Azure mishandles '%'
 * in keys in some operations. Anything a person or Teams supplies (team ids hold ':' '@'
 * and whatever else Teams chooses) is encoded to base64url, which uses none of them.
 */
export function encodeKey(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

export function decodeKey(key: string): string {
  return Buffer.from(key, 'base64url').toString('utf8');
}

/** A key is at most 1 KiB of UTF-16: 512 characters (Azurite's DEFAULT_KEY_MAX_LENGTH, the same limit). */
const MAX_KEY_CHARACTERS = 512;
// U+0000–U+001F and U+007F–U+009F are the control characters Table storage refuses in keys.
// eslint-disable-next-line no-control-regex -- matching them is the point
const FORBIDDEN_IN_KEYS = /[/\\#?\u0000-\u001f\u007f-\u009f]/;

/**
 * Whether a PartitionKey or RowKey value can exist in Table storage at all: not empty, at most
 * 512 characters, none of / \ # ? or control characters ("Understanding the Table service data
 * model", Microsoft Learn). The one rule the repositories consult before they read, change or
 * remove a row by an id that came from outside (a tab's route, a card's data, an activity):
 * such an id names no row, so the repository answers "not found" without calling storage,
 * instead of a storage error that reads as "unavailable, try again".
 */
export function canBeKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_KEY_CHARACTERS && !FORBIDDEN_IN_KEYS.test(key);
}

/** Every key of a row (partition and row) can be a key. */
export function canBeKeys(...keys: string[]): boolean {
  return keys.every(canBeKey);
}
