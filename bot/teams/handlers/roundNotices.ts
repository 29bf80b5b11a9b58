import type { ClosedRound } from '../../app/closeRound';
import { isGone, type CardNotDelivered, type DeliveryReport } from '../../app/deliveryReport';
import { unpostedCards, type AuditRound, type PostingAddress, type RoundCard } from '../../domain/auditRound';
import { CONDITIONS } from '../../domain/conditions';
import { responseRateText } from '../../domain/responseRate';
import { formatDate, noticeCard, type AdaptiveCard } from '../cards';
import { closeDayInWords, people } from '../cards/format';
import { deliveryFailureOf } from '../delivery/deliveryFailure';
import type { BotDeps } from './botDeps';

/**
 * Where a team reads its results. The bot cannot see whether the channel has the tab (that takes
 * Microsoft Graph), so it says how to add one too; the tab's name is the one its configuration
 * page suggests (tab/src/views/ConfigView.tsx).
 */
const RESULTS_IN_THE_TAB =
  'The results are in the Practice audit tab of this channel. No tab yet? Select + at the top of the channel, choose Practice Audit, and save.';

/** Said at once when a champion confirms closing: the close itself waits for answers in flight. */
export function closingRoundNotice(round: AuditRound): AdaptiveCard {
  return noticeCard({
    title: `Closing audit round ${round.number}…`,
    text: 'Counting the answers already on their way, then updating the cards. This takes a few seconds.',
  });
}

// What the bot says about a round's cards in its channel. Every sentence is read off what
// storage recorded or what Teams answered: no reply claims what was not done.

const CONDITION_COUNT = CONDITIONS.length;

/** "condition 2", "conditions 2, 5 and 9", "conditions 3–12", "the round's opening card and condition 4" */
function namesOf(cards: readonly RoundCard[]): string {
  const numbers = cards.filter((c): c is Exclude<RoundCard, 'intro'> => c !== 'intro').map((id) => Number(id.slice(1)));
  const parts: string[] = [];
  if (cards.includes('intro')) parts.push("the round's opening card");
  if (numbers.length > 0) parts.push(`${numbers.length === 1 ? 'condition' : 'conditions'} ${joinAnd(runsOf(numbers))}`);
  return parts.join(' and ');
}

/** [1, 3, 4, 5, 6, 9] → ['1', '3–6', '9']: runs of three or more as a range. */
function runsOf(numbers: readonly number[]): string[] {
  const sorted = [...numbers].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]! + 1) end += 1;
    runs.push(...(end - start >= 2 ? [`${sorted[start]}–${sorted[end]}`] : sorted.slice(start, end + 1).map(String)));
    start = end + 1;
  }
  return runs;
}

