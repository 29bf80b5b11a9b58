import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { CURRENT_ROUND } from './fixtures';
import { channelQuery, type TabHarness } from './harness';

/**
 * Opens the channel tab's Plan view: of the round it opens on (round 2, closed, with round 3
 * open after it: so the plan as it stood at round 2's close), or of `round`. `theme` is a query
 * such as '&theme=dark'.
 */
export async function openPlan(tab: TabHarness, options: { round?: string; theme?: string } = {}): Promise<Page> {
  const page = await tab.open(channelQuery(options.theme ?? ''));
  if (options.round) await page.getByLabel('Audit round', { exact: true }).selectOption(options.round);
  await page.getByRole('tab', { name: 'Plan' }).click();
  await page.getByTestId('plan').waitFor();
  return page;
}

/** The living plan: the Plan view of the team's latest round (round 3, open). */
export const openLivingPlan = (tab: TabHarness, theme = '') => openPlan(tab, { round: CURRENT_ROUND, theme });

/** A condition's row in the plan. */
export const row = (page: Page, conditionId: string) => page.locator(`[data-testid="plan"] tr[data-condition="${conditionId}"]`);

/** An action's entry under "How will you progress this?". */
export const actionItem = (page: Page, actionId: string) => page.locator(`[data-testid="plan"] li[data-action="${actionId}"]`);

/**
 * axe's serious and critical findings within the Plan view (the section PlanView renders): the
 * navigation around it belongs to the channel tab and is checked by its own tests.
 */
export async function planViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [['section[aria-label="Plan"]']] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.targets.slice(0, 5).join(', ')}`);
}
