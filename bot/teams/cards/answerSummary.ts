import { type AnswerChoice } from '../../domain/answer';
import { levelLabel } from '../../domain/levels';
import { ratingLabel } from '../../domain/ratings';
import { type CardElement } from './card';
import { container, plainText, textBlock } from './elements';

/** The person's recorded answer, in the view only they see. */
export function answerSummary(answer: AnswerChoice): CardElement {
  return container(
    [
      textBlock(`Your answer: ${ratingLabel(answer.rating)}, as ${levelLabel(answer.level)}`, { weight: 'bolder' }),
      // The comment is the person's own words: plain text, never markdown.
      answer.comment
        ? plainText([answer.comment], { spacing: 'small' })
        : textBlock('No comment', { isSubtle: true, spacing: 'small' }),
    ],
    { style: 'good', spacing: 'medium' },
  );
}
