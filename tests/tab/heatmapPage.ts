import type { Page } from 'playwright-core';

/** Just enough of the DOM for the functions that run in the page (the specs compile without the DOM's types). */
interface El {
  readonly textContent: string | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
  getAttribute(name: string): string | null;
}
interface Styles { color: string; backgroundColor: string; outlineStyle: string }

/** One overview cell as it is painted: its band (if filled), colours as computed (rgb()), and its marks. */
export interface PaintedCell {
  readonly band: number | null;
  readonly background: string;
  readonly color: string;
  /** The detail line's colour (answers, or why it is hidden). */
  readonly detailColor: string;
  readonly outline: string;
  readonly hiddenMark: boolean;
  readonly score: string | null;
  readonly shown: boolean;
}

/** Every cell of the overview, row by row (conditions), all staff first. */
export async function readHeatmap(page: Page): Promise<PaintedCell[][]> {
  const table = page.getByTestId('overview');
  await table.waitFor();
  // Runs in the page: self-contained.
  return table.evaluate((element: El) => {
    const style = (el: El) => (globalThis as unknown as { getComputedStyle(e: El): Styles }).getComputedStyle(el);
    return [...element.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => {
      const detail = td.querySelector('[data-part="detail"]');
      const band = td.getAttribute('data-band');
      return {
        band: band === null ? null : Number(band),
        background: style(td).backgroundColor,
        color: style(td).color,
        detailColor: detail ? style(detail).color : '',
        outline: style(td).outlineStyle,
        hiddenMark: td.querySelector('[data-part="hidden-mark"]') !== null,
        score: td.querySelector('[data-part="score"]')?.textContent?.trim() ?? null,
        shown: td.getAttribute('data-shown') === 'true',
      };
    }));
  });
}

/** The heatmap's key: its sentence, each band's swatch (label and colours), and its other entries' words. */
export async function readLegend(page: Page): Promise<{ title: string; bands: { label: string; background: string; color: string }[]; entries: string[] }> {
  const legend = page.getByTestId('heatmap-legend');
  await legend.waitFor();
  const title = (await legend.locator('p').textContent()) ?? '';
  const bands = await legend.locator('[data-band]').evaluateAll((items: El[]) => items.map((item) => {
    const style = (globalThis as unknown as { getComputedStyle(e: El): Styles }).getComputedStyle(item);
    return { label: item.textContent?.trim() ?? '', background: style.backgroundColor, color: style.color };
  }));
  const entries = (await legend.locator('[data-legend]').allTextContents()).map((text) => text.trim());
  return { title, bands, entries };
}

/** The trend chart as drawn: each marker's label and position (SVG units, y down), and how many line segments join them. */
export async function readTrendChart(page: Page): Promise<{ markers: { label: string | null; x: number; y: number }[]; segments: number; ticks: string[] }> {
  const chart = page.getByTestId('trend-chart');
  await chart.locator('circle[role="img"]').first().waitFor();
  return chart.evaluate((element: El) => ({
    markers: [...element.querySelectorAll('g[role="region"] circle[role="img"]')].map((circle) => ({
      label: circle.getAttribute('aria-label'),
      x: Number(circle.getAttribute('cx')),
      y: Number(circle.getAttribute('cy')),
    })),
    segments: [...element.querySelectorAll('g[role="region"] line')].length,
    ticks: [...element.querySelectorAll('[id^="xAxisGElement"] text')].map((text) => text.textContent ?? ''),
  }));
}

/** "rgb(8, 81, 156)" as "#08519c". */
export function hexOf(rgb: string): string {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+/g) ?? []).map(Number);
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** "#08519c" as the browser computes it: "rgb(8, 81, 156)". */
export function rgbOf(hex: string): string {
  const value = Number.parseInt(hex.slice(1), 16);
  return `rgb(${(value >> 16) & 0xff}, ${(value >> 8) & 0xff}, ${value & 0xff})`;
}
