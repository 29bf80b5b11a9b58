import { CONDITIONS } from '../../bot/domain/conditions';
import { respondentIdFor } from '../../bot/domain/respondent';
import { summariseNow, type RoundSummary } from '../../bot/domain/summary';
import { openDocx } from '../support/docxText';
import { EVIL_COMMENT, startExportRound, staff, type ExportRound } from '../support/exportRound';
import { TEAM } from '../support/teamsActivities';
import { TEST_HMAC_KEY } from '../support/testService';

/** The Word report (issue 11) from the real service: the round made through the bot and the tab's API, then closed. */
let round: ExportRound;
beforeAll(async () => {
  round = await startExportRound();
});
afterAll(async () => {
  await round?.stop();
});

describe('the Word export', () => {
  it("is a Word download named after the team, never cached", async () => {
    const { response, bytes } = await round.download('/export.docx');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(response.headers.get('content-disposition')).toBe(
      "attachment; filename=\"Practice Audit - Children's Services - North - round 1.docx\"; filename*=UTF-8''Practice%20Audit%20-%20Children%27s%20Services%20%E2%80%93%20North%20-%20round%201.docx",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(openDocx(bytes).parts['[Content_Types].xml']).toContain('wordprocessingml.document.main+xml');
  });

  it("has a front page with the team, the round and its dates, the response rate and the privacy threshold", async () => {
    const { paragraphs } = openDocx((await round.download('/export.docx')).bytes);
    expect(paragraphs[0]).toBe("Practice Audit: Children's Services – North, audit round 1");
    expect(paragraphs).toEqual(expect.arrayContaining([
      "Team: Children's Services – North",
      'Audit round: Round 1 (closed)',
      expect.stringMatching(/^Opened: \d{1,2} [A-Z][a-z]+ \d{4}$/),
      expect.stringMatching(/^Closed: \d{1,2} [A-Z][a-z]+ \d{4}$/),
      'Staff who answered: 13',
      'Response rate: 13 of 20 members (65%)',
      'Privacy threshold: 5 people',
      expect.stringMatching(/^No figure in this report comes from fewer than 5 people\./),
    ]));
  });

  it("has Appendix 2's row for each condition: what happens now as the tab words it, the plan's need and progress", async () => {
    const [{ tables }, summary] = await Promise.all([
      round.download('/export.docx').then(({ bytes }) => openDocx(bytes)),
      fetch(round.url('/summary')).then(async (r) => (await r.json()) as RoundSummary),
    ]);
    const [table] = tables;
    expect(table!.headerRows).toBe(1);
    const rows = table!.rows.slice(1);
    expect(rows.map((r) => r[0])).toEqual(CONDITIONS.map((c) => `${c.number}. ${c.text}`));
    const now = summariseNow(summary);
    rows.forEach((r, i) => expect(r[1]!.split('\n')[0]).toBe(`${now[i]!.text}${now[i]!.shown ? ` · ${now[i]!.answers} answers` : ''}`));
    expect(rows[0]![2]).toBe('=HYPERLINK("http://evil","click")');
    expect(rows[0]![3]).toBe('+1 more workshop\nOwner: Head of service · Due 1 December 2026 · In progress\nProgress: 20 November 2026: First workshop held with two teams');
    expect(rows[0]![1]).toContain('Evidence\nCase audit, QA audit of 20 cases, 2 November 2026: Partners were invited to 3 of 20 strategy meetings');
    expect(rows[1]![2]).toBe('1. Agree the role\nwith HR\n2. Name champions, "one per team", in every service');
  });

  it('carries no comment text, respondent, editor or level too small to show, though all are stored', async () => {
    expect(await (await fetch(round.url('/conditions/C01/comments'))).text()).toContain(JSON.stringify(EVIL_COMMENT).slice(1, -1));
    expect(await (await fetch(round.url('/plan'))).text()).toContain('"updatedBy":"Local developer (not signed in)"');
    const { parts } = openDocx((await round.download('/export.docx')).bytes);
    const everything = Object.values(parts).join('\n');
    expect(everything).toContain('Head of service');
    expect(everything).not.toContain('evil-comment');
    expect(everything).not.toContain('Local developer');
    for (const { who } of staff) {
      for (const secret of [respondentIdFor(who.aadObjectId, TEST_HMAC_KEY), who.aadObjectId, who.name]) expect(everything).not.toContain(secret);
    }
    // Two senior leaders answered (too few to show), and the five managers are hidden to protect them.
    for (const level of ['senior leader', 'practice supervisor']) expect(everything.toLowerCase()).not.toContain(level);
  });

  it('answers an unknown round with 404', async () => {
    const response = await fetch(`${round.service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/no-such-round/export.docx`);
    expect(response.status).toBe(404);
  });
});
