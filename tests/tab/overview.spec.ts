import { CONDITIONS } from '../../bot/domain/conditions';
import { LEVELS } from '../../bot/domain/levels';
import type { CellSummary } from '../../bot/domain/summary/roundSummary';
import { CURRENT_ROUND, FIRST_ROUND, currentParticipation, firstRoundSummary, latestRoundSummary } from './fixtures';
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
  if (cell.withheld) {
    const detail = `Too few ratings to score (fewer than ${threshold}): ${cell.dontKnow} of ${answers} said don’t know`;
    return { shown: true, score: 'No score', detail, all: `No score${detail}` };
  }
  if (cell.score === null) return { shown: true, score: 'No score', detail: `${answers}, all don’t know`, all: `No score${answers}, all don’t know` };
  const dontKnow = cell.dontKnowShare > 0 ? `, ${Math.round(cell.dontKnowShare * 100)}% don’t know` : '';
  return { shown: true, score: cell.score.toFixed(1), detail: answers + dontKnow, all: `${cell.score.toFixed(1)}${answers}${dontKnow}` };
}

test('the overview is a table of the twelve conditions by all staff and the seven levels, with the round’s figures', async () => {
  const page = await tab.open(channelQuery());
  const overview = await readOverview(page);
  const summary = latestRoundSummary();

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

// Issue 8, item 2: business support answered C01 six times, three of them "don't know": a score from three ratings is none.
test('a cell with too few ratings shows no score and says why in words', async () => {
  const overview = await readOverview(await tab.open(channelQuery()));
  expect(overview.rows[0]!.cells[5]).toEqual({
    shown: true,
    score: 'No score',
    detail: 'Too few ratings to score (fewer than 5): 3 of 6 answers said don’t know',
    all: 'No scoreToo few ratings to score (fewer than 5): 3 of 6 answers said don’t know',
  });
  expect(overview.caption).toContain('a score needs at least 5 ratings other than “don’t know”');
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

  await expect(page.getByTestId('respondents').textContent()).resolves.toBe('35 people answered');
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

test('the round picker lists the team’s rounds, newest first, and opens on the latest with results', async () => {
  const page = await tab.open(channelQuery());
  const picker = page.getByLabel('Audit round');
  await picker.locator('option').nth(2).waitFor({ state: 'attached' });
  await expect(picker.locator('option').allTextContents()).resolves.toEqual([
    expect.stringMatching(/^Round 3 \(open, started 8 Sept? 2025\)$/), 'Round 2 (closed 30 Jun 2025)', 'Round 1 (closed 31 Jan 2025)']);
  await expect(picker.inputValue()).resolves.toBe('round-2');
  await page.getByTestId('open-round-note').getByText('Round 3 is open: its results appear when it closes.').waitFor();
  await picker.selectOption(FIRST_ROUND);
  await page.getByTestId('respondents').getByText('10 people answered').waitFor();
  const overview = await readOverview(page);
  expect(overview.rows[0]!.cells[1]).toEqual(expected(firstRoundSummary().conditions[0]!.byLevel.practitioner, 5));
  expect(overview.rows[0]!.cells[1]!.score).toBe('1.5');
});

// Issue 8, item 1: an open round's results appear when it closes; until then, how many have answered.
test('an open round shows how many have answered and when its results appear, and asks for no result', async () => {
  const page = await tab.open(channelQuery());
  await readOverview(page);
  await page.getByRole('button', { name: 'See how many have answered so far' }).click();
  await page.getByTestId('results-at-close').getByText('Results appear when round 3 closes.').waitFor();
  await expect(page.getByTestId('respondents').textContent()).resolves.toBe('12 people have answered');
  await expect(page.locator('[data-testid="answers-by-condition"] tbody tr').count()).resolves.toBe(12);
  // Issue 10: of the team's members now, in all and for each condition.
  await expect(page.getByTestId('response-rate').textContent()).resolves.toBe('Response rate: 12 of 52 members (23%).');
  await expect(page.getByTestId('no-rates-by-level').textContent()).resolves.toBe('There are no response rates by level: people who have not answered have given no level.');
  await expect(page.locator('[data-testid="answers-by-condition"] tr[data-condition="C03"] td').textContent()).resolves.toBe('10 of 52 (19%)');
  for (const testId of ['overview', 'disagreement', 'condition-distribution', 'changes']) await expect(page.getByTestId(testId).count()).resolves.toBe(0);
  await expect(page.getByRole('button', { name: /Download/ }).count()).resolves.toBe(0);
  await expect(page.getByRole('tab').allTextContents()).resolves.toEqual(['Participation', 'Plan']);
  for (const level of LEVELS) await expect(page.getByText(level.label, { exact: true }).count()).resolves.toBe(0);
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.getByRole('tab', { name: 'Participation' }).click();
  await page.getByTestId('respondents').waitFor();
  const asked = tab.server.requests.filter((r) => r.path.includes(`/rounds/${CURRENT_ROUND}/`)).map((r) => r.path.split('/').pop());
  expect(asked.length).toBeGreaterThan(0);
  expect(asked.filter((path) => path !== 'participation' && path !== 'plan')).toEqual([]);

  await page.getByRole('button', { name: 'See round 2’s results' }).click();
  expect((await readOverview(page)).rows).toHaveLength(12);
  expect(tab.errors).toEqual([]);
});

test('an open round’s participation keeps up without a reload, and polling stops while the tab is hidden', async () => {
  const page = await tab.open(channelQuery());
  await readOverview(page);
  await page.getByLabel('Audit round').selectOption(CURRENT_ROUND);
  const respondents = page.getByTestId('respondents');
  await respondents.getByText('12 people have answered').waitFor();

  const changedAt = Date.now();
  tab.server.participations.set(CURRENT_ROUND, currentParticipation(13));
  await respondents.getByText('13 people have answered').waitFor({ timeout: 6500 });
  expect(Date.now() - changedAt).toBeLessThan(6500);

  const summaryRequests = () => tab.server.requests.filter((request) => request.path.endsWith('/participation')).length;
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

// Issue 10: the response rate beside a closed round's people by level, against the members kept at close.
test('a closed round gives its response rate against the team’s members at close, and says there are none by level', async () => {
  const page = await tab.open(channelQuery());
  await readOverview(page);
  await page.getByTestId('response-rate').getByText('Response rate: 35 of 50 members (70%).').waitFor();
  await expect(page.getByTestId('no-rates-by-level').textContent()).resolves.toBe('There are no response rates by level: people who have not answered have given no level.');

  // Round 1 closed before team sizes were kept: no rate, and why; never today’s roster.
  await page.getByLabel('Audit round').selectOption(FIRST_ROUND);
  await page.getByTestId('response-rate').getByText('No response rate: the team’s size was not recorded when this round closed.').waitFor();
  expect(tab.errors).toEqual([]);
});

// Issue 10: "each condition's completion" for the closing figures too, in the past tense of a round that is over.
test('a closed round gives each condition’s completion against the team’s members at close, and says who answered in the past tense', async () => {
  const page = await tab.open(channelQuery());
  await readOverview(page);
  const completion = page.getByTestId('answers-by-condition');
  const cellOf = (conditionId: string) => completion.locator(`tr[data-condition="${conditionId}"] td`).textContent();
  await completion.locator('tr[data-condition="C01"] td').getByText('35 of 50 (70%)').waitFor();
  await expect(completion.locator('tbody tr').count()).resolves.toBe(12);
  // C12, worked out by hand from the fixture: 9 + 4 + 5 + 3 + 6 = 27 answered it, of 50.
  await expect(cellOf('C12')).resolves.toBe('27 of 50 (54%)');
  await expect(completion.locator('caption').textContent()).resolves.toBe('Answers by condition, of the team’s members when the round closed');
  await expect(completion.locator('th').nth(1).textContent()).resolves.toBe('Answered');
  await expect(page.getByTestId('respondents').textContent()).resolves.toBe('35 people answered');

  // Round 1 kept no size: each condition's count alone, never against today’s team.
  await page.getByLabel('Audit round').selectOption(FIRST_ROUND);
  await page.getByTestId('respondents').getByText('10 people answered').waitFor();
  await completion.locator('th').nth(1).getByText('Answers').waitFor();
  await expect(cellOf('C01')).resolves.toBe('10'); // 6 + 2 + 1 + 1
  await expect(completion.textContent()).resolves.not.toMatch(/%| of \d/);
  expect(tab.errors).toEqual([]);
});

test('an open round whose team Teams will not list shows the counts without a denominator, and says so', async () => {
  tab.server.participations.set(CURRENT_ROUND, currentParticipation(12, { known: false, why: 'unreadable' }));
  const page = await tab.open(channelQuery());
  await readOverview(page);
  await page.getByLabel('Audit round').selectOption(CURRENT_ROUND);
  await page.getByTestId('response-rate').getByText('No response rate: the team’s size could not be read from Teams just now.').waitFor();
  await expect(page.getByTestId('respondents').textContent()).resolves.toBe('12 people have answered');
  await expect(page.locator('[data-testid="answers-by-condition"] tr[data-condition="C03"] td').textContent()).resolves.toBe('10');
  await expect(page.locator('[data-testid="answers-by-condition"] th').nth(1).textContent()).resolves.toBe('Answers');
  expect(tab.errors).toEqual([]);
  tab.server.participations.set(CURRENT_ROUND, currentParticipation());
});
