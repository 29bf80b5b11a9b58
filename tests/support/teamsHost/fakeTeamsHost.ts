// A stand-in for the Teams client around a tab, as fakeConnector.ts stands in for Teams' connector
// around the bot: the Teams client cannot be reached from here, and the Agents Playground does not
// host tabs. It frames the real tab (served by the real service) in headless Chromium under
// Teams' real origin, answers teams-js's postMessage protocol (teamsJsProtocol.ts) and records
// every call the tab makes, so tests can assert on what the tab asked of Teams.
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { launchChromium } from '../playground';
import { HOST_BINDING, PUSH_TO_TAB } from './hostPage';
import { HOST_PAGE_PATH, startHttpsEdge, type ApiRequest, type HttpsEdge } from './httpsEdge';
import { answer, replyTo, settingsSave, themeChange, type FrameContext, type HostEvent, type HostState, type TabMessage, type TabSettings, type TeamsTheme, type WireContext } from './teamsJsProtocol';

/** Teams on the web. teams-js accepts messages from it (its built-in list of valid origins). */
const TEAMS_HOST = 'teams.microsoft.com';
/** The app's public name (BOT_DOMAIN): the tab's SSO audience in tests/support/ssoTokens.ts names it too. */
const APP_HOST = 'audit.example.org';
export const APP_ORIGIN = `https://${APP_HOST}`;

/** Where teams-js asks for its list of valid host origins when it loads. */
export const VALID_ORIGINS_URL = 'https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json';

export interface TabInTeams {
  /** The address Teams frames: a channel tab's contentUrl, or its configurationUrl. */
  readonly url: string;
  readonly frameContext: FrameContext;
  readonly theme?: TeamsTheme;
  readonly context: WireContext;
  /** Teams' answer to getAuthToken; a rejection is Teams failing to get one (its message the reason). */
  authToken(): Promise<string>;
  /** What Teams says when the configuration page saves: null accepts, a string refuses with that reason. */
  refuseSettings?(settings: TabSettings): string | null;
  /** A slow Teams client (mobile, a cold start): how long it takes to answer initialize. */
  readonly initializeDelayMs?: number;
}

/** A call the tab made to Teams, in order. */
export interface HostRequest {
  readonly func: string;
  readonly args: unknown[];
}

export interface TabInHost {
  /** The Teams window. */
  readonly page: Page;
  /** The tab's frame, once Teams has framed it. */
  frame(): Promise<Frame>;
  readonly requests: readonly HostRequest[];
  /** Calls the fake does not know how to answer: a tab that makes one needs the fake taught first. */
  readonly unknown: readonly HostRequest[];
  /** The tokens Teams handed the tab, one per getAuthToken (the same one each time, as Teams caches it). */
  readonly tokens: readonly string[];
  /** The tab's API requests, as the app's front end saw them, since this tab opened. */
  readonly apiRequests: readonly ApiRequest[];
  /** Addresses the browser could not load (the network is closed: a CDN fails here). */
  readonly failedLoads: readonly string[];
  /** Uncaught exceptions in any frame. */
  readonly pageErrors: readonly string[];
  waitForRequest(func: string, matches?: (request: HostRequest) => boolean, timeoutMs?: number): Promise<HostRequest>;
  /** Teams' theme changes, as when someone picks another in Teams' settings. */
  changeTheme(theme: TeamsTheme): Promise<void>;
  /** The person selects Save on the configuration page. */
  save(): Promise<void>;
}

