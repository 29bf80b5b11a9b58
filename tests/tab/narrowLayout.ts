import type { Page } from 'playwright-core';

/** Just enough of the DOM for the layout probe, which runs in the page (this project type-checks for Node). */
interface Box { readonly left: number; readonly right: number; readonly top: number; readonly width: number; readonly height: number }
interface El {
  readonly tagName: string;
  readonly id: string;
  readonly tabIndex: number;
  readonly textContent: string | null;
  readonly scrollWidth: number;
  readonly clientWidth: number;
  readonly parentElement: El | null;
  readonly children: Iterable<El>;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Box;
  closest(selector: string): El | null;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): Iterable<El>;
}
interface Globals {
  readonly innerWidth: number;
  readonly document: { readonly documentElement: El; readonly body: El; getElementById(id: string): El | null; querySelector(selector: string): El | null };
  getComputedStyle(element: El, pseudo?: string): { overflowX: string; position: string; display: string; visibility: string; content: string };
}

export interface TableLayout {
  readonly testId: string | null;
  /** The scroll region around the table, as a keyboard and screen-reader user meets it. */
  readonly region: { readonly label: string; readonly tabIndex: number; readonly scrolls: boolean; readonly withinViewport: boolean } | null;
  /** The table is wider than the region shows at once. */
  readonly wide: boolean;
  /** The caption wraps within the region's visible width instead of running off past it. */
  readonly captionFits: boolean;
}

export interface LayoutReport {
  readonly viewportWidth: number;
  /** document.documentElement.scrollWidth: more than the viewport means the page scrolls sideways. */
  readonly pageWidth: number;
  /** The outermost elements that reach past the right edge of the viewport without a scroll region to hold them. */
  readonly sticksOut: string[];
  readonly tables: TableLayout[];
}

/** How the page sits in its viewport: sideways scroll, what sticks out, and how each table is held. */
export async function readLayout(page: Page): Promise<LayoutReport> {
  return page.evaluate(() => {
    const g = globalThis as unknown as Globals;
    const doc = g.document;
    const scrolls = (el: El) => ['auto', 'scroll'].includes(g.getComputedStyle(el).overflowX);
    // Whether an ancestor's overflow clips the element: one placed absolutely escapes any until its containing block.
    const clipped = (el: El) => {
      const position = g.getComputedStyle(el).position;
      if (position === 'fixed') return false;
      let escaping = position === 'absolute';
      for (let up = el.parentElement; up; up = up.parentElement) {
        const style = g.getComputedStyle(up);
        if (style.position !== 'static') escaping = false;
        if (!escaping && style.overflowX !== 'visible') return true;
      }
      return false;
    };
    const describe = (el: El) => {
      const box = el.getBoundingClientRect();
      const name = el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? (el.textContent ?? '').trim().slice(0, 40);
      return `<${el.tagName.toLowerCase()}> ${JSON.stringify(name)}: ${Math.round(box.left)}–${Math.round(box.right)} px`;
    };
    const sticksOut: string[] = [];
    const walk = (el: El) => {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > g.innerWidth + 0.5 && !clipped(el)) {
        sticksOut.push(describe(el));
        return;
      }
      for (const child of el.children) walk(child);
    };
    walk(doc.body);

    const labelOf = (el: El) => {
      const ids = el.getAttribute('aria-labelledby');
      const fromIds = ids ? ids.split(/\s+/).map((id) => doc.getElementById(id)?.textContent?.trim() ?? '').join(' ').trim() : '';
      return fromIds || el.getAttribute('aria-label')?.trim() || '';
    };
    const tables = [...doc.body.querySelectorAll('table')].map((table) => {
      const region = table.closest('[role="region"]');
      const regionBox = region?.getBoundingClientRect();
      const caption = table.querySelector('caption');
      const captionBox = caption?.getBoundingClientRect();
      return {
        testId: table.getAttribute('data-testid'),
        region: region && regionBox ? {
          label: labelOf(region),
          tabIndex: region.tabIndex,
          scrolls: scrolls(region),
          withinViewport: regionBox.left >= -0.5 && regionBox.right <= g.innerWidth + 0.5,
        } : null,
        wide: region ? region.scrollWidth > region.clientWidth : table.getBoundingClientRect().right > g.innerWidth,
        captionFits: !caption || !captionBox || !region ? true : captionBox.width <= region.clientWidth + 0.5,
      };
    });
    return { viewportWidth: g.innerWidth, pageWidth: doc.documentElement.scrollWidth, sticksOut, tables };
  });
}

/**
 * One column of one row, as a reader on a narrow screen meets it without scrolling sideways:
 * whether the cell lies within the viewport's width, and whether its column's name is there to
 * see: the header itself (a grid that fits), or the name the cell shows once the table stacks.
 */
export async function columnInView(page: Page, tableTestId: string, rowSelector: string, column: number): Promise<{ header: string; cellInView: boolean; named: boolean }> {
  return page.evaluate(({ tableTestId, rowSelector, column }) => {
    const g = globalThis as unknown as Globals;
    const table = g.document.querySelector(`[data-testid="${tableTestId}"]`);
    const header = table ? [...table.querySelectorAll('thead th')][column] : undefined;
    const row = table?.querySelector(rowSelector);
    const cell = row ? [...row.children][column] : undefined;
    const name = header?.textContent?.trim() ?? '';
    if (!header || !cell) return { header: name, cellInView: false, named: false };
    const inView = (el: El) => {
      const box = el.getBoundingClientRect();
      return box.width > 1 && box.height > 1 && g.getComputedStyle(el).visibility !== 'hidden' && box.left >= -0.5 && box.right <= g.innerWidth + 0.5;
    };
    const before = g.getComputedStyle(cell, '::before');
    const shownName = before.display !== 'none' && before.content.includes(JSON.stringify(name));
    return { header: name, cellInView: inView(cell), named: inView(header) || (shownName && inView(cell)) };
  }, { tableTestId, rowSelector, column });
}

interface AxNode { nodeId: string; role?: { value: string }; name?: { value: string }; ignored: boolean; childIds?: string[] }

/**
 * A table as Chromium's accessibility tree gives it to a screen reader (found by the start of
 * its caption): its column headers, and the names of its first body row's cells.
 */
export async function accessibleTable(page: Page, captionStart: string): Promise<{ columnHeaders: string[]; firstRow: string[] }> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as unknown as { nodes: AxNode[] };
  await cdp.detach();
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const inOrder = (node: AxNode): AxNode[] => [node, ...(node.childIds ?? []).flatMap((id) => (byId.has(id) ? inOrder(byId.get(id)!) : []))];
  const table = nodes.find((node) => node.role?.value === 'table' && (node.name?.value ?? '').startsWith(captionStart));
  if (!table) return { columnHeaders: [], firstRow: [] };
  const within = inOrder(table).filter((node) => !node.ignored);
  const rows = within.filter((node) => node.role?.value === 'row');
  const body = rows.find((row) => inOrder(row).some((node) => node.role?.value === 'rowheader'));
  const name = (node: AxNode) => (node.name?.value ?? '').trim();
  return {
    columnHeaders: within.filter((node) => node.role?.value === 'columnheader').map(name),
    firstRow: body ? inOrder(body).filter((node) => !node.ignored && ['rowheader', 'cell'].includes(node.role?.value ?? '')).map(name) : [],
  };
}
