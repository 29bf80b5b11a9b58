/**
 * Test driver for the Microsoft 365 Agents Playground (the local Teams client) in headless Chromium.
 *
 * Everything here was checked against @microsoft/m365agentsplayground 0.2.28 with a botbuilder 4.23
 * CloudAdapter bot in anonymous mode (empty MicrosoftAppId): the Playground sends no JWT.
 *
 * Typical use in a jest spec:
 *   const playground = await startPlayground({ botEndpoint: 'http://127.0.0.1:3978/api/messages', port: 56150 });
 *   const browser = await launchChromium();
 *   const page = await browser.newPage();
 *   await openPlayground(page, playground.url);          // lands in the personal chat
 *   await sendMessage(page, 'start audit');
 *   const card = await waitForCardContaining(page, 'Question 1');
 *   await chooseInCard(card, 'How well supported do you feel?', 'Agree');
 *   await typeInCard(card, 'Comment', 'Supervision is regular');
 *   await clickCardButton(card, 'Submit answer');
 *   await waitForCardContaining(page, 'Thanks');
 *   await browser.close(); await playground.stop();
 *
 * The bot must already be listening before openPlayground(): on page load the Playground waits up to
 * 15 s for the bot endpoint, then sends installationUpdate + conversationUpdate (membersAdded).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** The repo's mock Teams context (team, channel, users). */
const DEFAULT_PLAYGROUND_CONFIG = path.resolve(__dirname, '..', '..', '.m365agentsplayground.yml');

/** Names from .m365agentsplayground.yml, so specs do not repeat string literals. */
export const MOCK_TEAMS = {
  botName: 'Practice Audit',
  botId: '28:practice-audit-bot',
  teamName: "Children's Services – North",
  teamId: '19:team-childrens-services-north@thread.tacv2',
  channelName: 'Practice audit',
  channelId: '19:channel-practice-audit@thread.tacv2',
  personalChatId: 'a:personal-chat-priya-shah',
  tenantId: '5f3c2a10-7d4e-4b8a-9c61-2e8f0b7d4a11',
  currentUser: { id: '29:user-priya-shah', name: 'Priya Shah', aadObjectId: '3a8f1c2e-6b4d-4e9a-8f21-0c5d7e9b1a01' },
} as const;

export interface RunningPlayground {
  /** Web UI and API root, e.g. http://localhost:56150 */
  url: string;
  /** What the Playground sends as activity.serviceUrl (its mock Bot Connector). */
  serviceUrl: string;
  /** Everything the CLI printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://127.0.0.1:3978/api/messages */
  botEndpoint: string;
  /** Requested port. If it is taken the CLI silently picks a random one; the returned url is the real one. */
  port?: number;
  configPath?: string;
  /** Where the CLI writes its debug log (by default ./devTools/... in the cwd, which would litter the repo). */
  logFile?: string;
  readyTimeoutMs?: number;
}

/** Spawns the Playground CLI with node and resolves once /_debug/ping answers (about 0.7 s here). */
export async function startPlayground(options: StartPlaygroundOptions): Promise<RunningPlayground> {
  const cliPath = require.resolve('@microsoft/m365agentsplayground/cli.js');
  const args = [cliPath, 'start', '-e', options.botEndpoint, '-c', 'msteams', '--disable-telemetry', '-p', String(options.port ?? 56150)];
  const child = spawn(process.execPath, args, {
    // Own process group, so stop() can kill the CLI and anything it started in one go.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TEAMSAPPTESTER_BROWSER: 'none', // do not try to open a desktop browser
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath ?? DEFAULT_PLAYGROUND_CONFIG,
      M365_AGENTS_PLAYGROUND_LOGFILE: options.logFile ?? path.join(os.tmpdir(), `m365agentsplayground-${process.pid}.log`),
    },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = () => stopProcessGroup(child);
  try {
    // The CLI prints "Listening on <port>" once its HTTP server is up; parse it because of the port fallback.
    const port = await waitFor(() => /Listening on (\d+)/.exec(output)?.[1], options.readyTimeoutMs ?? 20_000, () => {
      if (child.exitCode !== null) throw new Error(`Playground exited with ${child.exitCode}:\n${output}`);
    });
    const url = `http://localhost:${port}`;
    await waitFor(async () => ((await fetch(`${url}/_debug/ping`).catch(() => undefined))?.ok ? true : undefined), 10_000);
    return { url, serviceUrl: `${url}/_connector`, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function stopProcessGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal); // negative pid = the whole process group
    } catch {
      /* already gone */
    }
  };
  signalGroup('SIGTERM');
  const timer = setTimeout(() => signalGroup('SIGKILL'), 3_000);
  await exited;
  clearTimeout(timer);
}

