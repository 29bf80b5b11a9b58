import { VERBS } from './actions';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { heading, plainText, textBlock } from './elements';

/** One round of a person's answers, as the cards of `delete my answers` list it. */
export interface ErasableRound {
  readonly teamName: string;
  readonly roundNumber: number;
  readonly status: 'open' | 'closed';
  readonly answers: number;
}

/** Rounds listed by name; more are counted in one line (a person in many teams stays well under Teams' 28 KB). */
const MAX_ROUNDS_NAMED = 20;

/** Why a closed round's answers are not deleted on request (app/ownData/eraseTheirAnswers.ts isOpen), in the person's words. */
export const CLOSED_ROUNDS_KEEP =
  'Answers in closed rounds are not deleted now: those rounds\' results have been read, and taking your answers out would show anyone comparing them before and after what you said. They are deleted with everyone\'s at the end of the retention period; say "my answers" to see when.';

/**
 * `delete my answers` asks first: what will be deleted (how many answers, in which open rounds)
 * and why closed rounds' answers stay until the retention period ends. Delete / Cancel carry
 * nothing: Delete erases what they have when it is pressed, and says how many went.
 */
export function eraseAnswersConfirmationCard({ rounds }: { readonly rounds: readonly ErasableRound[] }): AdaptiveCard {
  const total = rounds.reduce((sum, r) => sum + r.answers, 0);
  return adaptiveCard(
    [
      heading(`Delete your ${answers(total)}?`),
      ...roundLines(rounds),
      textBlock(
        'Open rounds then count without your answers. The level remembered for you and any reminders you stopped are forgotten too. This cannot be undone.',
        { spacing: 'medium' },
      ),
      textBlock(CLOSED_ROUNDS_KEEP, { isSubtle: true, spacing: 'small' }),
    ],
    [
      executeAction({ title: 'Delete my answers', verb: VERBS.eraseMyAnswers, data: {}, style: 'destructive' }),
      executeAction({ title: 'Cancel', verb: VERBS.keepMyAnswers, data: {} }),
    ],
  );
}

/** What Delete did: how many answers went, from which rounds; or that none were left to delete. */
export function answersErasedCard({ rounds }: { readonly rounds: readonly ErasableRound[] }): AdaptiveCard {
  const total = rounds.reduce((sum, r) => sum + r.answers, 0);
  if (total === 0) {
    return adaptiveCard([textBlock('You have no answers in an open round now, so nothing was deleted.')]);
  }
  return adaptiveCard([
    heading(`Deleted: your ${answers(total)}`),
    ...roundLines(rounds),
    textBlock('Open rounds now count without them.', { spacing: 'medium' }),
    textBlock(CLOSED_ROUNDS_KEEP, { isSubtle: true, spacing: 'small' }),
  ]);
}

function roundLines(rounds: readonly ErasableRound[]): CardElement[] {
  const named = rounds.slice(0, MAX_ROUNDS_NAMED);
  const more = rounds.length - named.length;
  return [
    // Team names come from Teams: plain text, never markdown.
    ...named.map((r) => plainText([`${r.teamName}, round ${r.roundNumber} (${r.status}): ${answers(r.answers)}`], { spacing: 'small' })),
    ...(more > 0 ? [textBlock(`And ${more} more ${more === 1 ? 'round' : 'rounds'}.`, { spacing: 'small' })] : []),
  ];
}

function answers(count: number): string {
  return `${count} ${count === 1 ? 'answer' : 'answers'}`;
}
