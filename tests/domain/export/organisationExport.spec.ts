import { endOfUkDay } from '../../../bot/domain/closeDate';
import { organisationExport } from '../../../bot/domain/export/organisationExport';
import { summariseService } from '../../../bot/domain/organisation/summariseService';

/** The details at the head of the organisation's CSV, Excel and Word files (issue 13). */
describe("the organisation export's details", () => {
  it.each([
    ['in winter (GMT)', '2026-12-13', '13 December 2026'],
    ['in summer (BST)', '2027-06-30', '30 June 2027'],
  ])('gives the close date as the day the rounds close at the end of, %s, not the next day', (_season, day, words) => {
    // closesAt is the end of the UK day: the next day's midnight, as every service-wide round stores it.
    const round = { serviceRoundId: 'sr-1', number: 1, openedAt: '2026-11-29T09:00:00.000Z', openedBy: 'Ewa Nowak', closesAt: endOfUkDay(day).toISOString(), status: 'closed' as const, teamsAsked: 0 };
    const file = organisationExport({
      view: { round, teams: [], results: 'released', summary: summariseService([], 5) },
      plans: { today: '2026-11-29', teams: [] },
      exportedAt: new Date('2026-11-29T10:00:00.000Z'),
    });
    expect(file.details).toContainEqual(['Close date', words]);
    expect(file.details.map(([label]) => label)).not.toContain('Closed');
  });
});
