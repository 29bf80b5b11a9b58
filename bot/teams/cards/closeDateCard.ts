import { dayInWords, MAX_DAYS_TO_CLOSE, type CalendarDay } from '../../domain/closeDate';
import { SETTING_INPUT_IDS, VERBS } from './actions';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard } from './card';
import { heading, textBlock } from './elements';
import { dateInput } from './inputs';

/** What the date field starts with, and the days it allows (UK calendar days, YYYY-MM-DD). */
interface DateField {
  /** The day filled in: the proposal, or what the champion sent when it was refused. */
  readonly closesOn?: string;
  /** Today (UK): the earliest close date. */
  readonly today: CalendarDay;
  /** The latest close date allowed (MAX_DAYS_TO_CLOSE from today). */
  readonly latest: CalendarDay;
  /** Why the date sent was refused, shown right under the field. */
  readonly problem?: string;
}

export interface OpenRoundCardOptions extends DateField {
  readonly teamId: string;
  /** The proposal's round id: the round the button opens, once however often it is pressed. */
  readonly roundId: string;
  /** The team's default (its settings), said beside the suggested day; left out when not known (a refused date). */
  readonly closeAfterDays?: number;
}

export interface ExtendRoundCardOptions extends DateField {
  readonly teamId: string;
  readonly roundId: string;
  readonly roundNumber: number;
  /** The round's current close date; none for a round opened before close dates existed. */
  readonly closesNow?: CalendarDay;
}

const DATE_LABEL = 'Close date (the round closes at the end of this day, UK time)';

function dateField({ closesOn, today, latest, problem }: DateField) {
  return [
    // Teams shows errorMessage for an empty field and for a day outside min..max alike: say which days.
    dateInput({ id: SETTING_INPUT_IDS.closesOn, label: DATE_LABEL, min: today, max: latest, errorMessage: `Please choose a day from today to ${dayInWords(latest)}.`, ...(closesOn ? { value: closesOn } : {}) }),
    ...(problem ? [textBlock(problem, { color: 'attention', spacing: 'small' })] : []),
  ];
}

/**
 * `start` asks for the close date before anything opens (issue 10): the date the team's settings
 * suggest is filled in, and "Open the round" opens it. The round closes itself at the end of that
 * day (UK time), as a champion's `close` would.
 */
export function openRoundCard(options: OpenRoundCardOptions): AdaptiveCard {
  const suggested = options.closesOn && options.closeAfterDays !== undefined && !options.problem ? `Suggested: ${dayInWords(options.closesOn)}, ${options.closeAfterDays} ${options.closeAfterDays === 1 ? 'day' : 'days'} from today (this team's setting). ` : '';
  return adaptiveCard(
    [
      heading('Open an audit round'),
      textBlock(
        `Choose when the round closes: at the end of that day (midnight, UK time) it closes by itself, every answer given by then is counted, and no more are taken. ${suggested}You can choose any day from today to ${MAX_DAYS_TO_CLOSE} days ahead, and extend the round later with "extend".`,
      ),
      ...dateField(options),
    ],
    [executeAction({ title: 'Open the round', verb: VERBS.openRound, data: { teamId: options.teamId, roundId: options.roundId }, style: 'positive' })],
  );
}

/** `extend`: a later close date for the open round, the current one plus a week filled in. */
export function extendRoundCard(options: ExtendRoundCardOptions): AdaptiveCard {
  return adaptiveCard(
    [
      heading(`Extend audit round ${options.roundNumber}`),
      textBlock(
        options.closesNow
          ? `It closes at the end of ${dayInWords(options.closesNow)} (UK time). Choose a later day: the round then stays open until the end of it, and its opening card shows the new date.`
          : 'It has no close date yet, so it stays open until a champion closes it. Choose the day it closes by itself: at the end of it (UK time).',
      ),
      ...dateField(options),
    ],
    [executeAction({ title: 'Extend', verb: VERBS.extendRound, data: { teamId: options.teamId, roundId: options.roundId }, style: 'positive' })],
  );
}
