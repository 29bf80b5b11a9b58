import type { PlanAction } from '../../../bot/domain/plan';
import type { YouSaidWeDidFacts } from '../../../bot/domain/summary/youSaidWeDid';
import { weDidCard, youSaidWeDidCard, youSaidWeDidOfferCard, type AdaptiveCard } from '../../../bot/teams/cards';
import { planAction } from '../../tab/planFixtures';
import { HOSTILE_TEXT } from './cardKit';

/** A closed round's facts as the domain gives them (youSaidWeDid.ts), with `overrides`. */
export function youSaidWeDidFixture(overrides: Partial<YouSaidWeDidFacts> = {}): YouSaidWeDidFacts {
  return {
    roundNumber: 3,
    teamName: "Children's Services – North",
    closedAt: '2027-03-03T16:30:00.000Z',
    privacyThreshold: 5,
    respondents: 37,
    teamSize: { known: true, members: 52 },
    extremes: { kind: 'ranked', highest: [{ conditionId: 'C06', score: 2.4 }], lowest: [{ conditionId: 'C10', score: 0.9 }, { conditionId: 'C11', score: 0.9 }] },
    disagreements: { comparable: true, gaps: [{ conditionId: 'C03', gap: 1.4, mostPositive: { level: 'senior-leader', score: 2.6 }, leastPositive: { level: 'practitioner', score: 1.2 } }] },
    actions: [{ actionId: 'a1', conditionId: 'C10', need: 'Replace the assessment form with one that fits the practice model', owner: 'Head of service', dueDate: '2027-06-30', status: 'in-progress' }],
    planAsOf: { kind: 'living', on: '2027-03-10' },
    ...overrides,
  };
}

/** Thirty actions whose needs are 2,000 characters outside ASCII (3 bytes each in UTF-8), owners 200: the largest plan a card may meet. */
export const LARGEST_PLAN = Array.from({ length: 30 }, (_, i) => ({
  actionId: `a${i}`, conditionId: 'C05' as const, need: '€'.repeat(2000), owner: 'Ω'.repeat(200), dueDate: '2027-06-30', status: 'not-started' as const,
}));

export const DONE_ACTION: PlanAction = planAction({
  status: 'done', doneAt: '2027-03-05T11:00:00.000Z', need: 'A one-page summary of the practice model for every team', owner: 'Head of practice',
  notes: [{ noteId: 'n1', date: '2027-03-01', text: 'Sent to every team and read at each team meeting', writtenAt: '2027-03-02T10:00:00.000Z', writtenBy: 'Amara Okafor' }],
});

const ids = { teamId: '19:team@thread.tacv2', roundId: '20270303-163000000Z-abc123' };

/** Every "you said, we did" card and state, for the checks every card gets (allCards.spec.ts). */
export const YOU_SAID_WE_DID_CARDS: readonly (readonly [name: string, card: AdaptiveCard])[] = [
  ['you said, we did', youSaidWeDidCard(youSaidWeDidFixture())],
  ['you said, we did, the largest plan', youSaidWeDidCard(youSaidWeDidFixture({ actions: LARGEST_PLAN }))],
  ['you said, we did, nothing to name', youSaidWeDidCard(youSaidWeDidFixture({ respondents: 2, extremes: { kind: 'too-few', scored: 0 }, disagreements: { comparable: false, gaps: [] }, actions: [] }))],
  ['you said, we did: offer', youSaidWeDidOfferCard({ ...ids, facts: youSaidWeDidFixture(), state: { kind: 'offered' } })],
  ['you said, we did: offer, the largest plan', youSaidWeDidOfferCard({ ...ids, facts: youSaidWeDidFixture({ actions: LARGEST_PLAN, teamName: HOSTILE_TEXT }), state: { kind: 'notPosted', problem: 'Teams did not accept the card.' } })],
  ['you said, we did: not confirmed', youSaidWeDidOfferCard({ ...ids, facts: youSaidWeDidFixture(), state: { kind: 'unconfirmed', problem: 'Practice Audit could not reach Teams just now, so the post was not confirmed. Look in the channel, and try again if the card is not there.' } })],
  ['you said, we did: posting', youSaidWeDidOfferCard({ ...ids, facts: youSaidWeDidFixture(), state: { kind: 'posting' } })],
  ['you said, we did: posted', youSaidWeDidOfferCard({ ...ids, facts: youSaidWeDidFixture(), state: { kind: 'posted', postedAt: '2027-03-10T14:05:00.000Z', by: 'Amara Okafor' } })],
  ['you said, we did: being posted by another', youSaidWeDidOfferCard({ ...ids, facts: youSaidWeDidFixture(), state: { kind: 'postingElsewhere', since: '2027-03-10T14:05:00.000Z', by: 'Ben Hughes' } })],
  ['we did', weDidCard({ actionId: 'a1', conditionId: 'C03', need: DONE_ACTION.need, owner: DONE_ACTION.owner, doneAt: DONE_ACTION.doneAt!, latestNote: { date: '2027-03-01', text: 'Sent to every team' } })],
  ['we did, longest', weDidCard({ actionId: 'a1', conditionId: 'C05', need: '€'.repeat(2000), owner: 'Ω'.repeat(200), doneAt: '2027-03-05T11:00:00.000Z', latestNote: { date: '2027-03-01', text: '€'.repeat(2000) } })],
];
