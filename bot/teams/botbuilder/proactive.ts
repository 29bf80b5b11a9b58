import type { CloudAdapter, TurnContext } from 'botbuilder';
// Types only: botbuilder's own dependency, the connector client its turns carry.
import type { ConnectorClient } from 'botframework-connector';
import type { PostingAddress } from '../../domain/auditRound';
import { tenantOfAddress } from '../teamsActivity';
import type { TeamsPort } from '../teamsPort';
import { conversationOf, referenceFrom } from './conversation';

/**
 * The port out of a turn, over botbuilder's CloudAdapter: each use runs in a proactive turn,
 * whose connector client carries the pacing and retries (the adapter's middleware installs
 * them in proactive turns as in incoming ones: see adapter.ts).
 */
export function createTeamsPort(adapter: CloudAdapter, botAppId: string): TeamsPort {
  /**
   * Runs `work` in a proactive turn. Its error is handed back to the caller: left to the
   * adapter it would reach onTurnError, be logged as a bare turn_error and swallowed.
   */
  async function inTurn<T>(address: PostingAddress, work: (context: TurnContext) => Promise<T>): Promise<T> {
    let outcome: { value: T } | { error: unknown } | undefined;
    await adapter.continueConversationAsync(botAppId, referenceFrom(address), async (context) => {
      try {
        outcome = { value: await work(context) };
      } catch (error) {
        outcome = { error };
      }
    });
    if (!outcome) throw new Error('continueConversationAsync did not run the turn');
    if ('error' in outcome) throw outcome.error;
    return outcome.value;
  }

  const inConversation: TeamsPort['inConversation'] = (address, work) => inTurn(address, (context) => work(conversationOf(context)));

  return {
    inConversation,

    async openPersonalChat(via, teamsUserId, card) {
      const tenantId = tenantOfAddress(via);
      const { bot, channelId, serviceUrl } = referenceFrom(via);
      if (!bot || !serviceUrl) throw new Error('The address names no bot or Teams service to open a chat through');
      // Through the turn's connector client, so that creating the chat is paced and retried like
      // any send (Teams counts it against the app's limit). Teams answers with the existing chat
      // when there is one.
      const created = await inTurn(via, (context) =>
        context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey).conversations.createConversation({
          isGroup: false,
          bot,
          members: [{ id: teamsUserId, name: '' }],
          ...(tenantId ? { tenantId } : {}),
          channelData: tenantId ? { tenant: { id: tenantId } } : {},
        }),
      );
      if (!created.id) throw new Error('Teams opened the chat without giving its id');
      // A new address, not a reply to anything in `via`'s conversation.
      const address: PostingAddress = {
        bot,
        channelId: channelId ?? 'msteams',
        serviceUrl,
        user: { id: teamsUserId },
        conversation: { id: created.id, conversationType: 'personal', isGroup: false, ...(tenantId ? { tenantId } : {}) },
      };
      const messageId = await inConversation(address, (conversation) => conversation.postCard(card));
      return { address, messageId };
    },
  };
}
