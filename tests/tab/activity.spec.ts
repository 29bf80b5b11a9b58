import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { channelQuery, useTabHarness } from './harness';
import { ACTIVITY_ENTRIES, newActivityFake } from './activityRoutes';
import { CURRENT_ROUND } from './fixtures';
import { readLayout } from './narrowLayout';
import { readOpenRound, readOverview, seriousViolations } from './tabPage';

/**
 * Issue 12, "A record of who changed what": the team's practice champions read its activity log
 * in the tab, newest first (who, when, what), with what the check of its chain found, and download
 * it as a CSV file. Only they are offered it; one refused anyway reads why. In Teams' three themes
 * and on a phone, axe finding nothing serious.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();
beforeEach(() => {
  Object.assign(tab.server.activity, newActivityFake());
  tab.server.champion = true;
});

async function openActivity(query = channelQuery()): Promise<Page> {
  const page = await tab.open(query);
  await readOverview(page);
  await page.getByRole('tab', { name: 'Activity' }).click();
  await page.getByTestId('activity-log').waitFor();
  return page;
}

const entries = (page: Page) => page.getByRole('list', { name: 'Activity, newest first' }).locator('li').evaluateAll((items: { textContent: string | null }[]) => items.map((li) => li.textContent));
const chainCheck = (page: Page) => page.getByTestId('chain-check').textContent();

test('a champion reads the log newest first, who did what and when (UK time), and that the record is complete and unchanged', async () => {
  const page = await openActivity();
  await page.getByTestId('chain-check').waitFor();
  await expect(chainCheck(page)).resolves.toBe('The record is complete and unchanged.');
  await expect(entries(page)).resolves.toEqual([
    `${ACTIVITY_ENTRIES[0]!.summary}Entry 4 · Action changed · Amara Okafor · 2 March 2026 at 09:15`,
    `${ACTIVITY_ENTRIES[1]!.summary}Entry 3 · Round closed · Practice Audit · 27 February 2026 at 17:00`,
    `${ACTIVITY_ENTRIES[2]!.summary}Entry 2 · Round opened · Amara Okafor · 13 February 2026 at 10:00`,
    `${ACTIVITY_ENTRIES[3]!.summary}Entry 1 · Champion named · Amara Okafor · 5 January 2026 at 08:30`,
  ]);
  expect(tab.errors).toEqual([]);
});

test('says which entry was changed outside Practice Audit, and marks it', async () => {
  tab.server.activity.reply = { entries: ACTIVITY_ENTRIES, check: { intact: false, entries: 4, firstBrokenSequence: 2 } };
  const page = await openActivity();
  await page.getByTestId('chain-check').waitFor();
  await expect(chainCheck(page)).resolves.toBe('Entry 2 was changed outside Practice Audit.');
  await expect(page.locator('li[data-sequence="2"]').textContent()).resolves.toMatch(/· changed outside Practice Audit$/);
  await expect(page.locator('li[data-sequence="3"]').textContent()).resolves.not.toMatch(/changed outside/);
});

test('downloads the log as a CSV file', async () => {
  const page = await openActivity();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the log as CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('Practice Audit - North - activity log.csv');
  expect(fs.readFileSync(await download.path(), 'utf8')).toBe(tab.server.activity.csv);
});

const viewTabs = (page: Page) => page.getByRole('tab').allTextContents();
/** The view tabs of the latest closed round, then of the open round. */
async function roundsViewTabs(page: Page): Promise<[string[], string[]]> {
  await readOverview(page);
  const closed = await viewTabs(page);
  await page.getByRole('button', { name: 'See how many have answered so far' }).click();
  await readOpenRound(page);
  return [closed, await viewTabs(page)];
}

test('a champion is offered the Activity view in a closed and in an open round, and the open round is asked for no result', async () => {
  const page = await tab.open(channelQuery());
  const asked = tab.server.requests.length;
  await expect(roundsViewTabs(page)).resolves.toEqual([
    ['Overview', 'Where levels disagree', 'A condition', 'Changes since last round', 'Trends', 'Plan', 'Activity'],
    ['Participation', 'Plan', 'Activity'],
  ]);
  await page.getByRole('tab', { name: 'Activity' }).click();
  await page.getByTestId('chain-check').waitFor();
  const ofOpenRound = tab.server.requests.slice(asked).filter((r) => r.path.includes(`/rounds/${CURRENT_ROUND}/`)).map((r) => r.path.split('/').pop());
  expect(ofOpenRound.filter((path) => path !== 'participation' && path !== 'plan')).toEqual([]);
});

test('someone who is not a champion is offered no Activity view, in a closed or an open round, and the log is not asked for', async () => {
  tab.server.champion = false;
  const page = await tab.open(channelQuery());
  const asked = tab.server.requests.length;
  await expect(roundsViewTabs(page)).resolves.toEqual([
    ['Overview', 'Where levels disagree', 'A condition', 'Changes since last round', 'Trends', 'Plan'],
    ['Participation', 'Plan'],
  ]);
  expect(tab.server.requests.slice(asked).map((r) => r.path).filter((path) => path.includes('/activity'))).toEqual([]);
});

test('a champion whose role was taken away since the tab read it reads why the log is not theirs to read', async () => {
  tab.server.activity.refusal = { status: 403, code: 'NOT_A_CHAMPION', message: "Only the team's practice champions can read its activity log." };
  const page = await openActivity();
  await page.getByText("Only the team's practice champions can read its activity log.").waitFor();
  await expect(page.getByRole('button', { name: 'Download the log as CSV' }).count()).resolves.toBe(0);
});

describe('accessibility (axe-core, serious and critical)', () => {
  test.each([['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']])('the activity log in the %s theme', async (name, theme) => {
    tab.server.activity.reply = { entries: ACTIVITY_ENTRIES, check: { intact: false, entries: 4, firstBrokenSequence: 2 } };
    const page = await openActivity(channelQuery(theme));
    await page.getByTestId('chain-check').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `/tmp/tab-activity-${name}.png`, fullPage: true });
  });
});

test('on a phone (360 px) the log fits the screen', async () => {
  const page = await tab.open(channelQuery(), { beforeNavigation: (p) => p.setViewportSize({ width: 360, height: 740 }) });
  await readOverview(page);
  await page.getByRole('tab', { name: 'Activity' }).click();
  await page.getByTestId('chain-check').waitFor();
  const layout = await readLayout(page);
  expect(layout.sticksOut).toEqual([]);
  expect(layout.pageWidth).toBeLessThanOrEqual(360);
  await expect(seriousViolations(page)).resolves.toEqual([]);
  await page.screenshot({ path: '/tmp/tab-phone-activity.png', fullPage: true });
});

test('no page reported an error, but the refusal the role-taken-away test asked for', () => {
  const refused = /^console: Failed to load resource: the server responded with a status of 403 \(Forbidden\) \(http:\/\/[^)]+\/activity\)$/;
  expect(tab.errors.filter((error) => !refused.test(error))).toEqual([]);
});
