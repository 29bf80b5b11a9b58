import { APP_ORIGIN, VALID_ORIGINS_URL, type TabInHost } from '../support/teamsHost/fakeTeamsHost';
import type { TabSettings } from '../support/teamsHost/teamsJsProtocol';
import { PEOPLE, TEAM } from '../support/teamsActivities';
import type { Frame } from 'playwright-core';
import { eventually } from '../support/serviceProcess';
import { useTabInTeams } from './inTeamsHarness';
import { luminance, pageBackground, readOpenRound } from './tabPage';

jest.setTimeout(60_000);
const teams = useTabInTeams();

const teamPath = `/api/teams/${encodeURIComponent(TEAM.id)}`;

/** The tab's background once it satisfies `accept` (a re-render after a host event takes a moment). */
const backgroundWhen = (frame: Frame, accept: (rgb: number[]) => boolean, what: string) =>
  eventually(async () => {
    const rgb = await pageBackground(frame);
    return accept(rgb) ? rgb : undefined;
  }, 10_000, what);

/** The tab asked Teams for nothing the fake host does not know (teach the fake first), and threw nothing. */
function expectWellBehaved(tab: TabInHost): void {
  expect(tab.unknown).toEqual([]);
  expect(tab.pageErrors).toEqual([]);
}

describe('the channel tab in Teams', () => {
  test("signs in with Teams' SSO token and shows the team's round", async () => {
    const tab = await teams.openChannelTab(PEOPLE.practitioner);
    const frame = await tab.frame();
    await frame.getByRole('combobox', { name: 'Audit round' }).waitFor();
    await expect(frame.getByRole('option').allTextContents()).resolves.toEqual([expect.stringMatching(/^Round 1 \(open, started /)]);
    // The round is open: how many have answered, and its results when it closes.
    await expect(readOpenRound(frame)).resolves.toEqual({ atClose: 'Results appear when round 1 closes.', respondents: '0 people have answered', conditions: 12 });

    const bearer = `Bearer ${tab.tokens[0]}`;
    const read = tab.apiRequests.map((r) => ({ path: r.path, authorization: r.authorization, status: r.status }));
    expect(read).toEqual(expect.arrayContaining([
      { path: '/api/me', authorization: bearer, status: 200 },
      { path: `${teamPath}/rounds`, authorization: bearer, status: 200 },
      { path: `${teamPath}/rounds/${teams.team.roundId}/participation`, authorization: bearer, status: 200 },
    ]));
    expect(read.filter((r) => r.authorization !== bearer)).toEqual([]);
    // Roles come from the token alone: local mode's "Act as" header is never sent.
    expect(tab.apiRequests.filter((r) => r.localOrgRole !== null)).toEqual([]);
    // Signed in through Teams, so no local-mode banner.
    await expect(frame.getByTestId('local-banner').count()).resolves.toBe(0);

    const calls = tab.requests.map((r) => r.func);
    expect(calls.slice(0, 2)).toEqual(['initialize', 'getContext']);
    expect(calls).toContain('authentication.getAuthToken');
    expect(calls).toContain('appInitialization.success');
    // The network is closed: teams-js's fetch of valid origins failed, and its built-in list let Teams in.
    expect(tab.failedLoads).toContain(VALID_ORIGINS_URL);
    expectWellBehaved(tab);
  });

  test('waits for a slow Teams client rather than opening signed out', async () => {
    // Teams on a phone, or cold, can take seconds to answer initialize; the tab must not give up
    // and fall back to standalone mode (no token: "not signed in") while it is framed.
    const tab = await teams.openChannelTab(PEOPLE.practitioner, { initializeDelayMs: 4000 });
    const frame = await tab.frame();
    await frame.getByRole('combobox', { name: 'Audit round' }).waitFor({ timeout: 20_000 });
    expect((await readOpenRound(frame)).conditions).toBe(12);
    expect(tab.apiRequests.length).toBeGreaterThan(0);
    expect(tab.apiRequests.filter((r) => r.authorization !== `Bearer ${tab.tokens[0]}`)).toEqual([]);
    await expect(frame.getByTestId('local-banner').count()).resolves.toBe(0);
    expectWellBehaved(tab);
  });

  test('tells someone who is not in the team that they cannot see its audit, and shows none of it', async () => {
    // The context names the team, but the context is not proof: the service checks the roster.
    const tab = await teams.openChannelTab(PEOPLE.outsider);
    const frame = await tab.frame();
    await frame.getByText('You do not have access to this team’s audit.').waitFor();
    const bearer = `Bearer ${tab.tokens[0]}`;
    expect(tab.apiRequests).toContainEqual(expect.objectContaining({ path: `${teamPath}/rounds`, authorization: bearer, status: 403 }));
    expect(tab.apiRequests.filter((r) => r.status === 200 && r.path.startsWith(teamPath))).toEqual([]);
    await expect(frame.getByRole('combobox', { name: 'Audit round' }).count()).resolves.toBe(0);
    await expect(frame.getByTestId('overview').count()).resolves.toBe(0);
    expectWellBehaved(tab);
  });

  test('says so when Teams cannot sign the person in, and calls no API without a token', async () => {
    const tab = await teams.openChannelTab(PEOPLE.practitioner, { authToken: () => Promise.reject(new Error('resourceRequiresConsent')) });
    const frame = await tab.frame();
    await frame.getByText('Teams could not sign you in to Practice Audit. Reload the tab to try again.').waitFor();
    expect(tab.apiRequests).toEqual([]);
    expectWellBehaved(tab);
  });
});

describe('the personal tab in Teams', () => {
  test('lists the rounds of the teams the person belongs to, signed in through Teams', async () => {
    const tab = await teams.openPersonalTab(PEOPLE.practitioner);
    const frame = await tab.frame();
    const rounds = frame.getByTestId('my-rounds');
    await rounds.waitFor();
    await expect(rounds.locator('tbody th').allTextContents()).resolves.toEqual([TEAM.name]);
    await frame.getByRole('button', { name: `Show participation: ${TEAM.name}, round 1` }).click();
    expect((await readOpenRound(frame)).conditions).toBe(12);
    const bearer = `Bearer ${tab.tokens[0]}`;
    expect(tab.apiRequests).toContainEqual(expect.objectContaining({ path: '/api/me/rounds', authorization: bearer, status: 200 }));
    expect(tab.apiRequests.filter((r) => r.authorization !== bearer)).toEqual([]);
    // None refused (a poll still in flight has status 0).
    expect(tab.apiRequests.filter((r) => r.status >= 300)).toEqual([]);
    expectWellBehaved(tab);
  });
});

describe("the tab follows Teams' theme", () => {
  test('from light to dark to high contrast, as Teams changes it, without reloading', async () => {
    const tab = await teams.openChannelTab(PEOPLE.practitioner, { theme: 'default' });
    const frame = await tab.frame();
    await readOpenRound(frame);
    expect(luminance(await pageBackground(frame))).toBeGreaterThan(0.9);
    await tab.waitForRequest('registerHandler', (r) => r.args[0] === 'themeChange');
    await frame.evaluate(() => ((globalThis as Record<string, unknown>).sameDocument = true));

    await tab.changeTheme('dark');
    await backgroundWhen(frame, (rgb) => luminance(rgb) < 0.2, 'the background after Teams turned dark');

    await tab.changeTheme('contrast');
    await backgroundWhen(frame, (rgb) => rgb.join() === '0,0,0', 'the background in high contrast');
    const text = await frame.getByTestId('respondents').evaluate((el: unknown) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(el).color);
    expect(text).toBe('rgb(255, 255, 255)');

    await tab.changeTheme('default');
    await backgroundWhen(frame, (rgb) => luminance(rgb) > 0.9, 'the background back in light');

    await expect(frame.evaluate(() => (globalThis as Record<string, unknown>).sameDocument)).resolves.toBe(true);
    expect(tab.requests.filter((r) => r.func === 'initialize')).toHaveLength(1);
    expectWellBehaved(tab);
  });

  test('opens in the theme Teams is in', async () => {
    const tab = await teams.openChannelTab(PEOPLE.practitioner, { theme: 'dark' });
    const frame = await tab.frame();
    await readOpenRound(frame);
    expect(luminance(await pageBackground(frame))).toBeLessThan(0.2);
  });
});

describe('adding the tab to a channel (its configuration page in Teams)', () => {
  const SAVED = { contentUrl: `${APP_ORIGIN}/tab/`, entityId: 'practice-audit', suggestedDisplayName: 'Practice audit' };

  test("enables Save at once, and on Save gives Teams the tab's address, then says it is done", async () => {
    const tab = await teams.openConfigurationPage(PEOPLE.champion);
    const frame = await tab.frame();
    await frame.getByRole('heading', { name: 'Add Practice Audit to this channel' }).waitFor();
    await tab.waitForRequest('settings.setValidityState');
    expect(tab.requests.filter((r) => r.func === 'settings.setValidityState').map((r) => r.args)).toEqual([[true]]);
    await tab.waitForRequest('registerHandler', (r) => r.args[0] === 'save');
    // In Teams, the page does not say it is used by Teams.
    await expect(frame.getByText('This page is used by Teams', { exact: false }).count()).resolves.toBe(0);
    expect(tab.requests.map((r) => r.func)).not.toContain('settings.setSettings');

    await tab.save();
    await tab.waitForRequest('settings.save.success');
    const saved = tab.requests.filter((r) => r.func === 'settings.setSettings').map((r) => r.args);
    expect(saved).toEqual([[SAVED]]);
    expect(tab.requests.map((r) => r.func)).not.toContain('settings.save.failure');
    expectWellBehaved(tab);

    // The address it saved is the channel tab: Teams opens it, and the team's round shows.
    const channelTab = await teams.openChannelTab(PEOPLE.champion, { url: (saved[0]![0] as TabSettings).contentUrl });
    expect((await readOpenRound(await channelTab.frame())).conditions).toBe(12);
  });

  test('tells Teams the save failed when Teams refuses the settings', async () => {
    const tab = await teams.openConfigurationPage(PEOPLE.champion, () => 'The tab could not be added.');
    await tab.waitForRequest('registerHandler', (r) => r.args[0] === 'save');
    await tab.save();
    const failure = await tab.waitForRequest('settings.save.failure');
    expect(String(failure.args[0])).toContain('The tab could not be added.');
    expect(tab.requests.map((r) => r.func)).not.toContain('settings.save.success');
    expectWellBehaved(tab);
  });
});
