import * as fs from 'node:fs';
import type { Frame, Page } from 'playwright-core';

/** Just enough of the DOM for the functions that run in the page (this project type-checks for Node). */
interface DomElement {
  readonly textContent: string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  getAttribute(name: string): string | null;
}
interface AxeResult { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }
interface PageGlobals {
  axe: { run(context: unknown): Promise<AxeResult> };
  document: unknown;
  getComputedStyle(element: DomElement): { backgroundColor: string };
}

export interface OverviewCellText {
  readonly shown: boolean;
  readonly score: string | null;
  readonly detail: string;
  /** All the cell's text, as one string. */
  readonly all: string;
}

export interface OverviewText {
  readonly caption: string;
  readonly columns: string[];
  readonly columnScopes: (string | null)[];
  readonly rows: { header: string; scope: string | null; cells: OverviewCellText[] }[];
}

/** The overview table as a reader gets it: headers, scopes, and each cell's words (a page, or the tab's frame in Teams). */
export async function readOverview(page: Page | Frame): Promise<OverviewText> {
  const table = page.getByTestId('overview');
  await table.waitFor();
  return table.evaluate((element: DomElement) => {
    const text = (node: DomElement | null) => node?.textContent?.trim() ?? '';
    const heads = [...element.querySelectorAll('thead th')];
    return {
      caption: text(element.querySelector('caption')),
      columns: heads.map(text),
      columnScopes: heads.map((th) => th.getAttribute('scope')),
      rows: [...element.querySelectorAll('tbody tr')].map((tr) => ({
        header: text(tr.querySelector('th')),
        scope: tr.querySelector('th')?.getAttribute('scope') ?? null,
        cells: [...tr.querySelectorAll('td')].map((td) => ({
          shown: td.getAttribute('data-shown') === 'true',
          score: td.querySelector('[data-part="score"]') ? text(td.querySelector('[data-part="score"]')) : null,
          detail: text(td.querySelector('[data-part="detail"]')),
          all: text(td),
        })),
      })),
    };
  });
}

/** An open round's view, as a reader gets it: the line on when results appear, people, and answers by condition. */
export async function readOpenRound(page: Page | Frame): Promise<{ atClose: string; respondents: string; conditions: number }> {
  const table = page.getByTestId('answers-by-condition');
  await table.waitFor();
  return {
    atClose: (await page.getByTestId('results-at-close').textContent()) ?? '',
    respondents: (await page.getByTestId('respondents').textContent()) ?? '',
    conditions: await table.locator('tbody tr').count(),
  };
}

let axeSource: string | undefined;

/** axe-core in the page (or the tab's frame in Teams); returns the serious and critical violations, each with its targets. */
export async function seriousViolations(page: Page | Frame): Promise<string[]> {
  axeSource ??= fs.readFileSync(require.resolve('axe-core'), 'utf8');
  // evaluate(), not a <script> tag: the tab's Content-Security-Policy rightly refuses inline scripts.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const page = globalThis as unknown as PageGlobals;
    const result = await page.axe.run(page.document);
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 5).join(', ')}`);
}

/** The page's background as [r, g, b], read from the element that paints it (a page, or the tab's frame in Teams). */
export async function pageBackground(page: Page | Frame): Promise<number[]> {
  const colour = await page.locator('.fui-FluentProvider').first().evaluate((el: DomElement) => (globalThis as unknown as PageGlobals).getComputedStyle(el).backgroundColor);
  return (colour.match(/\d+/g) ?? []).slice(0, 3).map(Number);
}

export const luminance = ([r = 0, g = 0, b = 0]: number[]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
