import { AuditError } from '../domain/errors';
import { VERBS } from './cards/actions';
import { helpCard } from './cards';
import { parseCommand } from './commands';
import { answerRefusal, handleAnswerAction } from './handlers/answerAction';
import type { BotDeps } from './handlers/botDeps';
import { handleAnswerInChatAction, offerRoundsInChat } from './handlers/chat';
import { handleCancelCloseAction, handleCloseRoundAction } from './handlers/closeConfirmation';
import { forgetTeam, noticeTeamActivity, welcomeTeam } from './handlers/installation';
import { handleExtendRoundAction } from './handlers/extend';
import { handleOpenRoundAction, handleStartRoundAction } from './handlers/openRound';
import { handleSaveSettingsAction } from './handlers/teamSettings';
import { handleMyAnswerAction, listMyAnswersInChat, replyMyAnswersArePrivate } from './handlers/myAnswers';
import { answerFileConsent, askToEraseAnswers, handleEraseAnswersAction, handleKeepAnswersAction, offerTheirData, replyOwnDataIsInChat } from './handlers/ownData';
import { handleStopRemindersAction, replyStopRemindersIsInChat, stopRemindersInChat } from './handlers/reminders';
import { answerAllRefusal, handleAnswerAll, handleOpenOneGo, handleRoundAnswers } from './handlers/oneGo';
import { replyWithProblem } from './handlers/replies';
import { handlePostYouSaidWeDid } from './handlers/youSaidWeDid';
import { handleTeamCommand } from './handlers/teamCommands';
import { requireTeamsTenant, teamActedOn } from './handlers/tenantGuard';
import { CHANNEL_COMMANDS, replyAuditIsInChat, replyChannelCommandInChat } from './handlers/wrongPlace';
import { errorResponse, refusalResponse, type CardActionResponse } from './invokeResponses';
import { scopeOf, teamOf } from './teamsActivity';
import type { TeamsTurn } from './teamsPort';

/** What Teams tells the bot, as the botbuilder bot (botbuilder/auditBot.ts) hands it on. */
export interface TurnRoutes {
  /** Any message or card action: in a team, a sign the app is there. Never waited on. */
  noticeActivity(turn: TeamsTurn): void;
  /** The app was installed (installationUpdate add). */
  installed(turn: TeamsTurn): Promise<void>;
  /** The app was removed (installationUpdate remove). */
  uninstalled(turn: TeamsTurn): Promise<void>;
  /** The bot was added to a conversation (conversationUpdate). */
  botAdded(turn: TeamsTurn): Promise<void>;
  message(turn: TeamsTurn): Promise<void>;
  /** An Action.Execute on one of the bot's cards: its verb and data. */
  cardAction(turn: TeamsTurn, verb: string, data: unknown): Promise<CardActionResponse>;
  /** A person accepted or declined a file the bot offered (invoke fileConsent/invoke): its value as Teams sent it. */
  fileConsent(turn: TeamsTurn, value: unknown): Promise<void>;
}

type CardActionHandler = (turn: TeamsTurn, data: unknown, deps: BotDeps) => Promise<CardActionResponse>;
/** How a verb answers a press refused before its handler ran; a notice when not given. */
type CardActionRefusal = (turn: TeamsTurn, data: unknown, error: unknown, deps: BotDeps) => CardActionResponse;

/** Each verb of the bot's cards (cards/actions.ts), and the handler that answers it. A Map: the verb is the sender's. */
const CARD_ACTIONS: ReadonlyMap<string, { handle: CardActionHandler; refuse?: CardActionRefusal }> = new Map([
  // An answer refused comes back in its card with what was typed, as the handler's own refusals do.
  [VERBS.answer, { handle: handleAnswerAction, refuse: answerRefusal }],
  [VERBS.startRound, { handle: handleStartRoundAction }],
  [VERBS.answerInChat, { handle: handleAnswerInChatAction }],
  [VERBS.closeRound, { handle: handleCloseRoundAction }],
  [VERBS.cancelClose, { handle: handleCancelCloseAction }],
  [VERBS.myAnswer, { handle: handleMyAnswerAction }],
  [VERBS.openRound, { handle: handleOpenRoundAction }],
  [VERBS.extendRound, { handle: handleExtendRoundAction }],
  [VERBS.saveSettings, { handle: handleSaveSettingsAction }],
  [VERBS.stopReminders, { handle: handleStopRemindersAction }],
  [VERBS.openOneGo, { handle: handleOpenOneGo }],
  // Like a card's answer, a one-go submit refused comes back as the form with everything typed.
  [VERBS.answerAll, { handle: handleAnswerAll, refuse: answerAllRefusal }],
  [VERBS.roundAnswers, { handle: handleRoundAnswers }],
  [VERBS.postYouSaidWeDid, { handle: handlePostYouSaidWeDid }],
  [VERBS.eraseMyAnswers, { handle: handleEraseAnswersAction }],
  [VERBS.keepMyAnswers, { handle: handleKeepAnswersAction }],
]);

