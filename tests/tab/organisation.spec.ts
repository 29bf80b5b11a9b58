import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { endOfUkDay } from '../../bot/domain/closeDate';
import { CONDITIONS } from '../../bot/domain/conditions';
import { ERROR_CODES } from '../../bot/domain/errors';
import { LEVELS } from '../../bot/domain/levels';
import { useTabHarness } from './harness';
import { SERVICE_ROUNDS, TEAMS, latestServiceSummary } from './organisationFixtures';
import { chooseServiceRound, openOrganisation, openReleasedRound } from './organisationPage';
import { readRows } from './roundViewsPage';
import { readOverview } from './tabPage';

/**
 * The organisation view (issue 13) against the fake tab server's organisation routes
 * (organisationRoutes.ts, organisationFixtures.ts): offered only to organisation leaders and
 * admins; response rates by team while a service-wide round is open, and why its results wait;
 * the results once released; the plans side by side; the admins' controls, for admins only.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();

beforeEach(() => tab.server.organisation.reset());

/** The tabs of a tab list, once it is there. */
async function tabNames(page: Page, list: string): Promise<string[]> {
  await page.getByRole('tablist', { name: list }).waitFor();
  return page.getByRole('tablist', { name: list }).getByRole('tab').allTextContents();
}

/** GET /api/me has answered (its local banner shows): what the page offers now follows the person's roles. */
const meLoaded = (page: Page) => page.getByText('Local mode: not signed in', { exact: false }).waitFor();

