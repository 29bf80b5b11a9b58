import type { Person } from '../../app/auditServices';
import { cadenceInWords } from '../../app/recurringRound';
import { saveTeamSettings, settingsOfTeam, type TeamSettingsView } from '../../app/settings';
import { AuditError, isAuditError } from '../../domain/errors';
import { saveSettingsActionData } from '../cards/actions';
import { draftOf, settingsCard, type AdaptiveCard } from '../cards';
import type { SettingsField } from '../cards/settingsCard';
import { formatDate } from '../cards/format';
import { cardResponse, errorResponse, refusalResponse, type CardActionResponse } from '../invokeResponses';
import { personOf } from '../teamsActivity';
import type { TeamsTurn } from '../teamsPort';
import type { BotDeps } from './botDeps';
import { teamActionData } from './teamActionData';
import { settingsFromInputs } from './settingsInputs';

/** "The next round opens by itself on 28 February 2027.", or how the cadence starts when none is planned yet. */
function nextRoundSentence(view: TeamSettingsView): string | undefined {
  if (view.settings.cadenceMonths === undefined) return undefined;
  if (view.nextRoundAt) return `The next round opens by itself on ${formatDate(view.nextRoundAt.toISOString())}.`;
  return `Rounds repeat ${cadenceInWords(view.settings.cadenceMonths)} from the next round a champion starts.`;
}

function cardOf(teamId: string, view: TeamSettingsView, saved?: string): AdaptiveCard {
  const next = nextRoundSentence(view);
  return settingsCard({ teamId, draft: draftOf(view.settings), ...(view.version ? { version: view.version } : {}), ...(saved ? { saved } : {}), ...(next ? { nextRound: next } : {}) });
}

/**
 * What a save changes, said where it is done: the rounds opened from now on. A round already open
 * keeps what was planned when it opened (its close date, its automatic reminders); an extension
 * plans its reminders again, with the settings as they are then (app/roundSchedule.ts).
 */
const SAVED = 'Saved. Rounds opened from now on follow these settings. A round already open keeps its close date and its reminders as planned when it opened, unless it is extended: its reminders then follow these settings.';

/** `settings` in a channel (champions): the team's settings, to change and save. */
export async function showSettings(turn: TeamsTurn, teamId: string, person: Person, deps: BotDeps): Promise<void> {
  await turn.reply(cardOf(teamId, await settingsOfTeam(deps.services, teamId, person)));
}

/**
 * "Save" on the settings card: saved, and the card shows them as stored (with their new version,
 * so a second change saves too). A field refused comes back beside it with what was sent; settings
 * another champion saved since the card was shown come back as they are now, with why.
 */
export async function handleSaveSettingsAction(turn: TeamsTurn, data: unknown, deps: BotDeps): Promise<CardActionResponse> {
  const action = teamActionData(turn, saveSettingsActionData, data);
  if (!action) {
    return errorResponse(new AuditError('BAD_REQUEST', "Please change a team's settings from its channel."));
  }
  const { team } = action;
  const { version } = action.data;
  const read = settingsFromInputs(action.data);
  const again = (problem: { text: string; field?: SettingsField }) =>
    settingsCard({ teamId: team.teamId, draft: read.draft, problem, ...(version ? { version } : {}) });
  try {
    const person = personOf(turn.activity);
    if ('problem' in read) {
      // Only a champion learns anything from the card, refusal or not.
      await settingsOfTeam(deps.services, team.teamId, person);
      return cardResponse(again(read.problem));
    }
    const saved = await saveTeamSettings(deps.services, { teamId: team.teamId, person, settings: read.settings, version });
    return cardResponse(cardOf(team.teamId, saved, SAVED));
  } catch (error) {
    if (isAuditError(error, 'STORAGE_CONFLICT')) {
      const now = await settingsOfTeam(deps.services, team.teamId, personOf(turn.activity)).catch(() => undefined);
      if (now) return cardResponse(settingsCard({ teamId: team.teamId, draft: draftOf(now.settings), problem: { text: error.message }, ...(now.version ? { version: now.version } : {}) }));
    }
    return refusalResponse(error, { logger: deps.logger, event: 'save_settings_failed', onTheCard: (problem) => again({ text: problem }) });
  }
}
