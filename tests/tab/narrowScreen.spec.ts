import type { Page } from 'playwright-core';
import { useTabHarness } from './harness';
import { accessibleTable, columnInView, readLayout } from './narrowLayout';
import { planAction, teamMembers } from './planFixtures';
import { openView, type ViewTab } from './roundViewsPage';
import { readOverview, seriousViolations } from './tabPage';

/**
 * Teams on a phone: the tab at 360 px wide (the narrowest common phone) must not scroll
 * sideways as a page; wide tables scroll inside a labelled region a keyboard can reach, or
 * stack; pickers and captions fit. On a desktop (1280 px) the plan stays the Appendix 2 grid.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();
const PHONE = { width: 360, height: 740 };

const PLAN_ACTION = planAction({
  conditionId: 'C01',
  need: 'Invite police and health to the monthly multi-agency meeting, with an agreed shared plan for each family',
  progress: 'Agree the invitation list at the next practice forum, then write to each partner agency',
  dueDate: '2025-09-01',
  notes: [{ noteId: 'n1', date: '2025-09-10', text: 'Health said yes; police to confirm by the end of the month', writtenAt: '2025-09-11T09:00:00.000Z', writtenBy: 'Alex Jones' }],
  statusHistory: [{ status: 'in-progress', changedAt: '2025-07-01T09:00:00.000Z', changedBy: 'Sam Patel' }],
});
/** A done action: its update can be posted to the team. */
const DONE_ACTION = planAction({ actionId: 'done-1', conditionId: 'C03', status: 'done', doneAt: '2025-09-20T10:00:00.000Z' });

/** Each channel view, what shows it has loaded, and the file its phone screenshot goes to. */
const CHANNEL_VIEWS: [ViewTab, string, string][] = [
  ['Overview', 'overview', 'overview'],
  ['Where levels disagree', 'dont-know', 'disagreement'],
  ['A condition', 'comment', 'condition'],
  ['Changes since last round', 'changes', 'changes'],
  ['Plan', 'plan', 'plan'],
];

async function onPhone(page: Page, ready: () => Promise<unknown>): Promise<Page> {
  await page.setViewportSize(PHONE);
  await ready();
  await layoutSettled(page);
  return page;
}

/**
 * Waits until two reads of the layout a couple of frames apart agree (at most 3 s): after a resize,
 * Fluent's MessageBar lays itself out again from a ResizeObserver, a frame or more later, and a
 * read in between measured the old width. A person sees the settled layout.
 */
async function layoutSettled(page: Page): Promise<void> {
  // A string: the specs compile without the DOM's types.
  const frames = () => page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const deadline = Date.now() + 3_000;
  let before = JSON.stringify(await readLayout(page));
  for (;;) {
    await frames();
    const now = JSON.stringify(await readLayout(page));
    if (now === before || Date.now() > deadline) return;
    before = now;
  }
}

async function openChannelView(name: ViewTab, readyTestId: string, theme = ''): Promise<Page> {
  const page = await openView(tab, name, theme);
  return onPhone(page, () => page.getByTestId(readyTestId).first().waitFor());
}

/** The layout rules every view keeps at 360 px, and axe's serious and critical findings. */
async function expectFitsPhone(page: Page): Promise<void> {
  const layout = await readLayout(page);
  expect(layout.sticksOut).toEqual([]);
  expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewportWidth);
  for (const table of layout.tables) {
    expect({ table: table.testId, region: table.region }).toEqual({
      table: table.testId,
      region: { label: expect.stringMatching(/\w{3,}/), tabIndex: 0, scrolls: table.wide ? true : expect.any(Boolean), withinViewport: true },
    });
    expect({ table: table.testId, captionFits: table.captionFits }).toEqual({ table: table.testId, captionFits: true });
  }
  await expect(seriousViolations(page)).resolves.toEqual([]);
}

beforeEach(() => {
  tab.server.plan.reset();
  tab.server.plan.actions = [PLAN_ACTION, DONE_ACTION];
  tab.server.plan.members = teamMembers(300);
});

describe('at 360 px wide, no view scrolls sideways and every table is held in a labelled region', () => {
  test.each(CHANNEL_VIEWS)('the channel tab’s “%s”', async (name, readyTestId, file) => {
    const page = await openChannelView(name, readyTestId);
    await expectFitsPhone(page);
    await page.screenshot({ path: `/tmp/tab-phone-${file}.png`, fullPage: true });
  });

  test('the condition picker fits the screen, and every condition can still be chosen', async () => {
    const page = await openChannelView('A condition', 'comment');
    const picker = page.getByTestId('condition-picker');
    const box = await picker.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
    await picker.selectOption('C12');
    await page.getByTestId('evidence').waitFor();
    await expectFitsPhone(page);
  });

  test('the personal tab with a round opened, the configuration page, and the channel tab outside a team', async () => {
    const page = await tab.open('?view=personal');
    await onPhone(page, () => page.getByTestId('my-rounds').waitFor());
    await expectFitsPhone(page);
    await page.getByRole('button', { name: 'Show overview: Children’s Services – North, round 2' }).click();
    await readOverview(page);
    await expectFitsPhone(page);
    await page.screenshot({ path: '/tmp/tab-phone-personal.png', fullPage: true });

    const config = await tab.open('?view=config');
    await onPhone(config, () => config.getByRole('heading', { name: 'Add Practice Audit to this channel' }).waitFor());
    await expectFitsPhone(config);
    const noTeam = await tab.open('');
    await onPhone(noTeam, () => noTeam.getByText('This tab shows a team’s audit.', { exact: false }).waitFor());
    await expectFitsPhone(noTeam);
  });

  test.each([['dark', '&theme=dark'], ['contrast', '&theme=contrast']])('the condition and plan views in the %s theme', async (name, theme) => {
    await expectFitsPhone(await openChannelView('A condition', 'comment', theme));
    const plan = await openChannelView('Plan', 'plan', theme);
    await expectFitsPhone(plan);
    await plan.screenshot({ path: `/tmp/tab-phone-plan-${name}.png` });
  });
});

