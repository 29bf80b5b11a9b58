import { levelLabel, LEVELS } from '../../../bot/domain/levels';
import { openParticipationOf } from '../../../bot/domain/participation';
import { knownTeamSize, type TeamSize } from '../../../bot/domain/responseRate';
import { roundIntroCard, statusCard } from '../../../bot/teams/cards';
import { actionsOf, factValue, inputsOf, participationFor, round, visibleText } from './cardKit';

// 2 senior leaders are too few; 5 service managers are then hidden too, so the
// 2 cannot be found by subtracting the shown levels from the total.
const participation = participationFor({ practitioner: 6, 'senior-leader': 2, supervisor: 7, 'service-manager': 5 });
const closed = round({ status: 'closed', closedAt: '2026-03-25T17:00:00.000Z' });
const closedIntro = (figures = participation, privacyThreshold = 5, membersAtClose?: number) =>
  roundIntroCard({ round: membersAtClose === undefined ? closed : { ...closed, membersAtClose }, conditionCount: 12, openedByName: 'Priya', participation: figures, privacyThreshold });
const UNREADABLE: TeamSize = { known: false, why: 'unreadable' };
const status = (figures = participation, teamSize: TeamSize = UNREADABLE) => statusCard({ round: round(), participation: figures, privacyThreshold: 5, teamSize });

describe.each([
  ['status card', status()],
  ['closed round intro', closedIntro()],
])('%s', (_name, card) => {
  it('gives the number of people who answered', () => {
    expect(visibleText(card)).toMatch(/20 people (have )?answered at least one condition\./);
  });

  it('counts answers for every condition, in order', () => {
    expect(factValue(card, '1. Systems aligned across agencies')).toBe('20');
    expect(factValue(card, '2. Leadership at all levels')).toBe('10');
    expect(factValue(card, '12. Sustaining innovation from the start')).toBe('0');
  });

  it('says there are no response rates by level, and why', () => {
    expect(visibleText(card)).toContain('There are no response rates by level: people who have not answered have given no level.');
  });

  it('is read-only', () => {
    expect(inputsOf(card)).toEqual([]);
    expect(actionsOf(card)).toEqual([]);
  });
});

describe('the closed round intro: people by level, fixed at close', () => {
  it('hides small levels and the level hidden to protect them, saying which is which, never their size', () => {
    const card = closedIntro();
    expect(factValue(card, levelLabel('senior-leader'))).toBe('fewer than 5');
    // Five is not "fewer than 5": it is hidden only so the two cannot be worked out.
    expect(factValue(card, levelLabel('service-manager'))).toBe('hidden (protects a smaller level)');
    expect(factValue(card, levelLabel('practitioner'))).toBe('6');
    expect(factValue(card, levelLabel('supervisor'))).toBe('7');
    expect(factValue(card, levelLabel('volunteer'))).toBe('0');
  });
});

// Issue 8: a level going from 0 to "fewer than 5" between two looks at the status card gave away
// the newcomer's level. While the round is open the card shows no level at all.
describe('the status card of an open round', () => {
  const before = participationFor({ practitioner: 10 });
  const after = participationFor({ practitioner: 10, 'senior-leader': 1 });
  const texts = [before, after].map((figures) => visibleText(status(figures, knownTeamSize(40))));

  it('shows no level, and says figures by level appear when the round closes', () => {
    for (const text of texts) {
      for (const { id } of LEVELS) expect(text).not.toContain(levelLabel(id));
      expect(text).not.toMatch(/People by level/);
      expect(text).toContain("Figures by level appear when the round closes, so that nobody's answer or level can be worked out from a change between two looks.");
    }
  });

  it('changes between two looks only in how many have answered', () => {
    const differing = texts[0]!.split('\n').filter((line, i) => line !== texts[1]!.split('\n')[i]);
    // The eleventh person answered C01 and C02 (participationFor); nothing says at which level.
    expect(differing).toEqual([
      '10 people have answered at least one condition.',
      'Response rate: 10 of 40 members (25%).',
      '1. Systems aligned across agencies: 10 of 40 (25%)',
      '2. Leadership at all levels: 5 of 40 (13%)',
    ]);
  });

  it('is the same from the participation the open round keeps (no levels in it)', () => {
    const open = openParticipationOf([{ conditionId: 'C01', level: 'senior-leader', respondentId: 'p1', answeredAt: '2026-03-05T09:00:00Z' }]);
    expect(Object.keys(open).sort()).toEqual(['answersByCondition', 'respondents']);
    expect(visibleText(statusCard({ round: round(), participation: open, privacyThreshold: 5, teamSize: knownTeamSize(40) }))).not.toContain(levelLabel('senior-leader'));
  });
});

