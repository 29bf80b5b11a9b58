import type { Page } from 'playwright-core';
import { useTabHarness } from './harness';
import { readLayout } from './narrowLayout';
import { SERVICE_ROUNDS } from './organisationFixtures';
import { openOrganisation, openReleasedRound } from './organisationPage';
import { seriousViolations } from './tabPage';

/**
 * The organisation view in Teams' three themes, with everything an admin can open at once: axe
 * finds nothing serious or critical (the whole page is checked). On a phone (360 px) it does
 * not scroll sideways: its tables scroll inside labelled regions a keyboard reaches.
 */
jest.setTimeout(90_000);
const tab = useTabHarness();
const THEMES = [['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']];

beforeEach(() => tab.server.organisation.reset());

/** Off any tab or button just clicked: a hovered control is not what is being checked. */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
}

describe.each(THEMES)('in the %s theme', (name, theme) => {
  test('an open service-wide round, a released one, and the plans', async () => {
    const page = await openOrganisation(tab, ['leader'], theme);
    await page.getByTestId('org-results-at-close').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);

    const released = await openReleasedRound(tab, SERVICE_ROUNDS.latestReleased, ['leader'], theme);
    await released.getByTestId('org-team-changes').waitFor();
    await expect(seriousViolations(released)).resolves.toEqual([]);
    await released.screenshot({ path: `/tmp/tab-organisation-released-${name}.png`, fullPage: true });

    await released.getByRole('tab', { name: 'Plans' }).click();
    await released.getByTestId('org-plans').waitFor();
    await settle(released);
    await expect(seriousViolations(released)).resolves.toEqual([]);
    await released.screenshot({ path: `/tmp/tab-organisation-plans-${name}.png`, fullPage: true });
  });

  test('an admin’s controls: the confirmation open, a refusal shown, a team left out', async () => {
    tab.server.organisation.refuseOpen = 'SERVICE_ROUND_OPEN';
    const page = await openOrganisation(tab, ['admin'], theme);
    await page.getByRole('tab', { name: 'Teams and new rounds' }).click();
    await page.getByRole('switch', { name: 'Leave out Front door' }).click();
    await page.getByRole('switch', { name: 'Leave out Front door', checked: true, disabled: false }).waitFor();
    await page.getByRole('button', { name: 'Open a service-wide round…' }).click();
    await page.getByRole('button', { name: 'Open the round in 5 teams' }).click();
    await page.getByTestId('open-service-round-failed').waitFor();
    await settle(page);
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `/tmp/tab-organisation-admin-${name}.png`, fullPage: true });
  });
});

test('on a phone, no part of the organisation view scrolls sideways, and every table is in a labelled region', async () => {
  const page = await openReleasedRound(tab, SERVICE_ROUNDS.latestReleased, ['admin']);
  await page.setViewportSize({ width: 360, height: 740 });
  for (const view of ['Service-wide rounds', 'Plans', 'Teams and new rounds']) {
    await page.getByRole('tab', { name: view }).click();
    await page.locator('[role="tabpanel"] table').first().waitFor();
    const layout = await readLayout(page);
    expect({ view, sticksOut: layout.sticksOut, pageWidth: layout.pageWidth <= layout.viewportWidth }).toEqual({ view, sticksOut: [], pageWidth: true });
    for (const table of layout.tables) {
      expect({ table: table.testId, region: table.region, captionFits: table.captionFits }).toEqual({
        table: table.testId,
        region: { label: expect.stringMatching(/\w{3,}/), tabIndex: 0, scrolls: table.wide ? true : expect.any(Boolean), withinViewport: true },
        captionFits: true,
      });
    }
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `/tmp/tab-phone-organisation-${view.split(' ')[0]!.toLowerCase()}.png`, fullPage: true });
  }
});
