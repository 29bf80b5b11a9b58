import * as fs from 'node:fs';
import * as path from 'node:path';
import { summariseNow } from '../../bot/domain/summary/whatHappensNow';
import { CURRENT_ROUND, FIRST_ROUND, ROUNDS, latestRoundSummary } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { PLAN_TODAY, livingPlan, planAction } from './planFixtures';
import { actionItem, openLivingPlan, openPlan, planViolations, row } from './planPage';
import { ROOT } from './tabBuild';

/**
 * The plan (Appendix 2's "what needs to happen" and "how will you progress this") in the
 * channel tab, reached through its "Plan" view. Should the channel tab ever lose that view,
 * these tests are skipped rather than failing on navigation that is not there.
 */
const wired = /PlanView|PlanTab/.test(fs.readFileSync(path.join(ROOT, 'tab', 'src', 'views', 'ChannelView.tsx'), 'utf8'));
const describeWired = wired ? describe : describe.skip;

jest.setTimeout(60_000);
const tab = useTabHarness();

beforeEach(() => {
  tab.server.plan.reset();
  tab.server.rounds = [...ROUNDS];
});

describeWired('the living plan', () => {
  test('shows the twelve conditions with what happens now from the all-staff cell', async () => {
    const page = await openPlan(tab);
    const rows = page.locator('[data-testid="plan"] tbody tr[data-condition]');
    await expect(rows.count()).resolves.toBe(12);
    const now = summariseNow(latestRoundSummary());
    for (const line of now) {
      await expect(row(page, line.conditionId).locator('[data-part="now"]').textContent()).resolves.toBe(line.text);
    }
    await expect(planViolations(page)).resolves.toEqual([]);
  });

  test('a champion adds an action through the form and sees it, as text', async () => {
    const page = await openLivingPlan(tab);
    await page.getByRole('button', { name: 'Add action for condition 2' }).click();
    const form = page.getByTestId('action-form');
    await form.getByRole('button', { name: 'Add action' }).click();
    await expect(form.getByText('Say what needs to happen.').count()).resolves.toBe(1);
    await form.getByLabel('What needs to happen?').fill('Name a practice champion in every team <b>now</b>');
    await form.getByLabel('How will you progress this?').fill('Ask each team manager at the January meeting');
    await form.getByLabel('Owner').fill('Principal social worker');
    await form.getByLabel('Due date').fill('2027-01-31');
    await form.getByLabel('Status').selectOption('in-progress');
    await expect(planViolations(page)).resolves.toEqual([]);
    await form.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });

    const c02 = row(page, 'C02');
    await expect(c02.locator('[data-part="need"] li').first().textContent()).resolves.toBe('Name a practice champion in every team <b>now</b>');
    await expect(c02.locator('[data-part="progress"]').textContent()).resolves.toContain('Owner: Principal social worker · Due 31 January 2027 · In progress');
    expect(tab.server.plan.actions).toHaveLength(1);
  });

  test('changing an action someone else has changed shows the conflict and reloads', async () => {
    tab.server.plan.actions = [planAction({})];
    const page = await openLivingPlan(tab);
    await page.getByRole('button', { name: /Change the action/ }).click();
    // Another champion saves first: the version the form holds is now stale.
    tab.server.plan.actions = [planAction({ need: 'Their newer wording', version: 'W/"fixture-2"' })];
    await page.getByTestId('action-form').getByLabel('Owner').fill('Me instead');
    await page.getByTestId('action-form').getByRole('button', { name: 'Save changes' }).click();

    const notice = page.getByTestId('plan-notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Someone else changed this action');
    await expect(notice.getByRole('button', { name: 'Reload' }).count()).resolves.toBe(1);
    await page.getByText('Their newer wording').waitFor();
    expect(tab.server.plan.actions[0]!.owner).toBe('Head of practice');
  });

  test('a champion deletes an action with its version', async () => {
    tab.server.plan.actions = [planAction({})];
    const page = await openLivingPlan(tab);
    await page.getByRole('button', { name: /Delete the action/ }).click();
    await row(page, 'C03').getByText('No actions yet').waitFor();
    expect(tab.server.plan.actions).toEqual([]);
  });

  test('members who are not champions read it all, change nothing, and are not shown the champions’ overdue count', async () => {
    tab.server.plan.canEdit = false;
    tab.server.plan.actions = livingPlan();
    const page = await openLivingPlan(tab);
    await page.getByText('Invite police and health to the monthly multi-agency meeting').waitFor();
    await expect(actionItem(page, 'overdue-1').locator('[data-part="overdue"]').textContent()).resolves.toBe('Overdue');
    await expect(page.getByText('Health said yes; police to confirm').count()).resolves.toBe(1);
    await expect(page.getByRole('button', { name: /Add action|Change the action|Delete the action|Add a note|Tell the team/ }).count()).resolves.toBe(0);
    await expect(page.getByTestId('plan-overdue').count()).resolves.toBe(0);
    await expect(planViolations(page)).resolves.toEqual([]);
  });

  test('the latest round, when closed with none after it, shows the living plan to change', async () => {
    tab.server.rounds = ROUNDS.filter((round) => round.roundId !== CURRENT_ROUND);
    tab.server.plan.actions = [planAction({})];
    tab.server.requests.length = 0;
    const page = await openPlan(tab);
    await expect(page.getByTestId('plan-living').textContent()).resolves.toContain('The team’s plan as it stands today, 15 October 2025');
    await expect(page.getByTestId('plan-frozen').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Change the action/ }).count()).resolves.toBe(1);
    // The living plan's route, not the round's (which would answer the plan frozen at round 2's close).
    const planReads = tab.server.requests.map((r) => r.path).filter((p) => p.endsWith('/plan'));
    expect(planReads.length).toBeGreaterThan(0);
    expect(planReads.filter((p) => p.includes('/rounds/'))).toEqual([]);
  });
});

