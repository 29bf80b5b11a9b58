import { scoreInTenths } from '../summary/shownScore';
import { ukDayOf } from '../closeDate';
import { CONDITIONS } from '../conditions';
import type { EvidenceNote } from '../evidence';
import { LEVELS } from '../levels';
import { rateFigure, responseRateText, type TeamSize } from '../responseRate';
import { summariseNow, type CellScore, type CellSummary, type RoundSummary } from '../summary';
import { safeCell, type SheetValue } from './cellSafety';
import { actionFacts, actionWords, evidenceWords, planAsOfWords, sortActions, sortEvidence, type ActionWords } from './reportText';
import type { ReportPlan } from './roundReport';

export type GridValue = string | number | null;

export interface GridColumn {
  readonly header: string;
  /** Width in characters, for the spreadsheet. */
  readonly width: number;
  /** The spreadsheet's number format for the column's numbers ('0.0': scores to one decimal, as the tab shows them). */
  readonly numberFormat?: string;
}

/** The Appendix 2 grid of one round, ready for a file: a header block, then one row per condition. */
export interface AuditGrid {
  readonly title: string;
  readonly details: readonly (readonly [string, GridValue])[];
  readonly columns: readonly GridColumn[];
  readonly rows: readonly (readonly GridValue[])[];
}

export interface GridInput {
  readonly teamName: string;
  readonly round: { readonly number: number; readonly status: 'open' | 'closed'; readonly openedAt: string; readonly closedAt?: string };
  readonly summary: RoundSummary;
  /** The team's size kept at the round's close (the response rate's denominator). */
  readonly teamSize: TeamSize;
  readonly plan: ReportPlan;
  readonly evidence: readonly EvidenceNote[];
  readonly exportedAt: Date;
}

/** The first five columns are Appendix 2's own; the figures behind "what happens now" follow. */
const APPENDIX_COLUMNS: GridColumn[] = [
  { header: 'No.', width: 5 },
  { header: 'Condition', width: 38 },
  { header: 'What happens now?', width: 36 },
  { header: 'What needs to happen?', width: 40 },
  { header: 'How will you progress this?', width: 48 },
];
const FIGURE_COLUMNS: GridColumn[] = [
  { header: 'Score, all staff (0 to 3)', width: 12, numberFormat: '0.0' },
  { header: 'Answers', width: 10, numberFormat: '#,##0' },
  { header: "Don't know (%)", width: 10, numberFormat: '0.0' },
  ...LEVELS.map((level) => ({ header: `Score: ${level.label}`, width: 16, numberFormat: '0.0' })),
];
/** How you know (issue 11): the evidence notes, after the figures so that earlier columns keep their place. */
const EVIDENCE_COLUMN: GridColumn = { header: 'Evidence (how do you know?)', width: 48 };

/**
 * Built from the summary (every privacy rule already applied), the plan and the evidence notes:
 * no respondent, no comment and no answer time can reach it. Who last edited an action, wrote a
 * progress note or added evidence is left out too (reportText.ts never reads them).
 */
