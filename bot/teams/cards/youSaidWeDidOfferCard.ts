import type { YouSaidWeDidFacts } from '../../domain/summary/youSaidWeDid';
import { VERBS } from './actions';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { container, emphasised, heading, plainText, textBlock } from './elements';
import { formatDateTime } from './format';
import { youSaidWeDidBody } from './youSaidWeDidCard';

/**
 * Where the champion's "Post in the channel" stands:
 * - `offered`: as sent when the round closed;
 * - `posting`: pressed, Teams not answered yet;
 * - `posted`: Teams accepted it at `postedAt` (by this champion or another, `by`);
 * - `postingElsewhere`: another press (another champion's, or this one's on another device) is posting it now;
 * - `notPosted`: Teams refused it (`problem` says why); the button stays;
 * - `unconfirmed`: Teams' answer never came (it may have taken the card): `problem` says so and
 *   where to look; the button stays.
 */
export type OfferState =
  | { readonly kind: 'offered' }
  | { readonly kind: 'posting' }
  | { readonly kind: 'posted'; readonly postedAt: string; readonly by: string }
  | { readonly kind: 'postingElsewhere'; readonly since: string; readonly by: string }
  | { readonly kind: 'notPosted'; readonly problem: string }
  | { readonly kind: 'unconfirmed'; readonly problem: string };

export interface OfferCardOptions {
  readonly teamId: string;
  readonly roundId: string;
  /** What the card in the channel says (or would say, if posted now). */
  readonly facts: YouSaidWeDidFacts;
  readonly state: OfferState;
  /** At close: how many comments wait for a champion's review (issue 12); said above the preview when any. */
  readonly heldComments?: number;
}

/**
 * A practice champion's one-to-one card when a round closes (issue 11):
 *
 *   Tell your team what came of audit round 3
 *   <team>'s audit round 3 has closed. …nothing is posted until you press the button…
 *   ┌ preview: the "You said, we did" card as the channel would read it ┐
 *   (where the post stands: posting / posted at … / not posted: why / not confirmed)
 *   [Post in the channel]     while it can be posted (offered, not posted, being posted elsewhere)
 */
export function youSaidWeDidOfferCard({ teamId, roundId, facts, state, heldComments = 0 }: OfferCardOptions): AdaptiveCard {
  const team = facts.teamName ?? 'Your team';
  const canPress = state.kind === 'offered' || state.kind === 'notPosted' || state.kind === 'unconfirmed' || state.kind === 'postingElsewhere';
  return adaptiveCard(
    [
      heading(`Tell your team what came of audit round ${facts.roundNumber}`),
      // The team's name comes from Teams: plain text.
      plainText(
        [
          emphasised(team),
          `'s audit round ${facts.roundNumber} has closed. Below is a card for the team's channel: what staff said and what is being done, with no figure for a group small enough to identify anyone. Nothing is posted until you press "Post in the channel"; the card is made again then, with the plan as it is at that moment, and posted once however many champions press.`,
        ],
        { spacing: 'small' },
      ),
      ...(heldComments > 0 ? [heldCommentsLine(heldComments)] : []),
      container(youSaidWeDidBody(facts), { style: 'emphasis', spacing: 'medium' }),
      ...stateElements(state),
    ],
    canPress ? [executeAction({ title: 'Post in the channel', verb: VERBS.postYouSaidWeDid, data: { teamId, roundId }, style: 'positive' })] : [],
  );
}

/** Champions hear of held comments at close: nobody else can release them to leaders. */
function heldCommentsLine(count: number): CardElement {
  const comments = count === 1 ? '1 comment in this round was' : `${count} comments in this round were`;
  return container(
    [textBlock(`${comments} held back from leaders because ${count === 1 ? 'it' : 'they'} may identify someone or describe harm to a child. Review ${count === 1 ? 'it' : 'them'} in the team's Practice audit tab, under Comments to review: leaders read none until a practice champion has.`, { spacing: 'none' })],
    { style: 'warning', spacing: 'medium' },
  );
}

/** Where the post stands, under the preview; nothing while it is only offered. */
function stateElements(state: OfferState): CardElement[] {
  if (state.kind === 'offered') return [];
  const [text, style] = stateLine(state);
  return [container([plainText([text])], { style, spacing: 'medium' })];
}

function stateLine(state: Exclude<OfferState, { kind: 'offered' }>): [text: string, style: 'good' | 'attention' | 'default'] {
  if (state.kind === 'posting') return ['Posting in the channel… This card will say when Teams has taken it.', 'default'];
  if (state.kind === 'posted') return [`Posted in the channel on ${formatDateTime(state.postedAt)} by ${state.by}.`, 'good'];
  if (state.kind === 'postingElsewhere') return [`${state.by} started posting it in the channel at ${formatDateTime(state.since)}. It is posted once: press the button again in a minute to see whether it went.`, 'default'];
  // Not known to have failed: never "not posted".
  if (state.kind === 'unconfirmed') return [state.problem, 'attention'];
  return [`Not posted: ${state.problem}`, 'attention'];
}
