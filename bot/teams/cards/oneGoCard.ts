import { commentWithinLimit, MAX_COMMENT_LENGTH, type AnswerChoice } from '../../domain/answer';
import { type AuditRound } from '../../domain/auditRound';
import { CONDITIONS, conditionById, type Condition, type ConditionId } from '../../domain/conditions';
import { ERROR_CODES } from '../../domain/errors';
import { isLevelId, levelLabel, type LevelId } from '../../domain/levels';
import { isRatingId, RATINGS, ratingLabel } from '../../domain/ratings';
import { INPUT_IDS, oneGoInputIds, VERBS } from './actions';
import { LEVEL_CHOICES } from './answerInputs';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { numberedShortTitle } from './conditionTitles';
import { container, factSet, heading, textBlock } from './elements';
import { choiceSet, textInput } from './inputs';
import { COMMENT_BUDGET_BYTES, fitComments, type FittedComment } from './commentBudget';
import { concernsFound, safeguardingWarning } from './safeguardingWarning';
import type { ConcernKind } from '../../domain/safeguarding/concernKinds';
import type { SafeguardingContact } from '../../domain/safeguarding/safeguardingContact';

/** What a person typed for one condition, kept when the form comes back. */
export interface OneGoDraft {
  readonly rating?: string;
  readonly comment?: string;
}

/** Why a condition was not recorded, shown under the field it is about (or under the condition). */
export interface OneGoProblem {
  readonly text: string;
  readonly field?: 'rating' | 'comment';
  /** The comment may identify someone (COMMENT_MAY_IDENTIFY): the kinds found, said under it instead of `text`. */
  readonly concerns?: readonly ConcernKind[];
}

export interface OneGoFormOptions {
  readonly round: AuditRound;
  /** The conditions to answer, in the audit's order. */
  readonly conditions: readonly Condition[];
  /** What the level field starts with (their level in the round, the team's remembered one, or what they sent). */
  readonly level?: string;
  /** The level the form counts as theirs, sent back on submit: left as it was, the field changes nothing (domain/answerLevel.ts). */
  readonly knownLevel?: LevelId;
  /** After LEVEL_DIFFERS_IN_ROUND: submitting again changes their level in the round. */
  readonly changeLevel?: boolean;
  readonly drafts?: ReadonlyMap<ConditionId, OneGoDraft>;
  readonly problems?: ReadonlyMap<ConditionId, OneGoProblem>;
  readonly levelProblem?: string;
  /** A problem about no field (storage down, another organisation's team), at the top. */
  readonly problem?: string;
  /** What the submit before this one recorded, and how many earlier answers its level moved. */
  readonly recorded?: readonly (AnswerChoice & { readonly conditionId: ConditionId })[];
  readonly movedAnswers?: number;
  /** The submit before this one rated nothing. */
  readonly nothingRated?: boolean;
  /** Where a concern about a child goes: shown once, at the top, when a comment may identify someone. */
  readonly safeguardingContact?: SafeguardingContact;
}

const SEND_ANYWAY = 'Send anyway';

/**
 * Every condition a person has not answered in a round, on one card, their level asked once: the
 * invoke response to "Answer all in one go", so only they see it (it replaces the round's intro card
 * for them in the channel, a condition card in chat). Conditions left without a rating stay
 * unanswered. Typed comments are kept within a budget that holds the card under Teams' ~28 KB
 * (teams-platform.md), measured in tests/teams/cards/oneGoCard.spec.ts.
 */
export function oneGoFormCard(options: OneGoFormOptions): AdaptiveCard {
  const { round, conditions } = options;
  const flagged = conditions.filter((c) => options.problems?.get(c.id)?.concerns !== undefined).map((c) => c.id);
  // Once for the form, however many comments it is about: twelve copies would not fit on the card.
  const warning = flagged.length > 0 && options.safeguardingContact ? [safeguardingWarning(options.safeguardingContact, SEND_ANYWAY)] : [];
  // The warning and the kinds under each comment come out of the comments' budget, so the card still fits.
  const warned = [...warning, ...flagged.map((id) => concernsFound(options.problems!.get(id)!.concerns!))];
  const budget = warned.length === 0 ? COMMENT_BUDGET_BYTES : COMMENT_BUDGET_BYTES - Buffer.byteLength(JSON.stringify(warned));
  const comments = fitComments(new Map(conditions.map((c) => [c.id, commentWithinLimit(options.drafts?.get(c.id)?.comment ?? '')])), budget);
  const body: CardElement[] = [
    heading(round.number > 0 ? `Audit round ${round.number}: answer in one go` : 'Answer in one go', { size: 'large' }),
    ...outcomeOfLastSubmit(options),
    ...(options.problem ? [textBlock(options.problem, { color: 'attention', weight: 'bolder' })] : []),
    ...warning,
    textBlock(
      `${conditions.length === 1 ? 'The condition you have' : `The ${conditions.length} conditions you have`} not answered yet. Rate the ones you can now: any you leave without a rating stay unanswered, to come back to. Comments are optional. Answers and comments are anonymous.`,
      { spacing: 'small' },
    ),
    ...levelInput(options),
    ...conditions.flatMap((condition) => conditionInputs(condition, options.drafts?.get(condition.id), comments.get(condition.id), options.problems?.get(condition.id))),
  ];
  const data = {
    roundId: round.roundId,
    teamId: round.teamId,
    conditionIds: conditions.map((c) => c.id).join(' '),
    ...(options.knownLevel ? { knownLevel: options.knownLevel } : {}),
    ...(options.changeLevel ? { changeLevel: true } : {}),
  };
  const submit = executeAction({ title: 'Submit answers', verb: VERBS.answerAll, data, style: 'positive' });
  // "Send anyway" holds, for a champion's review, only the comments the person was warned about; the rest are checked as usual.
  if (flagged.length === 0) return adaptiveCard(body, [submit]);
  return adaptiveCard(body, [submit, executeAction({ title: SEND_ANYWAY, verb: VERBS.answerAll, data: { ...data, sendAnyway: flagged.join(' ') } })]);
}

