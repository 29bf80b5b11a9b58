import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { CONDITIONS } from '../../bot/domain/conditions';
import { evidenceNote } from './evidenceRoutes';
import { LATEST_ROUND } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { planAction } from './planFixtures';
import { readRows } from './roundViewsPage';
import { readOverview, seriousViolations } from './tabPage';

/**
 * A closed round on paper, for a meeting (issue 11): the channel tab's Print button opens a view
 * for print and asks the browser to print it; printed, it is black on white in every Teams theme,
 * without the tab's controls, and its tables run over pages.
 */
jest.setTimeout(90_000);
const tab = useTabHarness();

interface PrintCalls { __printCalls?: number; print: () => void }
const printCalls = (page: Page) => page.evaluate(() => (globalThis as unknown as PrintCalls).__printCalls ?? 0);

beforeEach(() => {
  tab.server.evidence.notes.set(LATEST_ROUND, [
    evidenceNote({ noteId: 'n-1', conditionId: 'C06', found: 'Supervision recorded in 17 of 20 files.' }),
    evidenceNote({ noteId: 'n-2', conditionId: 'C01', kind: 'family-feedback', source: 'Parents’ forum', date: '2025-08-02', found: 'Families said their worker explained the plan.' }),
  ]);
  // Round 2 is the latest round with results (round 3 is open): its print shows the plan as it stands.
  tab.server.plan.actions = [
    planAction({
      conditionId: 'C06',
      need: 'Monthly group case discussion in every team',
      progress: 'Clinical lead to run a pilot in the north team',
      owner: 'Head of service',
      dueDate: '2025-12-31',
      status: 'in-progress',
      notes: [{ noteId: 'p-1', date: '2025-09-30', text: 'Pilot started in two teams.', writtenAt: '2025-10-01T09:00:00.000Z', writtenBy: 'Priya Shah' }],
    }),
  ];
});

/** Opens the channel tab with window.print() counted rather than run, and presses Print. */
async function openPrint(theme = ''): Promise<Page> {
  const page = await tab.open(channelQuery(theme), {
    beforeNavigation: async (p) => {
      await p.addInitScript(() => {
        const page = globalThis as unknown as PrintCalls;
        page.print = () => { page.__printCalls = (page.__printCalls ?? 0) + 1; };
      });
    },
  });
  await readOverview(page);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await page.getByTestId('print-view').waitFor();
  await page.getByTestId('print-plan').waitFor();
  return page;
}

test('Print opens the round for print, with the team and round, who answered, the overview, disagreements, evidence and plan, and asks the browser to print once', async () => {
  const page = await openPrint();
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Practice audit: Children’s Services – North');
  await expect(page.getByTestId('print-round').textContent()).resolves.toMatch(/^Audit round 2: opened 12 May 2025, closed 30 June 2025\. Printed on \d{1,2} \w+ \d{4}\.$/);
  await expect(page.getByTestId('print-respondents').textContent()).resolves.toBe('35 people answered.');
  await expect(page.getByTestId('response-rate').textContent()).resolves.toBe('Response rate: 35 of 50 members (70%).');

  const overview = await readRows(page, 'print-overview');
  expect(overview.map((row) => row.key)).toEqual(CONDITIONS.map((c) => c.id));
  // C01 as the tab's overview shows it: all staff 1.4 from 35 answers; senior leaders too few to show.
  expect(overview[0]!.cells.slice(0, 3)).toEqual([`1. ${CONDITIONS[0]!.text}`, '1.435 answers, 11% don’t know', '1.114 answers, 7% don’t know']);
  expect(overview[0]!.cells[5]).toBe('Fewer than 5 answers');

  const disagreement = await readRows(page, 'disagreement');
  expect(disagreement[0]!.cells).toEqual([`12. ${CONDITIONS[11]!.text}`, '1.4', 'Service managers more positive than practitioners: 2.0 against 0.6']);

  const evidence = page.getByTestId('print-evidence');
  await expect(evidence.locator('[data-condition]').evaluateAll((groups) => groups.map((g) => (g as unknown as { getAttribute(n: string): string }).getAttribute('data-condition')))).resolves.toEqual(['C01', 'C06']);
  await expect(evidence.locator('[data-part="heading"]').allTextContents()).resolves.toEqual([
    'Feedback from children and families · 2 August 2025 · Parents’ forum',
    'Case audit · 14 July 2025 · QA team’s audit of 20 CIN cases',
  ]);
  // On paper, as in the exports, not who wrote what.
  await expect(evidence.locator('[data-part="added"]').count()).resolves.toBe(0);

  const plan = await readRows(page, 'print-plan');
  expect(plan).toEqual([{ key: 'C06', cells: [`6. ${CONDITIONS[5]!.text}`, 'Monthly group case discussion in every team', 'Clinical lead to run a pilot in the north team30 September 2025: Pilot started in two teams.', 'Head of service', '31 December 2025', expect.stringMatching(/^In progress/)] }]);
  await expect(page.getByTestId('print-plan').locator('caption').textContent()).resolves.toMatch(/^The plan as it stands on 15 October 2025/);
  // Nothing staff wrote: comments are not for the meeting's paper.
  await expect(page.getByTestId('comment').count()).resolves.toBe(0);

  await expect(printCalls(page)).resolves.toBe(1);
  await page.getByRole('button', { name: 'Print', exact: true }).click();
  await expect(printCalls(page)).resolves.toBe(2);
  await page.screenshot({ path: '/tmp/tab-print.png', fullPage: true });
  await page.getByRole('button', { name: 'Back to the audit views' }).click();
  await readOverview(page);
});

