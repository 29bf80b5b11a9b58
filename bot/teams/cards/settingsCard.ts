import type { TeamSettings } from '../../domain/teamSettings';
import { SETTING_INPUT_IDS, VERBS } from './actions';
import { executeAction } from './buttons';
import { adaptiveCard, type AdaptiveCard, type CardElement } from './card';
import { heading, textBlock } from './elements';
import { choiceSet, numberInput, toggleInput } from './inputs';

/** The settings card's fields, each with the inputs it is made of. */
export type SettingsField = 'closeAfterDays' | 'reminders' | 'cadenceMonths';

/** What the inputs show: the stored settings, or what a champion sent when it was refused. */
export interface SettingsDraft {
  readonly closeAfterDays?: number;
  readonly remindHalfway: boolean;
  readonly remindDaysBefore?: number;
  readonly cadenceMonths?: number;
}

export interface SettingsCardOptions {
  readonly teamId: string;
  /** The version the settings were read at (none: the defaults), carried to Save. */
  readonly version?: string;
  readonly draft: SettingsDraft;
  /** Why a save was refused, right under its field; or at the top when it is about no field. */
  readonly problem?: { readonly text: string; readonly field?: SettingsField };
  /** Said at the top after a save (what changed, when the next round opens). */
  readonly saved?: string;
  /** When the next round opens by itself, in words, when the team has a cadence and one is due. */
  readonly nextRound?: string;
}

/** The inputs' values for stored settings. */
export function draftOf(settings: TeamSettings): SettingsDraft {
  const daysBefore = settings.reminders.find((point) => point.kind === 'daysBeforeClose');
  return {
    closeAfterDays: settings.closeAfterDays,
    remindHalfway: settings.reminders.some((point) => point.kind === 'halfway'),
    ...(daysBefore ? { remindDaysBefore: daysBefore.days } : {}),
    ...(settings.cadenceMonths !== undefined ? { cadenceMonths: settings.cadenceMonths } : {}),
  };
}

const CADENCES = [1, 2, 3, 4, 6, 9, 12, 18, 24];
/** The cadence input's value for "no cadence". */
export const NO_CADENCE = 'none';

/**
 * `settings` (champions, in the channel): the team's choices for its rounds, changed in place and
 * saved together (issue 10). Every round opened afterwards follows them; an open round's reminders
 * follow them only if it is extended (it says so).
 */
export function settingsCard({ teamId, version, draft, problem, saved, nextRound }: SettingsCardOptions): AdaptiveCard {
  const byField = (field: SettingsField, inputs: CardElement[]): CardElement[] =>
    problem?.field === field ? [...inputs, textBlock(problem.text, { color: 'attention', spacing: 'small' })] : inputs;
  const cadences = draft.cadenceMonths === undefined || CADENCES.includes(draft.cadenceMonths) ? CADENCES : [...CADENCES, draft.cadenceMonths].sort((a, b) => a - b);
  return adaptiveCard(
    [
      ...(saved ? [textBlock(saved, { color: 'good', weight: 'bolder' })] : []),
      ...(problem && !problem.field ? [textBlock(problem.text, { color: 'attention', weight: 'bolder' })] : []),
      heading("This team's audit settings"),
      textBlock('Rounds opened from now on follow them. A round already open keeps its close date and its automatic reminders as planned when it opened; if a champion extends it, its reminders follow the settings as they are then.', { isSubtle: true, spacing: 'none' }),
      ...byField('closeAfterDays', [
        numberInput({ id: SETTING_INPUT_IDS.closeAfterDays, label: 'Days a round stays open (the close date "start" suggests)', min: 1, max: 90, ...(draft.closeAfterDays !== undefined ? { value: draft.closeAfterDays } : {}) }),
      ]),
      textBlock('Automatic reminders (at most two a round), to people who have not answered every condition', { weight: 'bolder', spacing: 'medium' }),
      ...byField('reminders', [
        toggleInput({ id: SETTING_INPUT_IDS.remindHalfway, title: 'Half-way through the round', on: draft.remindHalfway }),
        numberInput({ id: SETTING_INPUT_IDS.remindDaysBefore, label: 'Days before the close date (leave empty for no such reminder)', min: 1, max: 89, ...(draft.remindDaysBefore !== undefined ? { value: draft.remindDaysBefore } : {}) }),
      ]),
      ...byField('cadenceMonths', [
        choiceSet({
          id: SETTING_INPUT_IDS.cadenceMonths,
          label: 'Repeat rounds: the next opens by itself, and the one before closes if still open',
          style: 'compact',
          choices: [{ title: 'No: a champion starts each round', value: NO_CADENCE }, ...cadences.map((months) => ({ title: months === 1 ? 'Every month' : `Every ${months} months`, value: String(months) }))],
          value: draft.cadenceMonths === undefined ? NO_CADENCE : String(draft.cadenceMonths),
        }),
      ]),
      ...(nextRound ? [textBlock(nextRound, { isSubtle: true, spacing: 'small' })] : []),
    ],
    [executeAction({ title: 'Save', verb: VERBS.saveSettings, data: { teamId, ...(version ? { version } : {}) }, style: 'positive' })],
  );
}
