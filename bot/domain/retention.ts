/**
 * How long a closed round's answers are kept (issue 12, UK GDPR's storage limitation): until
 * RETENTION_DAYS after the round closed. Then its answer rows (ratings, levels, comments, each
 * under a respondent's keyed HMAC) are deleted; the counts kept at close (`finalCounts`: how many
 * people gave each rating at each level) stay, so its summary, trends, changes and exports keep
 * their figures. Days are whole days of 24 hours from the close (UTC): the exact hour does not
 * matter at a year's distance, and no calendar can make it ambiguous.
 */
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * When the answers of a round closed at `closedAt` (ISO 8601) are due to be deleted, given
 * RETENTION_DAYS (`retentionDays`, whole days, 30–3650 as the setting allows).
 */
export function answersExpireAt(closedAt: string, retentionDays: number): Date {
  return new Date(Date.parse(closedAt) + retentionDays * DAY_MS);
}
