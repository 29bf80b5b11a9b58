import { openingText } from '../../tab/src/components/organisation/organisationFormat';

/**
 * Issue 13: the organisation view says truly why a team of a service-wide round has no round in
 * it. A team never asked (its opening could not be scheduled) or whose job came after the close
 * date did not "already have a round open".
 */
describe("a team's part in a service-wide round, in words", () => {
  it('names each reason a team has no round as it was', () => {
    expect(openingText({ state: 'not-opened', reason: 'round-already-open', openRoundNumber: 4 })).toBe('Not opened: already had round 4 open');
    expect(openingText({ state: 'not-opened', reason: 'app-removed' })).toBe('Not opened: app removed');
    expect(openingText({ state: 'not-opened', reason: 'not-asked' })).toBe('Not asked: its opening could not be scheduled');
    expect(openingText({ state: 'not-opened', reason: 'closed-before-opening' })).toBe('Not opened: the close date passed first');
  });
});