export interface OneGoDoneOptions {
  readonly round: AuditRound;
  /** What this submit recorded (none when the person had answered everything before opening the form). */
  readonly recorded?: readonly (AnswerChoice & { readonly conditionId: ConditionId })[];
  readonly movedAnswers?: number;
}

/** Every condition of the round answered: said so, with what was just recorded, and "My answers" to see or change them. */
export function oneGoDoneCard({ round, recorded = [], movedAnswers = 0 }: OneGoDoneOptions): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Audit round ${round.number}: you have answered every condition`, { size: 'large' }),
      ...(recorded.length > 0 ? [recordedSection(recorded, movedAnswers)] : []),
      textBlock('Thank you. You can change any of your answers until the round closes: press My answers.', { spacing: 'medium' }),
    ],
    [executeAction({ title: 'My answers', verb: VERBS.roundAnswers, data: { teamId: round.teamId, roundId: round.roundId }, associatedInputs: 'none' })],
  );
}

function outcomeOfLastSubmit({ recorded = [], movedAnswers = 0, nothingRated, problems }: OneGoFormOptions): CardElement[] {
  const notRecorded = problems?.size ?? 0;
  return [
    ...(recorded.length > 0 ? [recordedSection(recorded, movedAnswers)] : []),
    ...(nothingRated ? [textBlock('Nothing was recorded: no condition had a rating. Choose a rating for each condition you want to answer.', { color: 'attention', weight: 'bolder' })] : []),
    ...(notRecorded > 0
      ? [textBlock(`${notRecorded === 1 ? 'One condition was' : `${notRecorded} conditions were`} not recorded: the reason is under ${notRecorded === 1 ? 'it' : 'each'}.`, { color: 'attention', weight: 'bolder' })]
      : []),
  ];
}

function recordedSection(recorded: readonly (AnswerChoice & { readonly conditionId: ConditionId })[], movedAnswers: number): CardElement {
  const level = recorded[0]!.level;
  const count = recorded.length === 1 ? '1 answer' : `${recorded.length} answers`;
  return container(
    [
      textBlock(`Recorded: ${count}, as ${levelLabel(level)}`, { weight: 'bolder' }),
      factSet(recorded.map((answer) => [numberedShortTitle(conditionById(answer.conditionId)), ratingLabel(answer.rating)] as const), { spacing: 'small' }),
      ...(movedAnswers > 0
        ? [textBlock(`Your level in this audit round is now ${levelLabel(level)}: ${movedAnswers === 1 ? 'your other answer' : `your ${movedAnswers} other answers`} in this round moved with it.`, { spacing: 'small' })]
        : []),
    ],
    { style: 'good', spacing: 'medium' },
  );
}

function levelInput({ level, levelProblem }: OneGoFormOptions): CardElement[] {
  return [
    choiceSet({
      id: INPUT_IDS.level,
      label: 'Your level (for all your answers in this round)',
      style: 'compact',
      placeholder: 'Choose your level',
      choices: LEVEL_CHOICES,
      value: isLevelId(level) ? level : undefined,
      errorMessage: ERROR_CODES.LEVEL_REQUIRED.message,
    }),
    ...(levelProblem ? [textBlock(levelProblem, { color: 'attention', spacing: 'small' })] : []),
  ];
}

/** Under a comment that did not fit, so the person checks how it now ends. */
const COMMENT_CUT = {
  limit: `Your comment was cut to the limit of ${MAX_COMMENT_LENGTH.toLocaleString('en-GB')} characters: please check how it ends before you submit.`,
  card: 'Your comment was cut to fit on this form with your other comments: please check how it ends before you submit.',
} as const;

function conditionInputs(condition: Condition, draft: OneGoDraft | undefined, comment: FittedComment | undefined, problem: OneGoProblem | undefined): CardElement[] {
  const ids = oneGoInputIds(condition.id);
  const problemText = (field: OneGoProblem['field']) => {
    if (!problem || problem.field !== field) return [];
    return [problem.concerns ? concernsFound(problem.concerns) : textBlock(problem.text, { color: 'attention', spacing: 'small' })];
  };
  return [
    container(
      [
        textBlock(`Condition ${condition.number} of ${CONDITIONS.length}`, { size: 'small', isSubtle: true }),
        ...problemText(undefined),
        choiceSet({
          id: ids.rating,
          label: `${condition.number}. ${condition.text}`,
          style: 'expanded',
          choices: RATINGS.map((rating) => ({ title: rating.label, value: rating.id })),
          value: isRatingId(draft?.rating) ? draft.rating : undefined,
        }),
        ...problemText('rating'),
        textInput({
          id: ids.comment,
          label: `Why? Condition ${condition.number} (optional)`,
          isMultiline: true,
          maxLength: MAX_COMMENT_LENGTH,
          placeholder: 'What makes you say that?',
          value: comment?.comment || undefined,
        }),
        ...problemText('comment'),
        ...(comment?.cut ? [textBlock(COMMENT_CUT[comment.cut], { color: 'attention', spacing: 'small' })] : []),
      ],
      { separator: true, spacing: 'large' },
    ),
  ];
}
