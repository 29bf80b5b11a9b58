import { closeDayFromWords } from '../../bot/teams/closeDateWords';

/** What a champion may write after "extend": read in UK order, relative to today and the current close date. */
describe('a close date written after "extend"', () => {
  const context = { today: '2026-11-27', closesOn: '2026-12-11' };

  it.each([
    ['', 'nothing'],
    ['7 days', '2026-12-18'],
    ['by 1 day', '2026-12-12'],
    ['2 weeks', '2026-12-25'],
    ['to 20 December', '2026-12-20'],
    ['until 20th Dec', '2026-12-20'],
    ['Monday 4 January 2027', '2027-01-04'],
    ['to 4 Jan', '2027-01-04'],
    ['20/12/2026', '2026-12-20'],
    ['4/1', '2027-01-04'],
    ['2026-12-20', '2026-12-20'],
    ['next week sometime', 'unreadable'],
    ['31 February', 'unreadable'],
    ['20 Decembre', 'unreadable'],
  ])('reads "%s" as %s', (words, day) => {
    expect(closeDayFromWords(words, context)).toEqual(/^\d/.test(day) ? { day } : day);
  });
});
