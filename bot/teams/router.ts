import { AuditError } from '../domain/errors';
import { VERBS } from './cards/actions';
import { helpCard } from './cards';
import { parseCommand } from './commands';
import { handleAnswerAction } from './handlers/answerAction';
import type { BotDeps } from './handlers/botDeps';
import { handleAnswerInChatAction, offerRoundsInChat } from './handlers/chat';
import { handleCancelCloseAction, handleCloseRoundAction } from './handlers/closeConfirmation';
import { forgetTeam, handleStartRoundAction, noticeTeamActivity, welcomeTeam } from './handlers/installation';
import { handleMyAnswerAction, listMyAnswersInChat, replyMyAnswersArePrivate } from './handlers/myAnswers';
import { replyWithProblem } from './handlers/replies';
import { handleTeamCommand } from './handlers/teamCommands';
import { CHANNEL_COMMANDS, replyAuditIsInChat, replyChannelCommandInChat } from './handlers/wrongPlace';
import { errorResponse, type CardActionResponse } from './invokeResponses';
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
}

type CardActionHandler = (turn: TeamsTurn, data: unknown, deps: BotDeps) => Promise<CardActionResponse>;

/** Each verb of the bot's cards (cards/actions.ts), and the handler that answers it. A Map: the verb is the sender's. */
const CARD_ACTIONS: ReadonlyMap<string, CardActionHandler> = new Map([
  [VERBS.answer, handleAnswerAction],
  [VERBS.startRound, handleStartRoundAction],
  [VERBS.answerInChat, handleAnswerInChatAction],
  [VERBS.closeRound, handleCloseRoundAction],
  [VERBS.cancelClose, handleCancelCloseAction],
  [VERBS.myAnswer, handleMyAnswerAction],
]);

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
    message: (turn) => safely(turn, () => routeCommand(turn)),
    cardAction: async (turn, verb, data) => {
      const handler = CARD_ACTIONS.get(verb);
      return handler ? handler(turn, data, deps) : errorResponse(new AuditError('UNKNOWN_ACTION'));
    },
  };
}
