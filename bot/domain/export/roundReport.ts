import type { AuditRound } from '../auditRound';
import { ukDayOf, type CalendarDay } from '../closeDate';
import { CONDITIONS, type Condition } from '../conditions';
import type { EvidenceNote } from '../evidence';
import type { PlanAction } from '../plan';
import { rateFigure, responseRateText, type TeamSize } from '../responseRate';
import { summariseNow, type RoundSummary } from '../summary';
import type { ConditionSummary } from '../summary/roundSummary';
import { LEVEL_PLURAL, NOTABLE_GAP } from '../summary/whatHappensNow';
import { formatScore } from '../summary/shownScore';
import { ofstedAnswers, type OfstedAnswer } from './ofstedAnswers';
import { actionWords, countOf, dateInWords, dateTimeInWords, evidenceWords, planAsOfWords, sortActions, sortEvidence, type ActionWords, type EvidenceWords } from './reportText';

/**
 * The plan a report shows (issue 11's decision): for the team's latest round, the living plan as
 * it stands (`asOf: 'now'`, `at` = when it was read); for an earlier round, the plan as it stood
 * at the round's close (`asOf: 'close'`, `at` = when it was kept). `at` is ISO 8601.
 */
export interface ReportPlan {
  readonly actions: readonly PlanAction[];
  readonly asOf: 'now' | 'close';
  readonly at: string;
}

export interface ReportInput {
  readonly teamName: string;
  readonly round: Pick<AuditRound, 'number' | 'status' | 'openedAt' | 'closedAt'>;
  /** The released summary: every privacy rule already applied (domain/summary). */
  readonly summary: RoundSummary;
  /** The team's size kept at the round's close: the response rate's denominator (responseRate.ts). */
  readonly teamSize: TeamSize;
  readonly plan: ReportPlan;
  readonly evidence: readonly EvidenceNote[];
  readonly generatedAt: Date;
}

/** A labelled fact of the front page. */
export interface ReportFact {
  readonly label: string;
  readonly value: string;
}

/** One row of Appendix 2, in words. */
export interface ReportRow {
  readonly condition: Pick<Condition, 'id' | 'number' | 'text'>;
  /** What happens now: the figures in words ("Mostly in place (score 2.1 of 3) · … · 40 answers"). */
  readonly figures: string;
  /** The scores of the levels that may be shown ("practitioners 1.2, senior leaders 2.8"), or null with fewer than two. */
  readonly byLevel: string | null;
  /** Where levels disagree, or that they agree; null without two levels to compare. */
  readonly disagreement: string | null;
  readonly evidence: readonly EvidenceWords[];
  /** The plan's actions for the condition: what needs to happen, and how it will be progressed. */
  readonly actions: readonly ActionWords[];
}

/**
 * A round's report for a management meeting or Ofsted: a front page, the answers to Ofsted's three
 * self-evaluation questions, and Appendix 2's grid, one row per condition. Made from the released
 * summary, the plan and the evidence notes only: no comment, respondent, answer or editor's name
 * can reach it, and a level too small to show is never named (only the summary's shown cells are read).
 */
export interface RoundReport {
  readonly title: string;
  readonly teamName: string;
  readonly roundNumber: number;
  readonly facts: readonly ReportFact[];
  /** What the privacy threshold means for the figures, in a sentence or two. */
  readonly privacy: string;
  /** "As it stands on Wednesday 3 March 2027", "As it stood at the round's close on Wednesday 24 March 2027" (planAsOfWords). */
  readonly planAsOf: string;
  readonly ofsted: readonly OfstedAnswer[];
  readonly rows: readonly ReportRow[];
}


