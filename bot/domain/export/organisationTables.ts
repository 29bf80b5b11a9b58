import { CONDITIONS, type Condition } from '../conditions';
import { LEVELS } from '../levels';
import type { OrganisationPlans, ServiceRoundTeamProgress } from '../organisation/organisationView';
import type { ServiceRoundChanges, ServiceSummary } from '../organisation/serviceSummary';
import { RATINGS } from '../ratings';
import type { ScoreChange } from '../summary/compareRounds';
import { dontKnowIn } from '../summary/ratingTally';
import type { CellSummary } from '../summary/roundSummary';
import { scoreInTenths } from '../summary/shownScore';
import { scoreOrWhy, type GridColumn, type GridValue } from './auditGrid';
import { dateInWords } from './reportText';

/** One table of the organisation's export: a sheet of the workbook, a section of the CSV and of the Word file. */
export interface ExportTable {
  readonly title: string;
  /** Excel's sheet name: at most 31 characters, none of `: \ / ? * [ ]`. */
  readonly sheetName: string;
  /** What the table shows and leaves out, in a sentence or two. */
  readonly note: string;
  readonly columns: readonly GridColumn[];
  readonly rows: readonly (readonly GridValue[])[];
}

const SCORE = '0.0';
const HIDDEN_WITHIN_TEAMS = 'hidden within the teams';
const conditionColumns: GridColumn[] = [{ header: 'No.', width: 5 }, { header: 'Condition', width: 38 }];
const conditionCells = (condition: Condition): GridValue[] => [condition.number, condition.text];

/**
 * Every condition for all teams and for each level: answers, score, the ratings, "don't know".
 * A hidden cell says it is hidden within the teams: the teams' own views hide it (too small, or to
 * protect another), which says nothing of the number across teams, so no "fewer than 5" is claimed.
 */
export function gridTable(summary: ServiceSummary): ExportTable {
  const threshold = summary.privacyThreshold;
  const cutRow = (condition: Condition, who: string, cell: CellSummary): GridValue[] => {
    if (!cell.shown) return [...conditionCells(condition), who, HIDDEN_WITHIN_TEAMS, null, ...RATINGS.map(() => null), null];
    const ratings = RATINGS.map(({ id }) => (cell.distribution ? cell.distribution[id] : id === 'dont-know' ? dontKnowIn(cell) : null));
    return [...conditionCells(condition), who, cell.answers, scoreOrWhy(cell, threshold), ...ratings, cell.answers === 0 ? null : round1(cell.dontKnowShare * 100)];
  };
  return {
    title: 'Every condition by level, all teams',
    sheetName: 'All teams by level',
    note: `All teams together and each level across teams. A level adds up only the teams whose own view shows that level with its ratings; a figure from fewer than ${threshold} people is never shown. A cell hidden within the teams is hidden in their own views (too few to show, or hidden to protect a smaller group).`,
    columns: [
      ...conditionColumns,
      { header: 'Who', width: 30 },
      { header: 'Answers', width: 12, numberFormat: '#,##0' },
      { header: 'Score (0 to 3)', width: 14, numberFormat: SCORE },
      ...RATINGS.map((r) => ({ header: r.label, width: 10, numberFormat: '#,##0' })),
      { header: "Don't know (%)", width: 10, numberFormat: SCORE },
    ],
    rows: CONDITIONS.flatMap((condition) => {
      const cells = summary.organisation.conditions.find((c) => c.conditionId === condition.id);
      if (!cells) return [];
      return [cutRow(condition, 'All teams', cells.allStaff), ...LEVELS.map((level) => cutRow(condition, level.label, cells.byLevel[level.id]))];
    }),
  };
}

/** Each team's all-staff score of each condition, exactly as the team's own view shows it. */
export function teamScoresTable(summary: ServiceSummary): ExportTable {
  return {
    title: "Each team's score by condition",
    sheetName: 'Teams',
    note: "Each team's all-staff score (0 to 3), as the team's own view shows it; a condition hidden there is hidden here.",
    columns: [{ header: 'Team', width: 30 }, ...CONDITIONS.map((c) => ({ header: `${c.number}. ${c.text}`, width: 14, numberFormat: SCORE }))],
    rows: summary.byTeam.map((team) => [team.teamName, ...CONDITIONS.map((c) => scoreOrWhy(team.conditions[c.id], summary.privacyThreshold))]),
  };
}