function joinAnd(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const cardWord = (count: number) => (count === 1 ? 'card' : 'cards');

/** A second "start" (always a champion) answers with the open round and how many of its cards are posted. */
export function openRoundNotice(round: AuditRound): AdaptiveCard {
  const unposted = unpostedCards(round);
  const posted = CONDITION_COUNT - unposted.filter((c) => c !== 'intro').length;
  const opened = `${round.openedBy} opened it on ${formatDate(round.openedAt)}.`;
  const cards =
    unposted.length === 0
      ? `All ${CONDITION_COUNT} of its condition cards were posted in this channel. If some cannot be found here (deleted, for example), "repost all" posts every card again.`
      : `${posted} of its ${CONDITION_COUNT} condition cards have been posted in this channel so far; ${namesOf(unposted)} ${unposted.length === 1 ? 'has' : 'have'} not. If they do not appear within a minute, "repost" posts what is missing.`;
  return noticeCard({
    title: `Audit round ${round.number} is already open`,
    text: `${opened} ${cards} A practice champion can close it with "close" before starting another.`,
  });
}

/**
 * The immediate answer to `repost` / `repost all`, and whether there is anything to post.
 * Only what is being attempted is claimed; a card Teams refuses is reported afterwards.
 */
export function repostNotice(round: AuditRound, which: 'missing' | 'all'): { card: AdaptiveCard; anythingToPost: boolean } {
  if (which === 'all') {
    const text = `Posting all of audit round ${round.number}'s cards in this channel again now. Answers already given are kept, and the new cards are the ones that will show the counts and, at close, the final figures.`;
    return { card: noticeCard({ title: 'Posting the cards again', text }), anythingToPost: true };
  }
  const unposted = unpostedCards(round);
  if (unposted.length === 0) {
    const text = `All of audit round ${round.number}'s cards have been posted in this channel. If some cannot be found here (deleted, for example), "repost all" posts every card again.`;
    return { card: noticeCard({ title: 'Nothing is missing', text }), anythingToPost: false };
  }
  const text = `Posting the ${unposted.length} missing ${cardWord(unposted.length)} of audit round ${round.number} in this channel now: ${namesOf(unposted)}.`;
  return { card: noticeCard({ title: 'Posting the missing cards', text }), anythingToPost: true };
}

/** Posted in the channel when Teams did not accept some of a round's cards, saying which and how to post them. */
export function cardsNotPostedNotice(round: AuditRound, failed: readonly CardNotDelivered[], which: 'missing' | 'all'): AdaptiveCard {
  const cards = failed.map((f) => f.card);
  const command = which === 'all' ? 'repost all' : 'repost';
  const text = `Teams did not accept ${cards.length} of audit round ${round.number}'s ${cardWord(cards.length)}, even after several tries: ${namesOf(cards)}. A practice champion can post ${cards.length === 1 ? 'it' : 'them'} with "${command}".`;
  return noticeCard({ title: `${cards.length === 1 ? 'A card was' : 'Some cards were'} not posted`, text, tone: 'attention' });
}

/**
 * Why a round closed, when no champion's `close` did it (issue 10): it reached its close date, or
 * the team's cadence opened the next round.
 */
export type AutomaticClose = { readonly kind: 'closeDate' } | { readonly kind: 'nextRound'; readonly cadence: string };

function closedSentence(round: AuditRound, automatic: AutomaticClose | undefined): string {
  if (automatic?.kind === 'closeDate' && round.closesAt) return `Audit round ${round.number} closed at the end of its close date, ${closeDayInWords(round.closesAt)}.`;
  if (automatic?.kind === 'nextRound') return `Audit round ${round.number} closed as the next round opened (this team repeats rounds ${automatic.cadence}).`;
  return `Audit round ${round.number} is closed.`;
}

/**
 * The answer to `close`, or the channel's notice when a round closed by itself: the closing
 * figures, and which cards now show them (item 6: never "every card" when one failed).
 */
export function closedRoundNotice({ round, participation, delivery, teamSize }: ClosedRound, automatic?: AutomaticClose): AdaptiveCard {
  const { respondents } = participation;
  const tookPart = respondents === 0 ? 'No one took part' : `${people(respondents)} took part`;
  const closed = `${closedSentence(round, automatic)} ${tookPart}. ${responseRateText(respondents, teamSize, false)}`;
  const problems = closingProblems(delivery);
  if (problems.length === 0) {
    return noticeCard({ title: 'Round closed', text: `${closed} The cards above now show the final participation. ${RESULTS_IN_THE_TAB}`, tone: 'good' });
  }
  const updated = delivery.delivered.filter((c) => c !== 'intro').length;
  const text = `${closed} ${updated} of ${CONDITION_COUNT} condition cards now show the final participation; ${problems.join('; ')}. Answers on any card are refused from now on. ${RESULTS_IN_THE_TAB}`;
  return noticeCard({ title: 'Round closed', text, tone: 'attention' });
}

function closingProblems(delivery: DeliveryReport): string[] {
  const gone = delivery.failed.filter(isGone).map((f) => f.card);
  const refused = delivery.failed.filter((f) => !isGone(f)).map((f) => f.card);
  const problems: string[] = [];
  if (gone.length > 0) problems.push(`${namesOf(gone)} could not be updated (${gone.length === 1 ? 'it' : 'they'} may have been deleted)`);
  if (refused.length > 0) problems.push(`Teams did not accept the update of ${namesOf(refused)}, even after several tries`);
  if (delivery.notPosted.length > 0) problems.push(`${namesOf(delivery.notPosted)} ${delivery.notPosted.length === 1 ? 'was' : 'were'} never posted`);
  return problems;
}

/**
 * Posting twelve cards is paced to Teams' limits, so it runs after the turn has answered.
 * If Teams refuses any card, the channel is told which, and how to post it.
 */
export function publishInBackground(round: AuditRound, deps: BotDeps, which: 'missing' | 'all' = 'missing', askedIn?: PostingAddress): void {
  deps.inBackground(`publish round ${round.roundId}`, async () => {
    const report = await deps.services.roundCards.publishRound(round, which, askedIn);
    // Told where the champion asked: the round's stored conversation may be the one that is gone.
    const tellIn = askedIn ?? round.postedIn;
    if (report.failed.length === 0 || !tellIn) return;
    const notice = cardsNotPostedNotice(round, report.failed, which);
    await deps.teams.inConversation(tellIn, (conversation) => conversation.postCard(notice)).catch((error: unknown) => {
      deps.logger.warn('notice_post_failed', { roundId: round.roundId, ...deliveryFailureOf(error), error });
    });
  });
}