interface Styled { getComputedStyle(element: unknown): { color: string; backgroundColor: string; breakInside: string; display: string } }
const style = (page: Page, selector: string) => page.locator(selector).first().evaluate((el) => {
  const s = (globalThis as unknown as Styled).getComputedStyle(el);
  return { color: s.color, background: s.backgroundColor, breakInside: s.breakInside, display: s.display };
});

test.each([['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']])('printed in the %s theme: black on white, no controls, rows kept whole', async (_name, theme) => {
  const page = await openPrint(theme);
  await page.emulateMedia({ media: 'print' });
  for (const selector of ['[data-testid="print-view"] h1', '[data-testid="print-overview"] td', '[data-testid="print-evidence"] [data-part="found"]', '[data-testid="print-plan"] caption']) {
    await expect(style(page, selector).then((s) => [selector, s.color])).resolves.toEqual([selector, 'rgb(0, 0, 0)']);
  }
  await expect(style(page, '.fui-FluentProvider').then((s) => s.background)).resolves.toBe('rgb(255, 255, 255)');
  await expect(style(page, '[data-testid="print-overview"] tbody tr').then((s) => s.breakInside)).resolves.toBe('avoid');
  await page.screenshot({ path: `/tmp/tab-print-media-${_name}.png`, fullPage: true });
  // The controls, the local-mode banner, and nothing of the content, are hidden.
  for (const name of ['Print', 'Back to the audit views']) await expect(page.getByRole('button', { name, exact: true }).isVisible()).resolves.toBe(false);
  await expect(page.getByTestId('local-banner').isVisible()).resolves.toBe(false);
  for (const testId of ['print-overview', 'disagreement', 'print-evidence', 'print-plan']) await expect(page.getByTestId(testId).isVisible()).resolves.toBe(true);

  // On screen the page follows the theme again.
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('button', { name: 'Print', exact: true }).isVisible()).resolves.toBe(true);
});

test('prints to a PDF of several pages', async () => {
  const page = await openPrint('&theme=dark');
  const pdf = await page.pdf({ preferCSSPageSize: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? [];
  expect(pages.length).toBeGreaterThan(1);
  fs.writeFileSync('/tmp/tab-print.pdf', pdf);
});

describe.each([['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']])('axe-core finds nothing serious or critical (%s theme)', (_name, theme) => {
  test('in the print view', async () => {
    const page = await openPrint(theme);
    await page.getByTestId('print-evidence').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });
});

test('no page reported an error', () => {
  expect(tab.errors).toEqual([]);
});
