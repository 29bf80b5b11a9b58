import { type AnswerChannel, type AnswerChoice } from '../../domain/answer';
import { type AuditRound } from '../../domain/auditRound';
import { CONDITIONS, type Condition } from '../../domain/conditions';
import { type ErrorCode } from '../../domain/errors';
import { type LevelId } from '../../domain/levels';
import { rateFigure, teamSizeAtClose } from '../../domain/responseRate';
import { VERBS } from './actions';
import { answerInputs, fieldOfProblem, prefillFromDraft, type AnswerDraft, type AnswerPrefill } from './answerInputs';
import { answerSummary, notAnsweredYet } from './answerSummary';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { textBlock } from './elements';
import { closedOnSentence, closesOnSentence, people } from './format';
import { concernsFound, safeguardingWarning } from './safeguardingWarning';
import type { CommentReview } from '../../domain/commentReview';
import type { ConcernKind } from '../../domain/safeguarding/concernKinds';
import type { SafeguardingContact } from '../../domain/safeguarding/safeguardingContact';

export interface ConditionCardOptions {
  readonly round: AuditRound;
  readonly condition: Condition;
  /** Answers given to this condition so far in the round. */
  readonly answeredCount: number;
  readonly via: AnswerChannel;
  /** The person's recorded answer: the view returned to them after they submit, or on "My answer". */
  readonly answer?: AnswerChoice & { readonly commentReview?: CommentReview };
  /** How many of their other answers in the round moved to this answer's level. */
  readonly movedAnswers?: number;
  /** Their own view of a condition they have not answered ("My answer" before answering). */
  readonly notAnsweredYet?: boolean;
  /** What they sent when it was refused or could not be saved, with why (product text, shown as markdown). */
  readonly draft?: AnswerDraft;
  readonly problem?: string;
  /** The refusal's code, which places the problem by its field. */
  readonly problemCode?: ErrorCode;
  /** The level to fill in: theirs in the round, or the one remembered for the team. */
  readonly rememberedLevel?: LevelId;
  /** In chat, how many conditions the person has left (this one among them): from 2, a button opens them all on one form. */
  readonly leftToAnswer?: number;
  /**
   * With problemCode COMMENT_MAY_IDENTIFY: where a concern about a child goes, and the kinds found in
   * the comment. The card then warns under the comment and offers "Send anyway" (issue 12).
   */
  readonly safeguarding?: { readonly contact: SafeguardingContact; readonly concerns: readonly ConcernKind[] };
}

const SEND_ANYWAY = 'Send anyway';

/**
 * The prompt for one condition: shared in the channel (the same card for everyone, so it
 * carries nothing about anyone: no `refresh`, no user ids), or one person's own view of it.
 */
export function conditionCard(options: ConditionCardOptions): AdaptiveCard {
  const { round, condition, answer, problem, problemCode } = options;
  const isOpen = round.status === 'open';
  const problemField = problem ? fieldOfProblem(problemCode) : undefined;
  const body: CardElement[] = [
    ...(problem && !problemField ? [textBlock(problem, { color: 'attention', weight: 'bolder' })] : []),
    textBlock(`Condition ${condition.number} of ${CONDITIONS.length}`, { size: 'small', isSubtle: true }),
    textBlock(condition.text, { size: 'medium', weight: 'bolder', spacing: 'small' }),
    textBlock(`Why this matters: ${condition.evidence}`, { isSubtle: true, spacing: 'small' }),
    ...(answer ? [answerSummary(answer, options.movedAnswers ?? 0)] : options.notAnsweredYet ? [notAnsweredYet()] : []),
    ...(isOpen ? answerInputs(prefillOf(options), problem && problemField ? { text: problem, field: problemField, ...warningOf(options) } : undefined) : []),
    textBlock(isOpen ? openFooter(options) : closedFooter(round, options.answeredCount), {
      size: 'small',
      isSubtle: true,
      spacing: 'medium',
    }),
  ];
  return adaptiveCard(body, isOpen ? actionsOf(options) : []);
}

