import { MAX_COMMENT_LENGTH } from '../../domain/answer';
import { ERROR_CODES } from '../../domain/errors';
import { isLevelId, LEVELS, type Level, type LevelId } from '../../domain/levels';
import { isRatingId, RATINGS, type RatingId } from '../../domain/ratings';
import { INPUT_IDS } from './actions';
import { type CardElement } from './card';
import { choiceSet, textInput } from './inputs';

/** What the inputs start with: nothing, the person's answer, or what they just sent. */
export interface AnswerPrefill {
  readonly rating?: RatingId;
  readonly level?: LevelId;
  readonly comment?: string;
}

/** What a person submitted, as it arrived, kept so a refused answer loses nothing. */
export interface AnswerDraft {
  readonly rating?: string;
  readonly level?: string;
  readonly comment?: string;
}

/** Only values on the scale are preselected; the comment is kept exactly as typed. */
export function prefillFromDraft(draft: AnswerDraft, rememberedLevel: LevelId | undefined): AnswerPrefill {
  return {
    ...(isRatingId(draft.rating) ? { rating: draft.rating } : {}),
    ...(isLevelId(draft.level) ? { level: draft.level } : rememberedLevel ? { level: rememberedLevel } : {}),
    ...(draft.comment !== undefined ? { comment: draft.comment } : {}),
  };
}

/** "Practitioner (social worker, family support worker)", but just "Volunteer". */
function levelChoiceTitle({ label, examples }: Level): string {
  const saysNothingNew = examples.split(',').every((example) => label.toLowerCase().includes(example.trim().toLowerCase()));
  return saysNothingNew ? label : `${label} (${examples})`;
}

export function answerInputs(prefill: AnswerPrefill): CardElement[] {
  return [
    choiceSet({
      id: INPUT_IDS.rating,
      label: 'What happens now in your service?',
      style: 'expanded',
      choices: RATINGS.map((rating) => ({ title: rating.label, value: rating.id })),
      value: prefill.rating,
      errorMessage: ERROR_CODES.RATING_REQUIRED.message,
    }),
    // Not required: a person who answered before has their level remembered by the bot,
    // which a card shared in a channel cannot know.
    choiceSet({
      id: INPUT_IDS.level,
      label: 'Your level',
      style: 'compact',
      placeholder: 'Choose your level (remembered after your first answer)',
      choices: LEVELS.map((level) => ({ title: levelChoiceTitle(level), value: level.id })),
      value: prefill.level,
    }),
    textInput({
      id: INPUT_IDS.comment,
      label: 'Why? (optional, anonymous)',
      isMultiline: true,
      maxLength: MAX_COMMENT_LENGTH,
      placeholder: 'What makes you say that?',
      value: prefill.comment,
    }),
  ];
}
