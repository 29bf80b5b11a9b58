/**
 * The one-go form carries up to twelve typed comments. Each is kept up to the comment limit, as on a
 * condition's card (domain/answer.ts), but twelve comments of 1,000 characters outside ASCII (3 bytes
 * each in UTF-8) would take 36 KB, past Teams' ~28 KB for a card (teams-platform.md). So together they
 * get a budget: the rest of the form takes at most about 14 KB (measured in
 * tests/teams/cards/oneGoCard.spec.ts), and twelve full comments in plain English fit whole.
 */
export const COMMENT_BUDGET_BYTES = 12_000;

/** A comment as the card carries it, and whether it was cut: to the comment limit, or to fit the card. */
export interface FittedComment {
  readonly comment: string;
  readonly cut: false | 'limit' | 'card';
}

/**
 * Fits the comments into `budget` bytes of card JSON: all whole when they fit; otherwise the short
 * ones stay whole and the long ones share what is left equally, each cut at a character boundary.
 * `typed` holds each comment already within the comment limit, with whether that cut it.
 */
export function fitComments<K>(typed: ReadonlyMap<K, { readonly comment: string; readonly cut: boolean }>, budget = COMMENT_BUDGET_BYTES): Map<K, FittedComment> {
  const fitted = new Map<K, FittedComment>();
  const bySize = [...typed].map(([key, { comment, cut }]) => ({ key, comment, cut, bytes: jsonBytes(comment) })).sort((a, b) => a.bytes - b.bytes);
  let left = budget;
  bySize.forEach(({ key, comment, cut, bytes }, i) => {
    const share = Math.floor(left / (bySize.length - i));
    if (bytes <= share) {
      fitted.set(key, { comment, cut: cut ? 'limit' : false });
      left -= bytes;
    } else {
      const kept = cutToBytes(comment, share);
      fitted.set(key, { comment: kept, cut: 'card' });
      left -= jsonBytes(kept);
    }
  });
  return fitted;
}

/** Bytes a string takes inside card JSON: UTF-8, with JSON's escapes (a new line is two). */
function jsonBytes(text: string): number {
  return Buffer.byteLength(JSON.stringify(text)) - 2;
}

/** The longest start of `text` within `max` bytes of JSON, never splitting a character. */
function cutToBytes(text: string, max: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += jsonBytes(character);
    if (bytes > max) break;
    end += character.length;
  }
  return text.slice(0, end);
}
