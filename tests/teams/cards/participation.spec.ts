import { levelLabel } from '../../../bot/domain/levels';
import { roundIntroCard, statusCard } from '../../../bot/teams/cards';
import { actionsOf, factValue, inputsOf, participationFor, round, visibleText } from './cardKit';

// 2 senior leaders are too few; 5 service managers are then hidden too, so the
// 2 cannot be found by subtracting the shown levels from the total.
const participation = participationFor({ practitioner: 6, 'senior-leader': 2, supervisor: 7, 'service-manager': 5 });
const closed = round({ status: 'closed', closedAt: '2026-03-25T17:00:00.000Z' });

describe.each([
  ['status card', statusCard({ round: round(), participation, privacyThreshold: 5 })],
  ['closed round intro', roundIntroCard({ round: closed, conditionCount: 12, openedByName: 'Priya', participation, privacyThreshold: 5 })],
])('%s', (_name, card) => {
  it('gives the number of people who answered', () => {
    expect(visibleText(card)).toMatch(/20 people (have )?answered at least one condition\./);
  });

  it('hides small levels and the level hidden to protect them, saying which is which, never their size', () => {
    expect(factValue(card, levelLabel('senior-leader'))).toBe('fewer than 5');
    // Five is not "fewer than 5": it is hidden only so the two cannot be worked out.
    expect(factValue(card, levelLabel('service-manager'))).toBe('hidden (protects a smaller level)');
    expect(factValue(card, levelLabel('practitioner'))).toBe('6');
    expect(factValue(card, levelLabel('supervisor'))).toBe('7');
    expect(factValue(card, levelLabel('volunteer'))).toBe('0');
  });

  it('counts answers for every condition, in order', () => {
    expect(factValue(card, '1. Systems aligned across agencies')).toBe('20');
    expect(factValue(card, '2. Leadership at all levels')).toBe('10');
    expect(factValue(card, '12. Sustaining innovation from the start')).toBe('0');
  });

  it('is read-only', () => {
    expect(inputsOf(card)).toEqual([]);
    expect(actionsOf(card)).toEqual([]);
  });
});

describe('the suppression note', () => {
  it('appears only when something is suppressed', () => {
    const open = round();
    expect(visibleText(statusCard({ round: open, participation, privacyThreshold: 5 }))).toMatch(/keep answers anonymous/);
    const large = participationFor({ practitioner: 6, supervisor: 7 });
    expect(visibleText(statusCard({ round: open, participation: large, privacyThreshold: 5 }))).not.toMatch(/keep answers anonymous/);
  });

  it('follows the threshold it is given', () => {
    const card = statusCard({ round: round(), participation: participationFor({ practitioner: 9, supervisor: 12 }, 10), privacyThreshold: 10 });
    expect(factValue(card, 'Practitioner')).toBe('fewer than 10');
    expect(visibleText(card)).not.toMatch(/: 9\b|\b9 (people|person)/);
  });
});

describe('the status card', () => {
  it('names the round, when it opened (UK date) and that it is open', () => {
    const text = visibleText(statusCard({ round: round({ openedAt: '2026-03-04T23:30:00Z' }), participation, privacyThreshold: 5 }));
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
    expect(text).toMatch(/level.*remembered for this team/);
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
    const card = statusCard({ round: round({ status }), participation: participationFor(peopleByLevel), privacyThreshold: 5 });
    expect(visibleText(card).split('\n')).toContain(line);
  });
});
