import { type AnswerChannel, type AnswerChoice } from '../../domain/answer';
import { type AuditRound } from '../../domain/auditRound';
import { CONDITIONS, type Condition } from '../../domain/conditions';
import { type LevelId } from '../../domain/levels';
import { VERBS } from './actions';
import { answerInputs, prefillFromDraft, type AnswerDraft, type AnswerPrefill } from './answerInputs';
import { answerSummary } from './answerSummary';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { textBlock } from './elements';
import { formatDate, people } from './format';

export interface ConditionCardOptions {
  readonly round: AuditRound;
  readonly condition: Condition;
  /** Answers given to this condition so far in the round. */
  readonly answeredCount: number;
  readonly via: AnswerChannel;
  /** The person's recorded answer: the view returned to them after they submit. */
  readonly answer?: AnswerChoice;
  /** What they sent when it was refused or could not be saved, with why (product text, shown as markdown). */
  readonly draft?: AnswerDraft;
  readonly problem?: string;
  readonly rememberedLevel?: LevelId;
}

/** The prompt for one condition: shared in the channel, or one person's view of it. */
export function conditionCard(options: ConditionCardOptions): AdaptiveCard {
  const { round, condition, answer, problem } = options;
  const isOpen = round.status === 'open';
  const body: CardElement[] = [
    ...(problem ? [textBlock(problem, { color: 'attention', weight: 'bolder' })] : []),
    textBlock(`Condition ${condition.number} of ${CONDITIONS.length}`, { size: 'small', isSubtle: true }),
    textBlock(condition.text, { size: 'medium', weight: 'bolder', spacing: 'small' }),
    textBlock(`Why this matters: ${condition.evidence}`, { isSubtle: true, spacing: 'small' }),
    ...(answer ? [answerSummary(answer)] : []),
    ...(isOpen ? answerInputs(prefillOf(options)) : []),
    textBlock(isOpen ? answeredSoFar(options.answeredCount, options.via) : closedFooter(round, options.answeredCount), {
      size: 'small',
      isSubtle: true,
      spacing: 'medium',
    }),
  ];
  return adaptiveCard(body, isOpen ? [submitAction(options)] : []);
}

function prefillOf({ draft, answer, rememberedLevel }: ConditionCardOptions): AnswerPrefill {
  if (draft) return prefillFromDraft(draft, rememberedLevel);
  if (answer) return answer;
  return rememberedLevel ? { level: rememberedLevel } : {};
}

function submitAction({ round, condition, via, answer }: ConditionCardOptions): CardElement {
  return executeAction({
    title: answer ? 'Change my answer' : 'Submit answer',
    verb: VERBS.answer,
    data: { roundId: round.roundId, teamId: round.teamId, conditionId: condition.id, via, ...(answer ? { isChange: true } : {}) },
    style: 'positive',
  });
}

// In a channel everyone sees the shared card again once its count is updated, so it says
// how to change an answer from there. A chat card is one person's own: nothing to explain.
function answeredSoFar(count: number, via: AnswerChannel): string {
  if (count === 0) return 'No answers yet';
  const answered = `${people(count)} ${count === 1 ? 'has' : 'have'} answered.`;
  return via === 'channel' ? `${answered} Answered already? Submit again to change your answer.` : answered;
}

function closedFooter(round: AuditRound, count: number): string {
  const closed = round.closedAt ? `This audit round closed on ${formatDate(round.closedAt)}.` : 'This audit round has closed.';
  const answered = count === 0 ? 'No one answered this condition.' : `${people(count)} answered this condition.`;
  return `${closed} ${answered}`;
}
