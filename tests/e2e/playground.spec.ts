import * as net from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { closeDayOf, dayInWords, endOfUkDay, proposedCloseDay } from '../../bot/domain/closeDate';
import { CONDITIONS } from '../../bot/domain/conditions';
import { respondentIdFor } from '../../bot/domain/respondent';
import type { RunningService } from '../../bot/service';
import {
  chooseInCard,
  clickCardButton,
  launchChromium,
  MOCK_TEAMS,
  openPlayground,
  recordCardTexts,
  selectChannelConversation,
  selectPersonalChat,
  sendMessage,
  startPlayground,
  typeInCard,
  waitForCardContaining,
  waitForCardToHaveShown,
  type RunningPlayground,
} from '../support/playground';
import { answerAllInOneGo, openConditionCard, PRACTITIONER } from '../support/answeringFlows';
import { startTestService, TEST_HMAC_KEY } from '../support/testService';

/**
 * A practice champion runs a round in the Microsoft 365 Agents Playground (the local Teams client), in
 * headless Chromium, as a person would: the real service in-process, the suite's Azurite, the mock team
 * in .m365agentsplayground.yml. Priya Shah (the yml's currentUser) installs the app, so she is champion.
 * Her `remind` reminds the team one-to-one (issue 10): the Playground answers the bot's create-
 * conversation call for her with her personal chat, where the reminder shows; the other five people's
 * chats it creates and keeps, but never shows (its UI acts as currentUser alone). Then a second round,
 * which she answers all at once on the one-go form (issue 10).
 *
 * The steps run in order and share the page; once one fails, the rest fail at once instead of waiting.
 */
const SCREENSHOT = '/tmp/e2e-playground.png';
const RATING = 'What happens now in your service?';
const LEVEL = 'Your level';
const COMMENT = 'Why? (optional, anonymous)';
const FIRST_COMMENT = 'Health and police share our aims.';
const CHANGED_COMMENT = 'Only partly: the police are not at the table yet.';
const ONE_GO_COMMENT = 'Supervision is regular, but rarely reflective.';

let service: RunningService | undefined;
let playground: RunningPlayground | undefined;
let browser: Browser | undefined;
let page: Page | undefined;
let roundId = '';
/** The first step that failed, if any. */
let failedStep: string | undefined;

const thePage = (): Page => {
  if (!page) throw new Error('The browser page was not opened');
  return page;
};
const theService = (): RunningService => {
  if (!service) throw new Error('The service was not started');
  return service;
};
const cards = () => thePage().locator('.ac-adaptiveCard');
/** "Condition 1 of 12" does not match "Condition 11 of 12". Regexes: string hasText is case-insensitive. */
const conditionCard = (n: number) => cards().filter({ hasText: new RegExp(`Condition ${n} of 12`) });
const welcomeCards = () => cards().filter({ hasText: /Welcome to Practice Audit/ });

beforeAll(async () => {
  service = await startTestService({ CARD_UPDATE_DELAY_MS: '200' });
  // Not 56150, so a developer's `npm run dev` does not clash (the CLI would silently move elsewhere anyway).
  playground = await startPlayground({ botEndpoint: `${service.url}/api/messages`, port: await freePort() });
  browser = await launchChromium(); // fails, never skips, without Chromium: "apt-get install -y chromium"
  page = await browser.newPage({ viewport: { width: 1280, height: 1400 } });
  page.setDefaultTimeout(10_000);
  await recordCardTexts(page);
}, 30_000);

afterAll(async () => {
  const problems: string[] = [];
  const attempt = async (what: string, work: (() => Promise<unknown>) | undefined, ms: number) => {
    if (!work) return;
    try {
      await within(work(), ms, what);
    } catch (error) {
      problems.push(`${what}: ${(error as Error).message}`);
    }
  };
  await attempt('screenshot', page && (() => page!.screenshot({ path: SCREENSHOT })), 5_000);
  if (failedStep && playground) console.log(`Playground output (step failed: ${failedStep}):\n${playground.output().slice(-4_000)}`);
  // Reverse order of start; each is attempted whatever happened before.
  await attempt('closing Chromium', browser && (() => browser!.close()), 10_000);
  await attempt('stopping the Playground', playground && (() => playground!.stop()), 10_000);
  await attempt('stopping the service', service && (() => service!.stop()), 10_000);
  if (problems.length > 0) throw new Error(`Clean-up failed:\n${problems.join('\n')}`);
}, 40_000);

