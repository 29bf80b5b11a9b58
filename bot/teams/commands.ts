import type { TeamsActivity } from './teamsActivity';
import type { Mention } from './teamsPort';

/** The words people type to the bot. Anything else gets help. */
export type CommandName = 'start' | 'status' | 'close' | 'extend' | 'settings' | 'help' | 'champions' | 'audit' | 'repost' | 'myAnswers' | 'deleteMyAnswers' | 'myData' | 'remind' | 'stopReminders' | 'unknown';

/** A person @mentioned in a message: one per Teams user id, however many pieces the mention came in. */
export interface MentionedPerson {
  readonly id: string;
  readonly name: string;
}

export interface Command {
  readonly name: CommandName;
  /** `champions add` / `champions remove` */
  readonly action?: 'add' | 'remove';
  /** People @mentioned in the message, other than the bot, each once. */
  readonly mentioned: readonly MentionedPerson[];
  /** What the person wrote, mentions taken out, as they wrote it (for "I didn't understand …"). */
  readonly text: string;
  /** `repost all`: every card of the round anew, not only the missing ones. */
  readonly all?: true;
}

const NAMES: Record<string, CommandName> = {
  start: 'start', open: 'start', status: 'status', progress: 'status', close: 'close', end: 'close',
  help: 'help', '?': 'help', champions: 'champions', champion: 'champions', audit: 'audit', answer: 'audit',
  repost: 'repost', extend: 'extend', settings: 'settings', setting: 'settings', remind: 'remind',
};

/** The app's name in Teams, as someone might type it without picking the mention from the list. */
const APP_NAME = 'Practice Audit';

/**
 * Reads a message as a command, with its mentions as the turn gives them (TeamsTurn.mentions).
 * Mentions are people by Teams user id: newer Teams clients split one mention into one `<at>`
 * per word ("<at>Sam</at> <at>Patel</at>", both entities naming the same id), so mentions with
 * the same id are one person, named by their pieces joined in order. Every mention (the bot's
 * too, split or not) is taken out of the words; so is a leading "@Practice Audit" typed as
 * plain text, which Teams delivers without a mention entity.
 */
export function parseCommand(activity: Pick<TeamsActivity, 'text' | 'recipient'>, mentions: readonly Mention[]): Command {
  const botId = activity.recipient?.id;
  let text = activity.text ?? '';
  for (const mention of mentions) if (mention.text) text = text.split(mention.text).join(' ');
  text = text.replace(/<at\b[^>]*>[\s\S]*?<\/at>/gi, ' ').replace(/&nbsp;/g, ' ').replace(/\s+/g, ' ').trim();
  text = withoutTypedAppName(text, [activity.recipient?.name, APP_NAME]);
  const words = text.toLowerCase().split(' ').filter(Boolean);
  const name = twoWordCommand(words) ?? NAMES[words[0] ?? 'help'] ?? 'unknown';
  const action = words[1] === 'add' ? 'add' : words[1] === 'remove' ? 'remove' : undefined;
  const all = name === 'repost' && words[1] === 'all';
  return { name, ...(action ? { action } : {}), ...(all ? { all } : {}), mentioned: peopleMentioned(mentions.filter((m) => m.id !== botId)), text };
}

/** "my answers", "delete my answers", "my data", "stop reminders" (and "stop reminding"). */
function twoWordCommand(words: readonly string[]): CommandName | undefined {
  if (words[0] === 'my' && /^answers?$/.test(words[1] ?? '')) return 'myAnswers';
  if (/^(delete|erase)$/.test(words[0] ?? '') && words[1] === 'my' && /^answers?$/.test(words[2] ?? '')) return 'deleteMyAnswers';
  if (words[0] === 'my' && words[1] === 'data') return 'myData';
  if (words[0] === 'stop' && /^remind(ers?|ing)?$/.test(words[1] ?? '')) return 'stopReminders';
  return undefined;
}

function peopleMentioned(mentions: readonly Mention[]): MentionedPerson[] {
  const pieces = new Map<string, string[]>();
  for (const mention of mentions) {
    const names = pieces.get(mention.id) ?? [];
    const piece = mention.name.trim();
    // A client that repeats the whole name on each piece gives it once.
    if (piece && !names.includes(piece)) names.push(piece);
    pieces.set(mention.id, names);
  }
  return [...pieces].map(([id, names]) => ({ id, name: names.join(' ') || 'them' }));
}

/** "@Practice Audit start" typed as plain text reads as "start". */
function withoutTypedAppName(text: string, names: readonly (string | undefined)[]): string {
  for (const name of names) {
    if (!name) continue;
    const escaped = name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    const typed = new RegExp(`^@?\\s*${escaped}(?![\\w-])[\\s,:]*`, 'i').exec(text);
    if (typed) return text.slice(typed[0].length).trim();
  }
  return text;
}