const noticeOfRefusal: CardActionRefusal = (_turn, _data, error, deps) => refusalResponse(error, { logger: deps.logger, event: 'card_action_failed' });

/** Routes Teams activities to the handlers. Nothing here decides anything. */
export function createTurnRoutes(deps: BotDeps): TurnRoutes {
  /** A message's failure is answered in the conversation (replies.ts decides how). */
  const safely = async (turn: TeamsTurn, work: () => Promise<void>): Promise<void> => {
    try {
      await work();
    } catch (error) {
      await replyWithProblem(turn, error, deps.logger);
    }
  };

  const routeCommand = async (turn: TeamsTurn): Promise<void> => {
    const command = parseCommand(turn.activity, turn.mentions());
    const scope = scopeOf(turn.activity);
    if (command.name === 'myAnswers') return scope === 'personal' ? listMyAnswersInChat(turn, deps) : replyMyAnswersArePrivate(turn);
    if (command.name === 'deleteMyAnswers') return scope === 'personal' ? askToEraseAnswers(turn, deps) : replyOwnDataIsInChat(turn);
    if (command.name === 'myData') return scope === 'personal' ? offerTheirData(turn, deps) : replyOwnDataIsInChat(turn);
    if (command.name === 'stopReminders') return scope === 'personal' ? stopRemindersInChat(turn, deps) : replyStopRemindersIsInChat(turn);
    if (scope === 'personal') {
      if (command.name === 'audit') return offerRoundsInChat(turn, deps);
      if (CHANNEL_COMMANDS.includes(command.name)) return replyChannelCommandInChat(turn, command.text.split(' ')[0]!.toLowerCase());
    }
    if (scope === 'team' && CHANNEL_COMMANDS.includes(command.name)) return handleTeamCommand(turn, command, deps);
    if (scope === 'team' && command.name === 'audit') return replyAuditIsInChat(turn);
    return replyWithHelp(turn, command.name === 'unknown' ? command.text : undefined);
  };

  const replyWithHelp = async (turn: TeamsTurn, notUnderstood?: string): Promise<void> => {
    const scope = scopeOf(turn.activity) === 'personal' ? 'personal' : 'team';
    const team = teamOf(turn.activity);
    const from = turn.activity.from;
    const champions = team ? await deps.services.champions.list(team.teamId) : [];
    const isChampion = champions.some((c) => c.entraObjectId === from?.aadObjectId);
    await turn.reply(helpCard({ isChampion, scope, champions: champions.map((c) => c.name), ...(notUnderstood !== undefined ? { notUnderstood } : {}) }));
  };

  return {
    noticeActivity: (turn) => noticeTeamActivity(turn, deps),
    // Teams announces an install twice (installationUpdate and conversationUpdate): in a
    // team the welcome is posted once by its stored insert; in a chat we greet on the second only.
    installed: async (turn) => {
      if (scopeOf(turn.activity) === 'team') await safely(turn, () => welcomeTeam(turn, deps));
    },
    uninstalled: (turn) => forgetTeam(turn, deps),
    botAdded: (turn) => safely(turn, () => (scopeOf(turn.activity) === 'personal' ? offerRoundsInChat(turn, deps) : welcomeTeam(turn, deps))),
    // Every message in a team and every button naming a team comes from the team's own tenant
    // (tenantGuard.ts): checked here, once, before any handler.
    message: (turn) =>
      safely(turn, async () => {
        await requireTeamsTenant(turn, teamOf(turn.activity)?.teamId, deps);
        await routeCommand(turn);
      }),
    cardAction: async (turn, verb, data) => {
      const action = CARD_ACTIONS.get(verb);
      if (!action) return errorResponse(new AuditError('UNKNOWN_ACTION'));
      try {
        await requireTeamsTenant(turn, teamActedOn(turn, data), deps);
      } catch (error) {
        return (action.refuse ?? noticeOfRefusal)(turn, data, error, deps);
      }
      return action.handle(turn, data, deps);
    },
    fileConsent: (turn, value) => safely(turn, () => answerFileConsent(turn, value, deps)),
  };
}
