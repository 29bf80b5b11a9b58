import type { RoundStatus } from '../../app/roundStatus';
import type { AuditRound } from '../../domain/auditRound';
import { formatDate, noticeCard, type AdaptiveCard } from '../cards';
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

/** The reply once a round is closed: who took part, and where the results are. */
export function closedRoundNotice({ round, participation }: RoundStatus): AdaptiveCard {
  const { respondents } = participation;
  const tookPart = respondents === 0 ? 'No one took part' : `${respondents} ${respondents === 1 ? 'person' : 'people'} took part`;
  return noticeCard({
    title: 'Round closed',
    text: `Audit round ${round.number} is closed. ${tookPart}. The cards above now show the final participation. ${RESULTS_IN_THE_TAB}`,
    tone: 'good',
  });
}

/** A second "start" answers with where the open round is. */
export function openRoundNotice(round: AuditRound): AdaptiveCard {
  return noticeCard({
    title: `Audit round ${round.number} is already open`,
    text: `${round.openedBy} opened it on ${formatDate(round.openedAt)}; its cards are in this channel. A practice champion can close it with "close" before starting another.`,
  });
}

/** Posting twelve cards is paced to Teams' limits, so it runs after the turn has answered. */
export function publishInBackground(round: AuditRound, deps: BotDeps): void {
  deps.inBackground(`publish round ${round.roundId}`, () => deps.publisher.publishRound(round));
}
