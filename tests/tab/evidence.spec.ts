import type { Page } from 'playwright-core';
import { evidenceNote } from './evidenceRoutes';
import { LATEST_ROUND } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { openView } from './roundViewsPage';
import { readOverview, seriousViolations } from './tabPage';

/**
 * Evidence notes in the channel tab ("how do you know?", issue 11): beside a condition's staff
 * figures in the condition view, counted in the overview's row, and written by champions there.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();

const caseAudit = evidenceNote({ noteId: 'n-1', conditionId: 'C01', kind: 'case-audit', date: '2025-07-14', found: 'Shared practice model named in 15 of 20 files.\n<b>Not</b> in the 5 oldest.' });
const familyFeedback = evidenceNote({ noteId: 'n-2', conditionId: 'C01', kind: 'family-feedback', source: '', date: '2025-08-02', found: 'Families said their worker explained the plan.', addedBy: 'Tom Reed', addedAt: '2025-08-03T09:00:00.000Z' });
const supervisionAudit = evidenceNote({ noteId: 'n-3', conditionId: 'C06', kind: 'supervision-audit', source: 'Principal social worker', date: '2025-07-30', found: 'Group case discussion in two teams of six.' });

beforeEach(() => {
  tab.server.evidence.notes.clear();
  tab.server.evidence.canEdit = true;
});

const notes = (page: Page) => page.getByTestId('evidence-notes').locator('li[data-note]');

async function openCondition(extra = ''): Promise<Page> {
  const page = await openView(tab, 'A condition', extra);
  await page.getByTestId('condition-distribution').waitFor();
  await page.getByTestId('evidence-notes').waitFor();
  return page;
}

describe('evidence notes in the condition view', () => {
  test('show under the condition’s figures, as text, with their kind, day, source and who added them', async () => {
    tab.server.evidence.notes.set(LATEST_ROUND, [familyFeedback, caseAudit, supervisionAudit]);
    const page = await openCondition();
    await expect(notes(page).count()).resolves.toBe(2);
    // After the figures, before the comments.
    const order = await page.locator('h2').allTextContents();
    expect(order.indexOf('Evidence: how do you know?')).toBe(order.indexOf('Answers by level') + 1);
    expect(order.indexOf('Comments')).toBe(order.indexOf('Evidence: how do you know?') + 1);

    const first = notes(page).first();
    await expect(first.locator('[data-part="heading"]').textContent()).resolves.toBe('Case audit · 14 July 2025 · QA team’s audit of 20 CIN cases');
    await expect(first.locator('[data-part="found"]').textContent()).resolves.toBe('Shared practice model named in 15 of 20 files.\n<b>Not</b> in the 5 oldest.');
    await expect(first.locator('b').count()).resolves.toBe(0);
    await expect(first.locator('[data-part="added"]').textContent()).resolves.toBe('Added by Priya Shah on 20 July 2025');
    await expect(notes(page).nth(1).locator('[data-part="heading"]').textContent()).resolves.toBe('Feedback from children and families · 2 August 2025');

    await page.getByLabel('Condition', { exact: true }).selectOption('C06');
    await page.getByText('Group case discussion in two teams of six.').waitFor();
    await expect(notes(page).count()).resolves.toBe(1);
    await page.getByLabel('Condition', { exact: true }).selectOption('C02');
    await page.getByTestId('no-evidence').waitFor();
    await expect(notes(page).count()).resolves.toBe(0);
  });

  test('are counted in the overview’s row for each condition that has any', async () => {
    tab.server.evidence.notes.set(LATEST_ROUND, [caseAudit, familyFeedback, supervisionAudit]);
    const page = await tab.open(channelQuery());
    await readOverview(page);
    const marker = (id: string) => page.locator(`[data-testid="overview"] tr[data-condition="${id}"] th [data-part="evidence-count"]`);
    await marker('C01').waitFor();
    await expect(marker('C01').textContent()).resolves.toBe('2 evidence notes');
    await expect(marker('C06').textContent()).resolves.toBe('1 evidence note');
    await expect(page.locator('[data-testid="overview"] [data-part="evidence-count"]').count()).resolves.toBe(2);
  });

  test('a champion adds a note, changes it and removes it', async () => {
    const page = await openCondition();
    await page.getByTestId('no-evidence').waitFor();
    await page.getByRole('button', { name: 'Add evidence for condition 1' }).click();
    const form = page.getByTestId('evidence-form');
    await form.getByRole('button', { name: 'Add evidence note' }).click();
    await form.getByText('Say what the evidence found.').waitFor();
    await expect(form.getByText('Give the day the evidence was gathered.').count()).resolves.toBe(1);
    expect(tab.server.evidence.notes.get(LATEST_ROUND) ?? []).toEqual([]);

    await form.getByLabel('Kind of evidence').selectOption('practice-week');
    await form.getByLabel('Date gathered').fill('2025-09-12');
    await form.getByLabel('Source').fill('Autumn practice week, 12 teams');
    await form.getByLabel('What it found').fill('Most plans named the practice model; <i>few</i> used its language with families.');
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await form.getByRole('button', { name: 'Add evidence note' }).click();
    await form.waitFor({ state: 'detached' });
    await expect(notes(page).first().locator('[data-part="heading"]').textContent()).resolves.toBe('Practice week · 12 September 2025 · Autumn practice week, 12 teams');
    expect(tab.server.evidence.notes.get(LATEST_ROUND)).toEqual([expect.objectContaining({ conditionId: 'C01', kind: 'practice-week', date: '2025-09-12', found: 'Most plans named the practice model; <i>few</i> used its language with families.' })]);

    await page.getByRole('button', { name: 'Change the practice week of 12 September 2025' }).click();
    await page.getByTestId('evidence-form').getByLabel('What it found').fill('Most plans named the practice model.');
    await page.getByTestId('evidence-form').getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Most plans named the practice model.', { exact: true }).waitFor();
    expect(tab.server.evidence.notes.get(LATEST_ROUND)![0]!.found).toBe('Most plans named the practice model.');

    await page.getByRole('button', { name: 'Remove the practice week of 12 September 2025' }).click();
    await page.getByTestId('no-evidence').waitFor();
    expect(tab.server.evidence.notes.get(LATEST_ROUND)).toEqual([]);
  });

  test('the form’s kind of evidence stays in its own column, clear of the date beside it, whatever kind is chosen', async () => {
    const page = await openCondition();
    await page.getByRole('button', { name: 'Add evidence for condition 1' }).click();
    const form = page.getByTestId('evidence-form');
    const kind = form.getByLabel('Kind of evidence');
    // The longest kind: a native select is as wide as its longest option unless told otherwise.
    await kind.selectOption('family-feedback');
    const [kindBox, dateBox] = await Promise.all([kind.boundingBox(), form.getByLabel('Date gathered').boundingBox()]);
    expect(dateBox!.y).toBeLessThan(kindBox!.y + kindBox!.height); // side by side at this width
    expect(kindBox!.x + kindBox!.width).toBeLessThanOrEqual(dateBox!.x);
  });

  test('a change made on a note another champion has since changed is refused, and the notes reload', async () => {
    tab.server.evidence.notes.set(LATEST_ROUND, [caseAudit]);
    const page = await openCondition();
    await page.getByRole('button', { name: 'Change the case audit of 14 July 2025' }).click();
    tab.server.evidence.notes.set(LATEST_ROUND, [{ ...caseAudit, found: 'Their newer wording', version: 'W/"evidence-newer"' }]);
    await page.getByTestId('evidence-form').getByLabel('What it found').fill('Mine instead');
    await page.getByTestId('evidence-form').getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByTestId('evidence-notice').textContent()).resolves.toContain('Someone else changed this evidence note');
    await page.getByText('Their newer wording').waitFor();
    expect(tab.server.evidence.notes.get(LATEST_ROUND)![0]!.found).toBe('Their newer wording');
  });

  test('members who are not champions read the notes and cannot change them', async () => {
    tab.server.evidence.canEdit = false;
    tab.server.evidence.notes.set(LATEST_ROUND, [caseAudit]);
    const page = await openCondition();
    await notes(page).first().waitFor();
    await expect(page.getByTestId('evidence-notes').getByRole('button').count()).resolves.toBe(0);
  });
});

describe.each([['light', ''], ['dark', '&theme=dark'], ['contrast', '&theme=contrast']])('axe-core finds nothing serious or critical (%s theme)', (name, theme) => {
  test('in the condition view with evidence notes, and a champion’s form open', async () => {
    tab.server.evidence.notes.set(LATEST_ROUND, [caseAudit, familyFeedback]);
    const page = await openCondition(theme);
    await notes(page).first().waitFor();
    await page.getByTestId('comment').first().waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.getByRole('button', { name: 'Add evidence for condition 1' }).click();
    await page.getByTestId('evidence-form').waitFor();
    await expect(seriousViolations(page)).resolves.toEqual([]);
    await page.screenshot({ path: `/tmp/tab-evidence-${name}.png`, fullPage: true });
  });
});

test('no page reported an error, but the refused change the conflict test made', () => {
  const refusedChange = /^console: Failed to load resource: the server responded with a status of 409 \(Conflict\) \(http:\/\/[^)]+\/rounds\/round-2\/evidence\/n-1\)$/;
  expect(tab.errors.filter((error) => !refusedChange.test(error))).toEqual([]);
});
