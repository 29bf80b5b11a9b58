import type { Page } from 'playwright-core';
import type { RoundSummary } from '../../bot/domain/summary/roundSummary';
import { LATEST_ROUND } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { readLayout } from './narrowLayout';
import { heldFixture } from './reviewRoutes';
import { openView } from './roundViewsPage';
import { readOverview, seriousViolations } from './tabPage';

/**
 * Issue 12 in the channel tab: a practice champion notices held comments (a count on the view's
 * tab, and a note), reviews each (release; release a copy with the identifying part removed;
 * withhold), and is told plainly when another champion decided first or its author changed it.
 * Anyone else sees nothing of them. A condition's comments say why they are not shown while too
 * few people have answered it.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();

beforeEach(() => {
  Object.assign(tab.server.review, { comments: heldFixture(), refuseNext: null });
  tab.server.champion = true;
  tab.server.review.decisions.length = 0;
});

async function openReview(page?: Page): Promise<Page> {
  const opened = page ?? (await tab.open(channelQuery()));
  await readOverview(opened);
  await opened.getByRole('tab', { name: /Comments to review/ }).click();
  await opened.getByTestId('held-comments').waitFor();
  return opened;
}

const items = (page: Page) => page.getByTestId('held-comment');

test('a champion sees how many wait, and each held comment with its condition and the kinds found, as text', async () => {
  const page = await tab.open(channelQuery());
  await readOverview(page);
  const reviewTab = page.getByRole('tab', { name: /Comments to review/ });
  // The badge's number, and its meaning for a screen reader.
  await expect(reviewTab.textContent()).resolves.toBe('Comments to review3, 3 waiting');
  await expect(page.getByTestId('held-comments-note').textContent()).resolves.toContain('3 comments are held back from leaders until a practice champion reviews them.');
  await page.getByTestId('held-comments-note').getByRole('button', { name: 'Review' }).click();
  await page.getByTestId('held-comments').waitFor();
  await expect(items(page).locator('[data-part="text"]').allTextContents()).resolves.toEqual(heldFixture().map((c) => c.text));
  await expect(items(page).locator('[data-part="found"]').allTextContents()).resolves.toEqual([
    'Found: a person’s name and a telephone number.', 'Found: a person’s name.', 'Found: words that describe harm to a child.',
  ]);
  await expect(items(page).first().textContent()).resolves.toContain('Condition 1:');
  await expect(page.getByTestId('held-comments').locator('img, script').count()).resolves.toBe(0);
  await expect(page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).resolves.toBeUndefined();
  // Nothing about who wrote them.
  await expect(page.getByTestId('held-comments').textContent()).resolves.not.toMatch(/practitioner|supervisor|in place|\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/i);
  expect(tab.errors).toEqual([]);
});

test('release, release a copy with the identifying part removed, and withhold: each decided once, the count going down', async () => {
  const page = await openReview();
  await items(page).nth(0).getByRole('button', { name: 'Release as written', exact: true }).click();
  await expect(items(page).nth(0).locator('[data-part="outcome"]').textContent()).resolves.toBe('Released: leaders read it as written.');
  // The badge follows once the list is read again.
  await page.getByRole('tab', { name: /Comments to review/ }).filter({ hasText: 'Comments to review2, 2 waiting' }).waitFor();

  const second = items(page).nth(1);
  await second.getByRole('button', { name: 'Remove identifying part' }).click();
  const editor = second.getByRole('textbox', { name: 'The comment as leaders will read it' });
  // The copy starts as the text (findConcerns is not in this build to mark the parts found).
  await expect(editor.inputValue()).resolves.toBe(heldFixture()[1]!.text);
  await editor.fill('');
  await expect(second.getByRole('button', { name: 'Release this copy' }).isDisabled()).resolves.toBe(true);
  await editor.fill('[removed] at [removed] is not being seen');
  await second.getByRole('button', { name: 'Release this copy' }).click();
  await expect(second.locator('[data-part="outcome"]').textContent()).resolves.toBe('Released with the identifying part removed. Leaders read: “[removed] at [removed] is not being seen”');

  await items(page).nth(2).getByRole('button', { name: 'Withhold' }).click();
  await expect(items(page).nth(2).locator('[data-part="outcome"]').textContent()).resolves.toBe('Withheld: leaders will not see it.');
  expect(tab.server.review.decisions).toEqual([
    { reviewId: 'rv-b', body: { state: 'released' } },
    { reviewId: 'rv-a', body: { state: 'redacted', text: '[removed] at [removed] is not being seen' } },
    { reviewId: 'rv-c', body: { state: 'withheld' } },
  ]);
  await expect(items(page).getByRole('button').count()).resolves.toBe(0);
  // The badge goes once the list is read again (a moment after the last decision).
  await page.getByRole('tab', { name: /Comments to review/ }).filter({ hasText: /^Comments to review$/ }).waitFor();
  await expect(page.getByTestId('held-comments-note').count()).resolves.toBe(0);
  expect(tab.errors).toEqual([]);
});

test('says so in the API’s words when another champion decided first, and reloads to show what they decided', async () => {
  const page = await openReview();
  tab.server.review.refuseNext = { status: 409, code: 'REVIEW_DECIDED', message: 'Another practice champion has already reviewed this comment. Reload to see what they decided.' };
  tab.server.review.comments[0] = { ...tab.server.review.comments[0]!, state: 'withheld', shownText: '' };
  await items(page).nth(0).getByRole('button', { name: 'Release as written', exact: true }).click();
  const failure = items(page).nth(0).getByTestId('decision-failure');
  await expect(failure.textContent()).resolves.toContain('Another practice champion has already reviewed this comment.');
  await failure.getByRole('button', { name: 'Reload' }).click();
  await expect(items(page).nth(0).locator('[data-part="outcome"]').textContent()).resolves.toBe('Withheld: leaders will not see it.');
  await expect(items(page).nth(0).getByTestId('decision-failure').count()).resolves.toBe(0);
});

test('offers nothing of held comments to someone who is not a champion, and asks for none', async () => {
  tab.server.champion = false;
  const asked = tab.server.requests.length;
  const page = await tab.open(channelQuery());
  await readOverview(page);
  expect(tab.server.requests.slice(asked).map((r) => r.path).filter((path) => path.endsWith('/held-comments'))).toEqual([]);
  await expect(page.getByRole('tab').allTextContents()).resolves.not.toContain(expect.stringContaining('Comments to review'));
  await expect(page.getByRole('tab', { name: /Comments to review/ }).count()).resolves.toBe(0);
  await expect(page.getByTestId('held-comments-note').count()).resolves.toBe(0);
});

test('fits a 360 px phone, with the editor open, and axe finds nothing serious', async () => {
  const page = await openReview();
  await page.setViewportSize({ width: 360, height: 740 });
  await items(page).nth(1).getByRole('button', { name: 'Remove identifying part' }).click();
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  const layout = await readLayout(page);
  expect(layout.sticksOut).toEqual([]);
  expect(layout.pageWidth).toBeLessThanOrEqual(360);
  await expect(seriousViolations(page)).resolves.toEqual([]);
});

test('a condition fewer than 10 people answered says why its comments are not shown', async () => {
  const summary = tab.server.summaries.get(LATEST_ROUND)!;
  const fewer: RoundSummary = {
    ...summary,
    conditions: summary.conditions.map((c) => (c.conditionId === 'C01' && c.allStaff.shown ? { ...c, allStaff: { ...c.allStaff, answers: 9 } } : c)),
  };
  tab.server.summaries.set(LATEST_ROUND, fewer);
  try {
    const page = await openView(tab, 'A condition');
    await expect(page.getByTestId('comments-not-shown').textContent()).resolves.toBe('Comments appear once at least 10 people have answered this condition.');
    await expect(page.getByTestId('comment').count()).resolves.toBe(0);
    await expect(page.getByTestId('comment-level').count()).resolves.toBe(0);
  } finally {
    tab.server.summaries.set(LATEST_ROUND, summary);
  }
});
