import type { ConditionId } from '../../../bot/domain/conditions';
import type { LevelId } from '../../../bot/domain/levels';
import type { PlanAction } from '../../../bot/domain/plan';
import type { RatingId } from '../../../bot/domain/ratings';
import type { RatedAnswer } from '../../../bot/domain/summary/roundSummary';
import { summariseRound } from '../../../bot/domain/summary/summariseRound';
import { youSaidWeDidFacts, type PlanAsOf, type YouSaidWeDidFacts } from '../../../bot/domain/summary/youSaidWeDid';
import { participationSentence, youSaidWeDidWords } from '../../../bot/domain/summary/youSaidWeDidWords';
import { weDidFacts } from '../../../bot/domain/weDid';
import { refusalOf } from '../../support/refusal';
import { many } from './fixtures';

const CLOSED_AT = '2027-03-03T16:30:00.000Z';
const LIVING: PlanAsOf = { kind: 'living', on: '2027-03-10' };
const ALL: ConditionId[] = ['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12'];

/** `count` people at `level`, each rating every condition as `ratingOf` says. */
function people(count: number, level: LevelId, ratingOf: (c: ConditionId) => RatingId): RatedAnswer[] {
  return ALL.flatMap((c) => many(count, level, c, level, ratingOf(c)));
}

function action(overrides: Partial<PlanAction> = {}): PlanAction {
  return {
    actionId: 'a1', conditionId: 'C06', need: 'Monthly group case discussion in every team', progress: 'Pilot in the north team', owner: 'Head of service',
    ownerMember: null, dueDate: '2027-03-31', status: 'in-progress', createdAt: '2027-03-04T09:00:00.000Z', createdInRoundId: 'r1', doneAt: null,
    updatedAt: '2027-03-04T09:00:00.000Z', updatedBy: 'Amara Okafor', notes: [], statusHistory: [], version: 'v1', ...overrides,
  };
}

/**
 * Threshold 5. 20 practitioners, 8 practice supervisors, 6 service managers, 2 senior leaders:
 * the senior leaders are too few to show, and the service managers (the next smallest) are
 * hidden beside them. On condition 3 practitioners say "not in place", supervisors "mostly",
 * service managers "partly" and senior leaders "fully": shown, the senior leaders would make the
 * largest gap of all. Conditions 1 and 2 are "fully" for everyone, 12 "not in place", the rest "mostly".
 */
function factsOfTheRound(options: { actions?: PlanAction[]; membersAtClose?: number } = {}): YouSaidWeDidFacts {
  const rating = (byLevel: Partial<Record<LevelId, RatingId>>) => (level: LevelId) => (c: ConditionId): RatingId =>
    c === 'C03' ? byLevel[level]! : c === 'C01' || c === 'C02' ? 'fully' : c === 'C12' ? 'not-in-place' : 'mostly';
  const onC03 = rating({ practitioner: 'not-in-place', supervisor: 'mostly', 'service-manager': 'partly', 'senior-leader': 'fully' });
  const answers = [
    ...people(20, 'practitioner', onC03('practitioner')),
    ...people(8, 'supervisor', onC03('supervisor')),
    ...people(6, 'service-manager', onC03('service-manager')),
    ...people(2, 'senior-leader', onC03('senior-leader')),
  ];
  return youSaidWeDidFacts({
    round: { number: 3, teamName: "Children's Services – North", closedAt: CLOSED_AT, ...(options.membersAtClose !== undefined ? { membersAtClose: options.membersAtClose } : {}) },
    summary: summariseRound(answers, 5),
    plan: { actions: options.actions ?? [], asOf: LIVING },
  });
}

const wordsText = (facts: YouSaidWeDidFacts) => {
  const words = youSaidWeDidWords(facts);
  return [words.title, words.participation, ...words.sections.flatMap((s) => [s.heading, ...s.lines.flatMap((l) => [l.text, l.detail ?? ''])]), words.privacy].join('\n');
};

