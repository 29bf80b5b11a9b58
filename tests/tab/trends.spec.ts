import type { Page } from 'playwright-core';
import type { ConditionId } from '../../bot/domain/conditions';
import type { CellSummary } from '../../bot/domain/summary/roundSummary';
import type { TeamTrends, TrendRound } from '../../bot/domain/summary/trends';
import { TEAM_ID } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { readTrendChart } from './heatmapPage';
import { readLayout } from './narrowLayout';
import { readRows } from './roundViewsPage';
import { gzippedLazyJsBytes } from './tabBuild';
import { readOverview, seriousViolations } from './tabPage';
import { planAction } from './planFixtures';
import { trendsOverride, trendsReply } from './trendsRoutes';

/**
 * Issue 11, "What leaders read": each condition's score across the team's closed rounds, as a
 * chart with a table of the same figures (what screen readers read), and the plan's actions for
 * that condition beside it. Fixtures: rounds 1 and 2 closed (round 3 open), the living plan below
 * (in the plan's stand-in, planRoutes.ts). In Teams' three themes, with axe finding nothing serious.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();

/** The team's living plan: two actions for condition 1 (one done), one for condition 3. */
const TEAM_PLAN_ACTIONS = [
  planAction({ actionId: 'team-plan-1', conditionId: 'C01', need: 'Agree a shared referral form with police and health', owner: 'Head of service', dueDate: '2026-03-31', status: 'in-progress' }),
  planAction({ actionId: 'team-plan-2', conditionId: 'C01', need: 'Name a lead for each partner agency', owner: 'Practice champion', dueDate: '2025-12-01', status: 'done', doneAt: '2025-11-20T10:00:00.000Z' }),
  planAction({ actionId: 'team-plan-3', conditionId: 'C03', need: 'A one-page summary of the practice model for every team', owner: 'Principal social worker', dueDate: null, status: 'not-started' }),
];
beforeEach(() => {
  tab.server.plan.reset();
  tab.server.plan.actions = [...TEAM_PLAN_ACTIONS];
});

async function openTrends(theme = ''): Promise<Page> {
  const page = await tab.open(channelQuery(theme));
  await readOverview(page);
  await page.getByRole('tab', { name: 'Trends' }).click();
  await page.getByTestId('trend-table').waitFor();
  return page;
}

const pickCondition = (page: Page, conditionId: ConditionId) => page.getByTestId('trend-condition-picker').selectOption(conditionId);
const actions = (page: Page) => page.getByTestId('trend-actions').locator('li').evaluateAll((items: { textContent: string | null }[]) => items.map((li) => li.textContent));

test('the trends show condition 1’s score in each closed round, as a chart and as a table of the same figures', async () => {
  const page = await openTrends();
  // Round 1, condition 1, all staff, by hand from the fixture: [1, 3, 4, 2, 0] over the levels: 17 / 10 = 1.7. Round 2: 1.4.
  await expect(readRows(page, 'trend-table')).resolves.toEqual([
    { key: null, cells: ['Round 1', '31 Jan 2025', '1.7', '10 answers', '10 people'] },
    { key: null, cells: ['Round 2', '30 Jun 2025', '1.4', '35 answers, 11% don’t know', '35 people'] },
  ]);
  await expect(page.getByTestId('trend-table').locator('caption').textContent()).resolves.toBe(
    '1. Systems are aligned across all relevant agencies: the all-staff score in each closed round (0 not in place to 3 fully in place)');
  const chart = await readTrendChart(page);
  expect(chart.ticks).toEqual(['Round 1', 'Round 2']);
  expect(chart.markers.map((m) => m.label)).toEqual(['1. All staff, 1.7.', '2. All staff, 1.4.']);
  expect(chart.segments).toBe(1);
  // Higher on the page is a higher score (SVG's y runs down): 1.7 sits above 1.4, round 1 left of round 2.
  expect(chart.markers[0]!.y).toBeLessThan(chart.markers[1]!.y);
  expect(chart.markers[0]!.x).toBeLessThan(chart.markers[1]!.x);
  // A picture beside its table: out of the Tab order and the accessibility tree (the table is what is read).
  await expect(page.getByTestId('trend-chart').getAttribute('inert')).resolves.toBe('');
  // Nothing lies over the view: the chart's tooltips (portals) carry the theme, not the page's full-height background.
  await page.getByTestId('trend-table').locator('tbody tr').first().click({ trial: true, timeout: 3000 });
  await page.getByTestId('trend-condition-picker').click({ trial: true, timeout: 3000 });
  expect(tab.errors).toEqual([]);
});

test('beside the trend, the plan’s actions for the condition chosen', async () => {
  const page = await openTrends();
  await page.getByTestId('trend-actions').waitFor();
  await expect(actions(page)).resolves.toEqual([
    'Agree a shared referral form with police and healthIn progress · Owner: Head of service · Due 31 March 2026',
    'Name a lead for each partner agencyDone · Owner: Practice champion · Due 1 December 2025',
  ]);
  await pickCondition(page, 'C03');
  await page.getByTestId('trend-actions').getByText('A one-page summary of the practice model for every team').waitFor();
  await expect(actions(page)).resolves.toEqual(['A one-page summary of the practice model for every teamNot started · Owner: Principal social worker']);
  await expect(page.getByTestId('trend-table').locator('caption').textContent()).resolves.toMatch(/^3\. There is clear communication of a model of good practice:/);
  await pickCondition(page, 'C02');
  await expect(page.getByTestId('trend-actions-none').textContent()).resolves.toBe('No actions in the plan for this condition.');
  expect(tab.server.requests.filter((r) => r.path.endsWith('/plan')).map((r) => r.path)).toContain(`/api/teams/${encodeURIComponent(TEAM_ID)}/plan`);
});