/** Per condition: the teams counted in the all-teams figures, those left out, and the answers in no level's figure. */
export function coverageTable(summary: ServiceSummary): ExportTable {
  return {
    title: 'What the all-teams figures count',
    sheetName: 'Coverage',
    note: `Teams left out answered too few together (fewer than ${summary.privacyThreshold}) to be counted without singling one out. Answers without a level are counted for all teams but in no level: their level was hidden within their own team (too few to show, or hidden to protect a smaller group).`,
    columns: [...conditionColumns, { header: 'Teams counted', width: 12 }, { header: 'Teams left out', width: 12 }, { header: 'Answers without a level', width: 14 }],
    rows: CONDITIONS.flatMap((condition) => {
      const coverage = summary.coverage.find((c) => c.conditionId === condition.id);
      return coverage ? [[...conditionCells(condition), coverage.teamsCounted, coverage.teamsLeftOut, coverage.answersWithoutLevel]] : [];
    }),
  };
}

const OPENING_WORDS = { opening: 'Still opening', 'round-already-open': 'Not asked: the team already had a round open', 'app-removed': 'Not asked: the app had left the team', 'not-asked': 'Not asked: its opening could not be scheduled', 'closed-before-opening': 'Not opened: the close date passed before its round could open' } as const;

/** Each team's response rate: its round's people who answered, of its members (kept at its close). */
export function responseRatesTable(teams: readonly ServiceRoundTeamProgress[]): ExportTable {
  return {
    title: 'Response rates by team',
    sheetName: 'Response rates',
    note: "People who answered each team's round, of the team's members when it closed. There are no response rates by level: people who have not answered have given no level.",
    columns: [{ header: 'Team', width: 30 }, { header: 'Taking part', width: 30 }, { header: 'Answered', width: 10, numberFormat: '#,##0' }, { header: 'Members', width: 10, numberFormat: '#,##0' }, { header: 'Response rate (%)', width: 12 }],
    rows: teams.map((team) => {
      const taking = team.opening.state === 'opened' ? `Round ${team.opening.roundNumber} (${team.roundStatus ?? 'not found'})` : OPENING_WORDS[team.opening.state === 'opening' ? 'opening' : team.opening.reason];
      const rate = team.responseRate;
      return [team.teamName, taking, rate?.answered ?? null, rate?.members ?? null, rate?.percent ?? (rate ? 'not known' : null)];
    }),
  };
}

/** Changes since the earlier round: all teams and each level shown with a score in both, then each team's all-staff score. */
export function changeTables(changes: ServiceRoundChanges): ExportTable[] {
  const since = `since service-wide round ${changes.previousNumber}`;
  const changeCells = (change: ScoreChange): GridValue[] => [scoreInTenths(change.before) / 10, scoreInTenths(change.after) / 10, change.change];
  return [
    {
      title: `Changes ${since}: all teams and levels`,
      sheetName: 'Changes',
      note: 'Only figures shown with a score in both rounds are compared.',
      columns: [...conditionColumns, { header: 'Who', width: 30 }, { header: 'Before', width: 10, numberFormat: SCORE }, { header: 'Now', width: 10, numberFormat: SCORE }, { header: 'Change', width: 10, numberFormat: '+0.0;-0.0;0.0' }],
      rows: CONDITIONS.flatMap((condition) => {
        const change = changes.organisation.find((c) => c.conditionId === condition.id);
        if (!change) return [];
        const all = change.allStaff ? [[...conditionCells(condition), 'All teams', ...changeCells(change.allStaff)]] : [];
        return [...all, ...change.byLevel.map((level) => [...conditionCells(condition), LEVELS.find((l) => l.id === level.level)!.label, ...changeCells(level)])];
      }),
    },
    {
      title: `Changes ${since}: each team`,
      sheetName: 'Changes by team',
      note: 'Each team\'s all-staff score now less then; blank where either round hides it or the team was not in both.',
      columns: [{ header: 'Team', width: 30 }, ...CONDITIONS.map((c) => ({ header: `${c.number}. ${c.text}`, width: 14, numberFormat: '+0.0;-0.0;0.0' }))],
      rows: changes.byTeam.map((team) => [team.teamName, ...CONDITIONS.map((c) => team.conditions[c.id]?.change ?? null)]),
    },
  ];
}

/** The teams' plans side by side: per condition, how many actions, done and overdue. Counts only, no action's text or owner. */
export function plansTable(plans: OrganisationPlans): ExportTable {
  return {
    title: "The teams' plans side by side",
    sheetName: 'Plans',
    note: `Each team's plan as it stands; overdue: not done and due before ${dateInWords(plans.today)}.`,
    columns: [{ header: 'Team', width: 30 }, ...CONDITIONS.map((c) => ({ header: `${c.number}. ${c.text}`, width: 16 }))],
    rows: plans.teams.map((team) => [team.teamName, ...CONDITIONS.map((c) => {
      const { actions, done, overdue } = team.conditions[c.id];
      return actions === 0 ? 'No actions' : `${actions} ${actions === 1 ? 'action' : 'actions'}: ${done} done, ${overdue} overdue`;
    })]),
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
