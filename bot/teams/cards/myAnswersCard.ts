import { type AnswerChoice } from '../../domain/answer';
import { conditionById, type ConditionId } from '../../domain/conditions';
import { levelLabel } from '../../domain/levels';
import { ratingLabel } from '../../domain/ratings';
import { VERBS } from './actions';
import { actionSet, executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { numberedShortTitle } from './conditionTitles';
import { container, heading, plainText, textBlock } from './elements';

export interface MyAnswersRound {
  readonly teamId: string;
  readonly teamName: string;
  readonly roundId: string;
  readonly roundNumber: number;
  readonly answers: readonly (AnswerChoice & { readonly conditionId: ConditionId })[];
}

/** Twelve answers of a round take about 7 KB: three rounds keep the card well under Teams' 28 KB. */
export const MAX_ROUNDS_LISTED = 3;
const SNIPPET_LENGTH = 80;

/**
 * "my answers" in a person's one-to-one chat: what they answered in the open rounds of their
 * teams, with a button per answer that opens their own view of it to change.
 */
export function myAnswersCard({ rounds }: { readonly rounds: readonly MyAnswersRound[] }): AdaptiveCard {
  if (rounds.length === 0) {
    return adaptiveCard([textBlock('You have not answered any open audit round yet. Say "audit" to answer.')]);
  }
  const listed = rounds.slice(0, MAX_ROUNDS_LISTED);
  const unlisted = rounds.length - listed.length;
  return adaptiveCard([
    heading('Your answers in open audit rounds'),
    textBlock('Only you see this list. To change an answer, press its button.', { isSubtle: true, spacing: 'none' }),
    ...listed.flatMap(roundAnswers),
    ...(unlisted > 0
      ? [textBlock(`Your answers in ${unlisted === 1 ? 'one more round are' : `${unlisted} more rounds are`} not listed: press My answer on a card in that team's channel.`, { isSubtle: true, spacing: 'medium' })]
      : []),
    textBlock('Say "audit" to answer the conditions you have not answered yet.', { isSubtle: true, spacing: 'medium' }),
  ]);
}

function roundAnswers({ teamId, teamName, roundId, roundNumber, answers }: MyAnswersRound): CardElement[] {
  return [
    // The team's name comes from Teams: plain text, never markdown.
    plainText([{ text: `${teamName}, round ${roundNumber}`, style: { weight: 'bolder' } }], { spacing: 'large', separator: true }),
    ...answers.map((answer) => {
      const condition = conditionById(answer.conditionId);
      return container(
        [
          textBlock(numberedShortTitle(condition), { weight: 'bolder' }),
          textBlock(`${ratingLabel(answer.rating)}, as ${levelLabel(answer.level)}`, { spacing: 'none' }),
          answer.comment ? plainText([snippet(answer.comment)], { spacing: 'none' }) : textBlock('No comment', { isSubtle: true, spacing: 'none' }),
          actionSet(
            [executeAction({ title: `Change answer ${condition.number}`, verb: VERBS.myAnswer, data: { roundId, teamId, conditionId: condition.id, via: 'chat' } })],
            { spacing: 'small' },
          ),
        ],
        { spacing: 'medium' },
      );
    }),
  ];
}

/** The start of a comment, on one line. */
function snippet(comment: string): string {
  const oneLine = comment.replace(/\s+/g, ' ').trim();
  return oneLine.length <= SNIPPET_LENGTH ? oneLine : `${oneLine.slice(0, SNIPPET_LENGTH - 1).trimEnd()}…`;
}
