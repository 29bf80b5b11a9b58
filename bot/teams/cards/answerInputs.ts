import { commentWithinLimit, MAX_COMMENT_LENGTH } from '../../domain/answer';
import { ERROR_CODES, type ErrorCode } from '../../domain/errors';
import { isLevelId, LEVELS, type Level, type LevelId } from '../../domain/levels';
import { isRatingId, RATINGS, type RatingId } from '../../domain/ratings';
import { INPUT_IDS } from './actions';
import { type CardElement } from './card';
import { textBlock } from './elements';
import { choiceSet, textInput } from './inputs';

/** What the inputs start with: nothing, the person's answer, or what they just sent. */
export interface AnswerPrefill {
  readonly rating?: RatingId;
  readonly level?: LevelId;
  readonly comment?: string;
  /** The comment they typed was longer than the limit and is shown cut to it. */
  readonly commentCut?: boolean;
}

/** What a person submitted, as it arrived, kept so a refused answer loses nothing. */
export interface AnswerDraft {
  readonly rating?: string;
  readonly level?: string;
  readonly comment?: string;
  /** What the card they submitted counted as their level (their own view), carried to the next one. */
  readonly knownLevel?: string;
  readonly changeLevel?: boolean;
  /** Sent from the person's own view ("Change my answer"), carried so the card sent back is one too. */
  readonly isChange?: boolean;
}

export type AnswerField = keyof typeof INPUT_IDS;

/** A refused answer's message goes by the field it is about; others go at the top of the card. */
export function fieldOfProblem(code: ErrorCode | undefined): AnswerField | undefined {
  switch (code) {
    case 'RATING_REQUIRED':
      return 'rating';
    case 'LEVEL_REQUIRED':
    case 'LEVEL_DIFFERS_IN_ROUND':
      return 'level';
    case 'COMMENT_TOO_LONG':
    case 'COMMENT_MAY_IDENTIFY':
      return 'comment';
    default:
      return undefined;
  }
}

/**
 * Only values on the scale are preselected; the comment is kept as typed up to the comment
 * limit (what a card can carry and the answer can take: domain/answer.ts), and said to be cut.
 */
export function prefillFromDraft(draft: AnswerDraft, rememberedLevel: LevelId | undefined): AnswerPrefill {
  const comment = draft.comment !== undefined ? commentWithinLimit(draft.comment) : undefined;
  return {
    ...(isRatingId(draft.rating) ? { rating: draft.rating } : {}),
    ...(isLevelId(draft.level) ? { level: draft.level } : rememberedLevel ? { level: rememberedLevel } : {}),
    ...(comment ? { comment: comment.comment, ...(comment.cut ? { commentCut: true } : {}) } : {}),
  };
}

/** Under the comment, when what was typed did not fit: the person checks how it now ends. */
const COMMENT_CUT = `Your comment was cut to the limit of ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters: please check how it ends before you submit.`;

/** "Practitioner (social worker, family support worker)", but just "Volunteer". */
function levelChoiceTitle({ label, examples }: Level): string {
  const saysNothingNew = examples.split(',').every((example) => label.toLowerCase().includes(example.trim().toLowerCase()));
  return saysNothingNew ? label : `${label} (${examples})`;
}

/** The choices of every level field: a condition's card and the one-go form. */
export const LEVEL_CHOICES = LEVELS.map((level) => ({ title: levelChoiceTitle(level), value: level.id }));

/**
 * The rating, level and comment inputs. Rating and level are required (Teams marks them and
 * checks them before sending); a problem the bot found is shown right under its field.
 */
export function answerInputs(prefill: AnswerPrefill, problem?: { readonly text: string; readonly field: AnswerField; readonly shownAs?: readonly CardElement[] }): CardElement[] {
  // `shownAs`: the problem told in more than a line (a comment that may identify someone).
  const byField = (field: AnswerField, input: CardElement): CardElement[] =>
    problem?.field === field ? [input, ...(problem.shownAs ?? [textBlock(problem.text, { color: 'attention', spacing: 'small' })])] : [input];
  return [
    ...byField('rating', choiceSet({
      id: INPUT_IDS.rating,
      label: 'What happens now in your service?',
      style: 'expanded',
      choices: RATINGS.map((rating) => ({ title: rating.label, value: rating.id })),
      value: prefill.rating,
      errorMessage: ERROR_CODES.RATING_REQUIRED.message,
    })),
    // Required on every card: the shared card cannot know who is looking, and a person's own
    // views come with their level filled in. One level per person per round (domain/answerLevel.ts).
    ...byField('level', choiceSet({
      id: INPUT_IDS.level,
      label: 'Your level',
      style: 'compact',
      placeholder: 'Choose your level',
      choices: LEVEL_CHOICES,
      value: prefill.level,
      errorMessage: ERROR_CODES.LEVEL_REQUIRED.message,
    })),
    ...byField('comment', textInput({
      id: INPUT_IDS.comment,
      label: 'Why? (optional, anonymous)',
      isMultiline: true,
      maxLength: MAX_COMMENT_LENGTH,
      placeholder: 'What makes you say that?',
      value: prefill.comment,
    })),
    ...(prefill.commentCut ? [textBlock(COMMENT_CUT, { color: 'attention', spacing: 'small' })] : []),
  ];
}
