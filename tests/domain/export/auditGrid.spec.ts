import { auditGrid, gridLines } from '../../../bot/domain/export/auditGrid';
import { asciiFileName, reportFileName } from '../../../bot/domain/export/fileName';
import { action, evidenceNote, PLAN, reportInput, SECRETS } from './reportFixture';

/** The CSV and Excel grid (issue 11): the evidence notes and the actions' progress are in it; editors are not. */
const gridOf = (input = reportInput()) => auditGrid({ ...input, exportedAt: input.generatedAt });
const column = (grid: ReturnType<typeof gridOf>, header: string) => grid.columns.findIndex((c) => c.header === header);

describe('the spreadsheet grid', () => {
  it("gives each action's facts, status history and dated progress notes under \"How will you progress this?\"", () => {
    const grid = gridOf();
    const progress = column(grid, 'How will you progress this?');
    expect(grid.rows[5]![progress]).toBe([
      '1. Monthly sessions led by the principal social worker — Owner: Head of service · Due 31 March 2027 (overdue) · In progress',
      'Status: Not started 1 March 2027, in progress 15 March 2027',
      'Progress: 20 March 2027: First session held in the east team',
      '2. Owner: Principal social worker · Due 30 June 2027 · Not started',
    ].join('\n'));
    expect(grid.rows[1]![progress]).toBe('No due date · Done\nStatus: Not started 1 March 2027, done 10 March 2027');
  });

  it('gives the evidence notes in a column of their own, after the figures, so that earlier columns keep their place', () => {
    const grid = gridOf();
    expect(grid.columns.map((c) => c.header).slice(0, 5)).toEqual(['No.', 'Condition', 'What happens now?', 'What needs to happen?', 'How will you progress this?']);
    const evidence = column(grid, 'Evidence (how do you know?)');
    expect(evidence).toBe(grid.columns.length - 1);
    expect(grid.rows[5]![evidence]).toBe([
      "1. Case audit, QA team's audit of 20 CIN cases, 12 February 2027: Supervision was recorded in 14 of 20 cases; group discussion in none",
      '2. Practice week, East team, 20 February 2027: Practitioners asked for case discussion with a psychologist',
    ].join('\n'));
    expect(grid.rows[2]![evidence]).toBe('Feedback from children and families, 30 January 2027: Families could not say what the model was');
    expect(grid.rows[0]![evidence]).toBeNull();
  });

  it('says how many answered of the team and as of when the plan stands', () => {
    const details = Object.fromEntries(gridOf().details);
    expect(details['Response rate']).toBe('27 of 36 members (75%)');
    expect(details.Plan).toBe('As it stands on Friday 2 April 2027');
    const closed = Object.fromEntries(gridOf(reportInput({ plan: { actions: PLAN, asOf: 'close', at: '2027-02-28T23:59:59Z' } })).details);
    expect(closed.Plan).toBe("As it stood at the round's close on Sunday 28 February 2027");
  });

  it('formats scores to one decimal in the spreadsheet, and keeps them numbers', () => {
    const grid = gridOf();
    expect(grid.columns.filter((c) => c.header.startsWith('Score')).every((c) => c.numberFormat === '0.0')).toBe(true);
    expect(grid.rows[0]![column(grid, 'Score, all staff (0 to 3)')]).toBe(2.1);
  });

  it('names no editor, note writer or evidence adder, no respondent, no comment, and keeps notes and evidence from starting a formula', () => {
    const input = reportInput({
      plan: { actions: [...PLAN, action('C01', 'Ask', { notes: [{ noteId: 'x', date: '2027-03-01', text: '=1+1', writtenAt: '2027-03-01T09:00:00Z', writtenBy: SECRETS.noteWriter }] })], asOf: 'now', at: '2027-04-02T10:00:00Z' },
      evidence: [evidenceNote('C01', 'fine', { kind: 'other', source: '=HYPERLINK("x")', date: '2027-01-01' })],
    });
    const lines = gridLines(gridOf(input));
    const text = JSON.stringify(lines);
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    // The notes start with a date and the evidence with its kind, so neither can start a formula.
    expect(text).toContain('Progress: 1 March 2027: =1+1');
    expect(text).toContain('Other, =HYPERLINK(\\"x\\"), 1 January 2027: fine');
  });
});

describe("an export's file name", () => {
  it("carries the team's name as written, less what file systems and downloads cannot take", () => {
    expect(reportFileName("Children's Services – North", 3, 'docx')).toBe("Practice Audit - Children's Services – North - round 3.docx");
    expect(reportFileName('Équipe: Nord/Sud <test>?', 1, 'csv')).toBe('Practice Audit - Équipe Nord Sud test - round 1.csv');
    // A right-to-left override would show "…xcod.exe" as "…exe.docx"; control characters and a trailing dot go too.
    expect(reportFileName('Team\u202Eexe.\u0007 ..', 2, 'xlsx')).toBe('Practice Audit - Team exe - round 2.xlsx');
    expect(reportFileName('', 2, 'xlsx')).toBe('Practice Audit - round 2.xlsx');
    expect(reportFileName('x'.repeat(300), 2, 'csv')).toBe(`Practice Audit - ${'x'.repeat(80)} - round 2.csv`);
  });

  it('has an ASCII fallback for clients that do not read filename*', () => {
    expect(asciiFileName("Practice Audit - Children's Services – North - round 3.docx")).toBe("Practice Audit - Children's Services - North - round 3.docx");
    expect(asciiFileName('Practice Audit - Équipe 100% 北 - round 1.csv')).toBe('Practice Audit - Equipe 100- - - round 1.csv');
  });
});