describe('a round whose score is hidden', () => {
  const hidden: CellSummary = { shown: false, reason: 'too-small' };
  /** Four closed rounds: the fixture's two, and two more, condition 1 hidden in the second. */
  function fourRounds(): TeamTrends {
    const [first, second] = trendsReply(tab.server.summaries).rounds;
    const hideC01 = (round: TrendRound): TrendRound => ({ ...round, conditions: round.conditions.map((c) => (c.conditionId === 'C01' ? { ...c, allStaff: hidden } : c)) });
    return {
      rounds: [
        first!,
        { ...hideC01(second!), roundId: 'round-2b', number: 2, respondents: 8 },
        { ...second!, roundId: 'round-3b', number: 3, closedAt: '2025-10-31T16:00:00.000Z' },
        { ...first!, roundId: 'round-4b', number: 4, closedAt: '2026-02-27T16:00:00.000Z' },
      ],
    };
  }
  afterEach(() => {
    trendsOverride.reply = null;
  });

  test('stays hidden: the table gives the reason and no figure, and the chart leaves a gap rather than join across it', async () => {
    trendsOverride.reply = fourRounds();
    const page = await openTrends();
    const rows = await readRows(page, 'trend-table');
    expect(rows.map((row) => row.cells.slice(0, 4))).toEqual([
      ['Round 1', '31 Jan 2025', '1.7', '10 answers'],
      ['Round 2', '30 Jun 2025', 'Hidden', 'Fewer than 5 answers'],
      ['Round 3', '31 Oct 2025', '1.4', '35 answers, 11% don’t know'],
      ['Round 4', '27 Feb 2026', '1.7', '10 answers'],
    ]);
    await expect(page.locator('[data-testid="trend-table"] tr[data-round="2"] [data-part="hidden-mark"]').count()).resolves.toBe(1);
    const chart = await readTrendChart(page);
    expect(chart.markers.map((m) => m.label)).toEqual(['1. All staff, 1.7.', '3. All staff, 1.4.', '4. All staff, 1.7.']);
    // Rounds 3–4 are joined; 1–3 are not, across the hidden round 2.
    expect(chart.segments).toBe(1);
    expect(chart.ticks).toEqual(['Round 1', 'Round 2', 'Round 3', 'Round 4']);
    await page.screenshot({ path: '/tmp/tab-trends-gap.png', fullPage: true });
  });
});

describe('accessibility (axe-core, serious and critical)', () => {
  test.each([['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']])('the trends in the %s theme', async (name, theme) => {
    const page = await openTrends(theme);
    await readTrendChart(page);
    await page.getByTestId('trend-actions').waitFor();
    // After a choice with the keyboard's picker too, when Fluent has set up its focus handling.
    await pickCondition(page, 'C03');
    await page.getByTestId('trend-actions').getByText('A one-page summary').waitFor();
    await pickCondition(page, 'C01');
    await page.getByTestId('trend-actions').getByText('Agree a shared referral form').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `/tmp/tab-trends-${name}.png`, fullPage: true });
  });
});

test('the chart’s code loads when the trends are first opened, not with the tab', async () => {
  const loaded: string[] = [];
  const page = await tab.open(channelQuery(), { beforeNavigation: async (p) => { p.on('request', (request) => loaded.push(request.url())); } });
  await readOverview(page);
  const chartChunk = (url: string) => /\/tab\/assets\/TrendChart-[^/]+\.js$/.test(url);
  expect(loaded.filter(chartChunk)).toEqual([]);
  await page.getByRole('tab', { name: 'Trends' }).click();
  await readTrendChart(page);
  expect(loaded.filter(chartChunk)).toHaveLength(1);
  const lazy = [...gzippedLazyJsBytes()];
  process.stdout.write(`Trend chart JavaScript, gzipped, loaded on opening the trends: ${lazy.map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KiB`).join(', ')}\n`);
  expect(lazy.map(([name]) => name)).toEqual([expect.stringMatching(/^TrendChart-/)]);
  expect(lazy[0]![1]).toBeLessThan(128 * 1024);
});

test('on a phone (360 px) the trends fit the screen: the chart, its table and the actions one under another', async () => {
  const page = await tab.open(channelQuery(), { beforeNavigation: (p) => p.setViewportSize({ width: 360, height: 740 }) });
  await readOverview(page);
  await page.getByRole('tab', { name: 'Trends' }).click();
  await readTrendChart(page);
  await page.getByTestId('trend-actions').waitFor();
  const layout = await readLayout(page);
  expect(layout.sticksOut).toEqual([]);
  expect(layout.pageWidth).toBeLessThanOrEqual(360);
  const [chart, actions] = [await page.getByTestId('trend-chart').boundingBox(), await page.getByTestId('trend-actions').boundingBox()];
  expect(chart!.x + chart!.width).toBeLessThanOrEqual(360);
  expect(actions!.y).toBeGreaterThan(chart!.y + chart!.height);
  await expect(seriousViolations(page)).resolves.toEqual([]);
  await page.screenshot({ path: '/tmp/tab-phone-trends.png', fullPage: true });
});

test('no page reported an error', () => {
  expect(tab.errors).toEqual([]);
});