describe('"You said, we did": the facts of a closed round', () => {
  it('says who took part against the team kept at close, which conditions were rated highest and lowest (ties together), and where the shown levels disagree', () => {
    const facts = factsOfTheRound({ membersAtClose: 52 });
    expect(participationSentence(facts)).toBe('36 of 52 members (69%) took part in audit round 3, which closed on 3 March 2027.');
    expect(facts.extremes).toEqual({
      kind: 'ranked',
      highest: [{ conditionId: 'C01', score: 3 }, { conditionId: 'C02', score: 3 }],
      lowest: [{ conditionId: 'C12', score: 0 }],
    });
    expect(facts.disagreements).toEqual({
      comparable: true,
      gaps: [{ conditionId: 'C03', gap: 2, mostPositive: { level: 'supervisor', score: 2 }, leastPositive: { level: 'practitioner', score: 0 } }],
    });
    const words = youSaidWeDidWords(facts);
    expect(words.sections.map((s) => s.heading)).toEqual([
      'Rated highest (2 share the score)',
      'Rated lowest',
      'Where levels disagree most',
      'What we are doing: the plan as it stands on 10 March 2027',
    ]);
    expect(words.sections[2]!.lines).toEqual([
      { text: '3. There is clear communication of a model of good practice', detail: 'Practice supervisors and team managers 2.0, practitioners 0.0: a gap of 2.0' },
    ]);
  });

  it('never names a level too small to show, nor the level hidden to protect it, though either would make the largest gap', () => {
    const text = wordsText(factsOfTheRound()).toLowerCase();
    for (const hidden of ['senior leader', 'service manager', 'head of service']) expect(text).not.toContain(hidden);
    expect(text).toContain('practitioners 0.0');
  });

  it('names no highest or lowest when too few conditions have a score, or all have the same one', () => {
    const twoConditions = summariseRound([...many(6, 'p', 'C01', 'practitioner', 'fully'), ...many(6, 'p', 'C02', 'practitioner', 'partly'), ...many(3, 'q', 'C03', 'practitioner', 'mostly')], 5);
    const fewer = youSaidWeDidFacts({ round: { number: 1 }, summary: twoConditions, plan: { actions: [], asOf: LIVING } });
    expect(fewer.extremes).toEqual({ kind: 'too-few', scored: 2 });
    expect(youSaidWeDidWords(fewer).sections[0]).toEqual({ heading: 'Rated highest and lowest', lines: [{ text: 'Only 2 conditions had enough ratings to show a score: too few to name the highest and lowest.' }] });

    const same = youSaidWeDidFacts({ round: { number: 1 }, summary: summariseRound(people(6, 'practitioner', () => 'mostly'), 5), plan: { actions: [], asOf: LIVING } });
    expect(same.extremes).toEqual({ kind: 'all-equal', score: 2, scored: 12 });
    expect(youSaidWeDidWords(same).sections[0]!.lines[0]!.text).toBe('Every condition with a score was rated the same, 2.0 of 3.');
    // One level shown: nothing to compare, and nothing named.
    expect(same.disagreements).toEqual({ comparable: false, gaps: [] });
    expect(youSaidWeDidWords(same).sections[1]!.lines[0]!.text).toBe('No condition had two levels with enough answers to compare, so no level is named.');
  });

  it('names the three largest gaps, and every gap tied with the third', () => {
    // Practitioners "not in place" everywhere; supervisors "fully" on 1–4 (a gap of 3), "partly" elsewhere (a gap of 1).
    const summary = summariseRound([...people(6, 'practitioner', () => 'not-in-place'), ...people(6, 'supervisor', (c) => (['C01', 'C02', 'C03', 'C04'].includes(c) ? 'fully' : 'partly'))], 5);
    const facts = youSaidWeDidFacts({ round: { number: 1 }, summary, plan: { actions: [], asOf: LIVING } });
    expect(facts.disagreements.gaps.map((g) => [g.conditionId, g.gap])).toEqual([['C01', 3], ['C02', 3], ['C03', 3], ['C04', 3]]);
  });

  it('says so when the levels shown broadly agree (no gap of half a point)', () => {
    // On condition 5 supervisors 2.2 (four "mostly", one "fully"), practitioners 2.0; elsewhere the four supervisors are too few to show.
    const summary = summariseRound([...people(6, 'practitioner', () => 'mostly'), ...people(4, 'supervisor', () => 'mostly'), ...many(1, 's', 'C05', 'supervisor', 'fully')], 5);
    const facts = youSaidWeDidFacts({ round: { number: 1 }, summary, plan: { actions: [], asOf: LIVING } });
    expect(facts.disagreements).toEqual({ comparable: true, gaps: [] });
    expect(youSaidWeDidWords(facts).sections.find((s) => s.heading === 'Where levels disagree most')!.lines[0]!.text).toBe('Where levels could be compared, they broadly agreed: no two were 0.5 or more apart.');
  });

  it('words participation without a rate when the team was not counted at close, when more answered than the team had, and when no one did', () => {
    const base = { roundNumber: 2, closedAt: CLOSED_AT };
    expect(participationSentence({ ...base, respondents: 36, teamSize: { known: false, why: 'not-kept' } })).toBe('36 people took part in audit round 2, which closed on 3 March 2027.');
    expect(participationSentence({ ...base, respondents: 55, teamSize: { known: true, members: 52 } })).toBe('55 people took part in audit round 2, which closed on 3 March 2027; the team had 52 members when it closed (some who answered had left).');
    expect(participationSentence({ ...base, respondents: 0, teamSize: { known: true, members: 52 } })).toBe('No one took part in audit round 2, which closed on 3 March 2027.');
  });

  it('lists the agreed actions in the order of the conditions, with owner, due date and status; at most ten, the rest counted', () => {
    const actions = [
      action({ actionId: 'late', conditionId: 'C10', need: 'Fix the recording form', owner: '', dueDate: null, status: 'not-started' }),
      action({ actionId: 'early', conditionId: 'C02', need: 'x'.repeat(2000), status: 'done' }),
      ...Array.from({ length: 11 }, (_, i) => action({ actionId: `more-${i}`, conditionId: 'C12' })),
    ];
    const section = youSaidWeDidWords(factsOfTheRound({ actions })).sections.at(-1)!;
    expect(section.lines[0]).toEqual({ text: `2. ${'x'.repeat(299)}…`, detail: 'Owner: Head of service · Due 31 March 2027 · Done' });
    expect(section.lines[1]).toEqual({ text: '10. Fix the recording form', detail: 'No owner yet · No due date · Not started' });
    expect(section.lines).toHaveLength(11);
    expect(section.lines[10]).toEqual({ text: 'And 3 more actions: the whole plan is in the Practice audit tab.' });
    const frozen = youSaidWeDidFacts({ round: { number: 1 }, summary: summariseRound([], 5), plan: { actions: [], asOf: { kind: 'frozen', at: CLOSED_AT } } });
    expect(youSaidWeDidWords(frozen).sections.at(-1)).toEqual({
      heading: 'What we are doing: the plan as it stood when the round closed',
      lines: [{ text: 'No actions have been agreed yet. When they are, they will be in the Plan of the Practice audit tab.' }],
    });
  });
});

