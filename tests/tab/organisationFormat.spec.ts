import type { ServiceRoundTeamProgress } from '../../bot/domain/organisation/organisationView';
import { openingText, resultsWaitText } from '../../tab/src/components/organisation/organisationFormat';

/**
 * Issue 13: the organisation view says truly why a team of a service-wide round has no round in
 * it (a team never asked, or whose job came after the close date, did not "already have a round
 * open"), and why a round's results are not out yet.
 */
const closed = (teamName: string): ServiceRoundTeamProgress => ({ teamId: teamName, teamName, opening: { state: 'opened', roundId: `r-${teamName}`, roundNumber: 1 }, roundStatus: 'closed' });
const notAsked: ServiceRoundTeamProgress = { teamId: 'east', teamName: 'East', opening: { state: 'not-opened', reason: 'not-asked' } };
const CLOSES_AT = '2026-12-11T23:59:59.999Z';

describe("a team's part in a service-wide round, in words", () => {
  it('names each reason a team has no round as it was', () => {
    expect(openingText({ state: 'not-opened', reason: 'round-already-open', openRoundNumber: 4 })).toBe('Not opened: already had round 4 open');
    expect(openingText({ state: 'not-opened', reason: 'app-removed' })).toBe('Not opened: app removed');
    expect(openingText(notAsked.opening)).toBe('Not asked: its opening could not be scheduled');
    expect(openingText({ state: 'not-opened', reason: 'closed-before-opening' })).toBe('Not opened: the close date passed first');
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