export interface FakeTeamsHost {
  open(tab: TabInTeams): Promise<TabInHost>;
  /** Closes every open tab (their polling would otherwise reach the next test's records). */
  closeTabs(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the HTTPS edge for `serviceUrl` and a Chromium whose resolver sends Teams' and the app's
 * names to it, and nothing else anywhere (the network is closed here; this makes it closed alike
 * on every machine). Each open() is a fresh browser context that ignores the throwaway certificate.
 */
export async function startFakeTeamsHost(options: { serviceUrl: string }): Promise<FakeTeamsHost> {
  const edge: HttpsEdge = await startHttpsEdge({ teamsHost: TEAMS_HOST, appHost: APP_HOST, serviceUrl: options.serviceUrl });
  let browser: Browser;
  try {
    const rules = [`MAP ${TEAMS_HOST} 127.0.0.1:${edge.port}`, `MAP ${APP_HOST} 127.0.0.1:${edge.port}`, 'MAP * ~NOTFOUND'];
    browser = await launchChromium([`--host-resolver-rules=${rules.join(', ')}`]);
  } catch (error) {
    await edge.close();
    throw error;
  }
  const contexts: BrowserContext[] = [];

  return {
    async open(tab) {
      const context = await browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1440, height: 1000 }, locale: 'en-GB' });
      contexts.push(context);
      return openTab(await context.newPage(), tab, edge);
    },
    async closeTabs() {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
    },
    async close() {
      await Promise.all(contexts.splice(0).map((context) => context.close()));
      await browser.close();
      await edge.close();
    },
  };
}

async function openTab(page: Page, tab: TabInTeams, edge: HttpsEdge): Promise<TabInHost> {
  const requests: HostRequest[] = [];
  const unknown: HostRequest[] = [];
  const tokens: string[] = [];
  const failedLoads: string[] = [];
  const pageErrors: string[] = [];
  const firstApiRequest = edge.apiRequests.length;
  let signingIn: Promise<string> | undefined;
  const state: HostState = {
    frameContext: tab.frameContext,
    theme: tab.theme ?? 'default',
    context: tab.context,
    // Teams keeps the token it got and hands it out again until it expires; a failure is not kept.
    authToken: async () => {
      signingIn ??= tab.authToken();
      try {
        const token = await signingIn;
        tokens.push(token);
        return token;
      } catch (error) {
        signingIn = undefined;
        throw error;
      }
    },
    refuseSettings: (settings) => tab.refuseSettings?.(settings) ?? null,
  };

  page.on('requestfailed', (request) => failedLoads.push(request.url()));
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // Bindings reach every frame, the tab's included: only the Teams window's own calls count.
  await page.exposeBinding(HOST_BINDING, async (source, message: TabMessage) => {
    if (source.frame !== page.mainFrame()) throw new Error('Only the Teams window talks to the host');
    const request = { func: message.func, args: message.args ?? [] };
    requests.push(request);
    if (message.func === 'initialize' && tab.initializeDelayMs) await new Promise((resolve) => setTimeout(resolve, tab.initializeDelayMs));
    const result = await answer(message, state);
    if (result.kind === 'unknown') unknown.push(request);
    return result.kind === 'reply' ? replyTo(message, result.args) : null;
  });
  const push = (event: HostEvent) => page.evaluate(([name, message]) => (globalThis as unknown as Record<string, (m: unknown) => void>)[name]!(message), [PUSH_TO_TAB, event] as const);

  await page.goto(`https://${TEAMS_HOST}${HOST_PAGE_PATH}?tab=${encodeURIComponent(tab.url)}`);

  const waitForRequest: TabInHost['waitForRequest'] = async (func, matches = () => true, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = requests.find((request) => request.func === func && matches(request));
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(`The tab did not call ${func} within ${timeoutMs} ms. It called:\n${requests.map((r) => `  ${r.func} ${JSON.stringify(r.args)}`).join('\n')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  return {
    page,
    async frame() {
      const frame = await (await page.waitForSelector('#tab')).contentFrame();
      if (!frame) throw new Error('The tab has no frame');
      return frame;
    },
    requests,
    unknown,
    tokens,
    get apiRequests() {
      return edge.apiRequests.slice(firstApiRequest);
    },
    failedLoads,
    pageErrors,
    waitForRequest,
    async changeTheme(theme) {
      state.theme = theme;
      await push(themeChange(theme));
    },
    async save() {
      await push(settingsSave());
    },
  };
}
