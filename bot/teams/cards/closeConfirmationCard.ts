import { VERBS } from './actions';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard } from './card';
import { heading, textBlock } from './elements';

export interface CloseConfirmationCardOptions {
  readonly teamId: string;
  readonly roundId: string;
  readonly roundNumber: number;
}

/**
 * `close` asks first: closing cannot be undone, and a round closed by mistake loses the answers
 * people would still have given. Close and Cancel carry the round, so a card left over from an
 * earlier round cannot close a later one.
 */
export function closeConfirmationCard({ teamId, roundId, roundNumber }: CloseConfirmationCardOptions): AdaptiveCard {
  const data = { teamId, roundId };
  return adaptiveCard(
    [
      heading(`Close audit round ${roundNumber}?`),
      textBlock(
        'After closing, no more answers are accepted, and every card of the round shows its final participation. This cannot be undone. Only a practice champion can close the round.',
      ),
    ],
    [
      executeAction({ title: 'Close', verb: VERBS.closeRound, data, style: 'destructive' }),
      executeAction({ title: 'Cancel', verb: VERBS.cancelClose, data }),
    ],
  );
}