/** A comment that may identify someone: the kinds found under it, then the warning with the contact. */
function warningOf({ problemCode, safeguarding }: ConditionCardOptions): { shownAs?: CardElement[] } {
  if (problemCode !== 'COMMENT_MAY_IDENTIFY' || !safeguarding) return {};
  return { shownAs: [concernsFound(safeguarding.concerns), safeguardingWarning(safeguarding.contact, SEND_ANYWAY)] };
}

/** The card everyone in the channel sees, as opposed to a person's own view of it. */
function isShared({ via, answer, draft, notAnsweredYet }: ConditionCardOptions): boolean {
  return via === 'channel' && !answer && !draft && !notAnsweredYet;
}

function prefillOf({ draft, answer, rememberedLevel }: ConditionCardOptions): AnswerPrefill {
  if (draft) return prefillFromDraft(draft, rememberedLevel);
  if (answer) return answer;
  return rememberedLevel ? { level: rememberedLevel } : {};
}

/**
 * What the level field is counted as on submit (see domain/answerLevel.ts): an own view
 * carries the level it showed, so a field left as it was changes nothing; the card that
 * refused a different level carries `changeLevel`, so submitting it again is the change.
 */
function levelData({ answer, draft, rememberedLevel, problemCode }: ConditionCardOptions): Record<string, string | boolean> {
  const knownLevel = answer?.level ?? draft?.knownLevel ?? (draft ? undefined : rememberedLevel);
  const changeLevel = problemCode === 'LEVEL_DIFFERS_IN_ROUND' || draft?.changeLevel === true;
  return { ...(knownLevel ? { knownLevel } : {}), ...(changeLevel ? { changeLevel } : {}) };
}

function actionsOf(options: ConditionCardOptions): CardElement[] {
  const { round, condition, via, answer, draft } = options;
  const ids = { roundId: round.roundId, teamId: round.teamId, conditionId: condition.id, via };
  const data = { ...ids, ...(answer || draft?.isChange ? { isChange: true } : {}), ...levelData(options) };
  const submit = executeAction({ title: answer ? 'Change my answer' : 'Submit answer', verb: VERBS.answer, data, style: 'positive' });
  // The comment as it stands on the card, edited or not, is sent and held for a champion's review.
  if (warningOf(options).shownAs) return [submit, executeAction({ title: SEND_ANYWAY, verb: VERBS.answer, data: { ...data, sendAnyway: true } })];
  const { leftToAnswer = 0 } = options;
  if (via === 'chat' && !answer && leftToAnswer > 1) {
    return [submit, executeAction({ title: `Answer all ${leftToAnswer} in one go`, verb: VERBS.openOneGo, data: { teamId: round.teamId, roundId: round.roundId }, associatedInputs: 'none' })];
  }
  if (!isShared(options)) return [submit];
  // Teams replaces a person's own view with the shared card whenever its count is updated:
  // this brings it back, from storage, for whoever presses it, in a channel of any size.
  return [submit, executeAction({ title: 'My answer', verb: VERBS.myAnswer, data: ids, associatedInputs: 'none' })];
}

function answeredSoFar(count: number, shared: boolean): string {
  if (count === 0) return 'No answers yet';
  const answered = `${people(count)} ${count === 1 ? 'has' : 'have'} answered.`;
  // Only the shared card needs saying how to change an answer: a person's own view, in a channel or
  // a chat, already has its Change button.
  return shared ? `${answered} Answered already? Press My answer to see or change yours.` : answered;
}

/**
 * The count, and on a person's own view (drawn afresh each time) the close date too; the shared
 * card leaves it out, since only the intro card is updated when a champion extends the round.
 */
function openFooter(options: ConditionCardOptions): string {
  const shared = isShared(options);
  const closes = shared ? undefined : closesOnSentence(options.round);
  const answered = answeredSoFar(options.answeredCount, shared);
  return closes ? `${answered}${answered.endsWith('.') ? '' : '.'} ${closes}` : answered;
}

function closedFooter(round: AuditRound, count: number): string {
  const closed = closedOnSentence(round);
  const answered = count === 0 ? 'No one answered this condition.' : `${people(count)} answered this condition.`;
  // Against the team's members at close, kept with the round; nothing when they were not kept.
  const completion = rateFigure(count, teamSizeAtClose(round), false);
  return completion ? `${closed} ${answered} Completion: ${completion}.` : `${closed} ${answered}`;
}
