import { closeDayOf } from '../closeDate';
import type { OrganisationPlans, ServiceRoundView } from '../organisation/organisationView';
import type { ServiceSummary } from '../organisation/serviceSummary';
import type { GridValue } from './auditGrid';
import { safeCell, type SheetValue } from './cellSafety';
import { changeTables, coverageTable, gridTable, plansTable, responseRatesTable, teamScoresTable, type ExportTable } from './organisationTables';
import { dateInWords, dateTimeInWords } from './reportText';

/** The organisation's view of a service-wide round, ready for a file: a title, its details, then its tables. */
export interface OrganisationExport {
  readonly title: string;
  readonly serviceRoundNumber: number;
  readonly details: readonly (readonly [string, GridValue])[];
  readonly privacy: string;
  readonly tables: readonly ExportTable[];
}

export interface OrganisationExportInput {
  /** The view, its results released (it carries the summary). */
  readonly view: ServiceRoundView & { readonly summary: ServiceSummary };
  readonly plans: OrganisationPlans;
  readonly exportedAt: Date;
}

/**
 * The organisation view as the CSV, Excel and Word files hold it (issue 13): the grid of every
 * condition by level across teams, each team's score, what the all-teams figures count, the
 * response rates by team, the changes since the previous service-wide round (when there is one)
 * and the plans side by side. Made from the released ServiceSummary (every privacy rule applied),
 * the teams' progress and the plans' counts: no respondent, comment, action text or person's name
 * can reach it (the admin who opened the round is not named either).
 */
export function organisationExport({ view, plans, exportedAt }: OrganisationExportInput): OrganisationExport {
  const { round, summary } = view;
  const threshold = summary.privacyThreshold;
  return {
    title: `Practice Audit: the organisation, service-wide round ${round.number}`,
    serviceRoundNumber: round.number,
    details: [
      ['Service-wide round', round.number],
      ['Opened', dateInWords(round.openedAt)],
      // The day every team's round closes at the end of (closesAt is the next day's midnight, UK); a
      // team's champions may have closed theirs before it.
      ['Close date', dateInWords(closeDayOf(round.closesAt))],
      // When its last team's round closed, where all have (champions may close before the date).
      ...(round.closedAt ? [['Closed', dateInWords(round.closedAt)] as const] : []),
      ['Teams asked', round.teamsAsked],
      ['Teams with results', summary.teams.length],
      ['Staff who answered', summary.organisation.respondents],
      ['Privacy threshold', `${threshold}: a group with fewer than ${threshold} answers is not shown, nor a group whose figures would reveal it, within a team or across teams`],
      ['Scores', `Mean rating: 0 not in place, 1 partly, 2 mostly, 3 fully in place; "don't know" is not scored, and a group with fewer than ${threshold} ratings has no score`],
      ['Changes', view.changes ? `Since service-wide round ${view.changes.previousNumber}` : 'None to show: no earlier service-wide round has results'],
      ['Plans', `As they stand on ${dateInWords(plans.today)}`],
      ['Exported', dateTimeInWords(exportedAt.toISOString())],
    ],
    privacy: `No figure comes from fewer than ${threshold} people. Each team's figures are exactly those its own view shows; a figure across teams adds up only what the teams' views show, and parts hidden within their teams only where together they hold at least ${threshold} people, so no hidden team or level can be worked out from the others. Nobody's answers, comments or name are in this file.`,
    tables: [gridTable(summary), teamScoresTable(summary), coverageTable(summary), responseRatesTable(view.teams), ...(view.changes ? changeTables(view.changes) : []), plansTable(plans)],
  };
}

/** The title and details, one to a line ("label", value), every cell made safe. */
export function organisationAboutLines(file: OrganisationExport): SheetValue[][] {
  return [[safeCell(file.title)], ...file.details.map(([label, value]) => [safeCell(label), safeCell(value)]), [safeCell('Privacy'), safeCell(file.privacy)]];
}

/** A table's header line, then its rows, every cell made safe. */
export function organisationTableLines(table: ExportTable): SheetValue[][] {
  return [table.columns.map((c) => safeCell(c.header)), ...table.rows.map((row) => row.map(safeCell))];
}

/** The whole export as the lines of one sheet (the CSV): the details, then each table under its title and note, a blank line between. */
export function organisationLines(file: OrganisationExport): SheetValue[][] {
  return [...organisationAboutLines(file), ...file.tables.flatMap((table) => [[], [safeCell(table.title)], [safeCell(table.note)], ...organisationTableLines(table)])];
}
