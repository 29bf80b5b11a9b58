import type { ServiceRoundTeamProgress } from '../../bot/domain/organisation/organisationView';
import { openingText, resultsWaitText } from '../../tab/src/components/organisation/organisationFormat';

/** What the organisation view says of a team not asked, and why a round's results are not out yet. */
const closed = (teamName: string): ServiceRoundTeamProgress => ({ teamId: teamName, teamName, opening: { state: 'opened', roundId: `r-${teamName}`, roundNumber: 1 }, roundStatus: 'closed' });
const notAsked: ServiceRoundTeamProgress = { teamId: 'east', teamName: 'East', opening: { state: 'not-opened', reason: 'not-asked' } };
const CLOSES_AT = '2026-12-11T23:59:59.999Z';

describe('the organisation view’s words for a service-wide round not yet released', () => {
  it('says a team was not asked, not that it had a round open', () => {
    expect(openingText(notAsked.opening)).toBe('Not asked: its opening could not be scheduled');
  });

  it('says the results wait for the close date while a team not asked can still be asked, and come in a moment after it', () => {
    expect(resultsWaitText([closed('North'), notAsked], CLOSES_AT, new Date('2026-12-01T10:00:00Z'))).toBe(
      'Every round that opened has closed, but 1 team was not asked and can still be asked until 11 December 2026: the results appear after that day.',
    );
    const moment = 'Every team’s round has closed: the results will show here in a moment.';
    expect(resultsWaitText([closed('North'), notAsked], CLOSES_AT, new Date('2026-12-12T00:00:01Z'))).toBe(moment);
    expect(resultsWaitText([closed('North')], CLOSES_AT, new Date('2026-12-01T10:00:00Z'))).toBe(moment);
  });
});
