import { CONDITIONS } from '../../../bot/domain/conditions';
import { roundReport, type RoundReport } from '../../../bot/domain/export/roundReport';
import { knownTeamSize } from '../../../bot/domain/responseRate';
import { summariseNow, summariseRound } from '../../../bot/domain/summary';
import { action, EVIDENCE, HIDDEN_LEVELS, PLAN, reportAnswers, reportInput, SECRETS } from './reportFixture';

/** Every piece of text in the report, for what must never be in it. */
const allText = (report: RoundReport) => JSON.stringify(report);
const row = (report: RoundReport, number: number) => report.rows.find((r) => r.condition.number === number)!;

describe('the round report (Word export model)', () => {
  it('has one row per condition, in Appendix 2 order, with the figures in words as the tab words them', () => {
    const input = reportInput();
    const report = roundReport(input);
    expect(report.rows.map((r) => `${r.condition.number}. ${r.condition.text}`)).toEqual(CONDITIONS.map((c) => `${c.number}. ${c.text}`));
    const now = summariseNow(input.summary);
    expect(row(report, 1).figures).toBe(`${now[0]!.text} · 27 answers`);
    expect(row(report, 11).figures).toBe('Not shown: fewer than 5 answers');
    expect(row(report, 12).figures).toBe('No score: all 10 answers were "don\'t know" · 10 answers');
  });

  it('says where levels disagree, and the scores of the levels that may be shown', () => {
    const report = roundReport(reportInput());
    // C06: supervisors all "fully" (3.0), practitioners all "partly" (1.0).
    expect(row(report, 6).disagreement).toBe('Where levels disagree: practice supervisors and team managers (3.0) most positive, practitioners (1.0) least positive, a gap of 2.0.');
    expect(row(report, 6).byLevel).toBe('By level: practice supervisors and team managers 3.0, practitioners 1.0');
    expect(row(report, 1).disagreement).toBe('The levels shown agree (each 2.0).');
    expect(row(report, 11)).toMatchObject({ byLevel: null, disagreement: null });
  });

  it('never names a level that is too small to show (or hidden to protect one), with a figure or without', () => {
    const input = reportInput();
    // The levels really are there to leak: 2 senior leaders and 7 service managers answered every condition.
    expect(input.summary.respondentsByLevel['senior-leader']).toEqual({ shown: false, reason: 'too-small' });
    expect(input.summary.respondentsByLevel['service-manager']).toEqual({ shown: false, reason: 'protects-another' });
    const text = allText(roundReport(input)).toLowerCase();
    for (const level of HIDDEN_LEVELS) expect(text).not.toContain(level);
    expect(text).toContain('levels with fewer than 5 people answering are not named');
  });

  it('carries no comment text, respondent or editor, though the answers have comments and the plan and notes name who wrote them', () => {
    const answers = reportAnswers();
    expect(answers.every((a) => a.comment.includes(SECRETS.comment))).toBe(true);
    const text = allText(roundReport(reportInput({ summary: summariseRound(answers, 5) })));
    for (const secret of Object.values(SECRETS)) expect(text).not.toContain(secret);
    expect(text).toContain('Owner: Head of service');
  });

  it('puts the evidence notes in their condition\'s row, and in "how do you know it?"', () => {
    const report = roundReport(reportInput());
    expect(row(report, 6).evidence).toEqual([
      { conditionId: 'C06', about: "Case audit, QA team's audit of 20 CIN cases, 12 February 2027", found: 'Supervision was recorded in 14 of 20 cases; group discussion in none' },
      { conditionId: 'C06', about: 'Practice week, East team, 20 February 2027', found: 'Practitioners asked for case discussion with a psychologist' },
    ]);
    expect(row(report, 3).evidence).toEqual([{ conditionId: 'C03', about: 'Feedback from children and families, 30 January 2027', found: 'Families could not say what the model was' }]);
    expect(row(report, 1).evidence).toEqual([]);
    const howWeKnow = JSON.stringify(report.ofsted[1]);
    for (const note of EVIDENCE) expect(howWeKnow).toContain(note.found);
  });

  it("gives each condition's actions with owner, due date, status, its history and progress notes; overdue judged on the day the plan stands", () => {
    const report = roundReport(reportInput());
    expect(row(report, 6).actions).toEqual([
      expect.objectContaining({
        need: 'Restart group case discussion in every team',
        progress: 'Monthly sessions led by the principal social worker',
        owner: 'Owner: Head of service',
        due: 'Due 31 March 2027 (overdue)',
        status: 'In progress',
        history: 'Not started 1 March 2027, in progress 15 March 2027',
        notes: ['20 March 2027: First session held in the east team'],
      }),
      expect.objectContaining({ need: 'Agree the clinical\nconsultation offer', due: 'Due 30 June 2027', overdue: false, history: null }),
    ]);
    expect(row(report, 2).actions).toEqual([expect.objectContaining({ status: 'Done', due: 'No due date', owner: null })]);
    // The same plan as it stood at the round's close (28 February): nothing was overdue then.
    const atClose = roundReport(reportInput({ plan: { actions: PLAN, asOf: 'close', at: '2027-02-28T23:59:59Z' } }));
    expect(row(atClose, 6).actions[0]).toMatchObject({ due: 'Due 31 March 2027', overdue: false });
    expect(atClose.planAsOf).toBe("As it stood at the round's close on Sunday 28 February 2027");
    // The Ofsted answer's sentence reads as one: no dangling comma after the day.
    expect(atClose.ofsted[2]!.blocks[0]).toEqual({ paragraph: "The plan as it stood at the round's close on Sunday 28 February 2027 has 3 actions for 2 conditions: 1 done, 1 in progress, 1 not started." });
  });

  it('has a front page with the team, round, dates, response rate, privacy threshold and what it means', () => {
    const report = roundReport(reportInput());
    expect(report.title).toBe("Practice Audit: Children's Services – North, audit round 2");
    expect(Object.fromEntries(report.facts.map((f) => [f.label, f.value]))).toEqual({
      Team: "Children's Services – North",
      'Audit round': 'Round 2 (closed)',
      Opened: '1 February 2027',
      Closed: '28 February 2027',
      'Staff who answered': '27',
      'Response rate': '27 of 36 members (75%)',
      'Privacy threshold': '5 people',
      'The plan': 'As it stands on Friday 2 April 2027',
      'Report made': '2 April 2027 at 11:00',
    });
    expect(report.privacy).toMatch(/^No figure in this report comes from fewer than 5 people\. A condition or level with fewer than 5 answers is not shown/);
    // Without the team's size at close, the report says so rather than guessing a rate.
    const unknown = roundReport(reportInput({ teamSize: { known: false, why: 'not-kept' } }));
    expect(unknown.facts.find((f) => f.label === 'Response rate')!.value).toBe("No response rate: the team's size was not recorded when this round closed.");
  });

  it("answers Ofsted's three questions from the same figures, evidence and plan", () => {
    const report = roundReport(reportInput());
    expect(report.ofsted.map((a) => a.question)).toEqual(['What do you know about the quality of practice?', 'How do you know it?', 'What are your plans for the next 12 months?']);
    const [quality, howWeKnow, plans] = report.ofsted.map((a) => a.blocks);
    expect(quality![0]).toEqual({ paragraph: 'Staff rated the 12 conditions which promote good practice: 9 mostly in place, 1 partly in place; 1 condition had no score (too few ratings other than "don\'t know"); 1 condition could not be shown (fewer than 5 answers).' });
    expect(quality).toContainEqual({ paragraph: 'Rated lowest:' });
    expect(JSON.stringify(quality)).toContain('Condition 5, There is multi-disciplinary working including adult specialists alongside children\'s practitioners in integrated teams: partly in place (score 1.1 of 3)');
    expect(JSON.stringify(quality)).toContain('practice supervisors and team managers 3.0, practitioners 1.0 (a gap of 2.0)');
    expect(howWeKnow).toContainEqual({ paragraph: 'From staff at every level: the whole team was asked to rate each condition, and 27 people answered. Response rate: 27 of 36 members (75%).' });
    expect(howWeKnow).toContainEqual(expect.objectContaining({ paragraph: expect.stringMatching(/^People who answered, by level: practitioners 10, practice supervisors and team managers 8\./) }));
    expect(plans![0]).toEqual({ paragraph: 'The plan as it stands on Friday 2 April 2027 has 3 actions for 2 conditions: 1 done, 1 in progress, 1 not started; 1 overdue.' });
    expect(JSON.stringify(plans)).toContain('Restart group case discussion in every team — Owner: Head of service · Due 31 March 2027 (overdue) · In progress');
    // C05 is rated partly in place and has no action yet.
    expect(plans!.at(-1)).toEqual({ list: [expect.stringMatching(/^Condition 5, /)] });
  });

  it('says so when there is no plan and no evidence yet', () => {
    const report = roundReport(reportInput({ plan: { actions: [], asOf: 'close', at: '2027-02-28T23:59:59Z' }, evidence: [] }));
    expect(report.ofsted[2]!.blocks[0]).toEqual({ paragraph: "No actions had been agreed in the plan as it stood at the round's close on Sunday 28 February 2027." });
    expect(report.ofsted[1]!.blocks).toContainEqual({ paragraph: expect.stringMatching(/^No other evidence .* was recorded for this round\.$/) });
    expect(report.rows.every((r) => r.actions.length === 0 && r.evidence.length === 0)).toBe(true);
  });

  it('keeps a capped response rate honest and an action with no owner or date plain', () => {
    const report = roundReport(reportInput({ teamSize: knownTeamSize(20), plan: { actions: [action('C01', 'Map the partners')], asOf: 'now', at: '2027-04-02T10:00:00Z' } }));
    expect(report.facts.find((f) => f.label === 'Response rate')!.value).toBe('100% (27 people answered; the team had 20 members when the round closed)');
    expect(row(report, 1).actions).toEqual([expect.objectContaining({ need: 'Map the partners', owner: null, due: 'No due date', status: 'Not started', notes: [] })]);
  });
});
