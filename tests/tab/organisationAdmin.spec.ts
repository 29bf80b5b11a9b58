import { proposedCloseDay } from '../../bot/domain/closeDate';
import { ERROR_CODES } from '../../bot/domain/errors';
import { useTabHarness } from './harness';
import { TEAMS } from './organisationFixtures';
import { openOrganisation } from './organisationPage';

/** The organisation admins' controls (issue 13): opening a service-wide round in every team taking part, and leaving a team out. */
jest.setTimeout(60_000);
const tab = useTabHarness();

beforeEach(() => tab.server.organisation.reset());

async function openAdmin() {
  const page = await openOrganisation(tab, ['admin']);
  await page.getByRole('tab', { name: 'Teams and new rounds' }).click();
  await page.getByTestId('open-service-round').waitFor();
  return page;
}

const TEAMS_ASKED = ['Assessment', 'Care leavers', 'Child protection', 'Children in care', 'Fostering', 'Front door'];

test('opening a service-wide round: a close date two weeks ahead unless changed, a confirmation naming the teams, then the request', async () => {
  const page = await openAdmin();
  const closeDate = page.getByLabel('Close date');
  await expect(closeDate.inputValue()).resolves.toBe(proposedCloseDay(new Date(), 14));
  await closeDate.fill('2026-12-18');
  await page.getByRole('button', { name: 'Open a service-wide round…' }).click();
  const confirm = page.getByTestId('confirm-service-round');
  await expect(confirm.locator('p').first().textContent()).resolves.toBe('Closing at the end of Friday 18 December 2026. These 6 teams will be asked:');
  // Before confirming, the admin learns what happens in a team whose own round is still open.
  await expect(page.getByTestId('already-open-note').textContent()).resolves.toBe(
    'A team that already has a round open keeps it, and no round opens there: the service-wide round’s response rates say which.');
  await expect(page.getByTestId('teams-to-ask').locator('li').allTextContents()).resolves.toEqual(TEAMS_ASKED);
  expect(tab.server.organisation.openRequests).toEqual([]);

  await page.getByRole('button', { name: 'Open the round in 6 teams' }).click();
  await expect(page.getByTestId('service-round-opened').textContent()).resolves.toContain('Service-wide round 4 is opening in 6 teams');
  expect(tab.server.organisation.openRequests).toEqual([{ closesOn: '2026-12-18' }]);

  // The new round is the one shown, every team still opening.
  await page.getByRole('tab', { name: 'Service-wide rounds' }).click();
  await expect(page.getByTestId('service-round-picker').inputValue()).resolves.toBe('sr-4');
  await expect(page.getByTestId('org-results-at-close').textContent()).resolves.toBe('Results appear when every team’s round has closed: 6 teams still opening.');
});

test('a refusal (a service-wide round already open) is shown in the service’s words, and nothing is claimed', async () => {
  tab.server.organisation.refuseOpen = 'SERVICE_ROUND_OPEN';
  const page = await openAdmin();
  await page.getByRole('button', { name: 'Open a service-wide round…' }).click();
  await page.getByRole('button', { name: 'Open the round in 6 teams' }).click();
  await expect(page.getByTestId('open-service-round-failed').textContent()).resolves.toBe(ERROR_CODES.SERVICE_ROUND_OPEN.message);
  await expect(page.getByTestId('service-round-opened').count()).resolves.toBe(0);
  expect(tab.server.organisation.openRequests).toHaveLength(1);
});

test('“Leave out” sends the change for that team, and a team left out is not asked in the next round', async () => {
  const page = await openAdmin();
  const frontDoor = page.getByRole('switch', { name: 'Leave out Front door' });
  await expect(frontDoor.isChecked()).resolves.toBe(false);
  await expect(page.getByRole('switch', { name: 'Leave out Youth justice' }).isChecked()).resolves.toBe(true);
  await frontDoor.click();
  await page.getByRole('switch', { name: 'Leave out Front door', checked: true, disabled: false }).waitFor();
  expect(tab.server.organisation.teamChanges).toEqual([{ teamId: TEAMS.frontDoor.teamId, body: { leftOut: true } }]);

  await page.getByRole('button', { name: 'Open a service-wide round…' }).click();
  await expect(page.getByTestId('teams-to-ask').locator('li').allTextContents()).resolves.toEqual(TEAMS_ASKED.filter((name) => name !== 'Front door'));
});
