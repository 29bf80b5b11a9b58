import { CONDITIONS } from '../../bot/domain/conditions';
import { LEVELS } from '../../bot/domain/levels';
import type { CellSummary } from '../../bot/domain/summary/roundSummary';
import { CLOSED_ROUND, OPEN_ROUND, closedRoundSummary, openRoundSummary } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { readOverview, type OverviewCellText } from './tabPage';

jest.setTimeout(60_000);
const tab = useTabHarness();

/** What a cell must say, worked out independently of the tab's code. */
function expected(cell: CellSummary, threshold: number): OverviewCellText {
  if (!cell.shown) {
    const detail = cell.reason === 'too-small' ? `Fewer than ${threshold} answers` : 'Hidden to protect a smaller group';
    return { shown: false, score: null, detail, all: detail };
  }
  const answers = `${cell.answers} ${cell.answers === 1 ? 'answer' : 'answers'}`;
  if (cell.answers === 0) return { shown: true, score: null, detail: 'No answers yet', all: 'No answers yet' };
  if (cell.score === null) return { shown: true, score: 'No score', detail: `${answers}, all don’t know`, all: `No score${answers}, all don’t know` };
  const dontKnow = cell.dontKnowShare > 0 ? `, ${Math.round(cell.dontKnowShare * 100)}% don’t know` : '';
  return { shown: true, score: cell.score.toFixed(1), detail: answers + dontKnow, all: `${cell.score.toFixed(1)}${answers}${dontKnow}` };
}

test('the overview is a table of the twelve conditions by all staff and the seven levels, with the round’s figures', async () => {
  const page = await tab.open(channelQuery());
  const overview = await readOverview(page);
  const summary = openRoundSummary();

  expect(overview.caption).toContain('Scores run from 0 (not in place) to 3 (fully in place)');
  expect(overview.columns).toEqual(['Condition', 'All staff', ...LEVELS.map((level) => level.label)]);
  expect(overview.columnScopes.every((scope) => scope === 'col')).toBe(true);
  expect(overview.rows).toHaveLength(12);
  overview.rows.forEach((row, i) => {
    const condition = CONDITIONS[i]!;
    const want = summary.conditions[i]!;
    expect(row.scope).toBe('row');
    expect(row.header).toBe(`${condition.number}.${condition.text}`);
    expect(row.cells).toEqual([want.allStaff, ...LEVELS.map((level) => want.byLevel[level.id])].map((cell) => expected(cell, 5)));
  });
  // One figure worked out by hand: C01, all staff: 35 answers, 4 don't know, (11 + 18 + 15) / 31 = 1.42.
  expect(overview.rows[0]!.cells[0]).toEqual({ shown: true, score: '1.4', detail: '35 answers, 11% don’t know', all: '1.435 answers, 11% don’t know' });
  expect(tab.errors).toEqual([]);
});

test('hidden cells give their reason and no number; participation hides the same groups', async () => {
  const page = await tab.open(channelQuery());
  const overview = await readOverview(page);
  const hidden = overview.rows.flatMap((row) => row.cells.filter((cell) => !cell.shown));
  expect(hidden.map((cell) => cell.all)).toEqual(expect.arrayContaining(['Fewer than 5 answers', 'Hidden to protect a smaller group']));
  for (const cell of hidden) {
    expect(cell.score).toBeNull();
    expect(cell.all).toMatch(/^(Fewer than 5 answers|Hidden to protect a smaller group)$/);
  }
  // C12: supervisors (4) are too few; with senior leaders (3) that is enough, so service managers show.
  const c12 = overview.rows[11]!.cells;
  expect(c12[2]!.all).toBe('Fewer than 5 answers');
  expect(c12[3]!.score).toBe('2.0');

  await expect(page.getByTestId('respondents').textContent()).resolves.toBe('35 people have answered');
  const participation = (level: string) => page.locator(`[data-level="${level}"]`).textContent();
  await expect(participation('practitioner')).resolves.toBe('Practitioner14 people');
  await expect(participation('senior-leader')).resolves.toBe('Senior leaderFewer than 5 people');
  await expect(participation('service-manager')).resolves.toBe('Service manager / head of serviceHidden to protect a smaller group');
});

test('local mode says so plainly, and sends no token', async () => {
  const page = await tab.open(channelQuery());
  await page.getByText('Local mode: not signed in — Local developer').waitFor({ state: 'visible' });
  await readOverview(page);
  expect(tab.server.requests.length).toBeGreaterThan(0);
  expect(tab.server.requests.every((request) => request.authorization === null)).toBe(true);
});

test('the round picker lists the team’s rounds, newest first, and shows the chosen one', async () => {
  const page = await tab.open(channelQuery());
  const picker = page.getByLabel('Audit round');
  await picker.locator('option').nth(1).waitFor({ state: 'attached' });
  await expect(picker.locator('option').allTextContents()).resolves.toEqual(['Round 2 (open, started 12 May 2025)', 'Round 1 (closed 31 Jan 2025)']);
  await picker.selectOption(CLOSED_ROUND);
  await page.getByText('10 people have answered').waitFor();
  const overview = await readOverview(page);
  expect(overview.rows[0]!.cells[1]).toEqual(expected(closedRoundSummary().conditions[0]!.byLevel.practitioner, 5));
  expect(overview.rows[0]!.cells[1]!.score).toBe('1.5');
});

test('new answers appear without a reload, and polling stops while the tab is hidden', async () => {
  const page = await tab.open(channelQuery());
  await readOverview(page);
  const practitionerC01 = page.locator('tr[data-condition="C01"] td').nth(1);
  await expect(practitionerC01.textContent()).resolves.toMatch(/^1\.114 answers/);

  const changed = openRoundSummary();
  const c01 = changed.conditions[0]!;
  (c01.byLevel as Record<string, CellSummary>).practitioner = { shown: true, answers: 15, distribution: { 'not-in-place': 4, partly: 5, mostly: 3, fully: 2, 'dont-know': 1 }, score: 17 / 14, dontKnowShare: 1 / 15 };
  const changedAt = Date.now();
  tab.server.summaries.set(OPEN_ROUND, changed);
  await practitionerC01.getByText('15 answers', { exact: false }).waitFor({ timeout: 6500 });
  expect(Date.now() - changedAt).toBeLessThan(6500);

  const summaryRequests = () => tab.server.requests.filter((request) => request.path.endsWith('/summary')).length;
  const setHidden = (hidden: boolean) => page.evaluate((value) => {
    const doc = (globalThis as unknown as { document: { dispatchEvent(event: unknown): void } }).document;
    Object.defineProperty(doc, 'hidden', { configurable: true, get: () => value });
    doc.dispatchEvent(new (globalThis as unknown as { Event: new (type: string) => unknown }).Event('visibilitychange'));
  }, hidden);
  await setHidden(true);
  await page.waitForTimeout(300); // a poll already on the wire may still land
  const whileHidden = summaryRequests();
  await page.waitForTimeout(6000);
  expect(summaryRequests()).toBe(whileHidden);
  await setHidden(false);
  await page.waitForTimeout(500);
  expect(summaryRequests()).toBe(whileHidden + 1);
});
