import { endOfUkDay } from '../../../bot/domain/closeDate';
import { conditionById } from '../../../bot/domain/conditions';
import { knownTeamSize } from '../../../bot/domain/responseRate';
import { VERBS, answerInChatActionData, closeRoundActionData, stopRemindersActionData } from '../../../bot/teams/cards/actions';
import { closeConfirmationCard, conditionCard, extendRoundCard, helpCard, openRoundCard, reminderCard, reminderOutcomeCard, remindTooSoonCard, statusCard } from '../../../bot/teams/cards';
import { closedRoundNotice } from '../../../bot/teams/handlers/roundNotices';
import { actionsOf, factValue, inputsOf, participationFor, round, visibleText } from './cardKit';

/** The words people read where the obvious wording was wrong for them (issue 8, items 21 and 22). */
describe('the help card', () => {
  it('names one champion as one: "practice champion: Priya Shah"', () => {
    const text = visibleText(helpCard({ isChampion: false, scope: 'team', champions: ['Priya Shah'] }));
    expect(text).toContain("This team's practice champion: Priya Shah.");
    expect(text).not.toContain('practice champions: Priya Shah');
  });

  it('after something that is not a command, says so first, then helps', () => {
    const text = visibleText(helpCard({ isChampion: true, scope: 'team', champions: ['Priya Shah'], notUnderstood: 'xyz' }));
    expect(text.split('\n')[0]).toBe('I didn\'t understand "xyz". Here is what Practice Audit can do.');
    expect(text).toMatch(/^start: Open an audit round/m);
  });

  it("tells champions what status shows now: the response rate, each condition's answers, the close date, the reminders", () => {
    const text = visibleText(helpCard({ isChampion: true, scope: 'team', champions: ['Priya Shah'] }));
    expect(text).toMatch(/^status: See the open round's response rate, how many have answered each condition, when it closes, and the reminders sent\.$/m);
  });

  it('quotes at most 60 characters of what was written', () => {
    const text = visibleText(helpCard({ isChampion: false, scope: 'team', champions: [], notUnderstood: 'a'.repeat(500) }));
    expect(text.split('\n')[0]).toBe(`I didn't understand "${'a'.repeat(59)}…". Here is what Practice Audit can do.`);
  });
});

describe('a condition card in a one-to-one chat', () => {
  it('gives the count without "Answered already?", which only the shared channel card needs', () => {
    const condition = conditionById('C04');
    const chat = visibleText(conditionCard({ round: round(), condition, answeredCount: 7, via: 'chat' }));
    expect(chat).toContain('7 people have answered.');
    expect(chat).not.toMatch(/Answered already|Submit again/);
    expect(visibleText(conditionCard({ round: round(), condition, answeredCount: 7, via: 'channel' }))).toContain(
      '7 people have answered. Answered already? Press My answer to see or change yours.',
    );
  });
});

describe('closing a round', () => {
  it('asks first, with Close and Cancel for that round', () => {
    const card = closeConfirmationCard({ teamId: '19:t', roundId: 'r-4', roundNumber: 4 });
    expect(visibleText(card)).toMatch(/^Close audit round 4\?\nAfter closing, no more answers are accepted/);
    const buttons = actionsOf(card);
    expect(buttons.map((b) => [b.title, b.verb])).toEqual([['Close', VERBS.closeRound], ['Cancel', VERBS.cancelClose]]);
    for (const button of buttons) expect(closeRoundActionData.parse(button.data)).toEqual({ teamId: '19:t', roundId: 'r-4' });
  });

  it('points to the tab for the results, and says how to add it', () => {
    const text = visibleText(closedRoundNotice({ round: round({ number: 2, status: 'closed' }), participation: participationFor({ practitioner: 1 }), delivery: { delivered: [], failed: [], notPosted: [] }, planKept: true, teamSize: knownTeamSize(52) }));
    expect(text).toContain('Audit round 2 is closed. 1 person took part.');
    expect(text).toContain('The results are in the Practice audit tab of this channel.');
    expect(text).toContain('No tab yet? Select + at the top of the channel, choose Practice Audit, and save.');
  });
});

describe('the close date field', () => {
  // Teams refuses a day outside min..max before sending, with the field's errorMessage: a past
  // day chosen in the Agents Playground showed "Please choose the day the round closes." under it.
  it.each([
    ['start', openRoundCard({ teamId: '19:t', roundId: '20260321-100000000Z-0a1b2c3d', closesOn: '2026-04-04', closeAfterDays: 14, today: '2026-03-21', latest: '2026-06-19' })],
    ['extend', extendRoundCard({ teamId: '19:t', roundId: 'r-4', roundNumber: 4, closesNow: '2026-04-04', closesOn: '2026-04-11', today: '2026-03-21', latest: '2026-06-19' })],
  ])('on %s, says which days it takes when Teams refuses one', (_command, card) => {
    const [field] = inputsOf(card);
    expect(field).toMatchObject({ type: 'Input.Date', min: '2026-03-21', max: '2026-06-19', isRequired: true });
    expect(field!.errorMessage).toBe('Please choose a day from today to Friday 19 June 2026.');
  });
});

describe('a reminder', () => {
  it('names the team, the round, its close date and the conditions still open, with Answer now and Stop reminders for this round', () => {
    // A round closing on 18 March stores the instant that day ends: midnight, as 19 March begins.
    const card = reminderCard({ round: round({ number: 2, teamName: 'Family Help North', closesAt: endOfUkDay('2026-03-18').toISOString() }), openConditions: [conditionById('C04'), conditionById('C11')] });
    const text = visibleText(card);
    expect(text).toMatch(/Family Help North\s+has audit round 2 open, and your view counts\. It closes at the end of Wednesday 18 March 2026 \(UK time\)\./);
    expect(text).toContain('2 conditions are still open for you:');
    expect(text).toContain(`4. ${conditionById('C04').text}`);
    expect(text).toContain(`11. ${conditionById('C11').text}`);
    expect(text).not.toContain(conditionById('C01').text);
    const buttons = actionsOf(card);
    expect(buttons.map((b) => [b.title, b.verb])).toEqual([['Answer now', VERBS.answerInChat], ['Stop reminders for this round', VERBS.stopReminders]]);
    const ids = { teamId: '19:team@thread.tacv2', roundId: '20260304-101500000Z-abc123' };
    expect(answerInChatActionData.parse(buttons[0]!.data)).toEqual(ids);
    expect(stopRemindersActionData.parse(buttons[1]!.data)).toEqual(ids);
  });

  it('refuses a second remind within three days saying when reminders were asked for, not that they went (the wave may still be waiting for Teams)', () => {
    const text = visibleText(remindTooSoonCard({ roundNumber: 2, lastAt: '2026-11-29T13:11:00.000Z', nextAt: '2026-12-02T13:11:00.000Z' }));
    expect(text).toBe(
      'Reminders asked for recently\nReminders for audit round 2 were asked for on 29 November 2026 at 13:11. So that people are not pestered, a champion can ask for them once every three days: you can ask again from 2 December 2026 at 13:11.',
    );
  });

  it('says in status what became of the latest reminders, never a count of nobody as if some went', () => {
    const line = (reminders: Parameters<typeof statusCard>[0]['reminders']) =>
      factValue(statusCard({ round: round(), participation: participationFor({}), privacyThreshold: 5, teamSize: knownTeamSize(52), ...(reminders ? { reminders } : {}) }), 'Reminders');
    const at = '2026-03-10T09:00:00.000Z';
    expect(line({ at, state: 'done', reminded: 15 })).toBe('10 March 2026, 15 people reminded');
    expect(line({ at, state: 'done', reminded: 0 })).toBe('10 March 2026, nobody reminded');
    expect(line({ at, state: 'going', reminded: 4 })).toBe('10 March 2026, 4 people reminded so far');
    expect(line({ at, state: 'going', reminded: 0 })).toBe('10 March 2026, going out now');
    expect(line({ at, state: 'waitingForTeams' })).toBe("10 March 2026, not sent yet: Teams would not give the team's members. Practice Audit will try again.");
    expect(line({ at, state: 'notSent' })).toBe("10 March 2026, not sent: Teams would not give the team's members. Nobody was reminded.");
    expect(line(undefined)).toBeUndefined();
  });

  it("tells the champion counts only, those who had answered and those Teams could not reach in one figure", () => {
    const totals = { reminded: 15, complete: 3, optedOut: 2, guests: 1, unmatched: 1, unreachable: 1, failed: 1, interrupted: 1 };
    expect(visibleText(reminderOutcomeCard({ round: round(), totals }))).toContain(
      '15 people reminded; 7 not reminded, as they had answered every condition or Teams could not reach them; 1 guest not reminded; 2 had asked for no reminders.',
    );
  });
});
