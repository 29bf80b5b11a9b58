import { VERBS } from './actions';
import { actionSet, executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard } from './card';
import { emphasised, heading, plainText, textBlock } from './elements';

export interface OpenRoundToAnswer {
  readonly teamId: string;
  readonly teamName: string;
  readonly roundId: string;
  readonly roundNumber: number;
  /** Conditions the person has not answered yet. */
  readonly remaining: number;
}

/** In one-to-one chat, when the person has open rounds in several teams. */
export function chatRoundChoiceCard({ rounds }: { readonly rounds: readonly OpenRoundToAnswer[] }): AdaptiveCard {
  if (rounds.length === 0) {
    return adaptiveCard([textBlock('None of your teams has an audit round open just now.')]);
  }
  return adaptiveCard([
    heading('Which audit would you like to answer?'),
    textBlock(
      rounds.length === 1 ? 'One of your teams has an audit round open.' : `Your teams have ${rounds.length} audit rounds open.`,
      { spacing: 'none', isSubtle: true },
    ),
    // One button per row in the body: Teams shows only a few card-level actions.
    ...rounds.map(({ teamId, teamName, roundId, remaining }) =>
      actionSet(
        [executeAction({ title: `Answer for ${teamName} (${remaining} to go)`, verb: VERBS.answerInChat, data: { teamId, roundId } })],
        { spacing: 'small' },
      ),
    ),
  ]);
}

export interface ChatAllDoneCardOptions {
  readonly teamName: string;
  readonly roundNumber: number;
}

export function chatAllDoneCard({ teamName, roundNumber }: ChatAllDoneCardOptions): AdaptiveCard {
  return adaptiveCard([
    plainText(["You've answered every condition for ", emphasised(teamName), `'s round ${roundNumber}. Thank you.`]),
    textBlock('You can still change an answer on its card until the round closes.', { isSubtle: true }),
  ]);
}
