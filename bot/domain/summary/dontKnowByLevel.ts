import { LEVELS, type LevelId } from '../levels';
import { dontKnowIn } from './ratingTally';
import type { RoundSummary } from './roundSummary';

export type LevelDontKnow =
  | {
      readonly level: LevelId;
      readonly shown: true;
      /** Answers of this level across the conditions where its cut is shown. */
      readonly answers: number;
      readonly dontKnow: number;
      /** dontKnow / answers, 0 to 1; null when the level gave no answers. */
      readonly dontKnowShare: number | null;
      /** How many of the twelve conditions the figures come from: those where the level is shown and answered. */
      readonly conditions: number;
      /** How many conditions hide this level's cut (so "0 answers" may mean "too few to show" there). */
      readonly hiddenIn: number;
    }
  | { readonly level: LevelId; readonly shown: false; readonly reason: 'too-small' | 'protects-another' };

/**
 * Where a level doesn't know, across the round. Built only from the level cuts the summary
 * already shows, so it can reveal nothing the summary does not: a level hidden in some
 * conditions is counted over the others (`conditions` says how many), and a level hidden in
 * every condition is hidden here ("too small" if it was too small anywhere).
 */
export function dontKnowByLevel(summary: RoundSummary): LevelDontKnow[] {
  return LEVELS.map(({ id: level }): LevelDontKnow => {
    let answers = 0;
    let dontKnow = 0;
    let conditions = 0;
    let hiddenIn = 0;
    let tooSmallSomewhere = false;
    for (const condition of summary.conditions) {
      const cell = condition.byLevel[level];
      if (!cell.shown) {
        tooSmallSomewhere ||= cell.reason === 'too-small';
        hiddenIn += 1;
        continue;
      }
      answers += cell.answers;
      dontKnow += dontKnowIn(cell);
      if (cell.answers > 0) conditions += 1;
    }
    if (hiddenIn === summary.conditions.length) return { level, shown: false, reason: tooSmallSomewhere ? 'too-small' : 'protects-another' };
    return { level, shown: true, answers, dontKnow, dontKnowShare: answers === 0 ? null : dontKnow / answers, conditions, hiddenIn };
  });
}
