import { channelQuery, useTabHarness } from './harness';
import { gzippedJsBytes } from './tabBuild';
import { luminance, pageBackground, readOpenRound, readOverview, seriousViolations } from './tabPage';

jest.setTimeout(60_000);
const tab = useTabHarness();

/** Teams' look: the tab follows the theme Teams reports (outside Teams, ?theme= stands in for it). */
describe('themes', () => {
  test('default is Teams’ light theme', async () => {
    const page = await tab.open(channelQuery());
    await readOverview(page);
    expect(luminance(await pageBackground(page))).toBeGreaterThan(0.9);
    await page.screenshot({ path: '/tmp/tab-overview.png', fullPage: true });
  });

  test('?theme=dark renders Teams’ dark theme', async () => {
    const page = await tab.open(channelQuery('&theme=dark'));
    await readOverview(page);
    expect(luminance(await pageBackground(page))).toBeLessThan(0.2);
    await page.screenshot({ path: '/tmp/tab-dark.png' });
  });

  test('?theme=contrast renders Teams’ high-contrast theme: black, with white text', async () => {
    const page = await tab.open(channelQuery('&theme=contrast'));
    await readOverview(page);
    expect(await pageBackground(page)).toEqual([0, 0, 0]);
    const text = await page.getByTestId('respondents').evaluate((el: unknown) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
    expect(text).toBe('rgb(255, 255, 255)');
    await page.screenshot({ path: '/tmp/tab-contrast.png' });
  });
});

describe('accessibility (axe-core, serious and critical)', () => {
  test.each([['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']])('the overview in the %s theme', async (_name, theme) => {
    const page = await tab.open(channelQuery(theme));
    await readOverview(page);
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  test('the personal view, with a round opened', async () => {
    const page = await tab.open('?view=personal');
    const rounds = page.getByTestId('my-rounds');
    await rounds.waitFor();
    await expect(rounds.locator('tbody tr').count()).resolves.toBe(4);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Show overview: Children’s Services – North, round 2' }).click();
    const overview = await readOverview(page);
    expect(overview.rows).toHaveLength(12);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: '/tmp/tab-personal.png', fullPage: true });
    // An open round offers its participation: its results appear when it closes.
    await page.getByRole('button', { name: 'Show participation: Children’s Services – North, round 3' }).click();
    await expect(readOpenRound(page)).resolves.toEqual({ atClose: 'Results appear when round 3 closes.', respondents: '12 people have answered', conditions: 12 });
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  test.each([['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']])('an open round’s participation in the %s theme', async (name, theme) => {
    const page = await tab.open(channelQuery(theme));
    await readOverview(page);
    await page.getByRole('button', { name: 'See how many have answered so far' }).click();
    await readOpenRound(page);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `/tmp/tab-open-round-${name}.png`, fullPage: true });
  });
});

test('the configuration page asks nothing, outside Teams it says what it is for', async () => {
  const page = await tab.open('?view=config');
  await page.getByRole('heading', { name: 'Add Practice Audit to this channel' }).waitFor();
  await expect(page.getByText('There is nothing to set up.').isVisible()).resolves.toBe(true);
  await expect(seriousViolations(page)).resolves.toEqual([]);
});

test('without a team, the channel view says how to open it', async () => {
  const page = await tab.open('');
  await page.getByText('This tab shows a team’s audit.', { exact: false }).waitFor();
});

test('no page reported an error, and the JavaScript stays small', () => {
  expect(tab.errors).toEqual([]);
  const bytes = gzippedJsBytes();
  process.stdout.write(`Tab JavaScript, gzipped: ${(bytes / 1024).toFixed(1)} KiB\n`);
  expect(bytes).toBeLessThan(200 * 1024);
});
