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
