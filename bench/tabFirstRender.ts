import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { projectRoot } from '../bot/shared/projectRoot';

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

/**
 * The tab as a leader first sees it during a round: from navigation until the open round's
 * answers by condition have their twelve rows, in headless Chromium against the running service (local mode, so no sign-in;
 * outside Teams, teams-js gives up on its host first, as it would on any plain browser load).
 */
export async function tabFirstRenderMs(tabUrl: string, runs = 5): Promise<number[]> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_FLAGS });
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i += 1) {
      const page = await browser.newPage();
      // No internet here: answer teams-js's CDN lookup at once rather than wait on DNS.
      await page.route('https://res.cdn.office.net/**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{}' }));
      const started = Date.now();
      await page.goto(tabUrl);
      await page.locator('[data-testid="answers-by-condition"] tbody tr').nth(11).waitFor({ timeout: 30_000 });
      times.push(Date.now() - started);
      await page.close();
    }
    return times;
  } finally {
    await browser.close();
  }
}

/** Sum of the gzipped sizes of the tab's JavaScript, as a browser would download it. */
export function tabJsGzipBytes(): number {
  const assets = join(projectRoot(), 'tab', 'dist', 'assets');
  return readdirSync(assets)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSync(readFileSync(join(assets, file)), { level: 9 }).length, 0);
}
