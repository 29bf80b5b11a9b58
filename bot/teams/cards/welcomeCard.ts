import { VERBS } from './actions';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard } from './card';
import { emphasised, heading, plainText, textBlock } from './elements';

export interface WelcomeCardOptions {
  readonly teamId: string;
  readonly teamName?: string;
  /** Display name of the person who added the app, when Teams tells us. */
  readonly installedByName?: string;
}

/** Posted once, when the app is added to a team. */
export function welcomeCard({ teamId, teamName, installedByName }: WelcomeCardOptions): AdaptiveCard {
  const firstChampion = installedByName
    ? plainText([emphasised(installedByName), ", who added Practice Audit, is this team's first practice champion."])
    : textBlock("The person who added Practice Audit is this team's first practice champion.");

  return adaptiveCard(
    [
      heading('Welcome to Practice Audit', { size: 'large' }),
      ...(teamName ? [plainText(['Practice Audit is now part of ', emphasised(teamName), '.'], { spacing: 'none' })] : []),
      textBlock(
        "Practice Audit runs a self-audit of the twelve conditions which promote good practice, from the national evaluation of the Children's Social Care Innovation Programme.",
      ),
      textBlock(
        'Staff at every level rate each condition: what happens now in your service? Answers are anonymous, and the results show where levels see things differently.',
      ),
      heading('Practice champions', { size: 'default', spacing: 'medium' }),
      firstChampion,
      textBlock(
        'A champion starts an audit round with the button below, or by mentioning Practice Audit in this channel (type @ and pick Practice Audit from the list) and writing **start**. Champions can add other champions.',
      ),
    ],
    [executeAction({ title: 'Start an audit round', verb: VERBS.startRound, data: { teamId }, style: 'positive' })],
  );
}
