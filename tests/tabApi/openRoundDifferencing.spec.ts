import type { RoundSummary } from '../../bot/domain/summary';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { closeRoundNow } from '../support/closeRoundNow';
import { cardOf, cardText } from '../support/cardText';
import type { FakeConnector } from '../support/fakeConnector';
import { eventually } from '../support/serviceProcess';
import { cardAction, channelCommand, PEOPLE, person, TEAM } from '../support/teamsActivities';
import { startRoundInTeam } from '../support/roundInTeam';
import { postToBot } from '../support/testService';

/**
 * Issue 8, item 1, as it was found: 10 practitioners answer condition 1; a member reads the
 * round; the team's only senior leader answers "not in place"; the member reads again. Before,
 * all staff went from 10 to 11 with "not in place" up by one and the senior-leader cut from 0 to
 * "too small": one person's rating and level. Now the two reads differ only in how many answered.
 */
let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const practitioners = Array.from({ length: 10 }, (_, i) => person(`Practitioner ${i}`, 600 + i));
const seniorLeader = person('The only senior leader', 700);

const answer = (who: typeof seniorLeader, level: string, rating: string, comment = '') =>
  postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating, level, comment }));

/** Everything a member can read of the team and its round, and the champion's status card: path → what came back. */
async function readEverything(): Promise<Record<string, string>> {
  const team = `/api/teams/${encodeURIComponent(TEAM.id)}`;
  const round = `${team}/rounds/${roundId}`;
  const paths = [
    '/api/me/rounds', `${team}/rounds`, `${round}/participation`, `${round}/summary`, `${round}/changes`, `${round}/plan`,
    `${round}/conditions/C01/comments`, `${round}/conditions/C01/comments?level=senior-leader`, `${round}/conditions/C01/comments?level=practitioner`,
    `${round}/export.csv`, `${round}/export.xlsx`, `${round}/export.docx`,
  ];
  const read: Record<string, string> = {};
  for (const path of paths) {
    const response = await fetch(`${service.url}${path}`);
    read[path] = `${response.status} ${Buffer.from(await response.arrayBuffer()).toString('base64')}`;
  }
  await postToBot(service, channelCommand(connector.serviceUrl, PEOPLE.champion, 'status'));
  read.statusCard = cardText(cardOf(connector.sentActivities().at(-1)!.activity));
  return read;
}
/** Waits until participation counts `respondents` (the tab's figures are refreshed behind, every 2 s). */
const answered = (respondents: number) =>
  eventually(async () => {
    const reply = await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/participation`);
    return ((await reply.json()) as { respondents: number }).respondents === respondents ? true : undefined;
  }, 10_000, `${respondents} people in participation`);
const decoded = (read: string) => JSON.parse(Buffer.from(read.split(' ')[1]!, 'base64').toString('utf8')) as Record<string, unknown>;

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam({ roster: [PEOPLE.champion, ...practitioners, seniorLeader] }));
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('two reads of an open round either side of one answer', () => {
  let before: Record<string, string>;
  let after: Record<string, string>;
  const participation = (read: Record<string, string>) => decoded(read[`/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/participation`]!);

  beforeAll(async () => {
    for (const [i, who] of practitioners.entries()) await answer(who, 'practitioner', i < 6 ? 'mostly' : 'partly', i === 0 ? 'We share plans with health' : '');
    await answered(10);
    before = await readEverything();
    await answer(seniorLeader, 'senior-leader', 'not-in-place', 'Nothing is aligned');
    await answered(11);
    after = await readEverything();
  });

  it('differ only in how many have answered: in all, and for condition 1', () => {
    const changed = Object.keys(after).filter((path) => after[path] !== before[path]);
    expect(changed).toEqual([expect.stringMatching(/\/participation$/), 'statusCard']);
    expect(participation(before)).toEqual({ roundNumber: 1, results: 'at-close', respondents: 10, answersByCondition: expect.objectContaining({ C01: 10, C02: 0 }), teamSize: { known: true, members: 12 } });
    expect(participation(after)).toEqual({ ...participation(before), respondents: 11, answersByCondition: { ...(participation(before).answersByCondition as object), C01: 11 } });
    const lines = (text: string) => text.split('\n');
    expect(lines(after.statusCard!).filter((line, i) => line !== lines(before.statusCard!)[i])).toEqual([
      '11 people have answered at least one condition.',
      'Response rate: 11 of 12 members (92%).',
      '11 of 12 (92%)', // condition 1's answers, of the team's members
    ]);
  });

  it('carry no rating, level or comment of anyone: every result route answers RESULTS_AT_CLOSE', () => {
    for (const [path, read] of Object.entries(after)) {
      if (path === 'statusCard' || /\/(participation|plan|rounds)$/.test(path)) continue;
      expect({ path, status: read.split(' ')[0] }).toEqual({ path, status: '409' });
      expect(decoded(read)).toMatchObject({ error: { code: 'RESULTS_AT_CLOSE' } });
    }
    expect(after.statusCard).not.toMatch(/Senior leader|Practitioner|fewer than/);
    expect(after.statusCard).toContain('Figures by level appear when the round closes');
  });

  it('once the round closes, show one fixed set in which the senior leader is one of a group of eleven', async () => {
    await closeRoundNow(service);
    const closed = await readEverything();
    const summary = decoded(closed[`/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/summary`]!) as unknown as RoundSummary;
    const c01 = summary.conditions[0]!;
    expect(c01.allStaff).toMatchObject({ shown: true, answers: 11 });
    expect(c01.byLevel['senior-leader']).toEqual({ shown: false, reason: 'too-small' });
    expect(c01.byLevel.practitioner).toEqual({ shown: false, reason: 'protects-another' });
    expect(summary.respondentsByLevel['senior-leader']).toEqual({ shown: false, reason: 'too-small' });
    const comments = decoded(closed[`/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/conditions/C01/comments`]!);
    expect(comments).toEqual({ shown: true, commentThreshold: 10, comments: [
      { text: 'Nothing is aligned', rating: 'not-in-place', level: null },
      { text: 'We share plans with health', rating: 'mostly', level: null },
    ] });
    // Fixed: a second read gives the same figures (the exports also carry the time they were made).
    const again = await readEverything();
    for (const path of Object.keys(closed).filter((p) => p.startsWith('/api/teams') && !/export\./.test(p))) expect(again[path]).toBe(closed[path]);
  });
});