/** Builds the report. Pure: the same input gives the same report. */
export function roundReport(input: ReportInput): RoundReport {
  const { summary, plan, round } = input;
  const threshold = summary.privacyThreshold;
  const today: CalendarDay = ukDayOf(new Date(plan.asOf === 'now' ? input.generatedAt : plan.at));
  const actions = sortActions(plan.actions).map((action) => actionWords(action, today));
  const evidence = sortEvidence(input.evidence).map(evidenceWords);
  const now = summariseNow(summary);
  const planAsOf = planAsOfWords(plan);
  const rateSentence = responseRateText(summary.respondents, input.teamSize, false);
  const rate = rateFigure(summary.respondents, input.teamSize, false) ?? rateSentence;

  const rows = CONDITIONS.map((condition, i): ReportRow => {
    const cells = summary.conditions.find((c) => c.conditionId === condition.id);
    const line = now.find((n) => n.conditionId === condition.id) ?? now[i];
    const answers = line?.shown ? ` · ${countOf(line.answers, 'answer')}` : '';
    return {
      condition: { id: condition.id, number: condition.number, text: condition.text },
      figures: `${line?.text ?? `Not shown: fewer than ${threshold} answers`}${answers}`,
      byLevel: cells ? levelScores(cells) : null,
      disagreement: cells ? disagreementText(cells) : null,
      evidence: evidence.filter((note) => note.conditionId === condition.id),
      actions: actions.filter((action) => action.conditionId === condition.id),
    };
  });

  return {
    title: `Practice Audit: ${input.teamName || 'the team'}, audit round ${round.number}`,
    teamName: input.teamName,
    roundNumber: round.number,
    facts: [
      { label: 'Team', value: input.teamName },
      { label: 'Audit round', value: `Round ${round.number} (${round.status === 'open' ? 'open' : 'closed'})` },
      { label: 'Opened', value: dateInWords(round.openedAt) },
      { label: 'Closed', value: round.closedAt ? dateInWords(round.closedAt) : 'Still open' },
      { label: 'Staff who answered', value: summary.respondents.toLocaleString('en-GB') },
      { label: 'Response rate', value: rate },
      { label: 'Privacy threshold', value: `${threshold} people` },
      { label: 'The plan', value: planAsOf },
      { label: 'Report made', value: dateTimeInWords(input.generatedAt.toISOString()) },
    ],
    privacy: privacyText(threshold),
    planAsOf,
    ofsted: ofstedAnswers({ summary, now, rateSentence, planAsOf, actions, evidence }),
    rows,
  };
}

/** What the threshold means, for the front page. */
function privacyText(threshold: number): string {
  return `No figure in this report comes from fewer than ${threshold} people. A condition or level with fewer than ${threshold} answers is not shown, `
    + 'nor one whose figures would let a smaller group be worked out from the others, '
    + `and a score needs at least ${threshold} ratings other than "don't know". `
    + "Nobody's answers, comments or name are in this report: only figures for groups, the plan and the evidence notes.";
}

/** The shown levels' scores, most positive first; null with fewer than two (one level's score is the all-staff figure's story). */
function levelScores(cells: ConditionSummary): string | null {
  const scored = Object.entries(cells.byLevel).flatMap(([level, cell]) =>
    cell.shown && cell.score !== null ? [{ level: level as keyof typeof LEVEL_PLURAL, score: cell.score }] : []);
  if (scored.length < 2) return null;
  return `By level: ${scored.sort((a, b) => b.score - a.score).map((s) => `${LEVEL_PLURAL[s.level]} ${formatScore(s.score)}`).join(', ')}`;
}

/** The summary's disagreement (already limited to shown, scored levels) in words. */
function disagreementText(cells: ConditionSummary): string | null {
  const gap = cells.disagreement;
  if (gap === null) return null;
  const most = `${LEVEL_PLURAL[gap.mostPositive.level]} (${formatScore(gap.mostPositive.score)})`;
  const least = `${LEVEL_PLURAL[gap.leastPositive.level]} (${formatScore(gap.leastPositive.score)})`;
  if (gap.gap >= NOTABLE_GAP) return `Where levels disagree: ${most} most positive, ${least} least positive, a gap of ${gap.gap.toFixed(1)}.`;
  if (gap.gap === 0) return `The levels shown agree (each ${formatScore(gap.mostPositive.score)}).`;
  return `Levels broadly agree: a gap of ${gap.gap.toFixed(1)} between the most positive, ${most}, and the least, ${least}.`;
}
