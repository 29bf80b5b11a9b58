import { previousClosedRound, type RoundChanges } from '../../bot/app/tab/roundChanges';
import type { AuditRound } from '../../bot/domain/auditRound';
import { CONDITIONS } from '../../bot/domain/conditions';
import type { RoundSummary } from '../../bot/domain/summary';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { startFakeConnector, type FakeConnector } from '../support/fakeConnector';
import { cardAction, installedInTeam, PEOPLE, person, TEAM } from '../support/teamsActivities';
import { closeRoundNow } from '../support/closeRoundNow';
import { postToBot, startTestService } from '../support/testService';
import { startTheRound } from '../support/startRound';

/** Each condition's move since the team's previous closed round: two rounds, answered through the bot. */
let connector: FakeConnector;
let service: RunningService;
const rounds: string[] = [];
const practitioners = Array.from({ length: 6 }, (_, i) => person(`Practitioner ${i}`, 200 + i));
const managers = Array.from({ length: 6 }, (_, i) => person(`Manager ${i}`, 300 + i));
const directors = Array.from({ length: 2 }, (_, i) => person(`Director ${i}`, 400 + i));

async function openRound(): Promise<string> {
  await startTheRound(service, connector);
  await service.settled();
  const roundId = (await service.services.rounds.findOpen(TEAM.id))!.roundId;
  rounds.push(roundId);
  return roundId;
}
async function answer(roundId: string, people: typeof practitioners, conditionId: string, level: string, rating: string) {
  for (const who of people) {
    const reply = await postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId, via: 'channel', rating, level }));
    expect(reply.status).toBe(200);
  }
}
const reply = (roundId: string, path: string) => fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}/${path}`);
const get = async <T>(roundId: string, path: string) => {
  const response = await reply(roundId, path);
  expect(response.status).toBe(200);
  expect(response.headers.get('cache-control')).toBe('no-store');
  return (await response.json()) as T;
};
/** What the second round's changes answered while it was still open. */
let whileOpen: { status: number; body: unknown } | undefined;

beforeAll(async () => {
  connector = await startFakeConnector();
  service = await startTestService();
  await postToBot(service, installedInTeam(connector.serviceUrl, PEOPLE.champion));
  // Round 1: C01 practitioners "not in place", managers "partly"; C02 "mostly" from five.
  const first = await openRound();
  await answer(first, practitioners, 'C01', 'practitioner', 'not-in-place');
  await answer(first, managers, 'C01', 'supervisor', 'partly');
  await answer(first, practitioners.slice(0, 5), 'C02', 'practitioner', 'mostly');
  await closeRoundNow(service);
  // Round 2: C01 better at every level, with two senior leaders (too few to show, so another level is hidden
  // to protect them); C02 all "don't know".
  const second = await openRound();
  await answer(second, practitioners, 'C01', 'practitioner', 'mostly');
  await answer(second, managers, 'C01', 'supervisor', 'fully');
  await answer(second, directors, 'C01', 'senior-leader', 'fully');
  await answer(second, practitioners.slice(0, 5), 'C02', 'practitioner', 'dont-know');
  const open = await reply(second, 'changes');
  whileOpen = { status: open.status, body: await open.json() };
  await closeRoundNow(service);
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe("a round's changes since the previous closed round", () => {
  it('are empty for the first round, which has no previous round', async () => {
    expect(await get<RoundChanges>(rounds[0]!, 'changes')).toEqual({ previousRound: null, conditions: [] });
  });

  it('are a result: withheld while the second round was open, like its summary', () => {
    expect(whileOpen).toEqual({ status: 409, body: { error: { code: 'RESULTS_AT_CLOSE', message: expect.stringMatching(/^Results appear when round 2 closes\./) } } });
  });

  it('compare the second round with the first, by all staff and by each level shown in both', async () => {
    const changes = await get<RoundChanges>(rounds[1]!, 'changes');
    const first = await service.services.rounds.get(TEAM.id, rounds[0]!);
    expect(changes.previousRound).toEqual({ roundId: rounds[0], number: 1, closedAt: first!.closedAt });
    expect(changes.conditions.map((c) => c.conditionId)).toEqual(CONDITIONS.map((c) => c.id));
    const [c01, c02, c03] = changes.conditions;
    const after = (6 * 2 + 6 * 3 + 2 * 3) / 14; // 2.57, shown as 2.6: the change shown is 2.6 less 0.5
    expect(c01!.allStaff).toEqual({ before: 0.5, after, change: 2.1, direction: 'up' });
    // Practitioners are hidden in round 2 to protect the two senior leaders: only managers compare.
    expect(c01!.byLevel).toEqual([{ level: 'supervisor', before: 1, after: 3, change: 2, direction: 'up' }]);
    expect(c02).toEqual({ conditionId: 'C02', allStaff: null, byLevel: [] }); // round 2: all "don't know"
    expect(c03).toEqual({ conditionId: 'C03', allStaff: null, byLevel: [] }); // hidden in both
  });

  it('compare only cuts the summaries of both rounds show', async () => {
    const [before, after] = await Promise.all([get<RoundSummary>(rounds[0]!, 'summary'), get<RoundSummary>(rounds[1]!, 'summary')]);
    expect(after.conditions[0]!.byLevel.practitioner).toEqual({ shown: false, reason: 'protects-another' });
    expect(after.conditions[0]!.byLevel['senior-leader']).toEqual({ shown: false, reason: 'too-small' });
    for (const change of (await get<RoundChanges>(rounds[1]!, 'changes')).conditions) {
      const i = CONDITIONS.findIndex((c) => c.id === change.conditionId);
      for (const { level } of change.byLevel) {
        expect(before.conditions[i]!.byLevel[level].shown && after.conditions[i]!.byLevel[level].shown).toBe(true);
      }
    }
  });

  it('answer an unknown round with 404', async () => {
    const response = await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/no-such-round/changes`);
    expect(response.status).toBe(404);
  });
});

describe('the previous round', () => {
  const round = (number: number, openedAt: string, status: AuditRound['status'] = 'closed'): AuditRound =>
    ({ teamId: TEAM.id, roundId: `r${number}`, number, status, openedAt, openedBy: 'x', conditionMessageIds: {} });
  const [r1, r2, r3, r4] = [round(1, '2026-01-10T09:00:00.000Z'), round(2, '2026-03-01T09:00:00.000Z'), round(3, '2026-05-01T09:00:00.000Z'), round(4, '2026-07-01T09:00:00.000Z', 'open')];

  it('is the closed round opened most recently before the chosen one, whatever order the rounds come in', () => {
    expect(previousClosedRound(r4, [r1, r3, r2, r4])).toBe(r3);
    expect(previousClosedRound(r3, [r4, r3, r2, r1])).toBe(r2);
    expect(previousClosedRound(r2, [r3, r1, r2, r4])).toBe(r1);
  });

  it('is never the chosen round, a later round or a round still open', () => {
    expect(previousClosedRound(r1, [r1, r2, r3, r4])).toBeUndefined();
    expect(previousClosedRound(round(5, '2026-09-01T09:00:00.000Z'), [r4])).toBeUndefined();
  });
});
