import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { factSet, heading, plainText, textBlock } from './elements';

export interface HelpCardOptions {
  readonly isChampion: boolean;
  readonly scope: 'team' | 'personal';
  /** Display names of the team's practice champions. */
  readonly champions: readonly string[];
  /** What the person wrote when it was not a command: the card says so before the help. */
  readonly notUnderstood?: string;
}

type Command = readonly [command: string, whatItDoes: string];

const EVERYONE: readonly Command[] = [
  ['help', 'Show this message.'],
  ['audit', 'In a one-to-one chat with Practice Audit: answer the open audit rounds of your teams.'],
  ['my answers', 'In a one-to-one chat with Practice Audit: see what you have answered in the audit rounds of your teams, and change it while a round is open.'],
  ['delete my answers', 'In a one-to-one chat with Practice Audit: erase your answers, once you confirm.'],
  ['my data', 'In a one-to-one chat with Practice Audit: get a file of everything Practice Audit holds about you.'],
  ['stop reminders', 'In a one-to-one chat with Practice Audit: no more reminders for the open audit rounds of your teams.'],
];

const CHAMPIONS: readonly Command[] = [
  ['start', 'Open an audit round, once you choose its close date, and post a card for each condition. It closes by itself at the end of that day.'],
  ['status', "See the open round's response rate, how many have answered each condition, when it closes, and the reminders sent."],
  ['close', 'Close the open round now, once you confirm. No more answers are accepted after it.'],
  ['extend', 'Move the open round\'s close date later ("extend to 20 December", "extend 7 days").'],
  ['settings', 'Change how long rounds stay open, the automatic reminders, and whether rounds repeat by themselves.'],
  ['remind', 'Remind everyone who has not answered every condition, one-to-one (at most once every three days). You see how many, never who.'],
  ['repost', 'Post the open round\'s cards that are missing here ("repost all": every card again).'],
  ['champions', "List this team's practice champions."],
  ['champions add @person', 'Make someone a practice champion.'],
  ['champions remove @person', 'Stop someone being a practice champion.'],
];

/** What the bot does, and only the commands this person may use here. */
export function helpCard({ isChampion, scope, champions, notUnderstood }: HelpCardOptions): AdaptiveCard {
  const inTeam = scope === 'team';
  const body: CardElement[] = [
    // What they wrote comes from Teams: plain text, never markdown.
    ...(notUnderstood !== undefined ? [plainText([{ text: `I didn't understand "${shortened(notUnderstood)}". Here is what Practice Audit can do.`, style: { weight: 'bolder' } }])] : []),
    heading('Practice Audit', { size: 'large' }),
    textBlock(
      'Practice Audit runs a self-audit of the twelve conditions which promote good practice. Staff at every level rate each condition anonymously, and practice champions run audit rounds in their team.',
    ),
    heading(inTeam ? 'Commands (first type @ and pick Practice Audit)' : 'Commands', { size: 'default', spacing: 'medium' }),
    factSet(EVERYONE),
  ];
  if (inTeam && isChampion) {
    body.push(heading('For practice champions', { size: 'default', spacing: 'medium' }), factSet(CHAMPIONS));
  } else if (inTeam) {
    body.push(...championsOfTheTeam(champions));
  } else {
    body.push(textBlock('Practice champions run audit rounds from their team channel by mentioning @Practice Audit there.', { isSubtle: true, spacing: 'medium' }));
  }
  return adaptiveCard(body);
}

function championsOfTheTeam(champions: readonly string[]): CardElement[] {
  const who = champions.length === 0
    ? textBlock('This team has no practice champions yet.')
    // Names come from Teams: plain text, never markdown.
    : plainText([`This team's practice ${champions.length === 1 ? 'champion' : 'champions'}: ${champions.join(', ')}.`]);
  return [
    heading('Practice champions', { size: 'default', spacing: 'medium' }),
    who,
    textBlock('Ask a practice champion to start, check or close an audit round.', { isSubtle: true, spacing: 'small' }),
  ];
}

function shortened(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
