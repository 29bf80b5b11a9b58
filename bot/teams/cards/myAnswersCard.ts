import { type AnswerChoice } from '../../domain/answer';
import { conditionById, type ConditionId } from '../../domain/conditions';
import { levelLabel } from '../../domain/levels';
import { ratingLabel } from '../../domain/ratings';
import { VERBS } from './actions';
import { actionSet, executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { numberedShortTitle } from './conditionTitles';
import { container, heading, plainText, textBlock } from './elements';
import { formatDate } from './format';
import type { CommentReview } from '../../domain/commentReview';

export interface MyAnswersRound {
  readonly teamId: string;
  readonly teamName: string;
  readonly roundId: string;
  readonly roundNumber: number;
  readonly answers: readonly (AnswerChoice & { readonly conditionId: ConditionId; readonly commentReview?: Pick<CommentReview, 'state'> })[];
  /** Set for a closed round: when it closed (ISO 8601), and the days its answers are kept after (RETENTION_DAYS). */
  readonly closed?: { readonly closedAt: string; readonly retentionDays: number };
}

/** Twelve answers of a round take about 7 KB: three rounds keep the card well under Teams' 28 KB. */
export const MAX_ROUNDS_LISTED = 3;
const SNIPPET_LENGTH = 80;

/**
 * "my answers" in a person's one-to-one chat: what they answered in the open and closed rounds of
 * their teams, newest round first (the caller's order), with a button per answer of an open round
 * that opens their own view of it to change. A closed round says when its answers will be deleted.
 */
export function myAnswersCard({ rounds }: { readonly rounds: readonly MyAnswersRound[] }): AdaptiveCard {
  if (rounds.length === 0) {
    return adaptiveCard([textBlock('You have no answers stored in the audit rounds of your teams. Say "audit" to answer.')]);
  }
  const listed = rounds.slice(0, MAX_ROUNDS_LISTED);
  const unlisted = rounds.length - listed.length;
  return adaptiveCard([
    heading('Your answers in audit rounds'),
    textBlock('Only you see this list. To change an answer in an open round, press its button.', { isSubtle: true, spacing: 'none' }),
    ...listed.flatMap(roundAnswers),
    ...(unlisted > 0
      ? [textBlock(`And ${unlisted === 1 ? 'one more round' : `${unlisted} more rounds`} with your answers, not listed here: say "my data" to get all your answers in a file.`, { isSubtle: true, spacing: 'medium' })]
      : []),
    textBlock(
      rounds.some((round) => !round.closed)
        ? 'Say "audit" to answer the conditions you have not answered yet, or "delete my answers" to erase your answers.'
        : 'Say "delete my answers" to erase your answers.',
      { isSubtle: true, spacing: 'medium' },
    ),
  ]);
}

function roundAnswers({ teamId, teamName, roundId, roundNumber, answers, closed }: MyAnswersRound): CardElement[] {
  return [
    // The team's name comes from Teams: plain text, never markdown.
    plainText([{ text: `${teamName}, round ${roundNumber}${closed ? ' (closed)' : ''}`, style: { weight: 'bolder' } }], { spacing: 'large', separator: true }),
    ...(closed ? [textBlock(retentionNote(closed), { isSubtle: true, spacing: 'none' })] : []),
    ...answers.map((answer) => {
      const condition = conditionById(answer.conditionId);
      return container(
        [
          textBlock(numberedShortTitle(condition), { weight: 'bolder' }),
          textBlock(`${ratingLabel(answer.rating)}, as ${levelLabel(answer.level)}`, { spacing: 'none' }),
          answer.comment ? plainText([snippet(answer.comment)], { spacing: 'none' }) : textBlock('No comment', { isSubtle: true, spacing: 'none' }),
          ...(answer.commentReview ? [textBlock(REVIEW_WORDS[answer.commentReview.state], { isSubtle: true, spacing: 'none' })] : []),
          ...(closed
            ? []
            : [actionSet([executeAction({ title: `Change answer ${condition.number}`, verb: VERBS.myAnswer, data: { roundId, teamId, conditionId: condition.id, via: 'chat' } })], { spacing: 'small' })]),
        ],
        { spacing: 'medium' },
      );
    }),
  ];
}

/** What became of their own comment that was held for a champion's review (domain/commentReview.ts). */
const REVIEW_WORDS: Record<CommentReview['state'], string> = {
  held: "Your comment is held until a practice champion checks it: leaders don't see it yet.",
  released: 'A practice champion checked your comment: leaders see it.',
  redacted: 'A practice champion checked your comment: leaders see it with the identifying part removed.',
  withheld: "A practice champion checked your comment: leaders don't see it.",
};

/** A closed round's answers are deleted `retentionDays` after it closed; its counts stay. */
function retentionNote({ closedAt, retentionDays }: NonNullable<MyAnswersRound['closed']>): string {
  const deletedOn = formatDate(new Date(Date.parse(closedAt) + retentionDays * DAY_MS).toISOString());
  return `This round is closed. Your answers in it will be deleted on ${deletedOn}, ${retentionDays} days after it closed; the round keeps only its counts, which say nothing about you.`;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The start of a comment, on one line. */
function snippet(comment: string): string {
  const oneLine = comment.replace(/\s+/g, ' ').trim();
  return oneLine.length <= SNIPPET_LENGTH ? oneLine : `${oneLine.slice(0, SNIPPET_LENGTH - 1).trimEnd()}…`;
}