describe('the suppression note', () => {
  it('appears only when something is suppressed', () => {
    expect(visibleText(closedIntro())).toMatch(/keep answers anonymous/);
    expect(visibleText(closedIntro(participationFor({ practitioner: 6, supervisor: 7 })))).not.toMatch(/keep answers anonymous/);
  });

  it('says a level is hidden to protect a smaller one only when one is', () => {
    expect(visibleText(closedIntro())).toContain('so that it cannot be worked out from the total, the next smallest level is hidden too.');
    // One practitioner: every level is "fewer than 5", none hidden to protect another.
    const text = visibleText(closedIntro(participationFor({ practitioner: 1 })));
    expect(text).toContain('To keep answers anonymous, a level with fewer than 5 people shows no count.');
    expect(text).not.toMatch(/next smallest level is hidden/);
  });

  it('follows the threshold it is given', () => {
    const card = closedIntro(participationFor({ practitioner: 9, supervisor: 12 }, 10), 10);
    expect(factValue(card, 'Practitioner')).toBe('fewer than 10');
    expect(visibleText(card)).not.toMatch(/: 9\b|\b9 (people|person)/);
  });
});

describe('the status card', () => {
  it('names the round, when it opened (UK date) and that it is open', () => {
    const text = visibleText(statusCard({ round: round({ openedAt: '2026-03-04T23:30:00Z' }), participation, privacyThreshold: 5, teamSize: knownTeamSize(52) }));
    expect(text).toContain('Audit round 3');
    expect(text).toContain('Opened: 4 March 2026');
    expect(text).toContain('Status: Open');
  });
});

describe('the round intro card', () => {
  it('when open, says so and how to answer', () => {
    const text = visibleText(roundIntroCard({ round: round(), conditionCount: 12, openedByName: 'Priya Shah', privacyThreshold: 5 }));
    expect(text).toContain('Audit round 3 is open');
    expect(text).toContain('Opened by Priya Shah on 4 March 2026.');
    expect(text).toContain('Rate each of the 12 conditions below');
    expect(text).toMatch(/level with your first answer: all your answers in this round count at that level/);
    expect(text).toMatch(/anonymous/);
    expect(text).toContain('say "audit"');
    expect(text).not.toMatch(/answered at least one/);
  });

  it('when closed, says when and that answers can no longer change', () => {
    const text = visibleText(roundIntroCard({ round: closed, conditionCount: 12, openedByName: 'Priya', participation, privacyThreshold: 5 }));
    expect(text).toContain('Audit round 3 is closed');
    expect(text).toContain('This audit round closed on 25 March 2026.');
    expect(text).not.toContain('Rate each');
  });
});

describe('the respondents line', () => {
  it.each([
    [{}, 'open', 'No one has answered yet.'],
    [{ volunteer: 1 }, 'open', '1 person has answered at least one condition.'],
    [{ volunteer: 6 }, 'open', '6 people have answered at least one condition.'],
    [{ volunteer: 6 }, 'closed', '6 people answered at least one condition.'],
    [{}, 'closed', 'No one answered.'],
  ] as const)('%j in a round that is %s', (peopleByLevel, status, line) => {
    const card = statusCard({ round: round({ status }), participation: participationFor(peopleByLevel), privacyThreshold: 5, teamSize: knownTeamSize(52) });
    expect(visibleText(card).split('\n')).toContain(line);
  });
});

// Issue 10: "37 of 52 members (71%)", against the team's roster now (status) or at close (the closed round's cards).
describe('the response rate', () => {
  it('on the status card: people of the team\'s members now, and each condition\'s completion', () => {
    const card = status(participation, knownTeamSize(52));
    expect(visibleText(card).split('\n')).toContain('Response rate: 20 of 52 members (38%).');
    expect(factValue(card, '1. Systems aligned across agencies')).toBe('20 of 52 (38%)');
    expect(factValue(card, '2. Leadership at all levels')).toBe('10 of 52 (19%)');
    expect(factValue(card, '12. Sustaining innovation from the start')).toBe('0 of 52 (0%)');
  });

  it('when the roster cannot be read: the counts with no denominator, and says so', () => {
    const text = visibleText(status(participation, UNREADABLE));
    expect(text).toContain("No response rate: the team's size could not be read from Teams just now.");
    expect(text).not.toMatch(/\d+ of \d+|%/);
    expect(factValue(status(participation, UNREADABLE), '1. Systems aligned across agencies')).toBe('20');
  });

  it('on the closed round\'s intro: against the members kept at close, or none when they were not kept', () => {
    const kept = closedIntro(participation, 5, 52);
    expect(visibleText(kept).split('\n')).toContain('Response rate: 20 of 52 members (38%).');
    expect(factValue(kept, '1. Systems aligned across agencies')).toBe('20 of 52 (38%)');
    const notKept = visibleText(closedIntro());
    expect(notKept).toContain("No response rate: the team's size was not recorded when this round closed.");
    expect(notKept).not.toMatch(/\d+ of \d+|%/);
  });

  it('counts everyone who answered, even past the team\'s size now, and caps the percentage at 100', () => {
    const text = visibleText(status(participationFor({ practitioner: 12 }), knownTeamSize(10)));
    expect(text).toContain('Response rate: 100% (12 people answered; the team has 10 members). People who answered and then left the team still count.');
  });
});
