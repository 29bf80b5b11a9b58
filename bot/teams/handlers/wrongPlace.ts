import { noticeCard } from '../cards';
import type { CommandName } from '../commands';
import type { TeamsTurn } from '../teamsPort';

/** What a practice champion runs in the team's channel, never in a one-to-one chat. */
export const CHANNEL_COMMANDS: readonly CommandName[] = ['start', 'status', 'close', 'extend', 'settings', 'remind', 'champions', 'repost'];

/**
 * A channel command typed in the one-to-one chat: said where it works, rather than answered
 * with the next condition card (which would post a card the person already has).
 */
export async function replyChannelCommandInChat(turn: TeamsTurn, words: string): Promise<void> {
  const text = `"${words}" works in your team's channel: type @, pick Practice Audit, then write ${words}. Here, say "audit" to answer, or "my answers" to see what you have answered.`;
  await turn.reply(noticeCard({ title: 'That works in the channel', text }));
}

/** `audit` in a channel: answering one-to-one happens in the chat with the bot, or on the cards here. */
export async function replyAuditIsInChat(turn: TeamsTurn): Promise<void> {
  const text = 'Answer on the condition cards in this channel, or one-to-one: open a chat with Practice Audit and say "audit".';
  await turn.reply(noticeCard({ title: 'Answering one-to-one', text }));
}
