import { completionText, keptTeamSize, knownTeamSize, rateFigure, responseRate, responseRateText, teamSizeAtClose } from '../../bot/domain/responseRate';

// Issue 10: "37 of 52 members (71%)". The numerator is everyone who answered, never matched against the roster.
describe('the response rate', () => {
  it('is the people who answered of the team\'s members, to the nearest whole per cent', () => {
    expect(responseRate(37, knownTeamSize(52))).toEqual({ answered: 37, members: 52, percent: 71 });
    expect(responseRateText(37, knownTeamSize(52), true)).toBe('Response rate: 37 of 52 members (71%).');
    expect(responseRate(1, knownTeamSize(8)).percent).toBe(13); // 12.5 rounds up
  });

  it('says 100% only when everyone has answered, and 0% only when no one has', () => {
    expect(responseRate(199, knownTeamSize(200)).percent).toBe(99);
    expect(responseRate(200, knownTeamSize(200)).percent).toBe(100);
    expect(responseRate(1, knownTeamSize(1_203)).percent).toBe(1);
    expect(responseRate(0, knownTeamSize(1_203)).percent).toBe(0);
  });

  it('counts people who answered and then left: the count stands, the percentage is capped at 100', () => {
    expect(responseRate(55, knownTeamSize(52))).toEqual({ answered: 55, members: 52, percent: 100, capped: true });
    expect(responseRateText(55, knownTeamSize(52), true)).toBe('Response rate: 100% (55 people answered; the team has 52 members). People who answered and then left the team still count.');
    expect(rateFigure(55, knownTeamSize(52), false)).toBe('100% (55 people answered; the team had 52 members when the round closed)');
  });

  it('has no denominator when the team\'s size is not known, and says why instead of guessing', () => {
    expect(responseRate(12, { known: false, why: 'unreadable' })).toEqual({ answered: 12 });
    expect(responseRateText(12, { known: false, why: 'unreadable' }, true)).toBe("No response rate: the team's size could not be read from Teams just now.");
    expect(responseRateText(12, { known: false, why: 'not-kept' }, false)).toBe("No response rate: the team's size was not recorded when this round closed.");
    expect(completionText(12, { known: false, why: 'unreadable' })).toBe('12');
    expect(rateFigure(12, { known: false, why: 'unreadable' }, true)).toBeUndefined();
  });

  it('gives no percentage of a team Teams lists no one in', () => {
    expect(responseRate(0, knownTeamSize(0))).toEqual({ answered: 0, members: 0 });
    expect(responseRateText(0, knownTeamSize(0), true)).toBe('No response rate: Teams listed no members in the team.');
  });

  it("words a condition's completion as a short figure", () => {
    expect(completionText(30, knownTeamSize(52))).toBe('30 of 52 (58%)');
    expect(completionText(1_500, knownTeamSize(2_000))).toBe('1,500 of 2,000 (75%)');
  });
});

describe("a round's team size", () => {
  it('is the size kept at close once kept, whatever the team is now', () => {
    expect(teamSizeAtClose({ membersAtClose: 52 })).toEqual(knownTeamSize(52));
    expect(keptTeamSize({ membersAtClose: 52 }, false)).toEqual(knownTeamSize(52));
  });

  it('is none for a released round that kept no size, and the live roster\'s before its results are out', () => {
    expect(keptTeamSize({}, true)).toEqual({ known: false, why: 'not-kept' });
    expect(keptTeamSize({}, false)).toBeUndefined();
  });
});
