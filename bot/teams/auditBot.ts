import { ActivityTypes, TeamsActivityHandler, type AdaptiveCardInvokeResponse, type AdaptiveCardInvokeValue, type TurnContext } from 'botbuilder';
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
import { replyWithCard, replyWithProblem } from './handlers/replies';
import { handleTeamCommand } from './handlers/teamCommands';
import { errorResponse } from './invokeResponses';
import { scopeOf, teamOf } from './teamsActivity';

/** Routes Teams activities to the handlers. Nothing here decides anything. */
export class AuditBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();
    // Teams may add the app back to a team without an install event: its activity is the sign.
    this.onTurn(async (context, next) => {
      const { type } = context.activity;
      if (type === ActivityTypes.Message || type === ActivityTypes.Invoke) noticeTeamActivity(context, deps);
      await next();
    });
    // Teams announces an install twice (installationUpdate and conversationUpdate): in a
    // team the welcome is posted once by its stored insert; in a chat we greet on the second only.
    this.onInstallationUpdateAdd(async (context, next) => {
      if (scopeOf(context.activity) === 'team') await this.safely(context, () => welcomeTeam(context, deps));
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await forgetTeam(context, deps);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botAdded = context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id);
      if (botAdded) {
        await this.safely(context, () => (scopeOf(context.activity) === 'personal' ? offerRoundsInChat(context, deps) : welcomeTeam(context, deps)));
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.safely(context, () => this.routeCommand(context));
      await next();
    });
  }

  private async routeCommand(context: TurnContext): Promise<void> {
    const command = parseCommand(context.activity);
    const scope = scopeOf(context.activity);
    if (command.name === 'myAnswers') return scope === 'personal' ? listMyAnswersInChat(context, this.deps) : replyMyAnswersArePrivate(context);
    if (scope === 'personal' && command.name !== 'help') return offerRoundsInChat(context, this.deps);
    if (scope === 'team' && ['start', 'status', 'close', 'champions', 'repost'].includes(command.name)) return handleTeamCommand(context, command, this.deps);
    return this.replyWithHelp(context, command.name === 'unknown' ? command.text : undefined);
  }

  private async replyWithHelp(context: TurnContext, notUnderstood?: string): Promise<void> {
    const scope = scopeOf(context.activity) === 'personal' ? 'personal' : 'team';
    const team = teamOf(context.activity);
    const from = context.activity.from;
    const champions = team ? await this.deps.services.champions.list(team.teamId) : [];
    const isChampion = champions.some((c) => c.entraObjectId === from?.aadObjectId);
    await replyWithCard(context, helpCard({ isChampion, scope, champions: champions.map((c) => c.name), ...(notUnderstood !== undefined ? { notUnderstood } : {}) }));
  }

  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const { verb, data } = invokeValue.action;
    switch (verb) {
      case VERBS.answer:
        return handleAnswerAction(context, data, this.deps);
      case VERBS.startRound:
        return handleStartRoundAction(context, data, this.deps);
      case VERBS.answerInChat:
        return handleAnswerInChatAction(context, data, this.deps);
      case VERBS.closeRound:
        return handleCloseRoundAction(context, data, this.deps);
      case VERBS.cancelClose:
        return handleCancelCloseAction(context, data, this.deps);
      case VERBS.myAnswer:
        return handleMyAnswerAction(context, data, this.deps);
      default:
        return errorResponse(new AuditError('UNKNOWN_ACTION'));
    }
  }

  private async safely(context: TurnContext, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      await replyWithProblem(context, error, this.deps.logger);
    }
  }
}

