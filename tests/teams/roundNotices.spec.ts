import type { ClosedRound } from '../../bot/app/closeRound';
import type { DeliveryReport } from '../../bot/app/deliveryReport';
import type { AuditRound } from '../../bot/domain/auditRound';
import { CONDITIONS } from '../../bot/domain/conditions';
import { participationOf } from '../../bot/domain/participation';
import { knownTeamSize } from '../../bot/domain/responseRate';
import { cardsNotPostedNotice, closedRoundNotice, openRoundNotice } from '../../bot/teams/handlers/roundNotices';
import { cardText } from '../support/cardText';

// What the bot says about a round's cards is read off the delivery report: never more than was done.
const allPosted = Object.fromEntries(CONDITIONS.map((c) => [c.id, `m-${c.id}`]));
const round: AuditRound = { teamId: 't', roundId: 'r', number: 3, status: 'open', openedAt: '2026-11-25T10:00:00.000Z', openedBy: 'Amara Okafor', introMessageId: 'm-intro', conditionMessageIds: allPosted };
const closed = (delivery: Partial<DeliveryReport>): ClosedRound => ({
  round: { ...round, status: 'closed' },
  participation: participationOf([], 5),
  delivery: { delivered: ['intro', ...CONDITIONS.map((c) => c.id)], failed: [], notPosted: [], ...delivery },
  teamSize: knownTeamSize(52),
  planKept: true,
});
const text = (card: unknown) => cardText(card);

it('says every card shows the final figures only when every card was updated', () => {
  expect(text(closedRoundNotice(closed({})))).toMatch(/Audit round 3 is closed\. No one took part\. Response rate: 0 of 52 members \(0%\)\. The cards above now show the final participation\./);
});

it('gives no response rate when the roster could not be read at close, and says why', () => {
  const notice = text(closedRoundNotice({ ...closed({}), teamSize: { known: false, why: 'unreadable' } }));
  expect(notice).toMatch(/Audit round 3 is closed\. No one took part\. No response rate: the team's size could not be read from Teams just now\./);
  expect(notice).not.toMatch(/%/);
});

it('names refused, deleted and never-posted cards at close, and counts only the condition cards updated', () => {
  const delivered = ['intro', 'C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08'] as const;
  const notice = text(closedRoundNotice(closed({
    delivered: [...delivered],
    failed: [{ card: 'C09', status: 404, code: 'ActivityNotFoundInConversation' }, { card: 'C10', status: 404 }, { card: 'C11', status: 502 }],
    notPosted: ['C12'],
  })));
  expect(notice).toMatch(/8 of 12 condition cards now show the final participation/);
  expect(notice).toMatch(/conditions 9 and 10 could not be updated \(they may have been deleted\)/);
  expect(notice).toMatch(/Teams did not accept the update of condition 11, even after several tries/);
  expect(notice).toMatch(/condition 12 was never posted/);
  expect(notice).toMatch(/Answers on any card are refused from now on/);
});

it('tells the channel which cards Teams refused, the intro included, and the command that posts them', () => {
  const notice = text(cardsNotPostedNotice(round, [{ card: 'intro', status: 500 }, { card: 'C04', status: 403 }, { card: 'C07' }], 'all'));
  expect(notice).toMatch(/Teams did not accept 3 of audit round 3's cards, even after several tries: the round's opening card and conditions 4 and 7\./);
  expect(notice).toMatch(/post them with "repost all"/);
});

it('answers a second start with the cards posted so far', () => {
  const partly = { ...round, introMessageId: undefined, conditionMessageIds: { C01: 'm-1', C02: 'm-2' } } as AuditRound;
  expect(text(openRoundNotice(partly))).toMatch(/2 of its 12 condition cards have been posted in this channel so far; the round's opening card and conditions 3–12 have not/);
  expect(text(openRoundNotice(round))).toMatch(/All 12 of its condition cards were posted in this channel\./);
});
