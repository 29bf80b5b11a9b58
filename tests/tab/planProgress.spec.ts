import { ROUNDS, TEAM_ID } from './fixtures';
import { useTabHarness } from './harness';
import { PLAN_TODAY, livingPlan, planAction, teamMembers } from './planFixtures';
import { actionItem, openLivingPlan } from './planPage';

/**
 * An action's life in the living plan: its "what we did" notes, its status history, its owner
 * picked from the team's members (or typed), and "Tell the team" once it is done.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();

beforeEach(() => {
  tab.server.plan.reset();
  tab.server.rounds = [...ROUNDS];
  tab.server.plan.actions = livingPlan();
});

describe('progress notes', () => {
  test('are listed under their action, newest first, each with the day it was done and who wrote it', async () => {
    const page = await openLivingPlan(tab);
    const notes = actionItem(page, 'overdue-1').locator('[data-part="notes"] li');
    await expect(notes.allTextContents()).resolves.toEqual([
      '10 September 2025: Health said yes; police to confirm (Alex Jones)',
      '1 August 2025: Drafted the invitation (Sam Patel)',
    ]);
  });

  test('a champion adds one: the day defaults to today, the API’s refusal shows by its field, and the note then leads the list', async () => {
    const page = await openLivingPlan(tab);
    const item = actionItem(page, 'overdue-1');
    await item.getByRole('button', { name: /Add a note of what was done/ }).click();
    const form = item.getByTestId('note-form');
    await expect(form.getByLabel('When').inputValue()).resolves.toBe(PLAN_TODAY);

    // Nothing written: the API refuses, in its words, by the field it names; nothing is saved.
    await form.getByRole('button', { name: 'Add note' }).click();
    await form.getByText('The note\'s text is not valid: say what was done.').waitFor();
    expect(tab.server.plan.actions.find((a) => a.actionId === 'overdue-1')!.notes).toHaveLength(2);

    await form.getByLabel('When').fill('2025-10-14');
    await form.getByLabel('What was done?').fill('Police confirmed: first joint meeting on 3 November');
    await form.getByRole('button', { name: 'Add note' }).click();
    await form.waitFor({ state: 'detached' });
    await expect(item.locator('[data-part="notes"] li').allTextContents()).resolves.toEqual([
      '14 October 2025: Police confirmed: first joint meeting on 3 November (Local developer)',
      '10 September 2025: Health said yes; police to confirm (Alex Jones)',
      '1 August 2025: Drafted the invitation (Sam Patel)',
    ]);
    const saved = tab.server.plan.actions.find((a) => a.actionId === 'overdue-1')!.notes.at(-1)!;
    expect({ date: saved.date, text: saved.text }).toEqual({ date: '2025-10-14', text: 'Police confirmed: first joint meeting on 3 November' });
    // The form has gone: the keyboard is back on the button that opened it.
    await expect(page.evaluate('document.activeElement && document.activeElement.getAttribute("aria-label")')).resolves.toMatch(/^Add a note of what was done/);
  });
});

test('a note added while the action’s form is open does not make saving the form a conflict', async () => {
  tab.server.plan.members = teamMembers(12);
  const page = await openLivingPlan(tab);
  const item = actionItem(page, 'overdue-1');
  await item.getByRole('button', { name: /Change the action/ }).click();
  await item.getByRole('button', { name: /Add a note of what was done/ }).click();
  await item.getByTestId('note-form').getByLabel('What was done?').fill('Police confirmed');
  await item.getByTestId('note-form').getByRole('button', { name: 'Add note' }).click();
  await item.getByTestId('note-form').waitFor({ state: 'detached' });
  const form = page.getByTestId('action-form');
  await form.getByLabel('Status').selectOption('done');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await form.waitFor({ state: 'detached' });
  await expect(page.getByTestId('plan-notice').count()).resolves.toBe(0);
  const saved = tab.server.plan.actions.find((a) => a.actionId === 'overdue-1')!;
  expect({ status: saved.status, notes: saved.notes.map((n) => n.text) }).toEqual({ status: 'done', notes: ['Drafted the invitation', 'Health said yes; police to confirm', 'Police confirmed'] });
});

describe('status history', () => {
  test('opens on demand, from the keyboard too: each status with its day and who set it, oldest first', async () => {
    const page = await openLivingPlan(tab);
    const history = actionItem(page, 'overdue-1').locator('[data-part="status-history"]');
    await expect(history.locator('li').first().isVisible()).resolves.toBe(false);
    await history.getByText('Status history').focus();
    await page.keyboard.press('Enter');
    await expect(history.locator('li').first().isVisible()).resolves.toBe(true);
    await expect(history.locator('li').allTextContents()).resolves.toEqual([
      'Not started, 1 July 2025, added by Sam Patel',
      'In progress, 3 September 2025, by Alex Jones',
    ]);
  });

  test('grows when a champion changes the status', async () => {
    const page = await openLivingPlan(tab);
    await actionItem(page, 'due-today').getByRole('button', { name: /Change the action/ }).click();
    await page.getByTestId('action-form').getByLabel('Status').selectOption('in-progress');
    await page.getByTestId('action-form').getByRole('button', { name: 'Save changes' }).click();
    const history = actionItem(page, 'due-today').locator('[data-part="status-history"]');
    await history.getByText('Status history').click();
    await history.locator('li').nth(1).waitFor();
    await expect(history.locator('li').allTextContents()).resolves.toEqual([
      'Not started, 1 September 2025, added by Sam Patel',
      expect.stringMatching(/^In progress, \d+ \w+ \d{4}, by Local developer$/),
    ]);
  });
});

describe('the owner', () => {
  test('is picked from the team’s members by typing and the keyboard, for a team of hundreds, and sent as ownerMemberId', async () => {
    tab.server.plan.members = teamMembers(400);
    const page = await openLivingPlan(tab);
    await page.getByRole('button', { name: 'Add action for condition 4' }).click();
    const form = page.getByTestId('action-form');
    await form.getByLabel('What needs to happen?').fill('Case discussion in every team meeting');
    const owner = form.getByRole('combobox', { name: 'Owner' });
    // The members' list comes from the API: until it is there, the list has nobody to show.
    await form.getByText('Loading the team’s members', { exact: false }).waitFor({ state: 'detached' });
    await owner.focus();
    await page.keyboard.press('ArrowDown');
    const options = form.getByRole('listbox', { name: 'Members of the team' }).getByRole('option');
    await expect(options.count()).resolves.toBe(8);
    await expect(form.getByText('Showing 8 of 400 members: type more to narrow the list.', { exact: false }).count()).resolves.toBe(1);

    await owner.pressSequentially('pat');
    await expect(options.allTextContents()).resolves.toEqual(['Sam Patel']);
    await page.keyboard.press('ArrowDown');
    await expect(owner.getAttribute('aria-activedescendant')).resolves.toBe(await options.first().getAttribute('id'));
    await page.keyboard.press('Enter');
    await expect(owner.inputValue()).resolves.toBe('Sam Patel');
    await expect(owner.getAttribute('aria-expanded')).resolves.toBe('false');
    await form.getByText('Sam Patel: a member of the team.').waitFor();
    // Enter picked the member; it did not send the form.
    expect(tab.server.plan.actions.some((a) => a.conditionId === 'C04')).toBe(false);

    await form.getByRole('button', { name: 'Add action' }).click();
    await form.waitFor({ state: 'detached' });
    const added = tab.server.plan.actions.find((a) => a.conditionId === 'C04')!;
    expect({ owner: added.owner, ownerMember: added.ownerMember }).toEqual({ owner: 'Sam Patel', ownerMember: { teamsUserId: '29:sam-patel' } });
  });

  test('can be someone outside the team, typed as free text (typing after a pick makes it free text again)', async () => {
    tab.server.plan.members = teamMembers(12);
    const page = await openLivingPlan(tab);
    await actionItem(page, 'overdue-1').getByRole('button', { name: /Change the action/ }).click();
    const form = page.getByTestId('action-form');
    const owner = form.getByRole('combobox', { name: 'Owner' });
    await form.getByText('Sam Patel: a member of the team.').waitFor();
    await owner.fill('Head of Service (interim)');
    await form.getByText('Someone outside the team: not picked from the list.').waitFor();
    await expect(form.getByRole('listbox', { name: 'Members of the team' }).getByRole('option').count()).resolves.toBe(0);
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    const changed = tab.server.plan.actions.find((a) => a.actionId === 'overdue-1')!;
    expect({ owner: changed.owner, ownerMember: changed.ownerMember }).toEqual({ owner: 'Head of Service (interim)', ownerMember: null });
  });

  test('with the members’ list open, a click on a button below it lands (the list does not close from under the pointer)', async () => {
    tab.server.plan.members = teamMembers(40);
    const page = await openLivingPlan(tab);
    await page.getByRole('button', { name: 'Add action for condition 4' }).click();
    const form = page.getByTestId('action-form');
    await form.getByRole('combobox', { name: 'Owner' }).fill('Member');
    await expect(form.getByRole('listbox', { name: 'Members of the team' }).getByRole('option').count()).resolves.toBe(8);
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
  });

  test('a member who has left the team is refused by the API, shown by the owner field', async () => {
    tab.server.plan.members = teamMembers(12);
    const page = await openLivingPlan(tab);
    await page.getByRole('button', { name: 'Add action for condition 4' }).click();
    const form = page.getByTestId('action-form');
    await form.getByLabel('What needs to happen?').fill('Case discussion in every team meeting');
    await form.getByRole('combobox', { name: 'Owner' }).fill('Alex');
    await form.getByRole('option', { name: 'Alex Jones' }).click();
    tab.server.plan.members = tab.server.plan.members.filter((m) => m.name !== 'Alex Jones');
    await form.getByRole('button', { name: 'Add action' }).click();
    await form.getByText('That person is not a member of this team: choose someone from the team, or type the owner\'s name.').waitFor();
    await expect(form.getByRole('combobox', { name: 'Owner' }).getAttribute('aria-invalid')).resolves.toBe('true');
  });
});

describe('“Tell the team”, for a done action', () => {
  test('is offered to champions on done actions only, and once posted says when Teams posted it', async () => {
    const page = await openLivingPlan(tab);
    const buttons = page.getByRole('button', { name: /^Tell the team/ });
    await expect(buttons.count()).resolves.toBe(1);
    const done = actionItem(page, 'done-1');
    await done.getByRole('button', { name: /^Tell the team/ }).click();
    await expect(done.getByTestId('announce-posted').textContent()).resolves.toBe('Posted in the team’s channel at 14:05 on 15 October 2025.');
    expect(tab.server.plan.announced).toEqual(['done-1']);
    // Posted once: the button has gone, so a second click cannot post it twice.
    await expect(buttons.count()).resolves.toBe(0);
  });

  test('refused, says nothing was posted and why, and lets them try again', async () => {
    tab.server.plan.announce = { status: 409, code: 'ACTION_NOT_DONE', message: 'Only a done action’s update can be posted.' };
    const page = await openLivingPlan(tab);
    const done = actionItem(page, 'done-1');
    await done.getByRole('button', { name: /^Tell the team/ }).click();
    await expect(done.getByTestId('announce-failed').textContent()).resolves.toBe('Nothing was posted in the team’s channel. Only a done action’s update can be posted.');

    tab.server.plan.announce = { status: 502, code: 'TEAMS_REFUSED_POST', message: 'Teams did not accept the card, so it was not posted in the channel. Please try again in a moment.' };
    await done.getByRole('button', { name: /^Try again to tell the team/ }).click();
    await expect(done.getByTestId('announce-failed').textContent()).resolves.toBe('Teams did not accept the card, so it was not posted in the channel. Please try again in a moment.');
    expect(tab.server.plan.announced).toEqual([]);

    tab.server.plan.announce = { posted: true, postedAt: '2025-10-15T13:07:00.000Z' };
    await done.getByRole('button', { name: /^Try again to tell the team/ }).click();
    await expect(done.getByTestId('announce-posted').textContent()).resolves.toBe('Posted in the team’s channel at 14:07 on 15 October 2025.');
    await expect(done.getByTestId('announce-failed').count()).resolves.toBe(0);
    expect(tab.server.plan.announced).toEqual(['done-1']);
  });

  test('never says nothing was posted when that is not known: Teams not answering (503), or another champion posting it now (409)', async () => {
    const page = await openLivingPlan(tab);
    const done = actionItem(page, 'done-1');
    const unconfirmed = 'Practice Audit could not reach Teams just now, so the post was not confirmed. Look in the channel, and try again if the card is not there.';
    tab.server.plan.announce = { status: 503, code: 'TEAMS_UNREACHABLE', message: unconfirmed };
    await done.getByRole('button', { name: /^Tell the team/ }).click();
    await expect(done.getByTestId('announce-failed').textContent()).resolves.toBe(unconfirmed);

    const inProgress = 'Amara Okafor is posting this in the channel just now. Look in the channel in a minute; if it is not there, try again.';
    tab.server.plan.announce = { status: 409, code: 'POST_IN_PROGRESS', message: inProgress };
    await done.getByRole('button', { name: /^Try again to tell the team/ }).click();
    await expect(done.getByTestId('announce-failed').textContent()).resolves.toBe(inProgress);
  });

  test('with no answer at all, does not claim either way', async () => {
    const page = await openLivingPlan(tab);
    await page.route(`**/api/teams/${encodeURIComponent(TEAM_ID)}/plan/actions/done-1/announce`, (route) => route.abort('connectionreset'));
    const done = actionItem(page, 'done-1');
    await done.getByRole('button', { name: /^Tell the team/ }).click();
    await expect(done.getByTestId('announce-failed').textContent()).resolves.toBe(
      'No answer came back from Practice Audit, so it is not known whether the update was posted. Look in the team’s channel before trying again.',
    );
  });
});

test('an action with no notes and no history shows neither to a member', async () => {
  tab.server.plan.canEdit = false;
  tab.server.plan.actions = [planAction({ statusHistory: [], notes: [] })];
  const page = await openLivingPlan(tab);
  await expect(actionItem(page, 'fixture-1').locator('[data-part="notes"], [data-part="status-history"]').count()).resolves.toBe(0);
});

test('no page reported an error, other than the refusals and the lost connection these tests ask the plan API for', () => {
  // Chromium logs every answer that is not 2xx (and every aborted request) as a console error.
  const asked = /Failed to load resource: .*\/api\/teams\/[^/]+\/plan\/actions/;
  expect(tab.errors.filter((error) => !asked.test(error))).toEqual([]);
});
