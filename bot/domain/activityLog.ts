/**
 * A team's activity log (issue 12): an append-only record of who changed what, which champions read
 * in the tab and in exports. The app never edits or deletes an entry; each entry carries a hash of
 * the one before (`previousHash`), so an entry changed, removed or inserted behind the app's back
 * (straight in storage) breaks the chain and is detected.
 *
 * Kinds and who is named:
 * - rounds: `round-opened`, `round-extended`, `round-closed` (by a champion, or by the app on its close date);
 * - champions: `champion-named`, `champion-stepped-down`;
 * - the plan: `action-added`, `action-changed`, `action-removed`;
 * - held comments: `comment-released`, `comment-redacted`, `comment-withheld`;
 * - `answers-deleted`: a person erased their own answers. Counted, never named: its actor is
 *   `someone`, and it carries no id, level or count of answers that could point to them;
 * - `answers-expired`: the app deleted a closed round's answers after RETENTION_DAYS, keeping its counts;
 * - `settings-changed`: a team's round settings.
 */
export const ACTIVITY_KINDS = [
  'round-opened',
  'round-extended',
  'round-closed',
  'champion-named',
  'champion-stepped-down',
  'action-added',
  'action-changed',
  'action-removed',
  'comment-released',
  'comment-redacted',
  'comment-withheld',
  'answers-deleted',
  'answers-expired',
  'settings-changed',
] as const;

export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/**
 * Who did it: a named person (a champion; the Entra object id lets a person's own-data file find
 * what they did, and is never shown), the app itself (a close on the close date, retention), or
 * `someone` (a person erasing their own answers: counted, not named).
 */
export type ActivityActor =
  | { readonly kind: 'person'; readonly name: string; readonly entraObjectId: string }
  | { readonly kind: 'app' }
  | { readonly kind: 'someone' };

/** What a use case asks to be logged. */
export interface NewActivity {
  readonly kind: ActivityKind;
  readonly actor: ActivityActor;
  /** The round it concerns, if any. */
  readonly roundId?: string;
  /** One plain UK English sentence a champion reads: "Round 3 opened, closing on Friday 11 December 2026." */
  readonly summary: string;
  /**
   * When the change it records happened (ISO 8601, UTC). An entry whose first append failed lands
   * later (through due work) with its own, later `at`; this keeps the time of the change.
   * `logActivity` (bot/app/activityLog/logActivity.ts) sets it to now when the caller does not.
   */
  readonly happenedAt?: string;
  /**
   * A random id `logActivity` gives the entry, so an append retried through due work (delivered
   * at least once) lands once: the retry first looks for an entry with this id.
   */
  readonly entryId?: string;
}

/** An entry as stored and read: numbered from 1 within the team, in the order appended. */
export interface ActivityEntry extends NewActivity {
  readonly teamId: string;
  readonly sequence: number;
  /** When it was appended (ISO 8601, UTC). */
  readonly at: string;
  /** The hash of entry `sequence - 1` (hex SHA-256); 64 zeros for the first entry. */
  readonly previousHash: string;
  /** SHA-256 (hex) over this entry's fields and `previousHash`: see `entryHash` (activityChain.ts) for exactly what is hashed. */
  readonly hash: string;
}

/** What a check of the chain found: intact, or the first entry that does not follow from the one before. */
export type ChainCheck = { readonly intact: true; readonly entries: number } | { readonly intact: false; readonly entries: number; readonly firstBrokenSequence: number };

/** Each kind as champions read it in the tab and the exports. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  'round-opened': 'Round opened',
  'round-extended': 'Round extended',
  'round-closed': 'Round closed',
  'champion-named': 'Champion named',
  'champion-stepped-down': 'Champion stepped down',
  'action-added': 'Action added',
  'action-changed': 'Action changed',
  'action-removed': 'Action removed',
  'comment-released': 'Comment released',
  'comment-redacted': 'Comment released with a part removed',
  'comment-withheld': 'Comment withheld',
  'answers-deleted': 'Answers deleted by their author',
  'answers-expired': 'Answers deleted after the retention period',
  'settings-changed': 'Settings changed',
};

/** Who did it, as shown: the person's name (never their Entra id), "Practice Audit" for the app, "Someone" for a person erasing their own answers. */
export function actorInWords(actor: ActivityActor): string {
  if (actor.kind === 'person') return actor.name;
  return actor.kind === 'app' ? 'Practice Audit' : 'Someone';
}

/** What a check of the chain found, in one sentence champions read (the tab and the exports say the same). */
export function chainInWords(check: ChainCheck): string {
  if (check.intact) return 'The record is complete and unchanged.';
  return check.firstBrokenSequence > check.entries
    ? `Entry ${check.firstBrokenSequence} was removed outside Practice Audit.`
    : `Entry ${check.firstBrokenSequence} was changed outside Practice Audit.`;
}
