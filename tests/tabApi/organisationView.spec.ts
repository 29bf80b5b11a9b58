import ExcelJS from 'exceljs';
import { closeRound } from '../../bot/app/closeRound';
import type { ServiceRoundView } from '../../bot/domain/organisation/organisationView';
import { summariseService } from '../../bot/domain/organisation/summariseService';
import { talliesFrom } from '../../bot/domain/summary';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { parseCsv } from '../support/csvParse';
import { openDocx } from '../support/docxText';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { startTheRound } from '../support/startRound';
import { cardAction, installedInTeam, OTHER_TEAM, PEOPLE, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { postToBot, startTestService } from '../support/testService';

/**
 * A service-wide round read in the organisation view over HTTP (local mode: the local identity is
 * an organisation admin). North and South each run their round; its figures appear only once
 * both have closed, and then they are summariseService's over the rounds' kept counts.
 */
let connector: FakeConnector;
let service: RunningService;
const SERVICE_ROUND = 'sr-2027-03';
const teams = [
  { team: TEAM, champion: PEOPLE.champion, roundId: '' },
  { team: OTHER_TEAM, champion: PEOPLE.outsider, roundId: '' },
];
const api = (path: string) => fetch(`${service.url}/api/organisation${path}`);
const view = async () => (await (await api(`/service-rounds/${SERVICE_ROUND}`)).json()) as ServiceRoundView;

async function answer(who: TestPerson, team: typeof TEAM, roundId: string, level: string, rating: string): Promise<void> {
  for (const conditionId of ['C01', 'C02']) {
    const reply = await postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: team.id, conditionId, via: 'channel', rating, level }, 'channel', team));
    expect(reply.status).toBe(200);
  }
}
async function close(index: number): Promise<void> {
  const { team, champion } = teams[index]!;
  await closeRound(service.services, team.id, { entraObjectId: champion.aadObjectId, name: champion.name, teamsUserId: champion.id });
  await service.settled();
}

beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService();
  for (const t of teams) {
    await postToBot(service, installedInTeam(connector.serviceUrl, t.champion, t.team));
    await startTheRound(service, connector, { who: t.champion, team: t.team });
    await service.settled();
    t.roundId = (await service.services.rounds.findOpen(t.team.id))!.roundId;
  }
  await service.services.serviceRounds.open({
    tenantId: 'local', serviceRoundId: SERVICE_ROUND, openedAt: '2027-03-01T09:00:00.000Z', openedBy: 'Organisation admin', closesAt: '2099-03-31T22:59:59.999Z',
    teams: teams.map((t) => ({ teamId: t.team.id, teamName: t.team.name })),
  });
  for (const t of teams) await service.services.serviceRounds.setTeamState('local', SERVICE_ROUND, t.team.id, { state: 'opened', roundId: t.roundId, roundNumber: 1 });
  // North: 8 practitioners and a senior leader of one; South: 6 practitioners and 2 volunteers.
  for (let i = 0; i < 8; i++) await answer(person(`North practitioner ${i}`, 600 + i), TEAM, teams[0]!.roundId, 'practitioner', i < 5 ? 'mostly' : 'partly');
  await answer(person('North director', 650), TEAM, teams[0]!.roundId, 'senior-leader', 'not-in-place');
  for (let i = 0; i < 6; i++) await answer(person(`South practitioner ${i}`, 700 + i), OTHER_TEAM, teams[1]!.roundId, 'practitioner', 'fully');
  for (let i = 0; i < 2; i++) await answer(person(`South volunteer ${i}`, 750 + i), OTHER_TEAM, teams[1]!.roundId, 'volunteer', 'not-in-place');
  await close(1);
}, 90_000);
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe("a service-wide round's organisation view", () => {
  it("shows progress and response rates, but no figure, while one team's round is still open; its exports answer 409", async () => {
    const reply = await view();
    expect(reply.round).toMatchObject({ serviceRoundId: SERVICE_ROUND, number: 1, status: 'open', teamsAsked: 2 });
    expect(reply.results).toBe('at-close');
    expect(reply.summary).toBeUndefined();
    expect(reply.changes).toBeUndefined();
    expect(reply.teams.map((t) => [t.teamName, t.roundStatus, t.responseRate?.answered])).toEqual([
      [TEAM.name, 'open', 9],
      [OTHER_TEAM.name, 'closed', 8],
    ]);
    for (const format of ['csv', 'xlsx', 'docx']) {
      const response = await api(`/service-rounds/${SERVICE_ROUND}/export.${format}`);
      expect({ format, status: response.status }).toEqual({ format, status: 409 });
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('RESULTS_AT_CLOSE');
    }
  });

  it('answers an unknown service-wide round with 404 SERVICE_ROUND_NOT_FOUND', async () => {
    const response = await api('/service-rounds/no-such-round');
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('SERVICE_ROUND_NOT_FOUND');
  });

  describe('once every team has closed', () => {
    let released: ServiceRoundView;
    beforeAll(async () => {
      await close(0);
      released = await eventually(async () => {
        const reply = await view();
        return reply.results === 'released' ? reply : undefined;
      }, 15_000, "the service-wide round's results");
    }, 30_000);

    it("serves summariseService's figures over the teams' kept counts, the small levels hidden", async () => {
      const rounds = await Promise.all(teams.map((t) => service.services.rounds.get(t.team.id, t.roundId)));
      const expected = summariseService(rounds.map((round, i) => ({ teamId: teams[i]!.team.id, teamName: teams[i]!.team.name, counts: talliesFrom(round!.finalCounts!) })), 5);
      expect(released.round.status).toBe('closed');
      expect(released.summary).toEqual(JSON.parse(JSON.stringify(expected)));
      const c01 = released.summary!.organisation.conditions[0]!;
      // North's director is hidden within North (and its practitioners with them); South's volunteers likewise.
      expect(c01.allStaff).toMatchObject({ shown: true, answers: 17 });
      expect(c01.byLevel['senior-leader']).toEqual({ shown: false, reason: 'too-small' });
      expect(c01.byLevel.volunteer).toEqual({ shown: false, reason: 'too-small' });
      expect(released.summary!.coverage[0]).toMatchObject({ teamsCounted: 2, teamsLeftOut: 0 });
    });

    it('exports the organisation grid as CSV, Excel and Word, naming nobody', async () => {
      const download = async (format: string) => {
        const response = await api(`/service-rounds/${SERVICE_ROUND}/export.${format}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('content-disposition')).toContain(`Practice Audit - organisation - service-wide round 1.${format}`);
        return Buffer.from(await response.arrayBuffer());
      };
      const csv = parseCsv((await download('csv')).toString('utf8').replace(/^\uFEFF/, ''));
      const allTeams = csv.find((line) => line[0] === '1' && line[2] === 'All teams')!;
      expect(allTeams.slice(3, 5)).toEqual(['17', expect.any(String)]);
      // Hidden because North's own view hides it, not counted across teams: no "fewer than 5" is claimed.
      expect(csv.find((line) => line[0] === '1' && line[2] === 'Senior leader')![3]).toBe('hidden within the teams');
      expect(csv.some((line) => line[0] === 'Response rates by team')).toBe(true);
      expect(csv.map((line) => line[0])).toEqual(expect.arrayContaining([TEAM.name, OTHER_TEAM.name]));

      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download('xlsx')) as unknown as ArrayBuffer);
      expect(book.worksheets.map((s) => s.name)).toEqual(['All teams by level', 'Teams', 'Coverage', 'Response rates', 'Plans', 'About']);
      expect(book.worksheets[0]!.getRow(2).values).toEqual(expect.arrayContaining([1, 'All teams', 17]));

      const docx = openDocx(await download('docx'));
      expect(docx.paragraphs).toEqual(expect.arrayContaining(['Every condition by level, all teams', "Each team's score by condition"]));
      expect(docx.tables[0]!.rows[1]!.slice(2, 4)).toEqual(['All teams', '17']);

      for (const text of [JSON.stringify(csv), JSON.stringify(docx.paragraphs)]) {
        for (const name of ['North practitioner', 'North director', 'South volunteer', PEOPLE.champion.name]) expect(text).not.toContain(name);
      }
    });
  });
});

describe('the next service-wide round', () => {
  it('shows the changes since the previous one whose results are released', async () => {
    const SECOND = 'sr-2027-09';
    for (const t of teams) {
      await startTheRound(service, connector, { who: t.champion, team: t.team });
      await service.settled();
      t.roundId = (await service.services.rounds.findOpen(t.team.id))!.roundId;
      for (let i = 0; i < 5; i++) await answer(person(`${t.team.name} second ${i}`, 800 + i + (t.team === TEAM ? 0 : 50)), t.team, t.roundId, 'practitioner', 'fully');
    }
    await service.services.serviceRounds.open({
      tenantId: 'local', serviceRoundId: SECOND, openedAt: '2027-09-01T09:00:00.000Z', openedBy: 'Organisation admin', closesAt: '2099-09-30T22:59:59.999Z',
      teams: teams.map((t) => ({ teamId: t.team.id, teamName: t.team.name })),
    });
    for (const t of teams) await service.services.serviceRounds.setTeamState('local', SECOND, t.team.id, { state: 'opened', roundId: t.roundId, roundNumber: 2 });
    await close(0);
    await close(1);
    const second = await eventually(async () => {
      const reply = (await (await api(`/service-rounds/${SECOND}`)).json()) as ServiceRoundView;
      return reply.results === 'released' ? reply : undefined;
    }, 15_000, "the second service-wide round's results");
    expect(second.round.number).toBe(2);
    expect(second.changes?.previousNumber).toBe(1);
    // C01 across teams: 31 points over 17 ratings, then every rating "fully".
    expect(second.changes!.organisation[0]!.allStaff).toEqual({ before: 31 / 17, after: 3, change: 1.2, direction: 'up' });
    expect(second.changes!.byTeam.map((t) => [t.teamName, t.conditions.C01?.after])).toEqual([[TEAM.name, 3], [OTHER_TEAM.name, 3]]);
  }, 60_000);
});

describe("the organisation's plans side by side", () => {
  it('lists every team of the organisation but those left out, with every condition counted', async () => {
    const plans = (await (await api('/plans')).json()) as { teams: { teamName: string; conditions: Record<string, unknown> }[] };
    expect(plans.teams.map((t) => t.teamName)).toEqual([TEAM.name, OTHER_TEAM.name]);
    expect(plans.teams[0]!.conditions.C12).toEqual({ actions: 0, done: 0, overdue: 0 });
    await service.services.serviceRounds.setLeftOut('local', OTHER_TEAM.id, true, 'Organisation admin', '2027-03-02T09:00:00.000Z');
    const after = (await (await api('/plans')).json()) as { teams: { teamName: string }[] };
    expect(after.teams.map((t) => t.teamName)).toEqual([TEAM.name]);
  });
});
