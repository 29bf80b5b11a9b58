/** The threshold when PRIVACY_THRESHOLD is not set: the smallest group whose counts are shown. */
export const DEFAULT_PRIVACY_THRESHOLD = 5;

/**
 * The threshold when COMMENT_THRESHOLD is not set: a condition's comments are shown once at least
 * this many people answered it. Viva Glint's figure for comments (shared/domain/teams-platform.md):
 * a comment's wording can identify its author where a count cannot, so its group must be larger.
 */
export const DEFAULT_COMMENT_THRESHOLD = 10;

/** Days a closed round's answers are kept when RETENTION_DAYS is not set (issue 12): a year and a month, so one annual round can be compared with the next. */
export const DEFAULT_RETENTION_DAYS = 400;

/**
 * Small-group suppression, as trusted staff-survey tools do it: a group with fewer answers
 * than the threshold is shown only as too small. Where what is hidden could be worked out
 * by subtracting the shown groups from a published total, further groups are hidden, the
 * smallest first, until the hidden groups together reach the threshold.
 *
 * Empty groups are shown (an empty group says nothing about anyone), unless the hidden groups
 * cannot reach the threshold even together: then the empty ones are hidden too, or a lone
 * small group could be read off as the total less the shown zeros.
 *
 * `alreadyHidden`: groups hidden for another reason (a level whose answers are hidden, when the
 * groups are its judgements); they count towards the hidden total like any hidden group.
 */
export function hiddenGroups<K>(sizes: ReadonlyMap<K, number>, threshold: number, alreadyHidden: Iterable<K> = []): Set<K> {
  // Groups hidden for another reason count towards what is hidden: a reader cannot see them either.
  const hidden = new Set<K>(alreadyHidden);
  for (const [key, size] of sizes) if (size > 0 && size < threshold) hidden.add(key);
  if (![...hidden].some((key) => (sizes.get(key) ?? 0) > 0)) return hidden;

  const shownSmallestFirst = [...sizes]
    .filter(([key, size]) => size > 0 && !hidden.has(key))
    .sort((a, b) => a[1] - b[1]);
  let hiddenTotal = [...hidden].reduce((sum, key) => sum + (sizes.get(key) ?? 0), 0);
  for (const [key, size] of shownSmallestFirst) {
    if (hiddenTotal >= threshold) break;
    hidden.add(key);
    hiddenTotal += size;
  }
  if (hiddenTotal < threshold) for (const key of sizes.keys()) hidden.add(key);
  return hidden;
}

/**
 * A count as it may be shown. A hidden count says why: too small itself, or hidden
 * alongside a small group so that group cannot be worked out from the total.
 */
export type CountCell =
  | { readonly shown: true; readonly count: number }
  | { readonly shown: false; readonly reason: 'too-small' | 'protects-another' };

export function suppressCounts<K>(sizes: ReadonlyMap<K, number>, threshold: number): Map<K, CountCell> {
  const hidden = hiddenGroups(sizes, threshold);
  return new Map(
    [...sizes].map(([key, count]): [K, CountCell] => {
      if (!hidden.has(key)) return [key, { shown: true, count }];
      return [key, { shown: false, reason: count < threshold ? 'too-small' : 'protects-another' }];
    }),
  );
}
