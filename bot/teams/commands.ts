import { TurnContext, type Activity } from 'botbuilder';

/** The words people type to the bot. Anything else gets help. */
export type CommandName = 'start' | 'status' | 'close' | 'help' | 'champions' | 'audit' | 'myAnswers' | 'unknown';

export interface Command {
  readonly name: CommandName;
  /** `champions add` / `champions remove` */
  readonly action?: 'add' | 'remove';
  /** People @mentioned in the message, other than the bot. */
  readonly mentioned: readonly { id: string; name: string }[];
}

const NAMES: Record<string, CommandName> = {
  start: 'start', open: 'start', status: 'status', progress: 'status', close: 'close', end: 'close',
  help: 'help', '?': 'help', champions: 'champions', champion: 'champions', audit: 'audit', answer: 'audit',
};

export function parseCommand(activity: Activity): Command {
  const botId = activity.recipient?.id;
  const text = TurnContext.removeRecipientMention(activity) ?? activity.text ?? '';
  const mentioned = TurnContext.getMentions(activity)
    .filter((m) => m.mentioned?.id && m.mentioned.id !== botId)
    .map((m) => ({ id: m.mentioned.id, name: m.mentioned.name ?? 'them' }));
  // Mentions arrive as <at>Name</at>: drop them so "champions add <at>Sam</at>" reads as words.
  const words = text.replace(/<at>.*?<\/at>/g, ' ').replace(/&nbsp;/g, ' ').trim().toLowerCase().split(/\s+/).filter(Boolean);
  const name = words[0] === 'my' && /^answers?$/.test(words[1] ?? '') ? 'myAnswers' : NAMES[words[0] ?? 'help'] ?? 'unknown';
  const action = words[1] === 'add' ? 'add' : words[1] === 'remove' ? 'remove' : undefined;
  return { name, ...(action ? { action } : {}), mentioned };
}