describeWired('a plan that could not be read', () => {
  test('says so, and reads it again when asked', async () => {
    tab.server.plan.actions = [planAction({})];
    const page = await tab.open(channelQuery());
    await page.getByLabel('Audit round', { exact: true }).selectOption(CURRENT_ROUND);
    let failing = true;
    await page.route('**/api/teams/*/plan', (route) => (failing ? route.fulfill({ status: 503, body: '' }) : route.fallback()));
    await page.getByRole('tab', { name: 'Plan' }).click();
    const error = page.getByTestId('plan-load-error');
    await expect(error.textContent()).resolves.toContain('The plan could not be loaded just now. Please try again.');
    failing = false;
    await error.getByRole('button', { name: 'Try again' }).click();
    await page.getByText('A one-page summary of the practice model for every team').waitFor();
    await expect(page.getByTestId('plan-load-error').count()).resolves.toBe(0);
  });
});

describeWired('an older closed round’s plan', () => {
  test('is the plan as it stood at its close, read only, saying so, with the plan now a click away', async () => {
    // Round 1: round 2 has closed since, so round 1's plan is the one kept at its close.
    tab.server.plan.frozen.set(FIRST_ROUND, {
      frozenAt: '2025-01-31T16:30:00.000Z',
      actions: [planAction({ actionId: 'a1', need: 'Agreed at round 1', status: 'in-progress' })],
    });
    tab.server.plan.actions = [
      planAction({ actionId: 'a1', need: 'Agreed at round 1', status: 'done', doneAt: '2025-09-01T09:00:00.000Z' }),
      planAction({ actionId: 'a2', conditionId: 'C05', need: 'Added since round 1 closed' }),
    ];
    const page = await openPlan(tab, { round: FIRST_ROUND });
    const frozen = page.getByTestId('plan-frozen');
    await expect(frozen.textContent()).resolves.toContain('The plan as it stood when round 1 closed on 31 January 2025.');
    await expect(actionItem(page, 'a1').textContent()).resolves.toContain('In progress');
    await expect(page.getByText('Added since round 1 closed').count()).resolves.toBe(0);
    // Read only, although the viewer is a champion: the plan kept at close is not changed.
    await expect(page.getByRole('button', { name: /Add action|Change the action|Delete the action|Add a note|Tell the team/ }).count()).resolves.toBe(0);
    await expect(planViolations(page)).resolves.toEqual([]);

    await frozen.getByRole('button', { name: 'See the plan as it stands now' }).click();
    await page.getByText('Added since round 1 closed').waitFor();
    await expect(actionItem(page, 'a1').textContent()).resolves.toContain('Done');
    await expect(page.getByRole('button', { name: /Change the action/ }).count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'See the plan as it stood when round 1 closed' }).click();
    await page.getByTestId('plan-frozen').waitFor();
    await expect(page.getByText('Added since round 1 closed').count()).resolves.toBe(0);
  });

  test('a round closed before anything was kept shows an empty plan as at its close, not today’s', async () => {
    tab.server.plan.actions = [planAction({})];
    const page = await openPlan(tab, { round: FIRST_ROUND });
    await expect(page.getByTestId('plan-frozen').textContent()).resolves.toContain('when round 1 closed on 31 January 2025');
    await expect(row(page, 'C03').getByText('No actions yet').count()).resolves.toBe(1);
  });
});