describe('who is offered the organisation view', () => {
  test('a member without an organisation role sees only their rounds, and a forced ?view=organisation says why not', async () => {
    const page = await tab.open('?view=personal');
    await page.getByTestId('my-rounds').waitFor();
    await meLoaded(page);
    await expect(page.getByRole('tab').count()).resolves.toBe(0);
    await expect(page.getByText('Organisation', { exact: true }).count()).resolves.toBe(0);

    const forced = await tab.open('?view=organisation');
    await expect(forced.getByTestId('organisation-error').textContent()).resolves.toBe(ERROR_CODES.NOT_AN_ORG_LEADER.message);
    await expect(forced.getByRole('tablist').count()).resolves.toBe(0);
    expect(tab.server.requests.some((r) => r.path === '/api/organisation')).toBe(true);
  });

  test('a leader finds “Organisation” beside “My rounds” in the personal tab, and no admin controls', async () => {
    tab.server.organisation.roles = ['leader'];
    const page = await tab.open('?view=personal');
    await expect(tabNames(page, 'Your views')).resolves.toEqual(['My rounds', 'Organisation']);
    await page.getByTestId('my-rounds').waitFor();
    await page.getByRole('tab', { name: 'Organisation' }).click();
    await page.getByRole('heading', { name: 'Your organisation' }).waitFor();
    await expect(tabNames(page, 'Organisation views')).resolves.toEqual(['Service-wide rounds', 'Plans']);
    await expect(page.getByTestId('service-round-picker').locator('option').allTextContents()).resolves.toEqual([
      'Service-wide round 3 · open · closes 12 December 2026',
      'Service-wide round 2 · closed 30 May 2026',
      'Service-wide round 1 · closed 28 November 2025',
    ]);
    await expect(page.getByRole('button', { name: /Open a service-wide round/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('switch').count()).resolves.toBe(0);
  });

  test('an admin is offered the admins’ controls as well', async () => {
    const page = await openOrganisation(tab, ['admin']);
    await expect(tabNames(page, 'Organisation views')).resolves.toEqual(['Service-wide rounds', 'Plans', 'Teams and new rounds']);
  });
});

describe('a service-wide round', () => {
  test('while open: each team’s opening and response rate, kept up to date, and why its results wait', async () => {
    const page = await openOrganisation(tab, ['leader']);
    await expect(readRows(page, 'org-response-rates')).resolves.toEqual([
      { key: TEAMS.assessment.teamId, cells: ['Assessment', 'Opened: the team’s round 5', 'Closed', '30 of 34 members (88%)'] },
      { key: TEAMS.careLeavers.teamId, cells: ['Care leavers', 'Not opened: already had round 4 open', '—', '—'] },
      { key: TEAMS.childProtection.teamId, cells: ['Child protection', 'Opened: the team’s round 3', 'Open', '22 of 45 members (49%)'] },
      { key: TEAMS.childrenInCare.teamId, cells: ['Children in care', 'Opened: the team’s round 4', 'Open', '12 of 31 members (39%)'] },
      { key: TEAMS.fostering.teamId, cells: ['Fostering', 'Not opened: app removed', '—', '—'] },
      { key: TEAMS.frontDoor.teamId, cells: ['Front door', 'Still opening', '—', '—'] },
    ]);
    await expect(page.getByTestId('org-results-at-close').textContent()).resolves.toBe(
      'Results appear when every team’s round has closed: 2 teams still open, 1 team still opening.');
    await expect(page.getByTestId('org-team-scores').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: 'Download CSV' }).count()).resolves.toBe(0);

    // A new answer in Child protection shows without a reload.
    const view = tab.server.organisation.views.get(SERVICE_ROUNDS.open)!;
    tab.server.organisation.views.set(SERVICE_ROUNDS.open, {
      ...view,
      teams: view.teams.map((team) => (team.teamId === TEAMS.childProtection.teamId ? { ...team, responseRate: { answered: 23, members: 45, percent: 51 } } : team)),
    });
    await page.getByTestId('org-response-rates').getByText('23 of 45 members (51%)').waitFor({ timeout: 15_000 });

    await page.getByRole('button', { name: 'See service-wide round 2’s results' }).click();
    await page.getByTestId('org-team-scores').waitFor();
  });

  test('a round in which no team’s round opened (each had one open) says it has no results, and when it was to close', async () => {
    const fake = tab.server.organisation;
    // Every team still had a round of its own open: the service-wide round is closed at once, long before its close date.
    const closesAt = endOfUkDay('2099-12-31').toISOString();
    fake.serviceRounds = [{ serviceRoundId: 'none-opened', number: 4, openedAt: '2026-11-29T09:00:00.000Z', openedBy: 'Priya Shah', closesAt, status: 'closed', teamsAsked: 1 }, ...fake.serviceRounds];
    fake.views.set('none-opened', {
      round: fake.serviceRounds[0]!,
      teams: [{ ...TEAMS.careLeavers, opening: { state: 'not-opened', reason: 'round-already-open', openRoundNumber: 4 } }],
      results: 'at-close',
    });
    const page = await openOrganisation(tab, ['leader']);
    await expect(page.getByTestId('service-round-picker').locator('option').first().textContent()).resolves.toBe(
      'Service-wide round 4 · closed before its close date, 31 December 2099');
    await expect(page.getByTestId('org-results-at-close').textContent()).resolves.toBe(
      'No team’s round opened in this service-wide round, so it has no results. Each team’s opening below says why.');
    await expect(page.getByTestId('org-results-wait').textContent()).resolves.not.toContain('Until then');
  });

  test('released: every condition by level across all teams, with what each condition’s figures count', async () => {
    const page = await openReleasedRound(tab, SERVICE_ROUNDS.latestReleased);
    const overview = await readOverview(page);
    expect(overview.columns).toEqual(['Condition', 'All staff', ...LEVELS.map((level) => level.label)]);
    expect(overview.rows.map((row) => row.header)).toEqual(CONDITIONS.map((c) => `${c.number}.${c.text}`));
    // Condition 1, all teams, worked out by hand from the fixture: 116 answers, 11 don't know, (38 + 2×37 + 3×17) / 105 = 1.55.
    expect(overview.rows[0]!.cells[0]).toEqual({ shown: true, score: '1.6', detail: '116 answers, 9% don’t know', all: '1.6116 answers, 9% don’t know' });
    // Hidden because the teams' own views hide it: no count across teams is claimed ("fewer than 5" may be false there).
    expect(overview.rows[0]!.cells[4]!.all).toBe('Hidden within the teams');
    await expect(page.getByTestId('overview').locator('caption').textContent()).resolves.toContain('A cell is hidden here when the teams’ own views hide it');
    await expect(page.getByTestId('org-respondents').textContent()).resolves.toBe('149 people answered, in 6 teams (a person in two teams counts in each).');

    const coverage = await readRows(page, 'org-coverage');
    expect(coverage).toHaveLength(12);
    expect(coverage[0]!.cells[1]).toBe('Counts 5 of 6 teams; 1 team left out: too few answers to count without singling it out. '
      + '12 answers are in no level’s column: their level was hidden within their team.');
    expect(coverage[1]!.cells[1]).toBe('Counts 5 of 6 teams; 1 team left out: too few answers to count without singling it out.');
    expect(coverage[4]!.cells[1]).toContain('1 answer is in no level’s column: its level was hidden within its team.');
    expect(coverage[11]!.cells[1]).toBe('Counts 6 of 6 teams.');
  });

  test('released: each team’s score per condition, in a real table, hidden cells saying why', async () => {
    const page = await openReleasedRound(tab, SERVICE_ROUNDS.latestReleased);
    const table = page.getByTestId('org-team-scores');
    await expect(table.locator('thead th').allTextContents()).resolves.toEqual(['Team', 'Answered', ...CONDITIONS.map((c) => `Condition ${c.number}`)]);
    await expect(table.locator('thead th[scope="col"]').count()).resolves.toBe(14);
    await expect(table.locator('tbody th[scope="row"]').allTextContents()).resolves.toEqual(
      ['Assessment', 'Care leavers', 'Child protection', 'Children in care', 'Fostering', 'Front door']);
    const rows = await readRows(page, 'org-team-scores');
    const row = (teamId: string) => rows.find((r) => r.key === teamId)!.cells;
    // Care leavers (4 answered) is too small to show, as in its own tab: every condition hidden, in words.
    expect(row(TEAMS.careLeavers.teamId)).toEqual(['Care leavers', '4', ...CONDITIONS.map(() => 'Fewer than 5 answers')]);
    expect(row(TEAMS.childProtection.teamId)[4]).toBe('Hidden to protect a smaller group');
    expect(row(TEAMS.fostering.teamId)[6]).toBe('No scoreToo few ratings to score (fewer than 5): 9 of 12 answers said don’t know');
    expect(row(TEAMS.fostering.teamId)[13]).toBe('Fewer than 5 answers');
    // A scored cell: Assessment, condition 1 (from the fixture's own figures).
    const cell = latestServiceSummary().byTeam[0]!.conditions.C01;
    expect(cell.shown && cell.score !== null).toBe(true);
    expect(row(TEAMS.assessment.teamId)[2]).toMatch(new RegExp(`^${cell.shown && cell.score!.toFixed(1)}34 answers`));
    // Hidden cells carry the mark and the dashed frame, not a colour alone.
    await expect(table.locator('td[data-shown="false"] [data-part="hidden-mark"]').count()).resolves.toBe(14);
  });

  test('released: changes since the previous service-wide round, for all teams and for each team', async () => {
    const page = await openReleasedRound(tab, SERVICE_ROUNDS.latestReleased);
    const changes = page.getByTestId('changes');
    await expect(changes.locator('caption').textContent()).resolves.toContain('Scores in service-wide round 1 and now');
    await expect(changes.locator('tbody[data-condition]').count()).resolves.toBe(12);
    const teamChanges = await readRows(page, 'org-team-changes');
    expect(teamChanges.find((r) => r.key === TEAMS.careLeavers.teamId)!.cells.slice(1)).toEqual(CONDITIONS.map(() => 'Not comparable'));
    // Shown, spoken (for screen readers), and the two scores as shown: Fostering's condition 3 went from 1.50 to 1.82.
    const fostering = teamChanges.find((r) => r.key === TEAMS.fostering.teamId)!.cells;
    expect(fostering[3]).toBe('+0.3up 0.3 (1.5 → 1.8)');
    expect(fostering[5]).toBe('Not comparable');
    expect(teamChanges.find((r) => r.key === TEAMS.assessment.teamId)!.cells[1]).toBe('0.0no change (1.2 → 1.2)');

    await chooseServiceRound(page, SERVICE_ROUNDS.first);
    await page.getByTestId('org-no-previous').waitFor();
    await expect(page.getByTestId('org-no-previous').textContent()).resolves.toBe('No earlier service-wide round with results to compare with.');
  });

  test('released: CSV, Excel and Word exports of the service-wide round', async () => {
    const page = await openReleasedRound(tab, SERVICE_ROUNDS.latestReleased);
    for (const [label, format] of [['Download CSV', 'csv'], ['Download Excel', 'xlsx'], ['Download Word', 'docx']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: label }).click()]);
      expect(download.suggestedFilename()).toBe(`service-wide-round-2.${format}`);
      expect(fs.readFileSync(await download.path(), 'utf8')).toBe(`service-wide round 2 as ${format}`);
    }
    expect(tab.server.requests.filter((r) => r.path.includes('/export.')).map((r) => r.path)).toEqual(
      ['csv', 'xlsx', 'docx'].map((format) => `/api/organisation/service-rounds/${SERVICE_ROUNDS.latestReleased}/export.${format}`));
  });
});

test('the teams’ plans side by side: actions, done and overdue per condition, overdue in words', async () => {
  const page = await openOrganisation(tab, ['leader']);
  await page.getByRole('tab', { name: 'Plans' }).click();
  await expect(page.getByTestId('org-plans-overdue').textContent()).resolves.toBe('3 actions are overdue, in 2 teams.');
  const rows = await readRows(page, 'org-plans');
  const frontDoor = rows.find((r) => r.key === TEAMS.frontDoor.teamId)!.cells;
  expect(frontDoor[1]).toBe('3 actions1 done2 overdue');
  expect(frontDoor[2]).toBe('No actions');
  expect(rows.find((r) => r.key === TEAMS.childProtection.teamId)!.cells[2]).toBe('3 actions3 done');
  await expect(page.getByTestId('org-plans').locator('[data-part="overdue"]').allTextContents()).resolves.toEqual(['1 overdue', '2 overdue']);
  await expect(page.getByTestId('org-plans').locator('caption').textContent()).resolves.toContain('past its due date on 29 November 2026 and not done');
});
