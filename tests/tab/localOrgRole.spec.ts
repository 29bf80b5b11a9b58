import type { Page } from 'playwright-core';
import { channelQuery, useTabHarness } from './harness';
import { readOverview } from './tabPage';

jest.setTimeout(60_000);
const tab = useTabHarness();

/**
 * Issue 13: local mode has no sign-in, so no roles from a token. Its banner's "Act as" switch
 * chooses the organisation role the developer acts as, remembered for the browser tab's session
 * and sent with every API request as X-Local-Org-Role.
 */
const actAs = (page: Page) => page.getByTestId('local-banner').getByRole('combobox', { name: 'Act as' });
/** The X-Local-Org-Role of the API requests made from `from` on. */
const rolesSent = (from: number) => [...new Set(tab.server.requests.slice(from).map((request) => request.localOrgRole))];

test('the local banner acts as an organisation admin until another role is chosen, and every request says which', async () => {
  const before = tab.server.requests.length;
  const page = await tab.open(channelQuery());
  await readOverview(page);
  await expect(actAs(page).inputValue()).resolves.toBe('admin');
  await expect(actAs(page).locator('option').allTextContents()).resolves.toEqual(['Organisation admin', 'Organisation leader', 'Team member only']);
  expect(rolesSent(before)).toEqual(['admin']);

  // Choosing reloads the tab, whose every view then asks as that role; the choice outlives the reload.
  for (const [label, role] of [['Organisation leader', 'leader'], ['Team member only', 'none']] as const) {
    const from = tab.server.requests.length;
    await Promise.all([page.waitForEvent('load'), actAs(page).selectOption({ label })]);
    await readOverview(page);
    await expect(actAs(page).inputValue()).resolves.toBe(role);
    expect(rolesSent(from)).toEqual([role]);
  }
  expect(tab.errors).toEqual([]);
});
