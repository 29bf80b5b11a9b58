import { type AnswerChoice } from '../../domain/answer';
import { levelLabel } from '../../domain/levels';
import { ratingLabel } from '../../domain/ratings';
import { type CardElement } from './card';
import { container, plainText, textBlock } from './elements';

/**
 * The person's recorded answer, in the view only they see. `movedAnswers`: how many of their
 * other answers in the round this answer's change of level moved with it.
 */
export function answerSummary(answer: AnswerChoice, movedAnswers = 0): CardElement {
  return container(
    [
      textBlock(`Your answer: ${ratingLabel(answer.rating)}, as ${levelLabel(answer.level)}`, { weight: 'bolder' }),
      // The comment is the person's own words: plain text, never markdown.
      answer.comment
        ? plainText([answer.comment], { spacing: 'small' })
        : textBlock('No comment', { isSubtle: true, spacing: 'small' }),
      ...(movedAnswers > 0
        ? [textBlock(`Your level in this audit round is now ${levelLabel(answer.level)}: ${movedAnswers === 1 ? 'your other answer' : `your ${movedAnswers} other answers`} in this round moved with it.`, { spacing: 'small' })]
        : []),
    ],
    { style: 'good', spacing: 'medium' },
  );
}

/** In a person's own view of a condition they have not answered yet. */
export function notAnsweredYet(): CardElement {
  return container([textBlock("You haven't answered this condition yet.", { weight: 'bolder' })], { style: 'emphasis', spacing: 'medium' });
}
