import { LEVELS, type LevelId } from '../levels';
import { hiddenGroups, suppressCounts } from '../privacy';
import type { JudgementsWithheld } from './roundSummary';

export type CutVisibility =
  | { readonly shown: true }
  | { readonly shown: false; readonly reason: 'too-small' | 'protects-another' };

/** Of a shown cut: whether its judgements (its ratings other than "don't know", and its score) are shown. */
export type JudgementVisibility = { readonly shown: true } | { readonly shown: false; readonly reason: JudgementsWithheld };

export interface ConditionVisibility {
  readonly allStaff: CutVisibility;
  readonly byLevel: ReadonlyMap<LevelId, CutVisibility>;
  /** For the cuts shown above. A hidden cut's entry is `{ shown: false }` too: nothing of it is shown. */
  readonly judgements: {
    readonly allStaff: JudgementVisibility;
    readonly byLevel: ReadonlyMap<LevelId, JudgementVisibility>;
  };
}

/** What a cut's visibility is decided from: its answers, and how many of them are judgements (not "don't know"). */
export interface CutCounts {
  readonly answers: number;
  readonly judged: number;
}

/**
 * Which cuts of one condition may be shown, from its counts by level (every level, zeros
 * included).
 *
 * Answers: a level below the threshold is hidden, and further levels with it (the smallest
 * first, privacy.ts's hiddenGroups) until the hidden levels hold at least the threshold
 * together: so all staff less the shown levels gives only a group of at least the threshold,
 * never one hidden level. The all-staff cut is hidden when the condition has fewer answers
 * than the threshold, and then every level is hidden too (empty ones included).
 *
 * Judgements (issue 8): a score, or the split between the four judgements, is shown only where
 * at least the threshold of the cut's answers are judgements: 11 answers of which 10 say "don't
 * know" would otherwise show one person's rating. The same rule as for answers stops a withheld
 * level being worked out from all staff: further levels' judgements are withheld (the smallest
 * first; levels hidden whole count as withheld) until the withheld judgements number at least
 * the threshold. A cut with no judgement at all has nothing to withhold ("all don't know").
 */
export function conditionVisibility(countsByLevel: ReadonlyMap<LevelId, CutCounts>, threshold: number): ConditionVisibility {
  const countOf = (level: LevelId) => countsByLevel.get(level) ?? { answers: 0, judged: 0 };
  const sizes = new Map<LevelId, number>(LEVELS.map((l) => [l.id, countOf(l.id).answers]));
  const total = [...sizes.values()].reduce((sum, n) => sum + n, 0);
  const byLevel = new Map<LevelId, CutVisibility>();
  const hiddenWhole: JudgementVisibility = { shown: false, reason: 'too-few-judgements' };
  if (total < threshold) {
    // Nothing of a condition this small is shown, not even its empty levels (with no answers at
    // all, hiddenGroups would show every level as an empty group).
    for (const level of sizes.keys()) byLevel.set(level, { shown: false, reason: 'too-small' });
    const judgements = { allStaff: hiddenWhole, byLevel: new Map(LEVELS.map((l) => [l.id, hiddenWhole])) };
    return { allStaff: { shown: false, reason: 'too-small' }, byLevel, judgements };
  }
  for (const [level, cell] of suppressCounts(sizes, threshold)) {
    byLevel.set(level, cell.shown ? { shown: true } : { shown: false, reason: cell.reason });
  }

  const judged = new Map<LevelId, number>(LEVELS.map((l) => [l.id, countOf(l.id).judged]));
  const allJudged = [...judged.values()].reduce((sum, n) => sum + n, 0);
  const hiddenLevels = LEVELS.map((l) => l.id).filter((id) => !byLevel.get(id)?.shown);
  const withheld = hiddenGroups(judged, threshold, hiddenLevels);
  const judgementsByLevel = new Map<LevelId, JudgementVisibility>(
    LEVELS.map(({ id }): [LevelId, JudgementVisibility] => {
      const n = judged.get(id) ?? 0;
      if (!byLevel.get(id)?.shown) return [id, hiddenWhole];
      if (n === 0 || !withheld.has(id)) return [id, { shown: true }];
      return [id, { shown: false, reason: n < threshold ? 'too-few-judgements' : 'protects-another' }];
    }),
  );
  const allStaffJudgements: JudgementVisibility = allJudged > 0 && allJudged < threshold ? { shown: false, reason: 'too-few-judgements' } : { shown: true };
  return { allStaff: { shown: true }, byLevel, judgements: { allStaff: allStaffJudgements, byLevel: judgementsByLevel } };
}

/** Whether a comment may name its level: the level's cut is shown, its judgements too (so a rating beside it gives nothing away). */
export function levelNamed(visibility: ConditionVisibility, level: LevelId): boolean {
  return visibility.byLevel.get(level)?.shown === true && visibility.judgements.byLevel.get(level)?.shown === true;
}
