import { AuditError } from '../domain/errors';
import type { PostingAddress } from '../domain/auditRound';
import type { Person } from '../app/auditServices';

/**
 * The parts of an incoming activity the product reads, as the Bot Framework's activity schema
 * (which Teams sends) names them. botbuilder's, the Agents SDK's and the Teams SDK's activities
 * all have this shape, so reading it needs none of them.
 */
export interface TeamsActivity {
  readonly type?: string;
  readonly id?: string;
  /** When Teams sent it (ISO 8601 text as received; a Date if an SDK parsed it). Kept on a redelivery. */
  readonly timestamp?: string | Date;
  /** On a card action: the message whose card was acted on. */
  readonly replyToId?: string;
  readonly text?: string;
  readonly from?: { readonly id?: string; readonly name?: string; readonly aadObjectId?: string };
  /** The bot, as Teams addressed it. */
  readonly recipient?: { readonly id?: string; readonly name?: string };
  readonly conversation?: { readonly id?: string; readonly conversationType?: string; readonly tenantId?: string };
  readonly channelData?: unknown;
}

/** What the Teams edge reads off an incoming activity: who acts, in which team, in which scope. */
export type Scope = 'team' | 'personal' | 'groupChat';

export function scopeOf(activity: TeamsActivity): Scope {
  const type = activity.conversation?.conversationType;
  if (type === 'personal') return 'personal';
  if (type === 'groupChat') return 'groupChat';
  return teamOf(activity) ? 'team' : type === 'channel' ? 'team' : 'groupChat';
}

/** Teams signs the activity, so the team it names is the team the person acted in. */
export function teamOf(activity: TeamsActivity): { teamId: string; teamName: string } | undefined {
  const team = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team;
  if (!team || typeof team.id !== 'string' || team.id.length === 0) return undefined;
  return { teamId: team.id, teamName: teamNameOf(activity) ?? 'your team' };
}

/**
 * The team's name, when the activity carries it. Teams (and the Agents Playground) name the team
 * in install and team events (installationUpdate, conversationUpdate), but a channel message or
 * a card action carries the team's id alone: there, the name recorded at install is the team's.
 */
export function teamNameOf(activity: TeamsActivity): string | undefined {
  const name = (activity.channelData as { team?: { name?: unknown } } | undefined)?.team?.name;
  return typeof name === 'string' && name ? name : undefined;
}

export function tenantOf(activity: TeamsActivity): string {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  if (typeof fromChannelData === 'string' && fromChannelData) return fromChannelData;
  return activity.conversation?.tenantId ?? '';
}

/** The tenant of a stored posting address (a conversation reference), if it names one. */
export function tenantOfAddress(address: PostingAddress): string | undefined {
  const tenantId = (address.conversation as { tenantId?: unknown } | undefined)?.tenantId;
  return typeof tenantId === 'string' && tenantId ? tenantId : undefined;
}

/** The Teams service a stored address (a conversation reference) sends to: its `serviceUrl`, if it names one. */
function serviceUrlOf(address: PostingAddress): string | undefined {
  const serviceUrl = address.serviceUrl;
  return typeof serviceUrl === 'string' && serviceUrl ? serviceUrl : undefined;
}

/**
 * How a team's stored addresses follow the Teams service its activity came from: Teams may move a
 * conversation to another `serviceUrl`, and Microsoft's guidance is to keep and use the latest
 * one an incoming activity gives (the Agents Playground's is its port, which changes between
 * runs). The function answers a stored address with the activity's `serviceUrl` in place of its
 * own (the conversation, bot and tenant kept), or undefined when it is there already, when the
 * activity names no service, or when the stored address is of another tenant than `tenantId`
 * (the activity's): another organisation's activity never moves an address.
 */
export function addressFollowing(activityAddress: PostingAddress, tenantId: string): (stored: PostingAddress) => PostingAddress | undefined {
  const serviceUrl = serviceUrlOf(activityAddress);
  return (stored) => {
    if (!serviceUrl || serviceUrlOf(stored) === serviceUrl) return undefined;
    const storedTenant = tenantOfAddress(stored);
    if (storedTenant !== undefined && storedTenant !== tenantId) return undefined;
    return { ...stored, serviceUrl };
  };
}

/** The bot's own account id in a stored address (the conversation reference's `bot`), if it names one. */
export function botOfAddress(address: PostingAddress): string | undefined {
  const botId = (address.bot as { id?: unknown } | undefined)?.id;
  return typeof botId === 'string' && botId ? botId : undefined;
}

/** Answers are keyed on the Entra object id; an activity without one cannot be answered for. */
export function personOf(activity: TeamsActivity): Person {
  const from = activity.from;
  if (!from?.id || !from.aadObjectId) throw new AuditError('BAD_REQUEST', 'Practice Audit could not tell who you are. Please try again from Teams.');
  return { entraObjectId: from.aadObjectId, name: from.name || 'A colleague', teamsUserId: from.id };
}
