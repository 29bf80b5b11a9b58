import { readFile } from 'node:fs/promises';
import type { Frame } from 'playwright-core';
import { proposedCloseDay } from '../../bot/domain/closeDate';
import { CONDITIONS } from '../../bot/domain/conditions';
import { LEVELS } from '../../bot/domain/levels';
import { TEAMS_APP_LIMIT_PER_SECOND } from '../../bot/teams/delivery/rateLimiter';
import { cardOf, cardText } from '../support/cardText';
import { closeTheRound } from '../support/closeRound';
import { parseCsv } from '../support/csvParse';
import { eventually } from '../support/serviceProcess';
import { PEOPLE, TENANT_ID, type TestPerson } from '../support/teamsActivities';
import { overConversationLimits } from '../support/teamsLimits';
import type { TabInHost } from '../support/teamsHost/fakeTeamsHost';
import { useTabInTeams } from './inTeamsHarness';
import { answerThroughTheBot, AVON, BATH, CHEW, DART, membersOf, startOrganisationInTeams } from './organisationInTeamsSetup';
import { readRows } from './roundViewsPage';
import { readOverview, seriousViolations } from './tabPage';

/**
 * Issue 13 end to end, against the real service: the app in four teams of one tenant (the fake
 * connector playing Teams' Bot Connector, the fake Teams host framing the built tab, tokens from
 * a local identity provider carrying Entra's app roles). An organisation admin leaves a team out
 * and opens a service-wide round from the personal tab; each team asked gets its round's cards
 * within Teams' limits; staff answer through the bot; each team's champion closes its round; an
 * organisation leader reads the released round in the organisation view, and downloads it. The
 * tests run in order, each on what the one before did.
 */
jest.setTimeout(90_000);
const teams = useTabInTeams(startOrganisationInTeams);
const ASKED = [AVON, BATH, CHEW];
const ADMIN = { who: PEOPLE.admin, roles: ['Organisation.Admin'] };
const LEADER = { who: PEOPLE.leader, roles: ['Organisation.Leader'] };
const closesOn = proposedCloseDay(new Date(), 10);
/** Today in the UK, in words ("29 November 2026"): the champions close the rounds today, ten days before the close date. */
const today = () => new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

const roundCardsIn = (teamId: string) =>
  teams.team.connector.sentActivities().filter((s) => s.conversationId.startsWith(teamId) && /^Audit round \d+ is open|^Condition \d+ of 12/.test(cardText(cardOf(s.activity))));

/** The personal tab as someone with these app roles, on its Organisation view. */
async function organisationAs(caller: { who: TestPerson; roles: string[] }): Promise<{ tab: TabInHost; frame: Frame }> {
  const tab = await teams.openPersonalTab(caller.who, { roles: caller.roles });
  const frame = await tab.frame();
  await frame.getByRole('tab', { name: 'Organisation' }).click();
  await frame.getByRole('heading', { name: 'Your organisation' }).waitFor();
  await frame.getByRole('tablist', { name: 'Organisation views' }).waitFor();
  return { tab, frame };
}

/** The tab asked Teams for nothing the fake host does not know, threw nothing, and no API call failed. */
function expectWellBehaved(tab: TabInHost): void {
  expect(tab.unknown).toEqual([]);
  expect(tab.pageErrors).toEqual([]);
  expect(tab.apiRequests.filter((r) => r.status >= 400)).toEqual([]);
}

