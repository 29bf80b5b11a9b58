import { scoreInTenths } from '../summary/shownScore';
import { dayInWords, ukDayOf } from '../closeDate';
import { CONDITIONS } from '../conditions';
import { LEVELS } from '../levels';
import { ACTION_STATUS_LABELS, type PlanAction } from '../plan';
import { summariseNow, type CellSummary, type RoundSummary } from '../summary';
import { safeCell, type SheetValue } from './cellSafety';

export type GridValue = string | number | null;

export interface GridColumn {
  readonly header: string;
  /** Width in characters, for the spreadsheet. */
  readonly width: number;
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
  readonly actions: readonly PlanAction[];
  /** Which plan `actions` are (issue 11): as it stands now, or as it stood at the round's close (ISO 8601 `at`). */
  readonly planAsOf: { readonly asOf: 'now' | 'close'; readonly at: string };
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
  { header: 'Score, all staff (0 to 3)', width: 12 },
  { header: 'Answers', width: 10 },
  { header: "Don't know (%)", width: 10 },
  ...LEVELS.map((level) => ({ header: `Score: ${level.label}`, width: 16 })),
];

/**
 * Built from the summary (every privacy rule already applied) and the plan: no respondent,
 * no comment and no answer time can reach it. Who last edited an action is left out too.
 */
export function auditGrid({ teamName, round, summary, actions, planAsOf, exportedAt }: GridInput): AuditGrid {
  const now = summariseNow(summary);
  const threshold = summary.privacyThreshold;
  return {
    title: 'Practice Audit: conditions which promote good practice (Appendix 2 self-audit)',
    details: [
      ['Team', teamName],
      ['Audit round', round.number],
      ['Status', round.status === 'open' ? 'Open' : 'Closed'],
      ['Opened', when(round.openedAt)],
      ['Closed', round.closedAt ? when(round.closedAt) : 'Still open'],
      ['Respondents', summary.respondents],
      ['Privacy threshold', `${threshold}: a group with fewer than ${threshold} answers is not shown, nor a group whose figures would reveal it`],
      ['Scores', `Mean rating: 0 not in place, 1 partly, 2 mostly, 3 fully in place; "don't know" is not scored, and a group with fewer than ${threshold} ratings has no score`],
      ['Plan', planAsOf.asOf === 'now' ? `As it stands on ${dayInWords(ukDayOf(new Date(planAsOf.at)))}` : `As it stood at the round's close, ${dayInWords(ukDayOf(new Date(planAsOf.at)))}`],
      ['Exported', when(exportedAt.toISOString())],
    ],
    columns: [...APPENDIX_COLUMNS, ...FIGURE_COLUMNS],
    rows: CONDITIONS.map((condition, i) => {
      const cells = summary.conditions.find((c) => c.conditionId === condition.id);
      const planned = sortActions(actions.filter((a) => a.conditionId === condition.id));
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
      ];
    }),
  };
}

/** The grid as the lines of a sheet, every cell made safe: returns the index of the table's header line. */
export function gridLines(grid: AuditGrid): { lines: SheetValue[][]; tableHeader: number } {
  const lines: SheetValue[][] = [[safeCell(grid.title)], ...grid.details.map(([label, value]) => [safeCell(label), safeCell(value)]), []];
  const tableHeader = lines.length;
  lines.push(grid.columns.map((c) => safeCell(c.header)), ...grid.rows.map((row) => row.map(safeCell)));
  return { lines, tableHeader };
}

function scoreOrWhy(cell: CellSummary, threshold: number): GridValue {
  if (!cell.shown) return cell.reason === 'too-small' ? `fewer than ${threshold} answers` : 'hidden (protects a smaller group)';
  if (cell.answers === 0) return 'no answers';
  if (cell.withheld === 'too-few-judgements') return `no score: fewer than ${threshold} ratings (the rest "don't know")`;
  if (cell.withheld === 'protects-another') return 'score hidden (protects a smaller group)';
  // Rounded as the tab and the "what happens now" text show it, so one row never gives 1.56 beside 1.6.
  return cell.score === null ? "no score (all don't know)" : scoreInTenths(cell.score) / 10;
}

function progressLine(action: PlanAction): string {
  const details = [action.owner && `Owner: ${action.owner}`, action.dueDate ? `Due ${action.dueDate}` : 'No due date', ACTION_STATUS_LABELS[action.status]];
  return [action.progress, details.filter(Boolean).join(' · ')].filter(Boolean).join(' — ');
}

/** One action as it is; several numbered, so each need lines up with its progress. */
function numbered(lines: string[]): string | null {
  if (lines.length === 0) return null;
  return lines.length === 1 ? lines[0]! : lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}

function sortActions(actions: PlanAction[]): PlanAction[] {
  return [...actions].sort((a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.need.localeCompare(b.need) || a.actionId.localeCompare(b.actionId));
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const when = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
