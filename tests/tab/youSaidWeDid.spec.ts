import * as fs from 'node:fs';
import type { Page, Response } from 'playwright-core';
import { youSaidWeDidWords } from '../../bot/domain/summary/youSaidWeDidWords';
import { LATEST_ROUND, latestRoundSummary } from './fixtures';
import { channelQuery, useTabHarness } from './harness';
import { fixtureFacts } from './youSaidWeDidRoutes';

/**
 * "You said, we did" in the channel tab (issue 11): in a closed round's views a practice champion
 * previews the card staff will read in the channel, in the card's own words, and posts it there;
 * the tab says "posted" only once the API says Teams took it, and says why when it did not.
 */
jest.setTimeout(60_000);
const tab = useTabHarness();

beforeEach(() => {
  const state = tab.server.youSaidWeDid;
  Object.assign(state, { champion: true, posts: 0, refuseNext: null });
  state.posted.clear();
});

/** The tab on its latest closed round, the preview opened. */
async function openPreview(): Promise<Page> {
  const page = await tab.open(channelQuery());
  await page.getByRole('button', { name: 'You said, we did' }).click();
  await page.getByTestId('you-said-we-did').waitFor();
  return page;
}

async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(fs.readFileSync(require.resolve('axe-core'), 'utf8'));
  const found = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
    return (await axe.run({ include: [['[data-testid="you-said-we-did"]']] })).violations.map((v) => ({ id: v.id, impact: v.impact }));
  });
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

test('a champion previews the card in its own words and posts it in the channel, once', async () => {
  const page = await openPreview();
  const region = page.getByTestId('you-said-we-did');
  const words = youSaidWeDidWords(fixtureFacts(LATEST_ROUND, latestRoundSummary()));
  // An earlier round's card shows the plan kept at its close: the preview never calls it the plan as it is now.
  await expect(region.getByText('The card as it would be posted in the channel now:').count()).resolves.toBe(1);
  await expect(region.textContent()).resolves.not.toMatch(/plan as (they are|it is) now/);
  await expect(region.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(words.title);
  await expect(region.getByText(words.participation).count()).resolves.toBe(1);
  await expect(region.getByRole('heading', { level: 3 }).allTextContents()).resolves.toEqual(words.sections.map((s) => s.heading));
  // The fixtures' senior leaders are too few to show on every condition: they are never named.
  await expect(region.textContent()).resolves.not.toMatch(/senior leader/i);
  await expect(seriousViolations(page)).resolves.toEqual([]);

  await region.getByRole('button', { name: 'Post in the channel' }).click();
  await expect(page.getByTestId('you-said-we-did-posted').textContent()).resolves.toBe('Posted in the channel on 14 July 2025 at 14:05.');
  await expect(region.getByRole('button', { name: 'Post in the channel' }).count()).resolves.toBe(0);
  expect(tab.server.youSaidWeDid.posts).toBe(1);
  expect(tab.errors).toEqual([]);
});

test('says why when Teams did not take the post, claiming nothing, and keeps the button to try again', async () => {
  tab.server.youSaidWeDid.refuseNext = { status: 502, code: 'TEAMS_REFUSED_POST', message: 'Teams did not accept the card, so it was not posted in the channel. Please try again in a moment.' };
  const page = await openPreview();
  const region = page.getByTestId('you-said-we-did');
  await region.getByRole('button', { name: 'Post in the channel' }).click();
  await region.getByText('Teams did not accept the card, so it was not posted in the channel. Please try again in a moment.').waitFor();
  await expect(page.getByTestId('you-said-we-did-posted').count()).resolves.toBe(0);
  expect(tab.server.youSaidWeDid.posts).toBe(0);

  await region.getByRole('button', { name: 'Post in the channel' }).click();
  await page.getByTestId('you-said-we-did-posted').waitFor();
  expect(tab.server.youSaidWeDid.posts).toBe(1);
});

test('says when, and by whom, a card already posted was posted, offering no second post', async () => {
  tab.server.youSaidWeDid.posted.set(LATEST_ROUND, { postedAt: '2025-07-10T08:30:00.000Z', postedBy: 'Priya Shah' });
  const page = await openPreview();
  await expect(page.getByTestId('you-said-we-did-posted').textContent()).resolves.toBe('Posted in the channel on 10 July 2025 at 09:30 by Priya Shah.');
  await expect(page.getByRole('button', { name: 'Post in the channel' }).count()).resolves.toBe(0);
});

test('is not offered to a member who is not a practice champion', async () => {
  tab.server.youSaidWeDid.champion = false;
  let preview: Promise<Response> | undefined;
  const page = await tab.open(channelQuery(), {
    beforeNavigation: async (p) => {
      preview = p.waitForResponse((response) => response.url().endsWith(`/rounds/${LATEST_ROUND}/you-said-we-did`));
    },
  });
  expect((await preview!).status()).toBe(403);
  // The refusal handled (a frame later), the round's views show, without the button.
  await page.getByRole('button', { name: 'Download CSV' }).waitFor();
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(resolve))');
  await expect(page.getByRole('button', { name: 'You said, we did' }).count()).resolves.toBe(0);
});