describe('the plan at 360 px wide', () => {
  test('each condition reads top to bottom: every column on screen with its name, no sideways scroll; a grid again on a desktop', async () => {
    const page = await openChannelView('Plan', 'plan');
    const headers = await page.locator('[data-testid="plan"] thead th').allTextContents();
    expect(headers).toEqual(['Condition', 'What happens now?', 'What needs to happen?', 'How will you progress this?']);
    for (const row of ['tr[data-condition="C01"]', 'tr[data-condition="C12"]']) {
      for (let column = 0; column < headers.length; column += 1) {
        await expect(columnInView(page, 'plan', row, column)).resolves.toEqual({ header: headers[column], cellInView: true, named: true });
      }
    }
    await expect(page.getByText(PLAN_ACTION.need).isVisible()).resolves.toBe(true);
    await expect(page.getByText(PLAN_ACTION.progress).isVisible()).resolves.toBe(true);

    // To a screen reader it is still the same table as on a desktop, each column name said once (by its header).
    const phone = await accessibleTable(page, 'The audit of services');
    expect(phone.columnHeaders).toEqual(headers);
    expect(phone.firstRow).toHaveLength(4);
    phone.firstRow.forEach((cell) => expect(headers.some((name) => cell.startsWith(name))).toBe(false));
    await page.setViewportSize({ width: 1280, height: 900 });
    await expect(accessibleTable(page, 'The audit of services')).resolves.toEqual(phone);

    // On a desktop the plan stays Appendix 2's grid: the four columns side by side under their headers.
    const cells = await page.locator('[data-testid="plan"] tr[data-condition="C01"]').locator(':scope > th, :scope > td')
      .evaluateAll((els: { getBoundingClientRect(): { left: number; top: number } }[]) =>
        els.map((el) => el.getBoundingClientRect()).map((box) => ({ left: Math.round(box.left), top: Math.round(box.top) })));
    expect(cells).toHaveLength(4);
    expect(new Set(cells.map((cell) => cell.top)).size).toBe(1);
    expect(cells.map((cell) => cell.left)).toEqual([...cells.map((cell) => cell.left)].sort((a, b) => a - b));
    await expect(page.locator('[data-testid="plan"] thead th').first().isVisible()).resolves.toBe(true);
    expect((await readLayout(page)).pageWidth).toBeLessThanOrEqual(1280);
    await page.screenshot({ path: '/tmp/tab-desktop-plan.png', fullPage: true });
  });

  test('a champion’s action form fits the screen: every field and button in view, the members’ list too', async () => {
    const page = await openLivingPlanOnPhone();
    await page.getByRole('button', { name: /Change the action “Invite police/ }).click();
    const form = page.getByTestId('action-form');
    await form.waitFor();
    for (const name of ['What needs to happen?', 'How will you progress this?', 'Owner', 'Due date', 'Status']) {
      const field = form.getByLabel(name);
      await field.scrollIntoViewIfNeeded();
      const box = (await field.boundingBox())!;
      expect({ name, left: box.x >= 0, right: box.x + box.width <= PHONE.width }).toEqual({ name, left: true, right: true });
    }
    const formBox = (await form.boundingBox())!;
    expect(formBox.x + formBox.width).toBeLessThanOrEqual(PHONE.width);
    await expectFitsPhone(page);
    await form.screenshot({ path: '/tmp/tab-phone-plan-form.png' });
    await form.getByLabel('Owner').fill('Member 1');
    const members = form.getByRole('listbox', { name: 'Members of the team' });
    const listBox = (await members.boundingBox())!;
    expect({ left: listBox.x >= 0, right: listBox.x + listBox.width <= PHONE.width }).toEqual({ left: true, right: true });
    await layoutSettled(page);
    await expectFitsPhone(page);
    await form.getByLabel('Owner').fill('Principal social worker');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    expect(tab.server.plan.actions[0]!.owner).toBe('Principal social worker');
  });

  test('the living plan’s overdue count, notes, status history, note form and “Tell the team” fit the screen', async () => {
    const page = await openLivingPlanOnPhone();
    await page.getByTestId('plan-overdue').waitFor();
    const item = page.locator('li[data-action="fixture-1"]');
    await item.getByText('Status history').click();
    await item.getByRole('button', { name: /Add a note of what was done/ }).click();
    const noteForm = item.getByTestId('note-form');
    for (const name of ['When', 'What was done?']) {
      const box = (await noteForm.getByLabel(name).boundingBox())!;
      expect({ name, left: box.x >= 0, right: box.x + box.width <= PHONE.width }).toEqual({ name, left: true, right: true });
    }
    const tell = page.getByRole('button', { name: /^Tell the team/ });
    await tell.scrollIntoViewIfNeeded();
    const tellBox = (await tell.boundingBox())!;
    expect(tellBox.x + tellBox.width).toBeLessThanOrEqual(PHONE.width);
    await layoutSettled(page);
    await expectFitsPhone(page);
    await page.screenshot({ path: '/tmp/tab-phone-plan-living.png', fullPage: true });
  });
});

/** Round 2's plan: the latest round with results (round 3 is open), so the plan as it stands, which champions change. */
async function openLivingPlanOnPhone(): Promise<Page> {
  const page = await openChannelView('Plan', 'plan');
  await page.getByTestId('plan-living').waitFor();
  await layoutSettled(page);
  return page;
}

test('no page reported an error', () => {
  expect(tab.errors).toEqual([]);
});
