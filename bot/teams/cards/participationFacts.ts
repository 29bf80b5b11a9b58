import { CONDITIONS } from '../../domain/conditions';
import { levelLabel } from '../../domain/levels';
import { type OpenParticipation, type Participation } from '../../domain/participation';
import { completionText, NO_RATES_BY_LEVEL, responseRateText, type TeamSize } from '../../domain/responseRate';
import { type CardElement } from './card';
import { numberedShortTitle } from './conditionTitles';
import { factSet, heading, textBlock } from './elements';
import { countCellText, people } from './format';

/**
 * Participation as counts only, shared by the closed round's intro and the status card: people,
 * the response rate against `teamSize` (the roster now, or kept at close), and each condition's
 * completion. People by level are shown only for a closed round (an open round's participation
 * leaves them out: participation.ts); they arrive already suppressed by the domain, and this
 * only words them. Response rates by level cannot exist, and the card says so.
 */
export function participationSection(
  participation: OpenParticipation | Participation,
  privacyThreshold: number,
  roundIsOpen: boolean,
  teamSize: TeamSize,
): CardElement[] {
  const byCondition = CONDITIONS.map(
    (condition) => [numberedShortTitle(condition), completionText(participation.answersByCondition.get(condition.id) ?? 0, teamSize)] as const,
  );
  return [
    textBlock(respondentsLine(participation.respondents, roundIsOpen), { spacing: 'medium' }),
    textBlock(responseRateText(participation.respondents, teamSize, roundIsOpen), { spacing: 'small' }),
    ...(roundIsOpen ? [levelsAtClose()] : 'respondentsByLevel' in participation ? peopleByLevel(participation, privacyThreshold) : []),
    textBlock(NO_RATES_BY_LEVEL, { size: 'small', isSubtle: true, spacing: 'small' }),
    heading(teamSize.known ? "Answers by condition, of the team's members" : 'Answers by condition', { size: 'default', spacing: 'medium' }),
    factSet(byCondition),
  ];
}

function peopleByLevel(participation: Participation, privacyThreshold: number): CardElement[] {
  const levelCells = [...participation.respondentsByLevel];
  const byLevel = levelCells.map(([level, cell]) => [levelLabel(level), countCellText(cell, privacyThreshold)] as const);
  const anySuppressed = levelCells.some(([, cell]) => !cell.shown);
  // The domain also hides the next smallest level so a small one cannot be found by subtraction;
  // that level may not itself be small, so say so, but only when it happened.
  const anyProtecting = levelCells.some(([, cell]) => !cell.shown && cell.reason === 'protects-another');
  const why = `To keep answers anonymous, a level with fewer than ${privacyThreshold} people shows no count`;
  return [
    heading('People by level', { size: 'default', spacing: 'medium' }),
    factSet(byLevel),
    ...(anySuppressed
      ? [textBlock(anyProtecting ? `${why}, and so that it cannot be worked out from the total, the next smallest level is hidden too.` : `${why}.`, { size: 'small', isSubtle: true })]
      : []),
  ];
}

function levelsAtClose(): CardElement {
  return textBlock(
    "Figures by level appear when the round closes, so that nobody's answer or level can be worked out from a change between two looks.",
    { size: 'small', isSubtle: true, spacing: 'small' },
  );
}

function respondentsLine(respondents: number, roundIsOpen: boolean): string {
  if (respondents === 0) return roundIsOpen ? 'No one has answered yet.' : 'No one answered.';
  const verb = roundIsOpen ? (respondents === 1 ? 'has answered' : 'have answered') : 'answered';
  return `${people(respondents)} ${verb} at least one condition.`;
}