/** The service's API as `caller`, with a token carrying their roles. */
async function fetchAs(caller: { who: TestPerson; roles: string[] }, path: string): Promise<Response> {
  const token = await teams.team.identity.sign({ oid: caller.who.aadObjectId, name: caller.who.name, ...(caller.roles.length ? { roles: caller.roles } : {}) });
  return fetch(`${teams.team.service.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

test('an organisation admin leaves a team out and opens a service-wide round from the personal tab; each team asked gets its 13 cards within Teams’ limits', async () => {
  const { connector, service } = teams.team;
  connector.reset(); // the welcome cards of the app's installation are not what this counts
  const { tab, frame } = await organisationAs(ADMIN);
  await frame.getByTestId('no-service-rounds').waitFor();
  await frame.getByRole('tab', { name: 'Teams and new rounds' }).click();
  const leaveOutDart = frame.getByRole('switch', { name: `Leave out ${DART.team.name}` });
  await leaveOutDart.click();
  await frame.getByRole('switch', { name: `Leave out ${DART.team.name}`, checked: true, disabled: false }).waitFor();

  await frame.getByLabel('Close date').fill(closesOn);
  await frame.getByRole('button', { name: 'Open a service-wide round…' }).click();
  await expect(frame.getByTestId('teams-to-ask').locator('li').allTextContents()).resolves.toEqual(ASKED.map((t) => t.team.name));
  const [posted] = await Promise.all([
    tab.page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/organisation/service-rounds')),
    frame.getByRole('button', { name: 'Open the round in 3 teams' }).click(),
  ]);
  expect(posted.postDataJSON()).toEqual({ closesOn });
  await expect(frame.getByTestId('service-round-opened').textContent()).resolves.toContain('Service-wide round 1 is opening in 3 teams');
  expect(tab.apiRequests.filter((r) => r.method !== 'GET').map((r) => [r.method, r.path, r.status])).toEqual([
    ['PUT', `/api/organisation/teams/${encodeURIComponent(DART.team.id)}`, 200],
    ['POST', '/api/organisation/service-rounds', 201],
  ]);

  // Each team's job opens its round and posts the intro card and the twelve condition cards into its channel.
  for (const t of ASKED) await eventually(() => (roundCardsIn(t.team.id).length >= 13 ? true : undefined), 30_000, `${t.team.name}'s 13 cards`);
  await service.settled();
  for (const t of ASKED) expect(roundCardsIn(t.team.id)).toHaveLength(13);
  expect(connector.sentActivities().filter((s) => s.conversationId.startsWith(DART.team.id))).toEqual([]);
  expect(overConversationLimits(connector.calls)).toEqual([]);
  expect(connector.mostCallsInAnySecond()).toBeLessThanOrEqual(TEAMS_APP_LIMIT_PER_SECOND);
  const [serviceRound] = await service.services.serviceRounds.list(TENANT_ID);
  expect(serviceRound).toMatchObject({ number: 1, openedBy: ADMIN.who.name });
  for (const t of ASKED) expect(await service.services.rounds.findOpen(t.team.id)).toMatchObject({ number: 1, serviceRoundId: serviceRound!.serviceRoundId });

  // The admin sees every team's round open, nobody having answered yet (the view polls: it catches up).
  await frame.getByRole('tab', { name: 'Service-wide rounds' }).click();
  const expected = ASKED.map((t) => ({ key: t.team.id, cells: [t.team.name, 'Opened: the team’s round 1', 'Open', `0 of ${membersOf(t).length} members (0%)`] }));
  await eventually(async () => (JSON.stringify(await readRows(frame, 'org-response-rates')) === JSON.stringify(expected) ? true : undefined), 20_000, 'every team opened in the view');
  expectWellBehaved(tab);
});

test('staff in each team answer through the bot, and each team’s practice champion closes its round', async () => {
  const { connector, service } = teams.team;
  await Promise.all(ASKED.map((t) => answerThroughTheBot(teams.team, t, 1)));
  for (const t of ASKED) expect((await closeTheRound(service, connector, t.champion, t.team)).status).toBe(200);
  await service.settled();
  for (const t of ASKED) expect((await service.services.rounds.listForTeam(t.team.id)).map((r) => [r.number, r.status])).toEqual([[1, 'closed']]);
  // The tab's API reads a round's status through a cache that may show it a few seconds late (bot/service.ts).
  await eventually(async () => {
    const { serviceRounds } = (await (await fetchAs(LEADER, '/api/organisation')).json()) as { serviceRounds: { status: string }[] };
    return serviceRounds[0]?.status === 'closed' ? true : undefined;
  }, 15_000, 'the service-wide round closed in the tab\'s API');
});

