import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { parseCsv } from './csvParse';
import { startFakeConnector, type FakeConnector } from './fakeConnector';
import { asRosterMember, cardAction, installedInTeam, PEOPLE, person, TEAM, type TestPerson } from './teamsActivities';
import { closeRoundNow } from './closeRoundNow';
import { postToBot, startTestService } from './testService';
import { startTheRound } from './startRound';

/**
 * A round to export, made as people make it: answers through the bot (one comment written to
 * look like a formula), plan actions through the tab's API (local mode: no token), text that
 * would start a formula in need, progress and owner; then closed, so that its results are out.
 */
export const EVIL_COMMENT = '=HYPERLINK("http://evil-comment")';
export const staff: { who: TestPerson; level: string; rating: string; comment?: string }[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ who: person(`Practitioner ${i}`, 200 + i), level: 'practitioner', rating: i < 4 ? 'not-in-place' : 'dont-know', comment: i === 0 ? EVIL_COMMENT : undefined })),
  ...Array.from({ length: 5 }, (_, i) => ({ who: person(`Manager ${i}`, 300 + i), level: 'supervisor', rating: 'mostly' })),
  ...Array.from({ length: 2 }, (_, i) => ({ who: person(`Director ${i}`, 400 + i), level: 'senior-leader', rating: 'fully' })),
];
const actions = [
  { conditionId: 'C01', need: '=HYPERLINK("http://evil","click")', progress: '+1 more workshop', owner: 'Head of service', dueDate: '2026-12-01', status: 'in-progress' },
  { conditionId: 'C02', need: 'Name champions, "one per team", in every service', progress: '', owner: '', dueDate: null, status: 'not-started' },
  { conditionId: 'C02', need: 'Agree the role\nwith HR', progress: 'Draft by Friday', owner: '=cmd|calc', dueDate: '2026-11-30', status: 'done' },
  { conditionId: 'C03', need: '-2 posts to fill', progress: '@SUM(A1)', owner: 'Deputy director', dueDate: null, status: 'not-started' },
  // Issue 8: fullwidth forms (what East Asian keyboards type), and a formula behind white space.
  { conditionId: 'C04', need: '\uFF1DHYPERLINK("http://evil-wide","click")', progress: ' \uFF20SUM(A1)', owner: '', dueDate: null, status: 'not-started' },
  { conditionId: 'C05', need: '\uFF0B1 more workshop', progress: '\uFF0D2 days', owner: '', dueDate: null, status: 'not-started' },
];

/** Issue 11: what the exports carry beside the figures: a progress note on C01's action and an evidence note for C01. */
const PROGRESS_NOTE = { date: '2026-11-20', text: 'First workshop held with two teams' };
const EVIDENCE_NOTE = { conditionId: 'C01', kind: 'case-audit', source: 'QA audit of 20 cases', date: '2026-11-02', found: 'Partners were invited to 3 of 20 strategy meetings' };

export interface ExportRound {
  readonly service: RunningService;
  readonly url: (path: string) => string;
  readonly download: (path: string) => Promise<{ response: Response; bytes: Buffer }>;
  readonly csvLines: () => Promise<string[][]>;
  readonly stop: () => Promise<void>;
}

export async function startExportRound(): Promise<ExportRound> {
  const connector: FakeConnector = await startFakeConnector();
  // 20 members: the champion, the 13 who answer and 6 who do not (the response rate's denominator at close).
  const absent = Array.from({ length: 6 }, (_, i) => person(`Absent ${i}`, 500 + i));
  connector.setRoster(TEAM.id, [PEOPLE.champion, ...staff.map((s) => s.who), ...absent].map(asRosterMember));
  const service = await startTestService();
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  await startTheRound(service, connector);
  await service.settled();
  const roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
  const url = (path: string) => `${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}${path}`;
  for (const { who, level, rating, comment } of staff) {
    await postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating, level, comment: comment ?? '' }));
  }
  const post = async (path: string, body: unknown) => {
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (response.status !== 201) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { actionId: string };
  };
  const plan = `${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/plan/actions`;
  for (const action of actions) {
    const added = await post(plan, action);
    // Issue 11: the first action has a dated progress note, which every export carries.
    if (action === actions[0]) await post(`${plan}/${encodeURIComponent(added.actionId)}/notes`, PROGRESS_NOTE);
  }
  await post(url('/evidence'), EVIDENCE_NOTE);
  // A round's results, its exports among them, are out once it has closed.
  await closeRoundNow(service);
  const download = async (path: string) => {
    const response = await fetch(url(path));
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  return {
    service,
    url,
    download,
    csvLines: async () => parseCsv((await download('/export.csv')).bytes.toString('utf8').replace(/^\uFEFF/, '')),
    stop: async () => {
      await service.stop();
      await connector.close();
    },
  };
}

/** The CSV's lines split into the header block, the grid's header and its rows. */
export function gridOf(lines: string[][]) {
  const header = lines.findIndex((line) => line[0] === 'No.');
  return { header: lines[header]!, headerLine: header, rows: lines.slice(header + 1), before: lines.slice(0, header) };
}
