import { VERBS } from '../../bot/teams/cards/actions';
import { cardOf, executeActions, inputValues } from './cardText';
import type { FakeConnector, SentActivity } from './fakeConnector';
import { cardAction, channelCommand, PEOPLE, TEAM, type TestPerson } from './teamsActivities';
import { postToBot, type BotReply } from './testService';

/** The card `start` asked for the close date with, among what the bot sent: the newest one. */
export function openRoundCardIn(sent: readonly SentActivity[]): SentActivity | undefined {
  return sent.filter((s) => executeActions(cardOf(s.activity)).some((a) => a.verb === VERBS.openRound)).at(-1);
}

/**
 * Presses "Open the round" on a close date card, as Teams sends it: an invoke in the card's
 * conversation naming the card's message in replyToId, with the card's inputs as they are
 * (the proposed close date) unless `closesOn` says otherwise. The card is a message the bot
 * sent, or the answer to an invoke (the welcome card's button).
 */
export function pressOpenRound(service: { url: string }, connector: FakeConnector, who: TestPerson, card: SentActivity | BotReply, options: { team?: typeof TEAM; closesOn?: string } = {}): Promise<BotReply> {
  const content = 'activity' in card ? cardOf(card.activity) : cardOf(card.body);
  const button = executeActions(content).find((a) => a.verb === VERBS.openRound);
  if (!button) throw new Error('The card has no "Open the round" button');
  const data = { ...button.data, ...inputValues(content), ...(options.closesOn !== undefined ? { closesOn: options.closesOn } : {}) };
  const press = cardAction(connector.serviceUrl, who, button.verb, data, 'channel', options.team ?? TEAM);
  return postToBot(service, 'activityId' in card ? { ...press, replyToId: card.activityId } : press);
}

/**
 * "@Practice Audit start", then "Open the round" on the card that asks for the close date, as a
 * champion opens a round (the proposed date unless `closesOn` is given). Resolves with the
 * press's answer; the cards are posted after it (wait with `service.settled()` in-process).
 */
export async function startTheRound(service: { url: string }, connector: FakeConnector, options: { who?: TestPerson; team?: typeof TEAM; closesOn?: string } = {}): Promise<BotReply> {
  const who = options.who ?? PEOPLE.champion;
  const before = connector.sentActivities().length;
  const asked = await postToBot(service, channelCommand(connector.serviceUrl, who, 'start', options.team ? { team: options.team } : {}));
  if (asked.status !== 200) throw new Error(`"start" answered HTTP ${asked.status}: ${asked.text}`);
  const card = openRoundCardIn(connector.sentActivities().slice(before));
  if (!card) throw new Error('"start" did not ask for a close date');
  return pressOpenRound(service, connector, who, card, options);
}