async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, check?: () => void): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    check?.();
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for the Playground`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Debian's chromium driven by playwright-core (`npx playwright install` cannot download here).
 * launch() already gives each browser a fresh temporary profile; playwright refuses --user-data-dir in args.
 * A missing or broken Chromium is an error that says how to install it: browser tests never skip.
 * `extraArgs` adds switches for one browser (the fake Teams host maps host names with them).
 */
export async function launchChromium(extraArgs: readonly string[] = []): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const install = 'Install it with `apt-get install -y chromium` (or set CHROMIUM_PATH to a Chromium binary).';
  if (!fs.existsSync(executablePath)) throw new Error(`Chromium is needed for the browser tests but ${executablePath} does not exist. ${install}`);
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      args: [
        '--no-sandbox', // we run as root in a container
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-quic',
        '--disable-sync',
        ...extraArgs,
      ],
    });
  } catch (error) {
    throw new Error(`Chromium at ${executablePath} did not start. ${install}\n${(error as Error).message}`, { cause: error });
  }
}

const COMPOSE_BOX = '[data-lexical-editor="true"][role="textbox"]';
const NEW_CHANNEL_POST_PLACEHOLDER = 'Start a new post';

/** Loads the UI and waits until the personal chat with the bot is shown (the Playground's start view). */
export async function openPlayground(page: Page, url: string, options: { keepLogPanel?: boolean } = {}): Promise<void> {
  // The UI fetches Segoe UI fonts from a Microsoft CDN; there is no internet, so fail those fast
  // instead of waiting on DNS.
  await page.route(/^https?:\/\/(?!localhost[:/]|127\.0\.0\.1[:/])/, (route) => route.abort());
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator(COMPOSE_BOX).first().waitFor();
  if (!options.keepLogPanel) {
    // The log panel repeats every message text, which makes text locators ambiguous.
    await page.getByRole('button', { name: 'Hide log panel' }).click();
  }
}

export async function selectPersonalChat(page: Page): Promise<void> {
  await page.getByRole('treeitem', { name: 'Personal Chat' }).click();
  await page.getByText(NEW_CHANNEL_POST_PLACEHOLDER).waitFor({ state: 'detached' });
  await page.locator(COMPOSE_BOX).first().waitFor();
}

/**
 * Opens a team channel. The tree item is named "<team> - <channel>". Opening it makes the Playground send
 * installationUpdate + conversationUpdate (teamMemberAdded, bot in membersAdded) for that channel.
 */
export async function selectChannelConversation(page: Page, channelName: string = MOCK_TEAMS.channelName): Promise<void> {
  await page.getByRole('treeitem', { name: new RegExp(` - ${escapeRegExp(channelName)}$`) }).click();
  await page.getByText(NEW_CHANNEL_POST_PLACEHOLDER).waitFor();
}

/**
 * Types and sends a message in the open conversation.
 * Personal chat: one compose box, Enter sends.
 * Channel: the first compose box is "Start a new post" and the Post button sends. The Playground, like
 * Teams, only forwards channel messages that @mention the bot (without it the post is shown but the bot
 * gets nothing), so the mention is added by default; pass mentionBot: false to test that.
 */
export async function sendMessage(page: Page, text: string, options: { mentionBot?: boolean; botName?: string } = {}): Promise<void> {
  const inChannel = await page.getByText(NEW_CHANNEL_POST_PLACEHOLDER).isVisible();
  const compose = page.locator(COMPOSE_BOX).first();
  await compose.click();
  if (inChannel && options.mentionBot !== false) {
    const botName = options.botName ?? MOCK_TEAMS.botName;
    // Typing "@" + a few letters opens the "Typeahead menu"; picking the item inserts a real mention
    // entity (<at>Practice Audit</at> in activity.text).
    await compose.pressSequentially(`@${botName.slice(0, 4)}`);
    await page.getByRole('menuitem', { name: new RegExp(escapeRegExp(botName)) }).click();
    await compose.pressSequentially(' ');
  }
  // pressSequentially, not fill(): the Lexical editor only reacts to key events.
  await compose.pressSequentially(text);
  if (inChannel) await page.getByRole('button', { name: 'Post', exact: true }).click();
  else await page.keyboard.press('Enter');
}

/**
 * The rendered Adaptive Card (.ac-adaptiveCard) containing text. Use text unique to the state you expect:
 * updateActivity and invoke responses replace a card in place, so waiting for the new text is how to
 * wait for the replacement. In channels the newest thread is at the top, in chats at the bottom, so
 * "first"/"last" mean different things; unique text avoids that.
 */
export async function waitForCardContaining(page: Page, text: string | RegExp, timeoutMs = 10_000): Promise<Locator> {
  const card = page.locator('.ac-adaptiveCard').filter({ hasText: text }).first();
  await card.waitFor({ timeout: timeoutMs });
  return card;
}

/** Clicks an Action.Execute / Action.Submit button by its title. */
export async function clickCardButton(card: Locator, buttonTitle: string): Promise<void> {
  await card.getByRole('button', { name: buttonTitle, exact: true }).click();
}

/**
 * Picks a choice in an Input.ChoiceSet identified by its label.
 * style "expanded" renders a radiogroup of radios; style "compact" renders a Fluent UI combobox whose
 * listbox opens in a popup outside the card (so options are looked up on the page).
 */
export async function chooseInCard(card: Locator, inputLabel: string, choiceTitle: string): Promise<void> {
  const radioGroup = card.getByRole('radiogroup', { name: labelledBy(inputLabel) });
  if ((await radioGroup.count()) > 0) {
    await radioGroup.getByRole('radio', { name: choiceTitle, exact: true }).check();
    return;
  }
  await card.getByRole('combobox', { name: labelledBy(inputLabel) }).click();
  await card.page().getByRole('listbox').getByRole('option', { name: choiceTitle, exact: true }).click();
}

/** Fills an Input.Text identified by its label (a real <input>/<textarea>, so fill() works). */
export async function typeInCard(card: Locator, inputLabel: string, text: string): Promise<void> {
  await card.getByRole('textbox', { name: labelledBy(inputLabel) }).fill(text);
}

/**
 * Keeps a log of every text any Adaptive Card shows, as the DOM changes. Call before openPlayground().
 *
 * Some card states last a fraction of a second: an Action.Execute response replaces the card for the
 * person who acted, but the bot's next updateActivity of that message (e.g. the shared answer count,
 * CARD_UPDATE_DELAY_MS later) replaces it again. Waiting on the live page for such a state races the
 * update; waiting on this log does not. textContent only: inputs' current values are not in it.
 */
export async function recordCardTexts(page: Page): Promise<void> {
  await page.addInitScript(`(() => {
    const log = (window.__cardTexts = []);
    const last = new WeakMap();
    const record = () => {
      for (const card of document.querySelectorAll('.ac-adaptiveCard')) {
        const text = card.textContent || '';
        if (last.get(card) === text) continue;
        last.set(card, text);
        log.push(text);
      }
    };
    new MutationObserver(record).observe(document, { childList: true, subtree: true, characterData: true });
  })()`);
}

/**
 * Waits until some card has shown (at any moment since recordCardTexts) a text containing every string
 * in `has` and none in `hasNot`, later than log entry `after`. Resolves with that entry's index, so a
 * sequence of states can be checked in order. Matching is exact (case-sensitive substrings).
 */
export async function waitForCardToHaveShown(
  page: Page,
  expected: { has: string[]; hasNot?: string[]; after?: number },
  timeoutMs = 10_000,
): Promise<number> {
  const { has, hasNot = [], after = -1 } = expected;
  const predicate = `(() => {
    const log = window.__cardTexts;
    if (!log) throw new Error('recordCardTexts(page) was not called before the page loaded');
    const has = ${JSON.stringify(has)}, hasNot = ${JSON.stringify(hasNot)};
    for (let i = ${after} + 1; i < log.length; i++) {
      if (has.every((t) => log[i].includes(t)) && !hasNot.some((t) => log[i].includes(t))) return i + 1;
    }
    return 0;
  })()`;
  try {
    const found = await page.waitForFunction(predicate, undefined, { timeout: timeoutMs, polling: 50 });
    return ((await found.jsonValue()) as number) - 1;
  } catch (error) {
    throw new Error(`No card showed ${JSON.stringify(has)}${hasNot.length ? ` without ${JSON.stringify(hasNot)}` : ''} within ${timeoutMs} ms: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Accessible name of a card input: its label, followed by the errorMessage once validation has failed
 * ("How well supported do you feel? Pick one"), so match the start rather than the exact name.
 */
function labelledBy(inputLabel: string): RegExp {
  return new RegExp(`^${escapeRegExp(inputLabel)}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