describe('a round in the Agents Playground, in headless Chromium', () => {
  step('opens the channel, where the app install makes the bot welcome the team and name Priya as champion', async () => {
    await openPlayground(thePage(), playground!.url);
    await selectChannelConversation(thePage());
    const welcome = await waitForCardContaining(thePage(), /Welcome to Practice Audit/);
    await welcome.filter({ hasText: /Priya Shah, who added Practice Audit, is this team's first practice champion\./ }).waitFor();
  });

  step('asks for a close date on "@Practice Audit start", and opens the round on "Open the round": an intro card showing it, then twelve condition cards', async () => {
    await sendMessage(thePage(), 'start');
    const asked = await waitForCardContaining(thePage(), /Open an audit round/);
    await clickCardButton(asked, 'Open the round');
    await waitForCardContaining(thePage(), /Audit round 1 is open[\s\S]*Closes on \w+day \d+ \w+ \d{4} \(at the end of the day, UK time\)/);
    // Thirteen sends paced to Teams' limits (8 per 2 s per conversation): about 3 s.
    await waitForCardContaining(thePage(), /Condition 12 of 12/, 15_000);
    await theService().settled();
    expect(await cards().filter({ hasText: /Condition \d+ of 12/ }).count()).toBe(12);
    expect(await cards().filter({ hasText: /No answers yet/ }).count()).toBe(12);
    const round = await theService().services.rounds.findOpen(MOCK_TEAMS.teamId);
    expect(round).toMatchObject({ number: 1, status: 'open', openedBy: 'Priya Shah' });
    // The close date the card proposed (14 days from today, UK time), as the Playground's date input sent it.
    expect(round!.closesAt).toBe(endOfUkDay(proposedCloseDay(new Date(), 14)).toISOString());
    expect(Object.keys(round!.conditionMessageIds)).toHaveLength(12);
    roundId = round!.roundId;
  });

  let sharedAfterFirstAnswer = -1;
  step('records an answer on condition 1: Priya sees her answer, then the shared count replaces it', async () => {
    const card = conditionCard(1);
    await chooseInCard(card, RATING, 'Mostly in place');
    // The level is required: the client says so by the field and sends nothing.
    await clickCardButton(card, 'Submit answer');
    await card.getByRole('combobox', { name: /^Your level.*Please tell us your level before submitting\./ }).waitFor();
    expect(await theService().services.answers.countForCondition(roundId, 'C01')).toBe(0);
    await chooseInCard(card, LEVEL, PRACTITIONER);
    await typeInCard(card, COMMENT, FIRST_COMMENT);
    await clickCardButton(card, 'Submit answer');

    // The invoke response: her own view, with her answer and a way to change it...
    const ownView = await waitForCardToHaveShown(thePage(), {
      has: ['Condition 1 of 12', 'Your answer: Mostly in place, as Practitioner', FIRST_COMMENT, 'Change my answer'],
    });
    // ...then, CARD_UPDATE_DELAY_MS later, the bot's updateActivity of the shared card (the new count),
    // which replaces that view for everyone, her included: the cards carry no `refresh` for per-person
    // views. So her own view lasts about 200 ms here, and is checked in the log of what cards showed.
    sharedAfterFirstAnswer = await waitForCardToHaveShown(thePage(), {
      has: ['Condition 1 of 12', '1 person has answered', 'Submit answer'],
      hasNot: ['Your answer', 'Change my answer'],
      after: ownView,
    });
    await card.filter({ hasText: /1 person has answered/ }).getByRole('button', { name: 'Submit answer', exact: true }).waitFor();
    expect(await theService().services.answers.countForCondition(roundId, 'C01')).toBe(1);
  });

  step('brings back her own view with "My answer", filled in, and lets her change her answer there', async () => {
    // The shared card is what she has in front of her now (see above): "My answer" brings back her own
    // view, read from storage, with her rating, level and comment filled in.
    const card = conditionCard(1);
    await clickCardButton(card, 'My answer');
    const own = await waitForCardToHaveShown(thePage(), {
      has: ['Condition 1 of 12', 'Your answer: Mostly in place, as Practitioner', FIRST_COMMENT, 'Change my answer'],
      after: sharedAfterFirstAnswer,
    });
    expect(await card.getByRole('combobox', { name: /^Your level/ }).ariaSnapshot()).toContain(PRACTITIONER);
    expect(await card.getByRole('textbox', { name: /^Why\?/ }).inputValue()).toBe(FIRST_COMMENT);
    await chooseInCard(card, RATING, 'Partly in place');
    await typeInCard(card, COMMENT, CHANGED_COMMENT);
    await clickCardButton(card, 'Change my answer');
    await waitForCardToHaveShown(thePage(), {
      has: ['Condition 1 of 12', 'Your answer: Partly in place, as Practitioner', CHANGED_COMMENT, 'Change my answer'],
      after: own,
    });
    // Still one person: the second answer replaced the first. The count did not move, so the shared
    // card is not updated over her own view: it is still what she sees once the bot has settled.
    await theService().settled();
    expect(await theService().services.answers.countForCondition(roundId, 'C01')).toBe(1);
    await thePage().waitForTimeout(1_000); // time for the Playground to draw anything the bot had sent
    expect(await conditionCard(1).innerText()).toContain('Your answer: Partly in place, as Practitioner');
  });

  step('in the personal chat, "audit" offers the first condition she has not answered; answering it brings the next', async () => {
    await selectPersonalChat(thePage());
    await sendMessage(thePage(), 'audit');
    const card = conditionCard(2);
    await card.waitFor();
    expect(await conditionCard(1).count()).toBe(0); // answered in the channel, so not offered again
    // Her level is remembered for the team, and filled in.
    expect(await card.getByRole('combobox', { name: /^Your level/ }).ariaSnapshot()).toContain(PRACTITIONER);
    await chooseInCard(card, RATING, 'Fully in place');
    await clickCardButton(card, 'Submit answer');
    // In a chat nothing updates the message afterwards, so her own view stays.
    await card.filter({ hasText: /Your answer: Fully in place, as Practitioner/ }).getByRole('button', { name: 'Change my answer', exact: true }).waitFor();
    await conditionCard(3).filter({ hasText: /No answers yet/ }).getByRole('button', { name: 'Submit answer', exact: true }).waitFor();
  });

  step("counts the chat answer on the channel's shared card", async () => {
    await selectChannelConversation(thePage()); // the Playground announces the install again: no second welcome
    await conditionCard(2).filter({ hasText: /1 person has answered/ }).waitFor();
    await conditionCard(1).filter({ hasText: /1 person has answered/ }).waitFor();
  });

  step('reminds on "@Practice Audit remind": the thread says it is reminding, then counts only: all six members, none of whom has answered every condition', async () => {
    await sendMessage(thePage(), 'remind');
    await waitForCardContaining(thePage(), /Reminders for audit round 1[\s\S]*Reminding everyone who has not answered every condition/);
    // The wave is due work: the roster (the Playground's pagedmembers: its six people), then one
    // batch, each reminder a create-conversation call and a post, paced; the counts follow in the
    // thread. Six: Priya's reminder goes to her personal chat, the five others' to chats the
    // Playground creates for them (201, an id of its own) and does not show.
    const outcome = await waitForCardContaining(thePage(), /Reminders for audit round 1[\s\S]*people reminded/, 20_000);
    expect(await outcome.innerText()).toContain('6 people reminded.');
    expect(await outcome.innerText()).not.toMatch(/Priya|Tom|Siobhan|Kwame|Rhian|Hamza/);
  });

  step("shows Priya's reminder in her personal chat, naming the ten conditions still open for her; its Answer now brings condition 3 there, and the answer counts", async () => {
    await selectPersonalChat(thePage());
    const reminder = await waitForCardContaining(thePage(), /A reminder: your practice audit/);
    const text = await reminder.innerText();
    // The close date as the channel's cards give it: the day that ends at the round's closesAt.
    const { closesAt } = (await theService().services.rounds.get(MOCK_TEAMS.teamId, roundId))!;
    expect(text).toContain(`${MOCK_TEAMS.teamName} has audit round 1 open, and your view counts. It closes at the end of ${dayInWords(closeDayOf(closesAt!))} (UK time).`);
    expect(text).toContain('10 conditions are still open for you:');
    const named = [...text.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(named).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // 1 and 2 she answered
    for (const condition of CONDITIONS.slice(2)) expect(text).toContain(`${condition.number}. ${condition.text}`);

    // "audit" (the step before) left condition 3's card here already; Answer now puts another in the reminder's place.
    expect(await openConditionCard(thePage(), 3).count()).toBe(1);
    await clickCardButton(reminder, 'Answer now');
    await waitUntil(async () => (await openConditionCard(thePage(), 3).count()) === 2, 10_000, "Answer now to bring condition 3's card");
    expect(await cards().filter({ hasText: /A reminder: your practice audit/ }).count()).toBe(0);
    const card = openConditionCard(thePage(), 3).last(); // newest at the bottom in a chat: the reminder's place
    expect(await card.getByRole('combobox', { name: /^Your level/ }).ariaSnapshot()).toContain(PRACTITIONER);
    await chooseInCard(card, RATING, 'Mostly in place');
    await clickCardButton(card, 'Submit answer');
    await cards().filter({ hasText: /Condition 3 of 12[\s\S]*Your answer: Mostly in place, as Practitioner/ }).waitFor();
    await conditionCard(4).filter({ hasText: /No answers yet/ }).getByRole('button', { name: 'Submit answer', exact: true }).waitFor();
    await theService().settled();
    expect(await theService().services.answers.countForCondition(roundId, 'C03')).toBe(1);
    await selectChannelConversation(thePage());
    await conditionCard(3).filter({ hasText: /1 person has answered/ }).waitFor();
  });

  step('closes the round on "@Practice Audit close" once Priya confirms: the intro and every condition card say so', async () => {
    await sendMessage(thePage(), 'close');
    const asking = await waitForCardContaining(thePage(), /Close audit round 1\?/);
    await clickCardButton(asking, 'Close');
    await waitForCardToHaveShown(thePage(), { has: ['Closing audit round 1…'] });
    // The outcome follows the thirteen (paced) card updates.
    await waitForCardContaining(thePage(), /Audit round 1 is closed\. 1 person took part\./, 15_000);
    await waitForCardContaining(thePage(), /Audit round 1 is closed.*Answers can no longer be given or changed/);
    const closedCards = cards().filter({ hasText: /This audit round closed on .+ answered this condition\./ });
    await waitUntil(async () => (await closedCards.count()) === 12, 10_000, 'all twelve condition cards to say the round closed');
    expect(await conditionCard(1).filter({ hasText: /1 person answered this condition\./ }).count()).toBe(1);
    expect(await conditionCard(2).filter({ hasText: /1 person answered this condition\./ }).count()).toBe(1);
    expect(await conditionCard(3).filter({ hasText: /1 person answered this condition\./ }).count()).toBe(1);
    expect(await cards().filter({ hasText: /No one answered this condition\./ }).count()).toBe(9);
    expect(await thePage().getByRole('button', { name: 'Submit answer' }).count()).toBe(0);
    expect(await thePage().getByRole('radio').count()).toBe(0);
    // The channel was opened twice (two install announcements each time): one welcome.
    expect(await welcomeCards().count()).toBe(1);
  });

  step('stored exactly the answers given: one per condition answered, the changed one replaced', async () => {
    const { answers, rounds, champions } = theService().services;
    const counts = await Promise.all(CONDITIONS.map(async (c) => [c.id, await answers.countForCondition(roundId, c.id)] as const));
    expect(Object.fromEntries(counts.filter(([, n]) => n > 0))).toEqual({ C01: 1, C02: 1, C03: 1 });

    const respondentId = respondentIdFor(MOCK_TEAMS.currentUser.aadObjectId, TEST_HMAC_KEY);
    const footprints = (await answers.footprints(roundId)).map(({ conditionId, level, respondentId: who }) => ({ conditionId, level, who }));
    expect(footprints.sort((a, b) => a.conditionId.localeCompare(b.conditionId))).toEqual([
      { conditionId: 'C01', level: 'practitioner', who: respondentId },
      { conditionId: 'C02', level: 'practitioner', who: respondentId },
      { conditionId: 'C03', level: 'practitioner', who: respondentId },
    ]);
    expect(await answers.find(roundId, 'C01', respondentId)).toMatchObject({ rating: 'partly', comment: CHANGED_COMMENT, via: 'channel' });
    expect(await answers.find(roundId, 'C02', respondentId)).toMatchObject({ rating: 'fully', comment: '', via: 'chat' });
    expect(await answers.find(roundId, 'C03', respondentId)).toMatchObject({ rating: 'mostly', comment: '', via: 'chat' });
    expect(await rounds.get(MOCK_TEAMS.teamId, roundId)).toMatchObject({ status: 'closed' });
    expect((await champions.list(MOCK_TEAMS.teamId)).map((c) => c.name)).toEqual(['Priya Shah']);
  });

  let round2 = '';
  step('opens round 2, whose intro card offers "Answer all in one go"', async () => {
    await sendMessage(thePage(), 'start');
    // Round 1's close date card was replaced when it opened: this is round 2's.
    await clickCardButton(await waitForCardContaining(thePage(), /Open an audit round/), 'Open the round');
    await waitForCardContaining(thePage(), /Audit round 2 is open/);
    await theService().settled();
    const round = await theService().services.rounds.findOpen(MOCK_TEAMS.teamId);
    expect(round).toMatchObject({ number: 2 });
    round2 = round!.roundId;
    await waitUntil(async () => (await openConditionCard(thePage(), 12).count()) === 1, 15_000, "round 2's twelve cards");
    await cards().filter({ hasText: /Audit round 2 is open/ }).getByRole('button', { name: 'Answer all in one go', exact: true }).waitFor();
  });

  step('answers all twelve conditions in one go: one form, her level filled in, one submit, twelve answers counted', async () => {
    const ratings = ['Mostly in place', 'Partly in place', 'Fully in place', "Don't know", 'Not in place', 'Mostly in place', 'Partly in place', 'Fully in place', 'Mostly in place', 'Not in place', "Don't know", 'Partly in place'];
    // Her level is remembered from round 1: the form has it filled in, so it is not chosen again.
    await answerAllInOneGo(thePage(), { roundNumber: 2, ratings, comments: { 6: ONE_GO_COMMENT } });
    await waitForCardContaining(thePage(), /Recorded: 12 answers, as Practitioner/);
    await cards().filter({ hasText: /you have answered every condition/ }).getByRole('button', { name: 'My answers', exact: true }).waitFor();

    const respondentId = respondentIdFor(MOCK_TEAMS.currentUser.aadObjectId, TEST_HMAC_KEY);
    const stored = await theService().services.answers.answersOf(round2, respondentId);
    const ids = ['not-in-place', 'partly', 'mostly', 'fully', 'dont-know'];
    const titles = ['Not in place', 'Partly in place', 'Mostly in place', 'Fully in place', "Don't know"];
    expect(stored.map((a) => [a.conditionId, a.rating, a.level, a.via])).toEqual(CONDITIONS.map((c, i) => [c.id, ids[titles.indexOf(ratings[i]!)], 'practitioner', 'channel']));
    expect(stored.find((a) => a.conditionId === 'C06')?.comment).toBe(ONE_GO_COMMENT);
    // Each shared card's count, as after an answer on the card itself.
    await theService().settled();
    await waitUntil(async () => (await cards().filter({ hasText: /1 person has answered\. Answered already\?/ }).count()) === 12, 15_000, "round 2's twelve cards to count her answer");
  });
});

/** One step of the round. After a failure the later steps fail at once, naming it. */
function step(name: string, work: () => Promise<void>, timeoutMs = 25_000): void {
  // eslint-disable-next-line jest/valid-title, jest/expect-expect -- each step's caller names it, and its work asserts
  it(name, async () => {
    if (failedStep) throw new Error(`Not run: an earlier step failed ("${failedStep}")`);
    try {
      await work();
    } catch (error) {
      failedStep = name;
      throw error;
    }
  }, timeoutMs);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function within<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
