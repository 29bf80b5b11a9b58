import { strFromU8, unzipSync } from 'fflate';
import { CONDITIONS } from '../../bot/domain/conditions';
import { LEVELS } from '../../bot/domain/levels';
import { respondentIdFor } from '../../bot/domain/respondent';
import { summariseNow, type RoundSummary } from '../../bot/domain/summary';
import { EVIL_COMMENT, gridOf, startExportRound, staff, type ExportRound } from '../support/exportRound';
import { TEAM } from '../support/teamsActivities';
import { TEST_HMAC_KEY } from '../support/testService';

/** The Appendix 2 grid as a CSV file (the XLSX is in exportXlsx.spec.ts); both files checked for privacy here. */
const APPENDIX_2 = ['No.', 'Condition', 'What happens now?', 'What needs to happen?', 'How will you progress this?'];

let round: ExportRound;
beforeAll(async () => {
  round = await startExportRound();
});
afterAll(async () => {
  await round?.stop();
});

describe('the CSV export', () => {
  it('is a UTF-8 download with a byte order mark, CRLF records and a safe file name, never cached', async () => {
    const { response, bytes } = await round.download('/export.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    // The team's name, which is not plain ASCII (an en dash): RFC 6266's filename* in UTF-8, and an ASCII fallback.
    expect(response.headers.get('content-disposition')).toBe(
      "attachment; filename=\"Practice Audit - Children's Services - North - round 1.csv\"; filename*=UTF-8''Practice%20Audit%20-%20Children%27s%20Services%20%E2%80%93%20North%20-%20round%201.csv",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain("Children's Services – North");
    expect(bytes.toString('utf8').endsWith('\r\n')).toBe(true);
  });

  it('starts with the round, its dates and the privacy threshold, then gives the twelve conditions in Appendix 2 columns', async () => {
    const lines = await round.csvLines();
    expect(new Set(lines.map((line) => line.length)).size).toBe(1);
    const { header, rows, before } = gridOf(lines);
    expect(before).toEqual(expect.arrayContaining([
      expect.arrayContaining(['Team', TEAM.name]),
      expect.arrayContaining(['Audit round', '1']),
      expect.arrayContaining(['Status', 'Closed']),
      expect.arrayContaining(['Privacy threshold', expect.stringMatching(/^5: a group with fewer than 5 answers is not shown/)]),
      expect.arrayContaining(['Respondents', '13']),
      // Against the team's 20 members when the round closed.
      expect.arrayContaining(['Response rate', '13 of 20 members (65%)']),
      // The round is the team's latest: its plan is the living one.
      expect.arrayContaining(['Plan', expect.stringMatching(/^As it stands on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}$/)]),
    ]));
    expect(before.find((line) => line[0] === 'Opened')![1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
    expect(header.slice(0, 5)).toEqual(APPENDIX_2);
    expect(header.slice(8, 15)).toEqual(LEVELS.map((l) => `Score: ${l.label}`));
    expect(header[15]).toBe('Evidence (how do you know?)');
    expect(rows.map((row) => row.slice(0, 2))).toEqual(CONDITIONS.map((c) => [String(c.number), c.text]));
  });

  it('gives "what happens now" as the tab words it, and the figures of shown cuts only', async () => {
    const { header, rows } = gridOf(await round.csvLines());
    const summary = (await (await fetch(round.url('/summary'))).json()) as RoundSummary;
    expect(rows.map((row) => row[2])).toEqual(summariseNow(summary).map((now) => now.text));
    const c01 = Object.fromEntries(header.map((name, i) => [name, rows[0]![i]]));
    expect(c01).toMatchObject({ 'Score, all staff (0 to 3)': '1.5', Answers: '13', "Don't know (%)": '15.4' });
    // Issue 8, item 2: 6 practitioners, 2 of them "don't know": a score from 4 ratings is not shown.
    expect(c01['Score: Practitioner']).toBe('no score: fewer than 5 ratings (the rest "don\'t know")');
    expect(c01['Score: Senior leader']).toBe('fewer than 5 answers');
    expect(c01['Score: Practice supervisor / team manager']).toBe('hidden (protects a smaller group)');
    expect(c01['Score: Volunteer']).toBe('no answers');
    expect(rows[1]!.slice(5, 8)).toEqual(['fewer than 5 answers', 'fewer than 5', '']);
    expect(rows[1]!.slice(8, 15)).toEqual(LEVELS.map(() => '')); // said once, in the all-staff cell
  });

  it("gives the plan's actions with owner, due date and status, escaping any cell that would start a formula", async () => {
    const { rows } = gridOf(await round.csvLines());
    expect(rows[0]!.slice(3, 5)).toEqual(['\'=HYPERLINK("http://evil","click")', "'+1 more workshop — Owner: Head of service · Due 1 December 2026 · In progress\nProgress: 20 November 2026: First workshop held with two teams"]);
    expect(rows[1]!.slice(3, 5)).toEqual([
      '1. Agree the role\nwith HR\n2. Name champions, "one per team", in every service',
      '1. Draft by Friday — Owner: =cmd|calc · Due 30 November 2026 · Done\n2. No due date · Not started',
    ]);
    expect(rows[2]!.slice(3, 5)).toEqual(["'-2 posts to fill", "'@SUM(A1) — Owner: Deputy director · No due date · Not started"]);
    // (The plan trims what it is given, so the space before ＠ is gone; cellSafety.spec.ts covers white space.)
    expect(rows[3]!.slice(3, 5)).toEqual(['\'\uFF1DHYPERLINK("http://evil-wide","click")', "'\uFF20SUM(A1) — No due date · Not started"]);
    expect(rows[4]!.slice(3, 5)).toEqual(["'\uFF0B1 more workshop", "'\uFF0D2 days — No due date · Not started"]);
    expect(rows[5]!.slice(3, 5)).toEqual(['', '']);
    // No cell starts a formula, fullwidth or behind white space.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[\s\uFEFF\u200B]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u);
  });
});

describe('the evidence notes (issue 11)', () => {
  it('are in their condition\'s row, in the last column', async () => {
    const { header, rows } = gridOf(await round.csvLines());
    expect(header.at(-1)).toBe('Evidence (how do you know?)');
    expect(rows[0]!.at(-1)).toBe('Case audit, QA audit of 20 cases, 2 November 2026: Partners were invited to 3 of 20 strategy meetings');
    expect(rows.slice(1).map((row) => row.at(-1))).toEqual(rows.slice(1).map(() => ''));
  });
});

describe('both files', () => {
  it('name nobody and carry no comment: no respondent id, Entra id, name, comment or editor', async () => {
    // What must stay out is really there to leak: the comment is stored, the plan names its editor.
    expect(await (await fetch(round.url('/conditions/C01/comments'))).text()).toContain(JSON.stringify(EVIL_COMMENT).slice(1, -1));
    expect(await (await fetch(round.url('/plan'))).text()).toContain('"updatedBy":"Local developer (not signed in)"');
    const csv = (await round.download('/export.csv')).bytes.toString('utf8');
    const xml = Object.values(unzipSync((await round.download('/export.xlsx')).bytes)).map((file) => strFromU8(file)).join('\n');
    expect(xml).toContain('Head of service');
    for (const text of [csv, xml]) {
      expect(text).not.toContain('evil-comment');
      expect(text).not.toContain('Local developer');
      for (const { who } of staff) {
        for (const secret of [respondentIdFor(who.aadObjectId, TEST_HMAC_KEY), who.aadObjectId, who.name]) expect(text).not.toContain(secret);
      }
    }
    expect(xml).not.toMatch(/<f[ >]/);
  });

  it('answer an unknown round with 404', async () => {
    const response = await fetch(`${round.service.url}/api/teams/${encodeURIComponent(TEAM.id)}/rounds/no-such-round/export.xlsx`);
    expect(response.status).toBe(404);
  });
});
