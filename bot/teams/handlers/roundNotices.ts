import type { AuditRound } from '../../domain/auditRound';
import { formatDate, noticeCard, type AdaptiveCard } from '../cards';
import type { BotDeps } from './botDeps';

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
