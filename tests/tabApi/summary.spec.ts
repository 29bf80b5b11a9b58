import { respondentIdFor } from '../../bot/domain/respondent';
import type { RoundSummary } from '../../bot/domain/summary';
import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import type { FakeConnector } from '../support/fakeConnector';
import { cardAction, person, TEAM, type TestPerson } from '../support/teamsActivities';
import { closeRoundNow } from '../support/closeRoundNow';
import { startRoundInTeam } from '../support/roundInTeam';
import { postToBot, TEST_HMAC_KEY } from '../support/testService';

/** What leaders read: answers given through the bot; participation while the round is open, then aggregated, small groups hidden and nobody named. */
let connector: FakeConnector;
let service: RunningService;
let roundId = '';
const staff: { who: TestPerson; level: string; rating: string; comment: string }[] = [
  ...Array.from({ length: 6 }, (_, i) => ({ who: person(`Practitioner ${i}`, 200 + i), level: 'practitioner', rating: i < 4 ? 'not-in-place' : 'dont-know', comment: i === 0 ? '<script>alert(1)</script> **not** in place' : '' })),
  ...Array.from({ length: 5 }, (_, i) => ({ who: person(`Manager ${i}`, 300 + i), level: 'supervisor', rating: 'mostly', comment: '' })),
  ...Array.from({ length: 2 }, (_, i) => ({ who: person(`Director ${i}`, 400 + i), level: 'senior-leader', rating: 'fully', comment: i === 0 ? 'We are aligned.' : '' })),
];
const api = async (path: string) => {
  const response = await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/${roundId}${path}`);
  return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
  ({ connector, service, roundId } = await startRoundInTeam());
  for (const { who, level, rating, comment } of staff) {
    await postToBot(service, cardAction(connector.serviceUrl, who, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating, level, comment }));
  }
});
afterAll(async () => {
  await service?.stop();
  await connector?.close();
});

describe('while the round is open', () => {
  it('serves its participation, and answers every result route with RESULTS_AT_CLOSE', async () => {
    expect(JSON.parse((await api('/participation')).text)).toMatchObject({ roundNumber: 1, results: 'at-close', respondents: 13, answersByCondition: { C01: 13, C02: 0 } });
    for (const path of ['/summary', '/conditions/C01/comments', '/changes', '/export.csv', '/export.xlsx', '/export.docx']) {
      const reply = await api(path);
      expect({ path, status: reply.status }).toEqual({ path, status: 409 });
      expect(JSON.parse(reply.text)).toEqual({ error: { code: 'RESULTS_AT_CLOSE', message: expect.stringMatching(/^Results appear when round 1 closes\./) } });
    }
  });

  it('shows new answers in its participation within a few seconds', async () => {
    const latecomer = person('Latecomer', 500);
    await postToBot(service, cardAction(connector.serviceUrl, latecomer, VERBS.answer, { roundId, teamId: TEAM.id, conditionId: 'C01', via: 'channel', rating: 'partly', level: 'practitioner' }));
    const deadline = Date.now() + 5000;
    let answers = 0;
    while (Date.now() < deadline && answers !== 14) {
      answers = (JSON.parse((await api('/participation')).text) as { answersByCondition: Record<string, number> }).answersByCondition.C01!;
      if (answers !== 14) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(answers).toBe(14);
  });
});

describe('the round summary, once the round has closed', () => {
  beforeAll(async () => closeRoundNow(service));

  it('counts and scores each level, hiding a small level and the next-smallest that would reveal it', async () => {
    const reply = await api('/summary');
    expect(reply.status).toBe(200);
    const summary = JSON.parse(reply.text) as RoundSummary;
    expect(summary.respondents).toBe(14);
    const c01 = summary.conditions.find((c) => c.conditionId === 'C01')!;
    expect(c01.allStaff).toMatchObject({ shown: true, answers: 14 });
    // With the latecomer: not in place ×4, partly ×1, don't know ×2.
    expect(c01.byLevel.practitioner).toMatchObject({ shown: true, answers: 7, score: 1 / 5, dontKnowShare: 2 / 7 });
    expect(c01.byLevel['senior-leader']).toEqual({ shown: false, reason: 'too-small' });
    expect(c01.byLevel.supervisor).toEqual({ shown: false, reason: 'protects-another' });
    expect(summary.conditions.find((c) => c.conditionId === 'C02')!.allStaff).toMatchObject({ shown: false });
    expect(JSON.parse((await api('/participation')).text)).toMatchObject({ results: 'released', respondents: 14 });
  });

  it('names nobody: no respondent id, Entra id or name appears anywhere in it', async () => {
    const { text } = await api('/summary');
    for (const { who } of staff) {
      expect(text).not.toContain(respondentIdFor(who.aadObjectId, TEST_HMAC_KEY));
      expect(text).not.toContain(who.aadObjectId);
      expect(text).not.toContain(who.name);
    }
  });

  it('gives comments as text, with their level only where the level is shown', async () => {
    const { comments } = JSON.parse((await api('/conditions/C01/comments')).text) as { comments: { text: string; level: string | null }[] };
    expect(comments).toEqual(expect.arrayContaining([
      expect.objectContaining({ text: '<script>alert(1)</script> **not** in place', level: 'practitioner' }),
      expect.objectContaining({ text: 'We are aligned.', level: null }),
    ]));
    expect((await api('/conditions/C01/comments?level=senior-leader')).status).toBe(400);
    expect((await api('/conditions/C01/comments?level=practitioner')).status).toBe(200);
    expect((await api('/conditions/C99/comments')).status).toBe(400);
  });

  it('answers an unknown round with 404', async () => {
    const response = await fetch(`${service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/no-such-round/summary`);
    expect(response.status).toBe(404);
  });
});
