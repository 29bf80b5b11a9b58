import { type AuditRound } from '../../domain/auditRound';
import { type Participation } from '../../domain/participation';
import { teamSizeAtClose } from '../../domain/responseRate';
import { VERBS } from './actions';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { emphasised, heading, plainText, textBlock } from './elements';
import { closedOnSentence, closesOnSentence, formatDate } from './format';
import { participationSection } from './participationFacts';

export interface RoundIntroCardOptions {
  readonly round: AuditRound;
  readonly conditionCount: number;
  readonly openedByName: string;
  /** Shown once the round has closed. */
  readonly participation?: Participation;
  readonly privacyThreshold: number;
}

/** The first post of a round; updated in place when the round closes. */
export function roundIntroCard(options: RoundIntroCardOptions): AdaptiveCard {
  const { round, openedByName } = options;
  const opened = plainText(['Opened by ', emphasised(openedByName), ` on ${formatDate(round.openedAt)}.`], { spacing: 'none' });
  const closes = closesOnSentence(round);
  return round.status === 'closed'
    ? adaptiveCard([heading(`Audit round ${round.number} is closed`, { size: 'large' }), opened, ...closedBody(options)])
    : adaptiveCard(
        [
          heading(`Audit round ${round.number} is open`, { size: 'large' }),
          opened,
          // Updated in place when a champion extends the round (RoundCards.showCloseDate).
          ...(closes ? [textBlock(closes, { weight: 'bolder', spacing: 'small' })] : []),
          ...howToAnswer(options.conditionCount),
        ],
        [answerAllInOneGo(round)],
      );
}

/**
 * Opens, for whoever presses it, the form of every condition they have not answered (oneGoCard.ts):
 * the invoke response replaces this card for them alone, and the card is not updated again until the
 * round closes, so the form stays while they fill it in.
 */
function answerAllInOneGo(round: AuditRound): CardElement {
  return executeAction({ title: 'Answer all in one go', verb: VERBS.openOneGo, data: { teamId: round.teamId, roundId: round.roundId }, associatedInputs: 'none', style: 'positive' });
}

function howToAnswer(conditionCount: number): CardElement[] {
  const steps = [
    `Rate each of the ${conditionCount} conditions below: what happens now in your service?`,
    'Or press Answer all in one go: every condition you have not answered on one form, only you see it, and your level is asked once.',
    'Give your level with your first answer: all your answers in this round count at that level.',
    'Comments are optional. Answers and comments are anonymous: no one sees who gave them.',
    'You can also answer in a one-to-one chat with Practice Audit: say "audit".',
  ];
  return [
    textBlock('How to answer', { weight: 'bolder', spacing: 'medium' }),
    // Separate blocks rather than a markdown list: list markdown renders differently across Teams clients.
    ...steps.map((step) => textBlock(`• ${step}`, { spacing: 'small' })),
  ];
}

function closedBody({ round, participation, privacyThreshold }: RoundIntroCardOptions): CardElement[] {
  return [
    textBlock(`${closedOnSentence(round)} Answers can no longer be given or changed. Thank you to everyone who took part.`, { spacing: 'medium' }),
    ...(participation ? participationSection(participation, privacyThreshold, false, teamSizeAtClose(round)) : []),
  ];
}
