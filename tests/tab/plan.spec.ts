import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { summariseNow } from '../../bot/domain/summary/whatHappensNow';
import { TEAM_ID, latestRoundSummary } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { planAction } from './planFixtures';
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

async function openPlan(): Promise<Page> {
  const page = await tab.open(channelQuery());
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.getByTestId('plan').waitFor();
  return page;
}

/**
 * axe's serious and critical findings within the Plan view (the section PlanView renders): the
 * navigation around it belongs to the channel tab and is checked by its own tests.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [['section[aria-label="Plan"]']] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 5).join(', ')}`);
}

const row = (page: Page, conditionId: string) => page.locator(`[data-testid="plan"] tr[data-condition="${conditionId}"]`);

describeWired('the plan', () => {
  beforeEach(() => {
    tab.server.plans.clear();
    tab.server.canEditPlan = true;
  });

  test('shows the twelve conditions with what happens now from the all-staff cell', async () => {
    const page = await openPlan();
    const rows = page.locator('[data-testid="plan"] tbody tr[data-condition]');
    await expect(rows.count()).resolves.toBe(12);
    const now = summariseNow(latestRoundSummary());
    for (const line of now) {
      await expect(row(page, line.conditionId).locator('[data-part="now"]').textContent()).resolves.toBe(line.text);
    }
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });

  test('a champion adds an action through the form and sees it, as text', async () => {
    const page = await openPlan();
    await page.getByRole('button', { name: 'Add action for condition 2' }).click();
    const form = page.getByTestId('action-form');
    await form.getByRole('button', { name: 'Add action' }).click();
    await expect(form.getByText('Say what needs to happen.').count()).resolves.toBe(1);
    await form.getByLabel('What needs to happen?').fill('Name a practice champion in every team <b>now</b>');
    await form.getByLabel('How will you progress this?').fill('Ask each team manager at the January meeting');
    await form.getByLabel('Owner').fill('Principal social worker');
    await form.getByLabel('Due date').fill('2027-01-31');
    await form.getByLabel('Status').selectOption('in-progress');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await form.getByRole('button', { name: 'Add action' }).click();
    await page.getByTestId('action-form').waitFor({ state: 'detached' });

    const c02 = row(page, 'C02');
    await expect(c02.locator('[data-part="need"] li').first().textContent()).resolves.toBe('Name a practice champion in every team <b>now</b>');
    await expect(c02.locator('[data-part="progress"]').textContent()).resolves.toContain('Owner: Principal social worker · Due 31 January 2027 · In progress');
    expect(tab.server.plans.get(TEAM_ID)).toHaveLength(1);
  });

  test('changing an action someone else has changed shows the conflict and reloads', async () => {
    tab.server.plans.set(TEAM_ID, [planAction({})]);
    const page = await openPlan();
    await page.getByRole('button', { name: /Change the action/ }).click();
    // Another champion saves first: the version the form holds is now stale.
    tab.server.plans.set(TEAM_ID, [planAction({ need: 'Their newer wording', version: 'W/"fixture-2"' })]);
    await page.getByTestId('action-form').getByLabel('Owner').fill('Me instead');
    await page.getByTestId('action-form').getByRole('button', { name: 'Save changes' }).click();

    const notice = page.getByTestId('plan-notice');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toContain('Someone else changed this action');
    await expect(notice.getByRole('button', { name: 'Reload' }).count()).resolves.toBe(1);
    await page.getByText('Their newer wording').waitFor();
    expect(tab.server.plans.get(TEAM_ID)![0]!.owner).toBe('Head of practice');
  });

  test('a champion deletes an action with its version', async () => {
    tab.server.plans.set(TEAM_ID, [planAction({})]);
    const page = await openPlan();
    await page.getByRole('button', { name: /Delete the action/ }).click();
    await row(page, 'C03').getByText('No actions yet').waitFor();
    expect(tab.server.plans.get(TEAM_ID)).toEqual([]);
  });

  test('members who cannot edit see the plan read-only', async () => {
    tab.server.canEditPlan = false;
    tab.server.plans.set(TEAM_ID, [planAction({})]);
    const page = await openPlan();
    await page.getByText('A one-page summary of the practice model for every team').waitFor();
    await expect(page.getByRole('button', { name: /Add action|Change the action|Delete the action/ }).count()).resolves.toBe(0);
    await expect(seriousViolations(page)).resolves.toEqual([]);
  });
});

test('the channel tab has a Plan view for the plan tests to drive', () => {
  expect(wired).toBe(true);
});
