import { docxFile } from '../../bot/app/tab/export/docxFile';
import { CONDITIONS } from '../../bot/domain/conditions';
import { roundReport } from '../../bot/domain/export/roundReport';
import { summariseNow } from '../../bot/domain/summary';
import { action, HIDDEN_LEVELS, PLAN, reportInput, SECRETS } from '../domain/export/reportFixture';
import { openDocx } from '../support/docxText';

/** The Word report as written (docx 9), opened with fflate and read from word/document.xml. */
const written = async (input = reportInput()) => openDocx(await docxFile(roundReport(input)));

describe('the Word report', () => {
  it("has Appendix 2's table: a header row repeated on every page, then one row per condition with what happens now, the need and the progress", async () => {
    const input = reportInput();
    const { tables } = await written(input);
    expect(tables).toHaveLength(1);
    const [table] = tables;
    expect(table!.headerRows).toBe(1);
    expect(table!.rows[0]).toEqual(['Condition', 'What happens now?', 'What needs to happen?', 'How will you progress this?']);
    const rows = table!.rows.slice(1);
    expect(rows.map((r) => r[0])).toEqual(CONDITIONS.map((c) => `${c.number}. ${c.text}`));
    const now = summariseNow(input.summary);
    rows.forEach((r, i) => expect(r[1]!.split('\n')[0]).toBe(`${now[i]!.text}${now[i]!.shown ? ` · ${now[i]!.answers} answers` : ''}`));
    expect(rows[5]![1]).toContain('Where levels disagree: practice supervisors and team managers (3.0) most positive, practitioners (1.0) least positive, a gap of 2.0.');
    expect(rows[5]![1]).toContain("Evidence\nCase audit, QA team's audit of 20 CIN cases, 12 February 2027: Supervision was recorded in 14 of 20 cases; group discussion in none");
    expect(rows[5]![2]).toBe('1. Restart group case discussion in every team\n2. Agree the clinical\nconsultation offer');
    expect(rows[5]![3]).toBe([
      '1. Monthly sessions led by the principal social worker',
      'Owner: Head of service · Due 31 March 2027 (overdue) · In progress',
      'Status: Not started 1 March 2027, in progress 15 March 2027',
      'Progress: 20 March 2027: First session held in the east team',
      '2. Owner: Principal social worker · Due 30 June 2027 · Not started',
    ].join('\n'));
    expect(rows[0]!.slice(2)).toEqual(['No action in the plan yet.', '']);
  });

  it('opens with a front page of the facts, then Ofsted\'s three questions, then the grid on landscape pages', async () => {
    const { paragraphs, documentXml, parts } = await written();
    expect(paragraphs.slice(0, 11)).toEqual([
      "Practice Audit: Children's Services – North, audit round 2",
      expect.stringMatching(/^A self-audit of the conditions which promote good practice/),
      "Team: Children's Services – North",
      'Audit round: Round 2 (closed)',
      'Opened: 1 February 2027',
      'Closed: 28 February 2027',
      'Staff who answered: 27',
      'Response rate: 27 of 36 members (75%)',
      'Privacy threshold: 5 people',
      'The plan: As it stands on Friday 2 April 2027',
      'Report made: 2 April 2027 at 11:00',
    ]);
    expect(paragraphs).toContain('Privacy');
    expect(paragraphs.find((p) => p.startsWith('No figure in this report comes from fewer than 5 people.'))).toBeDefined();
    // Headings in Word's own styles, in order, so they read as a document outline.
    const headings = [...documentXml.matchAll(/<w:pStyle w:val="(Title|Heading\d)"\/>[\s\S]*?<w:t[^>]*>([^<]*)</g)].map((m) => `${m[1]}: ${m[2]!.replace(/&apos;/g, "'")}`);
    expect(headings).toEqual([
      "Title: Practice Audit: Children's Services – North, audit round 2",
      'Heading2: Privacy',
      "Heading1: Ofsted's self-evaluation questions",
      'Heading2: What do you know about the quality of practice?',
      'Heading2: How do you know it?',
      'Heading2: What are your plans for the next 12 months?',
      'Heading1: Appendix 2: conditions which promote good practice',
    ]);
    const sections = [...documentXml.matchAll(/<w:pgSz [^>]*w:orient="(\w+)"/g)].map((m) => m[1]);
    expect(sections).toEqual(['portrait', 'landscape']);
    expect(documentXml.indexOf('Appendix 2: conditions')).toBeGreaterThan(documentXml.indexOf('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>'));
    expect(parts['word/styles.xml']).toContain('<w:lang w:val="en-GB"/>');
    expect(parts['docProps/core.xml']).toContain("<dc:title>Practice Audit: Children&apos;s Services – North, audit round 2</dc:title>");
  });

  it('carries no comment, respondent, editor or hidden level, though the answers have comments and the plan names its editors', async () => {
    const { parts } = await written();
    const everything = Object.values(parts).join('\n');
    for (const secret of Object.values(SECRETS)) expect(everything).not.toContain(secret);
    for (const level of HIDDEN_LEVELS) expect(everything.toLowerCase()).not.toContain(level);
    expect(everything).toContain('Head of service');
  });

  it('writes text that XML cannot hold without breaking the file, and keeps markup-like text as text', async () => {
    const plan = [...PLAN, action('C01', 'Ask <b>partners</b> & agencies\u0001\u0008 "now"\uD800', { owner: 'Team\u000B lead' })];
    const { tables, documentXml } = await written(reportInput({ plan: { actions: plan, asOf: 'now', at: '2027-04-02T10:00:00Z' } }));
    expect(tables[0]!.rows[1]![2]).toBe('Ask <b>partners</b> & agencies "now"');
    expect(tables[0]!.rows[1]![3]).toBe('Owner: Team lead · No due date · Not started');
    // eslint-disable-next-line no-control-regex -- matching them is the point
    expect(documentXml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(documentXml).not.toContain('<b>');
  });
});