describe('"We did": a done action', () => {
  it('carries the condition, what was done and its latest progress note', () => {
    const notes = [
      { noteId: 'n1', date: '2027-02-01', text: 'Pilot started', writtenAt: '2027-02-01T10:00:00.000Z', writtenBy: 'Amara Okafor' },
      { noteId: 'n2', date: '2027-03-01', text: 'Running in every team', writtenAt: '2027-03-02T10:00:00.000Z', writtenBy: 'Amara Okafor' },
      { noteId: 'n3', date: '2027-02-15', text: 'Written late about February', writtenAt: '2027-03-05T10:00:00.000Z', writtenBy: 'Amara Okafor' },
    ];
    expect(weDidFacts(action({ status: 'done', doneAt: '2027-03-05T11:00:00.000Z', notes }))).toEqual({
      actionId: 'a1', conditionId: 'C06', need: 'Monthly group case discussion in every team', owner: 'Head of service',
      doneAt: '2027-03-05T11:00:00.000Z', latestNote: { date: '2027-03-01', text: 'Running in every team' },
    });
  });

  it('refuses an action that is not done, saying what to do', () => {
    expect(refusalOf(() => weDidFacts(action({ status: 'in-progress' })))).toEqual({
      code: 'ACTION_NOT_DONE',
      message: 'Only a done action can be announced, and this one is in progress: mark it done in the plan first.',
    });
  });
});
