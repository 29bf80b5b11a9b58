import { type AnswerChoice } from '../../domain/answer';
import type { CommentReview } from '../../domain/commentReview';
import { levelLabel } from '../../domain/levels';
import { ratingLabel } from '../../domain/ratings';
import { type CardElement } from './card';
import { container, plainText, textBlock } from './elements';

/**
 * The person's recorded answer, in the view only they see. `movedAnswers`: how many of their
 * other answers in the round this answer's change of level moved with it.
 */
export function answerSummary(answer: AnswerChoice & { readonly commentReview?: CommentReview }, movedAnswers = 0): CardElement {
  return container(
    [
      textBlock(`Your answer: ${ratingLabel(answer.rating)}, as ${levelLabel(answer.level)}`, { weight: 'bolder' }),
      // The comment is the person's own words: plain text, never markdown.
      answer.comment
        ? plainText([answer.comment], { spacing: 'small' })
        : textBlock('No comment', { isSubtle: true, spacing: 'small' }),
      ...(answer.comment && answer.commentReview ? [textBlock(REVIEW_WORDS[answer.commentReview.state], { isSubtle: true, spacing: 'small' })] : []),
      ...(movedAnswers > 0
        ? [textBlock(`Your level in this audit round is now ${levelLabel(answer.level)}: ${movedAnswers === 1 ? 'your other answer' : `your ${movedAnswers} other answers`} in this round moved with it.`, { spacing: 'small' })]
        : []),
    ],
    { style: 'good', spacing: 'medium' },
  );
}

/** What became of a comment sent anyway (issue 12), as its author reads it in their own view. */
const REVIEW_WORDS: Record<CommentReview['state'], string> = {
  held: 'Your comment is held back from leaders until a practice champion has checked it. Your answer counts.',
  released: 'A practice champion checked your comment: leaders can read it.',
  redacted: 'A practice champion checked your comment: leaders read it with the identifying part removed.',
  withheld: 'A practice champion checked your comment and kept it from leaders. Your answer counts.',
};

/** In a person's own view of a condition they have not answered yet. */
export function notAnsweredYet(): CardElement {
  return container([textBlock("You haven't answered this condition yet.", { weight: 'bolder' })], { style: 'emphasis', spacing: 'medium' });
}