describeWired('overdue actions', () => {
  test('are marked “Overdue” in words when not done and due before today; champions see how many, and can show only those', async () => {
    tab.server.plan.actions = livingPlan();
    const page = await openLivingPlan(tab);
    const marked = await page.locator('[data-testid="plan"] li[data-action]').evaluateAll((items: { getAttribute(name: string): string | null; querySelector(s: string): { textContent: string | null } | null }[]) =>
      items.map((item) => [item.getAttribute('data-action'), item.querySelector('[data-part="overdue"]')?.textContent ?? null]));
    expect(Object.fromEntries(marked)).toEqual({ 'overdue-1': 'Overdue', 'due-today': null, 'done-1': null, 'overdue-2': 'Overdue', 'no-date': null });
    await expect(page.getByTestId('plan-overdue').textContent()).resolves.toContain('2 actions are overdue');

    await page.getByLabel('Show only overdue actions').check();
    await expect(page.locator('[data-testid="plan"] tbody tr[data-condition]').evaluateAll((rows: { getAttribute(n: string): string | null }[]) => rows.map((r) => r.getAttribute('data-condition'))))
      .resolves.toEqual(['C01', 'C07']);
    await expect(page.locator('[data-testid="plan"] li[data-action]').evaluateAll((items: { getAttribute(n: string): string | null }[]) => items.map((i) => i.getAttribute('data-action'))))
      .resolves.toEqual(['overdue-1', 'overdue-2']);
    await expect(page.locator('[data-testid="plan"] caption').textContent()).resolves.toContain('overdue actions only');
    await expect(planViolations(page)).resolves.toEqual([]);

    await page.getByLabel('Show only overdue actions').uncheck();
    await expect(page.locator('[data-testid="plan"] tbody tr[data-condition]').count()).resolves.toBe(12);
  });

  test('with none overdue, champions are told so', async () => {
    tab.server.plan.actions = [planAction({ dueDate: PLAN_TODAY, status: 'not-started' })];
    const page = await openLivingPlan(tab);
    await expect(page.getByTestId('plan-overdue').textContent()).resolves.toBe('No action is overdue.');
    await expect(page.locator('[data-part="overdue"]').count()).resolves.toBe(0);
  });

  test('in a plan kept at a round’s close, are those overdue at its close (“Overdue at close”), not those overdue today', async () => {
    tab.server.plan.frozen.set(FIRST_ROUND, {
      frozenAt: '2025-01-31T16:30:00.000Z',
      actions: [
        planAction({ actionId: 'late-at-close', need: 'Due before the close', dueDate: '2025-01-02', status: 'in-progress' }),
        planAction({ actionId: 'due-after-close', need: 'Due after the close', dueDate: '2025-02-15', status: 'in-progress' }),
      ],
    });
    const page = await openPlan(tab, { round: FIRST_ROUND });
    await expect(actionItem(page, 'late-at-close').locator('[data-part="overdue"]').textContent()).resolves.toBe('Overdue at close');
    await expect(actionItem(page, 'due-after-close').locator('[data-part="overdue"]').count()).resolves.toBe(0);
  });
});

test('the channel tab has a Plan view for the plan tests to drive', () => {
  expect(wired).toBe(true);
});
