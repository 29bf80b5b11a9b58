import { FIRST_ROUND, ROUNDS } from './fixtures';
import { useTabHarness } from './harness';
import { livingPlan, planAction, teamMembers } from './planFixtures';
import { actionItem, openLivingPlan, openPlan } from './planPage';
import { seriousViolations } from './tabPage';

/**
 * The plan with everything a champion can open at once (a note form, a status history, the
 * action form with the members' list open, the overdue count and its filter, a done action's
 * update refused then posted), and a round's plan kept at its close: axe finds nothing serious
 * or critical in any of Teams' three themes. The whole page is checked, not only the plan.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();
const THEMES = [['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']];

beforeEach(() => {
  tab.server.plan.reset();
  tab.server.rounds = [...ROUNDS];
  tab.server.plan.actions = livingPlan();
  tab.server.plan.members = teamMembers(200);
});

describe.each(THEMES)('in the %s theme', (name, theme) => {
  test('the living plan, as a champion, with its forms, lists and messages open', async () => {
    const page = await openLivingPlan(tab, theme);
    await page.getByTestId('plan-overdue').waitFor();
    const item = actionItem(page, 'overdue-1');
    await item.getByText('Status history').click();
    await item.getByRole('button', { name: /Add a note of what was done/ }).click();
    await item.getByTestId('note-form').getByRole('button', { name: 'Add note' }).click();
    await item.getByTestId('note-form').getByText('The note\'s text is not valid', { exact: false }).waitFor();
    tab.server.plan.announce = { status: 503, code: 'TEAMS_UNAVAILABLE', message: 'Teams is busy.' };
    await actionItem(page, 'done-1').getByRole('button', { name: /^Tell the team/ }).click();
    await actionItem(page, 'done-1').getByTestId('announce-failed').waitFor();
    await page.getByRole('button', { name: 'Add action for condition 2' }).click();
    const owner = page.getByTestId('action-form').getByRole('combobox', { name: 'Owner' });
    // The members' list comes from the API: until it is there, typing lists nobody (a busy machine is slower).
    await page.getByTestId('action-form').getByText('Loading the team’s members', { exact: false }).waitFor({ state: 'detached' });
    await owner.pressSequentially('mem');
    await page.keyboard.press('ArrowDown');
    await expect(owner.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `/tmp/tab-plan-champion-${name}.png`, fullPage: true });

    tab.server.plan.announce = { posted: true, postedAt: '2025-10-15T13:05:00.000Z' };
    await actionItem(page, 'done-1').getByRole('button', { name: /^Try again to tell the team/ }).click();
    await actionItem(page, 'done-1').getByTestId('announce-posted').waitFor();
    await page.getByLabel('Show only overdue actions').check();
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  test('a round’s plan as it stood at its close', async () => {
    tab.server.plan.frozen.set(FIRST_ROUND, {
      frozenAt: '2025-01-31T16:30:00.000Z',
      actions: [planAction({ dueDate: '2025-01-02', status: 'in-progress', statusHistory: [{ status: 'in-progress', changedAt: '2025-05-01T09:00:00.000Z', changedBy: 'Sam Patel' }] })],
    });
    const page = await openPlan(tab, { theme, round: FIRST_ROUND });
    await page.getByTestId('plan-frozen').waitFor();
    // Off the "Plan" tab just clicked: a hovered view tab in the high-contrast theme is the
    // channel tab's own finding (ViewTabs), not the plan's.
    await page.mouse.move(0, 0);
    await expect(page.locator('[data-part="overdue"]').textContent()).resolves.toBe('Overdue at close');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `/tmp/tab-plan-frozen-${name}.png`, fullPage: true });
  });
});
