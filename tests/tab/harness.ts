import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/playground';
import { TEAM_ID } from './fixtures';
import { ensureTabBuilt, TAB_DIST } from './tabBuild';
import { startTabServer, type TabServer } from './tabServer';

export interface TabHarness {
  readonly server: TabServer;
  /**
   * Opens /tab/<query> in a fresh page; collects the page's errors (a CSP refusal is one).
   * `beforeNavigation` prepares the page before it loads (e.g. installs Playwright's clock).
   */
  open(query: string, options?: { beforeNavigation?: (page: Page) => Promise<void> }): Promise<Page>;
  /** Errors the pages have reported so far (uncaught exceptions and console errors). */
  readonly errors: string[];
}

export const channelQuery = (extra = '') => `?teamId=${encodeURIComponent(TEAM_ID)}${extra}`;

/** Builds the tab if needed, serves it with the fixture API, and drives it in headless Chromium. */
export function useTabHarness(): TabHarness {
  let browser: Browser | undefined;
  let server: TabServer | undefined;
  const pages: Page[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    ensureTabBuilt();
    server = await startTabServer(TAB_DIST);
    browser = await launchChromium();
  }, 180_000);

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.close()));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      if (!server) throw new Error('The tab server has not started');
      return server;
    },
    errors,
    async open(query: string, options: { beforeNavigation?: (page: Page) => Promise<void> } = {}) {
      if (!browser || !server) throw new Error('The harness has not started');
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
      pages.push(page);
      // teams-js fetches its list of valid hosts from Microsoft's CDN when loaded; these machines have no
      // internet, so the test answers for the CDN (the tab's CSP allows that origin: see tabFiles.ts).
      await page.route('https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json', (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ validOrigins: ['teams.microsoft.com', '*.teams.microsoft.com'] }) }),
      );
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`);
      });
      await options.beforeNavigation?.(page);
      await page.goto(`${server.url}/tab/${query}`);
      return page;
    },
  };
}