describe('an organisation leader reads the released service-wide round in the personal tab', () => {
  let tab: TabInHost;
  let frame: Frame;
  // The harness closes every tab after each test.
  beforeEach(async () => {
    ({ tab, frame } = await organisationAs(LEADER));
    await frame.getByTestId('org-team-scores').waitFor({ timeout: 20_000 });
  });

  test('with no admin controls, the round chosen, and each team’s response rate at its close', async () => {
    await expect(frame.getByRole('tablist', { name: 'Organisation views' }).getByRole('tab').allTextContents()).resolves.toEqual(['Service-wide rounds', 'Plans']);
    await expect(frame.getByRole('button', { name: /Open a service-wide round/ }).count()).resolves.toBe(0);
    await expect(frame.getByRole('switch').count()).resolves.toBe(0);
    // Closed today by the champions, not on the close date ten days ahead.
    await expect(frame.getByTestId('service-round-picker').locator('option').allTextContents()).resolves.toEqual([`Service-wide round 1 · closed ${today()}`]);
    await expect(readRows(frame, 'org-response-rates')).resolves.toEqual([
      { key: AVON.team.id, cells: [AVON.team.name, 'Opened: the team’s round 1', 'Closed', '12 of 15 members (80%)'] },
      { key: BATH.team.id, cells: [BATH.team.name, 'Opened: the team’s round 1', 'Closed', '10 of 12 members (83%)'] },
      { key: CHEW.team.id, cells: [CHEW.team.name, 'Opened: the team’s round 1', 'Closed', '3 of 6 members (50%)'] },
    ]);
  });

  test('every condition by level across the teams: the small team and the hidden levels counted nowhere, and the coverage saying so', async () => {
    await expect(frame.getByTestId('org-respondents').textContent()).resolves.toBe('25 people answered, in 3 teams (a person in two teams counts in each).');
    const overview = await readOverview(frame);
    expect(overview.columns).toEqual(['Condition', 'All staff', ...LEVELS.map((level) => level.label)]);
    expect(overview.rows.map((row) => row.header)).toEqual(CONDITIONS.map((c) => `${c.number}.${c.text}`));
    for (const row of overview.rows) {
      // All staff: Avon's 12 and Bath's 10 ((6×2 + 5×1 + 0) + (5×1 + 5×3)) / 22 = 1.68; Chew's 3 are left out.
      expect(row.cells[0]).toMatchObject({ shown: true, score: '1.7', detail: '22 answers' });
      // Practitioners: Avon's 6 and Bath's 5, (12 + 5) / 11 = 1.55.
      expect(row.cells[1]).toMatchObject({ shown: true, score: '1.5', detail: '11 answers' });
      // Supervisors: Bath's 5 alone (fully in place): Avon's are hidden within Avon, to protect its lone senior leader.
      expect(row.cells[2]).toMatchObject({ shown: true, score: '3.0', detail: '5 answers' });
      // Senior leaders: Avon's one is in no column.
      expect(row.cells[4]).toMatchObject({ shown: false, score: null });
      expect(row.cells[4]!.all).toBe('Hidden within the teams');
    }
    const coverage = await readRows(frame, 'org-coverage');
    expect(coverage.map((row) => row.cells[1])).toEqual(CONDITIONS.map(() =>
      'Counts 2 of 3 teams; 1 team left out: too few answers to count without singling it out. '
      + '6 answers are in no level’s column: their level was hidden within their team.'));
  });

  test('each team’s score: the small team’s column hidden, saying why', async () => {
    const rows = await readRows(frame, 'org-team-scores');
    expect(rows.map((r) => r.cells.slice(0, 2))).toEqual([[AVON.team.name, '12'], [BATH.team.name, '10'], [CHEW.team.name, '3']]);
    // Avon: (6×2 + 5×1 + 0) / 12 = 1.42; Bath: (5×1 + 5×3) / 10 = 2.0.
    for (const cell of rows[0]!.cells.slice(2)) expect(cell).toMatch(/^1\.412 answers/);
    for (const cell of rows[1]!.cells.slice(2)) expect(cell).toMatch(/^2\.010 answers/);
    expect(rows[2]!.cells.slice(2)).toEqual(CONDITIONS.map(() => 'Fewer than 5 answers'));
    await expect(frame.getByTestId('org-no-previous').textContent()).resolves.toBe('No earlier service-wide round with results to compare with.');
  });

  test('axe finds nothing serious or critical in the released organisation view', async () => {
    await tab.page.mouse.move(0, 0);
    await expect(seriousViolations(frame)).resolves.toEqual([]);
  });

  test('the CSV downloads from the service through the tab’s button, and the Excel and Word files with the leader’s token', async () => {
    const [download] = await Promise.all([tab.page.waitForEvent('download'), frame.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('Practice Audit - organisation - service-wide round 1.csv');
    const lines = parseCsv((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
    const filled = (line: string[] | undefined) => line?.filter((value, i) => value !== '' || i < 2);
    expect(lines.find((line) => line[0] === 'Closed')).toEqual(['Closed', today(), ...Array(11).fill('')]);
    // The grid across teams (condition 1, all teams and by level), each team's scores, and the response rates, as the view shows them.
    const conditionOne = lines.filter((line) => line[0] === '1' && line[1] === CONDITIONS[0]!.text && line.length === 13).map(filled);
    expect(conditionOne.slice(0, 5)).toEqual([
      ['1', CONDITIONS[0]!.text, 'All teams', '22', '1.7', '1', '10', '6', '5', '0', '0'],
      ['1', CONDITIONS[0]!.text, 'Practitioner', '11', '1.5', '0', '5', '6', '0', '0', '0'],
      ['1', CONDITIONS[0]!.text, 'Practice supervisor / team manager', '5', '3', '0', '0', '0', '5', '0', '0'],
      ['1', CONDITIONS[0]!.text, 'Service manager / head of service', 'hidden within the teams'],
      ['1', CONDITIONS[0]!.text, 'Senior leader', 'hidden within the teams'],
    ]);
    const teamLines = (name: string) => lines.filter((line) => line[0] === name).map(filled);
    expect(teamLines(AVON.team.name).slice(0, 2)).toEqual([[AVON.team.name, ...Array(12).fill('1.4')], [AVON.team.name, 'Round 1 (closed)', '12', '15', '80']]);
    expect(teamLines(BATH.team.name).slice(0, 2)).toEqual([[BATH.team.name, ...Array(12).fill('2')], [BATH.team.name, 'Round 1 (closed)', '10', '12', '83']]);
    expect(teamLines(CHEW.team.name).slice(0, 2)).toEqual([[CHEW.team.name, ...Array(12).fill('fewer than 5 answers')], [CHEW.team.name, 'Round 1 (closed)', '3', '6', '50']]);
    const { serviceRoundId } = (await teams.team.service.services.serviceRounds.list(TENANT_ID))[0]!;
    expect(tab.apiRequests).toContainEqual(expect.objectContaining({ path: `/api/organisation/service-rounds/${serviceRoundId}/export.csv`, status: 200 }));
    for (const format of ['xlsx', 'docx']) {
      const reply = await fetchAs(LEADER, `/api/organisation/service-rounds/${serviceRoundId}/export.${format}`);
      expect({ format, status: reply.status, size: (await reply.arrayBuffer()).byteLength > 1000 }).toEqual({ format, status: 200, size: true });
    }
    expectWellBehaved(tab);
  });
});

test('a member without an organisation role is offered only their rounds, and is refused the organisation’s figures', async () => {
  const member = AVON.answerers[0]!.who;
  const tab = await teams.openPersonalTab(member);
  const frame = await tab.frame();
  await frame.getByTestId('my-rounds').waitFor();
  await eventually(() => tab.apiRequests.find((r) => r.path === '/api/me' && r.status === 200), 10_000, 'GET /api/me');
  await expect(frame.getByTestId('my-rounds').locator('tbody th').allTextContents()).resolves.toEqual([AVON.team.name]);
  await expect(frame.getByRole('tab').count()).resolves.toBe(0);
  await expect(frame.getByText('Organisation', { exact: true }).count()).resolves.toBe(0);
  expect(tab.apiRequests.filter((r) => r.path.startsWith('/api/organisation'))).toEqual([]);
  const { serviceRoundId } = (await teams.team.service.services.serviceRounds.list(TENANT_ID))[0]!;
  expect((await fetchAs({ who: member, roles: [] }, `/api/organisation/service-rounds/${serviceRoundId}/export.csv`)).status).toBe(403);
  expectWellBehaved(tab);
});
