import fc from 'fast-check';
import {
  addCalendarMonths, addDays, checkedCloseDate, closeDayOf, dayInWords, endOfUkDay, isCalendarDay, latestCloseDay, proposedCloseDay, ukDayOf, ukTimeOnDay,
} from '../../bot/domain/closeDate';
import { assertTakingAnswers, type AuditRound } from '../../bot/domain/auditRound';

describe('a close date is the end of a UK day', () => {
  it.each([
    ['in winter (GMT), midnight UK is midnight UTC', '2026-12-11', '2026-12-12T00:00:00.000Z'],
    ['in summer (BST), midnight UK is 23:00 UTC the day before', '2026-07-10', '2026-07-10T23:00:00.000Z'],
    ['the last day of GMT before the clocks go forward', '2026-03-28', '2026-03-29T00:00:00.000Z'],
    ['the day the clocks go forward ends in BST', '2026-03-29', '2026-03-29T23:00:00.000Z'],
    ['the last day of BST before the clocks go back', '2026-10-24', '2026-10-24T23:00:00.000Z'],
    ['the day the clocks go back ends in GMT', '2026-10-25', '2026-10-26T00:00:00.000Z'],
    ['the last day of a year', '2026-12-31', '2027-01-01T00:00:00.000Z'],
  ])('%s', (_case, day, instant) => {
    expect(endOfUkDay(day).toISOString()).toBe(instant);
    expect(closeDayOf(instant)).toBe(day);
  });

  it('gives back the day it was made from, for any day of any year', () => {
    const days = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(days, (day) => {
      expect(closeDayOf(endOfUkDay(day))).toBe(day);
      expect(ukDayOf(endOfUkDay(day))).toBe(addDays(day, 1));
    }));
  });

  it('reads the day in the UK, not in UTC or the server\'s zone', () => {
    expect(ukDayOf(new Date('2026-07-10T23:30:00Z'))).toBe('2026-07-11');
    expect(ukDayOf(new Date('2026-12-10T23:30:00Z'))).toBe('2026-12-10');
  });

  it('writes the day as people read it in the UK', () => {
    expect(dayInWords('2026-12-11')).toBe('Friday 11 December 2026');
    expect(dayInWords('2026-03-29')).toBe('Sunday 29 March 2026');
  });

  it('knows a real day from a lookalike', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('11/12/2026')).toBe(false);
    expect(isCalendarDay(20261211)).toBe(false);
  });
});

describe('the close date a champion chooses', () => {
  // 10:00 on Friday 27 November 2026, UK time (GMT).
  const now = new Date('2026-11-27T10:00:00Z');

  it('is proposed the team\'s number of days from today', () => {
    expect(proposedCloseDay(now, 14)).toBe('2026-12-11');
    // Just before midnight UK time in summer it is already tomorrow in the UK.
    expect(proposedCloseDay(new Date('2026-07-10T23:30:00Z'), 1)).toBe('2026-07-12');
  });

  it('may be today (the round closes at midnight) and up to 90 days ahead', () => {
    expect(checkedCloseDate('2026-11-27', now).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(latestCloseDay(now)).toBe('2027-02-25');
    expect(checkedCloseDate('2027-02-25', now).toISOString()).toBe('2027-02-26T00:00:00.000Z');
  });

  it.each([
    ['a day that has passed', '2026-11-26', /Thursday 26 November 2026 has passed: please choose today or a later day/],
    ['more than 90 days ahead', '2027-02-26', /at most 90 days from today, by Thursday 25 February 2027/],
    ['no day at all', undefined, /Please choose the day the round closes/],
    ['something that is not a day', '2026-11-31', /Please choose the day the round closes/],
  ])('is refused when it is %s', (_case, value, message) => {
    expect(() => checkedCloseDate(value, now)).toThrow(expect.objectContaining({ code: 'INVALID_CLOSE_DATE', message: expect.stringMatching(message) }));
  });

  it('must be later than the current one to extend a round', () => {
    const current = endOfUkDay('2026-12-11').toISOString();
    expect(() => checkedCloseDate('2026-12-11', now, { laterThan: current })).toThrow(/already closes at the end of Friday 11 December 2026: please choose a later day/);
    expect(checkedCloseDate('2026-12-12', now, { laterThan: current }).toISOString()).toBe('2026-12-13T00:00:00.000Z');
  });
});

describe('answers and the close date', () => {
  const round: AuditRound = { teamId: 't', roundId: 'r', number: 1, status: 'open', openedAt: '2026-11-27T10:00:00Z', openedBy: 'Amara', closesAt: '2026-12-12T00:00:00.000Z', conditionMessageIds: {} };

  it('are taken until the last millisecond before the close, and refused from it on, even before the close runs', () => {
    expect(() => assertTakingAnswers(round, new Date('2026-12-11T23:59:59.999Z'))).not.toThrow();
    expect(() => assertTakingAnswers(round, new Date('2026-12-12T00:00:00.000Z'))).toThrow(expect.objectContaining({ code: 'ROUND_CLOSED' }));
    const { closesAt: _none, ...withoutCloseDate } = round;
    expect(() => assertTakingAnswers(withoutCloseDate, new Date('2030-01-01T00:00:00Z'))).not.toThrow();
  });
});

describe('a cadence in calendar months', () => {
  it('keeps the UK clock time across the change to summer time', () => {
    expect(addCalendarMonths(new Date('2026-01-15T10:00:00Z'), 6).toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });

  it('takes the last day of a shorter month', () => {
    expect(addCalendarMonths(new Date('2027-01-31T10:00:00Z'), 1).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addCalendarMonths(new Date('2026-11-30T10:00:00Z'), 3).toISOString()).toBe('2027-02-28T10:00:00.000Z');
    expect(addCalendarMonths(new Date('2026-10-15T10:00:00Z'), 24).toISOString()).toBe('2028-10-15T10:00:00.000Z');
  });
});

describe('a time of day on a UK day', () => {
  it.each([
    ['in winter (GMT), 09:00 UK is 09:00 UTC', '2027-03-03', '2027-03-03T09:00:00.000Z'],
    ['in summer (BST), 09:00 UK is 08:00 UTC', '2027-07-03', '2027-07-03T08:00:00.000Z'],
    ['the last day of GMT before the clocks go forward', '2027-03-27', '2027-03-27T09:00:00.000Z'],
    ['the morning the clocks go forward (01:00 UTC) is in BST by 09:00', '2027-03-28', '2027-03-28T08:00:00.000Z'],
    ['the last day of BST before the clocks go back', '2027-10-30', '2027-10-30T08:00:00.000Z'],
    ['the morning the clocks go back (01:00 UTC) is in GMT by 09:00', '2027-10-31', '2027-10-31T09:00:00.000Z'],
  ])('%s', (_case, day, instant) => {
    expect(ukTimeOnDay(day, 9).toISOString()).toBe(instant);
  });

  it('is that time on that day on a UK clock, for any day of any year', () => {
    const days = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const ukClock = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    fc.assert(fc.property(days, fc.integer({ min: 2, max: 23 }), fc.integer({ min: 0, max: 59 }), (day, hour, minute) => {
      const instant = ukTimeOnDay(day, hour, minute);
      expect(ukDayOf(instant)).toBe(day);
      expect(ukClock.format(instant)).toBe(`${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
    }));
  });
});
