import type { ConditionId } from '../conditions';
import type { LevelId } from '../levels';
import type { RatingId } from '../ratings';
import type { CellSummary, RoundSummary } from './roundSummary';
import { formatScore } from './shownScore';

/** A gap between levels worth naming in one line: half a step of the scale. */
export const NOTABLE_GAP = 0.5;

export type Judgement = Exclude<RatingId, 'dont-know'>;

/** "What happens now in your service?" for one row of the Appendix 2 grid. */
export type NowSummary =
  | {
      readonly conditionId: ConditionId;
      readonly shown: true;
      readonly answers: number;
      /** Full precision, as in the summary. */
      readonly score: number | null;
      /** The score to one decimal place, as the text shows it. */
      readonly displayScore: string | null;
      /** The scale point nearest the score as shown (halves round up); null without a score. */
      readonly judgement: Judgement | null;
      readonly dontKnowShare: number;
      /** The least positive level, named only where its gap to the most positive is NOTABLE_GAP or more. */
      readonly leastPositive: LevelId | null;
      /** One line of plain English, e.g. "Mostly in place (score 2.1 of 3) · 24% don't know · practitioners least positive". */
      readonly text: string;
    }
  | {
      readonly conditionId: ConditionId;
      readonly shown: false;
      readonly reason: 'too-small' | 'protects-another';
      readonly text: string;
    };

const JUDGEMENT_TEXT: Record<Judgement, string> = {
  'not-in-place': 'Not in place',
  partly: 'Partly in place',
  mostly: 'Mostly in place',
  fully: 'Fully in place',
};

/** Levels as a sentence names a group of people. */
export const LEVEL_PLURAL: Record<LevelId, string> = {
  practitioner: 'practitioners',
  supervisor: 'practice supervisors and team managers',
  'service-manager': 'service managers',
  'senior-leader': 'senior leaders',
  'business-support': 'business support staff',
  'partner-agency': 'partner agencies',
  volunteer: 'volunteers',
};

/**
 * One line per condition from the all-staff cell (and the disagreement, already limited to
 * shown levels), for the grid's "What happens now" column, with the figures alongside for
 * the tab and CSV to phrase their own way. Takes the summary, not answers: every privacy
 * rule has been applied by then, and nothing here can undo it.
 */
export function summariseNow(summary: RoundSummary): NowSummary[] {
  return summary.conditions.map((condition): NowSummary => {
    const cell = condition.allStaff;
    if (!cell.shown) {
      return {
        conditionId: condition.conditionId,
        shown: false,
        reason: cell.reason,
        text: `Not shown: fewer than ${summary.privacyThreshold} answers`,
      };
    }
    const displayScore = cell.score === null ? null : formatScore(cell.score);
    const judgement = displayScore === null ? null : judgementOf(Number(displayScore));
    const gap = condition.disagreement;
    const leastPositive = gap !== null && gap.gap >= NOTABLE_GAP ? gap.leastPositive.level : null;

    const parts = [
      judgement === null || displayScore === null
        ? noScore(cell, summary.privacyThreshold)
        : `${JUDGEMENT_TEXT[judgement]} (score ${displayScore} of 3)`,
    ];
    if (cell.dontKnowShare > 0 && judgement !== null) parts.push(`${percent(cell.dontKnowShare)} don't know`);
    if (leastPositive !== null) parts.push(`${LEVEL_PLURAL[leastPositive]} least positive`);

    return {
      conditionId: condition.conditionId,
      shown: true,
      answers: cell.answers,
      score: cell.score,
      displayScore,
      judgement,
      dontKnowShare: cell.dontKnowShare,
      leastPositive,
      text: parts.join(' · '),
    };
  });
}

/** Why the all-staff cell has no score: every answer "don't know", or too few judgements to show one. */
function noScore(cell: Extract<CellSummary, { shown: true }>, threshold: number): string {
  if (cell.withheld === undefined) return `No score: all ${cell.answers} answers were "don't know"`;
  return `No score: too few ratings (${cell.dontKnow} of ${cell.answers} answers were "don't know"; a score needs ${threshold} ratings)`;
}

function judgementOf(score: number): Judgement {
  if (score < 0.5) return 'not-in-place';
  if (score < 1.5) return 'partly';
  if (score < 2.5) return 'mostly';
  return 'fully';
}

function percent(share: number): string {
  const whole = Math.round(share * 100);
  if (whole === 0) return 'under 1%';
  if (whole === 100 && share < 1) return 'over 99%';
  return `${whole}%`;
}
