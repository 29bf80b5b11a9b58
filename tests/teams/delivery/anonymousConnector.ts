// Gets botbuilder's real ConnectorClient the way the bot does in local (anonymous) mode:
// CloudAdapter + ConfigurationBotFrameworkAuthentication with no app id, inside a proactive turn.
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type ConversationParameters, type TurnContext } from 'botbuilder';

/** The part of botframework-connector's ConnectorClient these tests use. */
export interface Connector {
  conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    replyToActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    deleteActivity(conversationId: string, activityId: string): Promise<unknown>;
    createConversation(parameters: Partial<ConversationParameters>): Promise<{ id?: string; activityId?: string }>;
    getConversationPagedMembers(conversationId: string, options?: { pageSize?: number; continuationToken?: string }): Promise<{ members?: unknown[]; continuationToken?: string }>;
  };
}

/** Runs `logic` in a proactive turn for `conversationId` at `serviceUrl`. */
export async function inTurn<T>(serviceUrl: string, conversationId: string, logic: (context: TurnContext) => Promise<T>): Promise<T> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const reference = { serviceUrl, channelId: 'msteams', conversation: { id: conversationId, isGroup: true, conversationType: 'channel', name: '' } };
  let result: { value: T } | undefined;
  await adapter.continueConversationAsync('', reference, async (context) => {
    result = { value: await logic(context) };
  });
  if (!result) throw new Error('continueConversationAsync did not run the turn');
  return result.value;
}

export function connectorFor(serviceUrl: string, conversationId: string): Promise<Connector> {
  return inTurn(serviceUrl, conversationId, async (context) => context.turnState.get<Connector>(context.adapter.ConnectorClientKey));
}
