import type { Frame, Page } from 'playwright-core';
import type { TabHarness } from './harness';
import { channelQuery } from './harness';
import { readOverview } from './tabPage';

export type ViewTab = 'Overview' | 'Where levels disagree' | 'A condition' | 'Changes since last round' | 'Plan';

/** Opens the channel tab (with `extra` query, e.g. a theme) and switches to one of its views. */
export async function openView(tab: TabHarness, name: ViewTab, extra = ''): Promise<Page> {
  const page = await tab.open(channelQuery(extra));
  await readOverview(page);
  await page.getByRole('tab', { name }).click();
  return page;
}

interface Cells { readonly textContent: string | null; querySelectorAll(selector: string): Iterable<Cells>; getAttribute(name: string): string | null }

/** A table's body rows as text: [row header, ...cells], with each row's data attributes. */
export async function readRows(page: Page | Frame, testId: string): Promise<{ key: string | null; cells: string[] }[]> {
  const table = page.getByTestId(testId);
  await table.waitFor();
  return table.evaluate((element: Cells) => [...element.querySelectorAll('tbody tr')].map((tr) => ({
    key: tr.getAttribute('data-condition') ?? tr.getAttribute('data-level') ?? tr.getAttribute('data-group') ?? tr.getAttribute('data-team'),
    cells: [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent?.trim() ?? ''),
  })));
}
