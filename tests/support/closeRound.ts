import type { RunningService } from '../../bot/service';
import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, executeActions } from './cardText';
import type { FakeConnector, SentActivity } from './fakeConnector';
import { cardAction, channelCommand, TEAM, type TestPerson } from './teamsActivities';
import { postToBot, type BotReply } from './testService';

/** The card `close` asked with, among what the bot sent: the newest one. */
export function closeConfirmationIn(sent: readonly SentActivity[]): SentActivity | undefined {
  return sent.filter((s) => executeActions(cardOf(s.activity)).some((a) => a.verb === VERBS.closeRound)).at(-1);
}

/**
 * Presses a button of a close confirmation card, as Teams sends it: an invoke in the card's
 * conversation, naming the card's message in replyToId.
 */
export function pressOnConfirmation(service: RunningService, connector: FakeConnector, who: TestPerson, confirmation: SentActivity, verb: string, team = TEAM): Promise<BotReply> {
  const button = executeActions(cardOf(confirmation.activity)).find((a) => a.verb === verb);
  if (!button) throw new Error(`The confirmation card has no ${verb} button`);
  return postToBot(service, { ...cardAction(connector.serviceUrl, who, button.verb, button.data, 'channel', team), replyToId: confirmation.activityId });
}

/**
 * "@Practice Audit close", then Close on the card that asks, as a champion closes a round. Resolves
 * with the invoke's answer; the close itself runs after it (wait with `service.settled()`).
 */
export async function closeTheRound(service: RunningService, connector: FakeConnector, who: TestPerson, team = TEAM): Promise<BotReply> {
  const before = connector.sentActivities().length;
  await postToBot(service, channelCommand(connector.serviceUrl, who, 'close', { team }));
  const confirmation = closeConfirmationIn(connector.sentActivities().slice(before));
  if (!confirmation) throw new Error('close did not ask for confirmation');
  return pressOnConfirmation(service, connector, who, confirmation, VERBS.closeRound, team);
}
