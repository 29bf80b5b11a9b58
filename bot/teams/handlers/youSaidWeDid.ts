import { completeChannelPost, startChannelPost, type PostStart } from '../../app/announce/postOnce';
import { offerYouSaidWeDid, roundToTell, type RoundToTell } from '../../app/announce/youSaidWeDid';
import type { Person } from '../../app/auditServices';
import { requireChampion } from '../../app/champions';
import type { ClosedRound } from '../../app/closeRound';
import type { PostingAddress } from '../../domain/auditRound';
import { AuditError, isAuditError } from '../../domain/errors';
import { roundActionData } from '../cards/actions';
import { youSaidWeDidOfferCard, type AdaptiveCard, type OfferState } from '../cards';
import { deliveryFailureOf } from '../delivery/deliveryFailure';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';

/**
 * A round has closed (a champion's close, its close date, the next round of a cadence): its
 * champions are offered "You said, we did" one-to-one. The close is done whatever happens here,
 * so a failure is logged, never thrown (a due job would be tried again, and find nothing to close).
 */
export async function offerYouSaidWeDidAtClose(closed: ClosedRound, deps: BotDeps): Promise<void> {
  const { roundId } = closed.round;
  try {
    const { offered, unreachable, failed } = await offerYouSaidWeDid(deps.services, closed);
    deps.logger.info('you_said_we_did_offered', { roundId, offered, unreachable, failed: failed.length });
    for (const error of failed) deps.logger.warn('you_said_we_did_offer_failed', { roundId, ...deliveryFailureOf(error), error });
  } catch (error) {
    deps.logger.warn('you_said_we_did_offer_failed', { roundId, error });
  }
}

/**
 * "Post in the channel" on a champion's offer. Only a current champion of the team may post. The
 * post is claimed in storage first (app/announce/postOnce.ts), so two champions, a double press or
 * a redelivered invoke post once; the others are shown the post as it stands. The send itself is
 * paced and retried like every send, which can outlast Teams' wait for an invoke (~15 s), so the
 * press answers at once ("Posting…") and the card then says what Teams did: posted, with the time;
 * or not posted, why, with the button to try again.
 */
export async function handlePostYouSaidWeDid(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const parsed = roundActionData.safeParse(data);
  if (!parsed.success) return errorResponse(new AuditError('BAD_REQUEST', 'That button could not be read. Please use the "You said, we did" button in the Practice audit tab instead.'));
  const { teamId, roundId } = parsed.data;
  let told: RoundToTell | undefined;
  let person: Person;
  let start: PostStart;
  const offerCard = (state: OfferState) => youSaidWeDidOfferCard({ teamId, roundId, facts: told!.facts, state });
  try {
    person = personOf(turn.activity);
    await requireChampion(deps.services, teamId, person);
    told = await roundToTell(deps.services, teamId, roundId);
    start = await startChannelPost(deps.services, teamId, { kind: 'youSaidWeDid', roundId }, person.name);
  } catch (error) {
    return refusalResponse(error, {
      logger: deps.logger,
      event: 'you_said_we_did_failed',
      ...(told ? { onTheCard: (problem: string) => offerCard({ kind: 'notPosted', problem }) } : {}),
    });
  }
  if (start.kind === 'posted') return cardResponse(offerCard({ kind: 'posted', postedAt: start.postedAt, by: start.by }));
  if (start.kind === 'posting') return cardResponse(offerCard({ kind: 'postingElsewhere', since: start.since, by: start.by }));

  const { claim } = start;
  const { where, facts } = told;
  const { address } = turn;
  const offerMessageId = turn.activity.replyToId;
  deps.inBackground(`post you said we did ${roundId}`, async () => {
    let outcome: OfferState;
    try {
      const posted = await completeChannelPost(deps.services, claim, () => deps.services.announcements.announcer.postYouSaidWeDid(where, facts));
      if (!posted.recorded) deps.logger.warn('channel_post_not_recorded', { roundId });
      outcome = { kind: 'posted', postedAt: posted.postedAt, by: posted.by };
    } catch (error) {
      if (!isAuditError(error)) deps.logger.error('you_said_we_did_failed', { roundId, error });
      outcome = outcomeOfFailure(error);
    }
    await showOnOffer(deps, address, offerMessageId, offerCard(outcome));
  });
  return cardResponse(offerCard({ kind: 'posting' }));
}

/**
 * What the offer says when the post did not complete. Only a refusal from Teams (TEAMS_REFUSED_POST)
 * is known to have posted nothing; when Teams' answer never came (TEAMS_UNREACHABLE: the request
 * may have reached it), or something unforeseen failed, it says the post was not confirmed.
 */
function outcomeOfFailure(error: unknown): OfferState {
  if (!isAuditError(error)) return { kind: 'unconfirmed', problem: 'Something went wrong while posting, so the post was not confirmed. Look in the channel, and try again if the card is not there.' };
  return error.code === 'TEAMS_UNREACHABLE' ? { kind: 'unconfirmed', problem: error.message } : { kind: 'notPosted', problem: error.message };
}

/** The offer's new state, on the offer itself; when that cannot be updated (deleted, say), as a new message in the same chat. */
async function showOnOffer(deps: BotDeps, address: PostingAddress, offerMessageId: string | undefined, card: AdaptiveCard): Promise<void> {
  await deps.teams
    .inConversation(address, async (conversation) => {
      if (offerMessageId) {
        try {
          await conversation.updateCard(offerMessageId, card);
          return;
        } catch (error) {
          deps.logger.warn('offer_update_failed', { ...deliveryFailureOf(error), error });
        }
      }
      await conversation.postCard(card);
    })
    .catch((error: unknown) => deps.logger.warn('offer_update_failed', { ...deliveryFailureOf(error), error }));
}
