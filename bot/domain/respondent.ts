import { createHmac } from 'node:crypto';

/**
 * A respondent is stored as a keyed HMAC of their Entra object id: stable, so one answer
 * per person per condition can be enforced, but not reversible without the key, which
 * lives outside the tables. It is still personal data (pseudonymous).
 */
export function respondentIdFor(entraObjectId: string, hmacKey: string): string {
  return createHmac('sha256', hmacKey).update(entraObjectId.trim().toLowerCase()).digest('hex').slice(0, 40);
}
