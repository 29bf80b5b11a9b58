import type { Page } from 'playwright-core';
import { channelQuery, useTabHarness } from './harness';
import { openView, type ViewTab } from './roundViewsPage';
import { readOverview, seriousViolations } from './tabPage';

jest.setTimeout(60_000);
const tab = useTabHarness();

/** Each new view, and what shows it has loaded. */
const VIEWS: [ViewTab, string, string][] = [
  ['Where levels disagree', 'disagreement', 'disagreement'],
  ['A condition', 'condition-distribution', 'condition'],
  ['Changes since last round', 'changes', 'changes'],
];

async function waitForView(page: Page, testId: string): Promise<void> {
  await page.getByTestId(testId).waitFor();
  if (testId === 'condition-distribution') await page.getByTestId('comment').first().waitFor();
}

describe.each([['default', ''], ['dark', '&theme=dark']])('axe-core finds nothing serious or critical (%s theme)', (theme, query) => {
  test.each(VIEWS)('in “%s”', async (label, testId, file) => {
    const page = await openView(tab, label, query);
    await waitForView(page, testId);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    if (theme === 'default') await page.screenshot({ path: `/tmp/tab-view-${file}.png`, fullPage: true });
    else await page.screenshot({ path: `/tmp/tab-view-${file}-dark.png`, fullPage: true });
  });
});

interface Focused { activeElement: { getAttribute(name: string): string | null; textContent: string | null } | null }
const focused = (page: Page) => page.evaluate(() => {
  const active = (globalThis as unknown as { document: Focused }).document.activeElement;
  return { role: active?.getAttribute('role') ?? null, text: active?.textContent?.trim() ?? '' };
});

test('the views’ tabs are reached with Tab and switched with the arrow keys', async () => {
  const page = await tab.open(channelQuery());
  await readOverview(page);
  let presses = 0;
  while ((await focused(page)).role !== 'tab' && presses < 15) {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  await expect(focused(page)).resolves.toEqual({ role: 'tab', text: 'Overview' });
  await page.keyboard.press('ArrowRight');
  await expect(focused(page)).resolves.toEqual({ role: 'tab', text: 'Where levels disagree' });
  await page.getByTestId('disagreement').waitFor();
  await expect(page.getByRole('tab', { name: 'Where levels disagree' }).getAttribute('aria-selected')).resolves.toBe('true');
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('condition-distribution').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('changes').waitFor();
  await page.keyboard.press('ArrowLeft');
  await page.getByTestId('condition-distribution').waitFor();
  await expect(page.getByRole('tabpanel').getAttribute('aria-labelledby')).resolves.toBe(
    await page.getByRole('tab', { name: 'A condition' }).getAttribute('id'));
  await page.screenshot({ path: '/tmp/tab-view-tabs-keyboard.png' });
  await page.keyboard.press('End');
  await expect(focused(page)).resolves.toEqual({ role: 'tab', text: 'Plan' });
  await page.locator('[role="tabpanel"][data-view="plan"]').waitFor();
  await page.keyboard.press('Home');
  await page.getByTestId('overview').waitFor();
});

test('no page reported an error', () => {
  expect(tab.errors).toEqual([]);
});
