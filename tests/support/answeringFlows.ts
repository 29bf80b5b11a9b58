/**
 * A person answering a round's twelve conditions in the Microsoft 365 Agents Playground, two ways:
 * on the one-go form the round's intro card opens, and on the twelve condition cards in the channel.
 * Shared by the Playground e2e spec and the bench that measures both (bench/oneGoPlayground.ts).
 * Every press the browser receives is counted (`countPresses`), so the figures are what a person
 * would have to do, not what the driver happens to call.
 */
import type { Locator, Page } from 'playwright-core';
import { CONDITIONS } from '../../bot/domain/conditions';
import { chooseInCard, clickCardButton, waitForCardToHaveShown } from './playground';

export const PRACTITIONER = 'Practitioner (social worker, family support worker)';
const ONE_GO_LEVEL = 'Your level (for all your answers in this round)';

/**
 * Counts presses (trusted pointerdown events: one per mouse press, whatever the page makes of it)
 * from the next page load on. Call before the Playground is opened, as recordCardTexts is.
 */
export async function countPresses(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    window.__presses = 0;
    document.addEventListener('pointerdown', (event) => { if (event.isTrusted) window.__presses += 1; }, true);
  })()`);
}

export async function pressesSoFar(page: Page): Promise<number> {
  return page.evaluate('window.__presses');
}

/** The rendered Adaptive Cards of the open conversation. */
const cardsOf = (page: Page) => page.locator('.ac-adaptiveCard');

/** Condition `n`'s card in the channel while its round is open ("Condition 1 of 12" is not "Condition 11 of 12"). */
export function openConditionCard(page: Page, n: number): Locator {
  return cardsOf(page).filter({ hasText: new RegExp(`Condition ${n} of 12`) }).filter({ has: page.getByRole('button', { name: 'Submit answer', exact: true }) });
}

export interface OneGoOptions {
  readonly roundNumber: number;
  /** A rating title for each of the twelve conditions, in order ("Mostly in place"). */
  readonly ratings: readonly string[];
  /** The level to choose, when the form does not have it filled in. */
  readonly level?: string;
  /** Comments to type, by condition number. */
  readonly comments?: Readonly<Record<number, string>>;
}

/**
 * "Answer all in one go" on the round's intro card, every condition rated on the form, the level
 * chosen if asked, then "Submit answers"; resolves once the card says every condition is answered,
 * with how long that took from the press of "Submit answers" (one invoke recording all twelve), in ms.
 */
export async function answerAllInOneGo(page: Page, { roundNumber, ratings, level, comments = {} }: OneGoOptions): Promise<{ submitMs: number }> {
  const intro = cardsOf(page).filter({ hasText: new RegExp(`Audit round ${roundNumber} is open`) });
  await clickCardButton(intro, 'Answer all in one go');
  const form = cardsOf(page).filter({ hasText: new RegExp(`Audit round ${roundNumber}: answer in one go`) });
  await form.getByRole('button', { name: 'Submit answers', exact: true }).waitFor();
  if (level) await chooseInCard(form, ONE_GO_LEVEL, level);
  for (const [i, condition] of CONDITIONS.entries()) {
    await chooseInCard(form, `${condition.number}. ${condition.text}`, ratings[i]!);
    const comment = comments[condition.number];
    if (comment) await form.getByRole('textbox', { name: new RegExp(`^Why\\? Condition ${condition.number} \\(optional\\)`) }).fill(comment);
  }
  const submitted = performance.now();
  await clickCardButton(form, 'Submit answers');
  await cardsOf(page).filter({ hasText: new RegExp(`Audit round ${roundNumber}: you have answered every condition`) }).waitFor({ timeout: 15_000 });
  return { submitMs: performance.now() - submitted };
}

/**
 * Each of the twelve condition cards in the channel, as they stand: a rating, the level (the shared
 * card cannot know it, so it is asked on every card), "Submit answer", and the person's own view
 * back before the next card. Needs recordCardTexts: the shared card's count replaces that view soon after.
 */
export async function answerTwelveCards(page: Page, { ratings, level }: { readonly ratings: readonly string[]; readonly level: string }): Promise<void> {
  let shown = -1;
  for (const [i, condition] of CONDITIONS.entries()) {
    const card = openConditionCard(page, condition.number);
    await chooseInCard(card, 'What happens now in your service?', ratings[i]!);
    await chooseInCard(card, 'Your level', level);
    await clickCardButton(card, 'Submit answer');
    shown = await waitForCardToHaveShown(page, { has: [`Condition ${condition.number} of 12`, `Your answer: ${ratings[i]!}`], after: shown });
  }
}