export function auditGrid({ teamName, round, summary, teamSize, plan, evidence, exportedAt }: GridInput): AuditGrid {
  const now = summariseNow(summary);
  const threshold = summary.privacyThreshold;
  // "Overdue" as the plan stands: today, or the day of the round's close for a plan kept then.
  const today = ukDayOf(plan.asOf === 'now' ? exportedAt : new Date(plan.at));
  const actions = sortActions(plan.actions).map((action) => actionWords(action, today));
  const notes = sortEvidence(evidence).map(evidenceWords);
  return {
    title: 'Practice Audit: conditions which promote good practice (Appendix 2 self-audit)',
    details: [
      ['Team', teamName],
      ['Audit round', round.number],
      ['Status', round.status === 'open' ? 'Open' : 'Closed'],
      ['Opened', when(round.openedAt)],
      ['Closed', round.closedAt ? when(round.closedAt) : 'Still open'],
      ['Respondents', summary.respondents],
      // The figure beside its label ("27 of 36 members (75%)"), as on the Word report's front page; the sentence only when there is no rate.
      ['Response rate', rateFigure(summary.respondents, teamSize, false) ?? responseRateText(summary.respondents, teamSize, false)],
      ['Privacy threshold', `${threshold}: a group with fewer than ${threshold} answers is not shown, nor a group whose figures would reveal it`],
      ['Scores', `Mean rating: 0 not in place, 1 partly, 2 mostly, 3 fully in place; "don't know" is not scored, and a group with fewer than ${threshold} ratings has no score`],
      ['Plan', planAsOfWords(plan)],
      ['Exported', when(exportedAt.toISOString())],
    ],
    columns: [...APPENDIX_COLUMNS, ...FIGURE_COLUMNS, EVIDENCE_COLUMN],
    rows: CONDITIONS.map((condition, i) => {
      const cells = summary.conditions.find((c) => c.conditionId === condition.id);
      const planned = actions.filter((a) => a.conditionId === condition.id);
      const all: CellSummary = cells?.allStaff ?? { shown: false, reason: 'too-small' };
      return [
        condition.number,
        condition.text,
        now[i]?.text ?? '',
        numbered(planned.map((a) => a.need)),
        numbered(planned.map(progressLine)),
        scoreOrWhy(all, threshold),
        all.shown ? all.answers : `fewer than ${threshold}`,
        all.shown ? round1(all.dontKnowShare * 100) : null,
        // A condition hidden whole says why once, in its all-staff cell.
        ...LEVELS.map((level) => (all.shown && cells ? scoreOrWhy(cells.byLevel[level.id], threshold) : null)),
        numbered(notes.filter((n) => n.conditionId === condition.id).map((n) => `${n.about}: ${n.found}`)),
      ];
    }),
  };
}

/** The title and the details, one to a line ("label", value), every cell made safe. */
export function aboutLines(grid: AuditGrid): SheetValue[][] {
  return [[safeCell(grid.title)], ...grid.details.map(([label, value]) => [safeCell(label), safeCell(value)])];
}

/** The condition table: its header line, then one line per condition, every cell made safe. */
export function tableLines(grid: AuditGrid): SheetValue[][] {
  return [grid.columns.map((c) => safeCell(c.header)), ...grid.rows.map((row) => row.map(safeCell))];
}

/** The whole grid as the lines of one sheet (the CSV): the details, a blank line, then the table. */
export function gridLines(grid: AuditGrid): SheetValue[][] {
  return [...aboutLines(grid), [], ...tableLines(grid)];
}

/** A cut's score as a file shows it (one decimal), or in words why there is none (hidden, withheld, no answers, all "don't know"). */
export function scoreOrWhy(cell: CellScore, threshold: number): GridValue {
  if (!cell.shown) return cell.reason === 'too-small' ? `fewer than ${threshold} answers` : 'hidden (protects a smaller group)';
  if (cell.answers === 0) return 'no answers';
  if (cell.withheld === 'too-few-judgements') return `no score: fewer than ${threshold} ratings (the rest "don't know")`;
  if (cell.withheld === 'protects-another') return 'score hidden (protects a smaller group)';
  // Rounded as the tab and the "what happens now" text show it, so one row never gives 1.56 beside 1.6.
  return cell.score === null ? "no score (all don't know)" : scoreInTenths(cell.score) / 10;
}

/** An action's progress, its facts, its status history and its dated progress notes, one to a line. */
function progressLine(action: ActionWords): string {
  return [
    [action.progress, actionFacts(action)].filter(Boolean).join(' — '),
    ...(action.history ? [`Status: ${action.history}`] : []),
    ...action.notes.map((note) => `Progress: ${note}`),
  ].join('\n');
}

/** One action as it is; several numbered, so each need lines up with its progress. */
function numbered(lines: string[]): string | null {
  if (lines.length === 0) return null;
  return lines.length === 1 ? lines[0]! : lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
