import type { Page } from 'playwright-core';
import type { OrgRole } from '../../bot/domain/organisation/orgRoles';
import type { TabHarness } from './harness';

/** Opens the organisation view on its own (?view=organisation) as a person with `roles`, in a theme (`&theme=dark`). */
export async function openOrganisation(tab: TabHarness, roles: OrgRole[], theme = ''): Promise<Page> {
  tab.server.organisation.roles = roles;
  const page = await tab.open(`?view=organisation${theme}`);
  await page.getByRole('heading', { name: 'Your organisation' }).waitFor();
  await page.getByRole('tablist', { name: 'Organisation views' }).waitFor();
  return page;
}

/** Chooses a service-wide round in the picker (by its id) and waits for its response rates. */
export async function chooseServiceRound(page: Page, serviceRoundId: string): Promise<void> {
  await page.getByTestId('service-round-picker').selectOption(serviceRoundId);
  await page.getByTestId('org-response-rates').waitFor();
}

/** A released service-wide round's results, shown. */
export async function openReleasedRound(tab: TabHarness, serviceRoundId: string, roles: OrgRole[] = ['leader'], theme = ''): Promise<Page> {
  const page = await openOrganisation(tab, roles, theme);
  await chooseServiceRound(page, serviceRoundId);
  await page.getByTestId('org-team-scores').waitFor();
  return page;
}
