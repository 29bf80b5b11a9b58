import { cardOf, cardText } from './cardText';
import type { FakeConnector, RecordedCall } from './fakeConnector';

/** A call that opens a one-to-one chat (createConversation without a channel), and whom with. */
function chatOpenedWith(call: RecordedCall): string | undefined {
  if (call.method !== 'POST' || call.path !== '/v3/conversations') return undefined;
  const body = call.body as { members?: { id?: string }[]; channelData?: { channel?: unknown } } | undefined;
  if (body?.channelData?.channel) return undefined;
  return body?.members?.[0]?.id;
}

/** How many times the bot asked Teams to open a one-to-one chat with this person (refused or not). */
export function chatOpenings(connector: FakeConnector, teamsUserId: string): number {
  return connector.calls.filter((call) => chatOpenedWith(call) === teamsUserId).length;
}

/**
 * The reminders Teams accepted, by Teams user id: the text of each card posted into a one-to-one
 * chat the bot opened with them, in order.
 */
export function remindersSent(connector: FakeConnector): Map<string, string[]> {
  const chats = new Map<string, string>();
  for (const call of connector.calls) {
    const user = chatOpenedWith(call);
    const id = (call.response as { id?: string } | undefined)?.id;
    if (user && call.status < 300 && id) chats.set(id, user);
  }
  const sent = new Map<string, string[]>();
  for (const activity of connector.sentActivities()) {
    const user = chats.get(activity.conversationId);
    if (user) sent.set(user, [...(sent.get(user) ?? []), cardText(cardOf(activity.activity))]);
  }
  return sent;
}

/** The reminder cards Teams accepted, as sent, by Teams user id (to press their buttons). */
export function reminderActivities(connector: FakeConnector, teamsUserId: string): Record<string, unknown>[] {
  const chats = new Set(connector.calls.filter((call) => chatOpenedWith(call) === teamsUserId && call.status < 300).map((call) => (call.response as { id: string }).id));
  return connector.sentActivities().filter((s) => chats.has(s.conversationId)).map((s) => s.activity);
}
