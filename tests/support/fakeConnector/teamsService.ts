import type { RecordedCall } from './recordedCalls';

/** A TeamsChannelAccount as Teams returns it from the roster calls. */
export interface RosterMember {
  id: string;
  name: string;
  /** Bots' accounts may have none. */
  aadObjectId?: string;
  userPrincipalName?: string;
  email?: string;
  /** "user", or "guest" for someone from another organisation. */
  userRole?: string;
}

export interface FakeTeam {
  name?: string;
  aadGroupId?: string;
  /** Channels of the team. The General channel's id is the team id, as in Teams. */
  channels?: Array<{ id: string; name?: string }>;
}

export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Teams refuses messages over about 28 KB (the whole activity, cards included). */
const MAX_MESSAGE_BYTES = 28 * 1024;

const errorReply = (status: number, code: string, message: string): Reply => ({
  status,
  body: { error: { code, message } },
});

/**
 * What Teams keeps and answers behind the Bot Connector: the activities in each conversation,
 * the teams and their rosters. Strict where Teams is strict: an activity needs a type and fits
 * in 28 KB; updates and deletes need an activity that exists; members are found only in the
 * roster of the conversation's team (or, in a 1:1 chat, any roster). With `everyoneIsAMember`,
 * any id asked for is a member (the bench's thousands of staff, for whom no roster is set).
 */
export function createTeamsService(options: { everyoneIsAMember?: boolean } = {}) {
  const rosters = new Map<string, RosterMember[]>();
  const teams = new Map<string, FakeTeam>();
  /** conversationId -> activity ids that exist there, so updates/deletes of unknown ids 404. */
  const activities = new Map<string, Set<string>>();
  let nextActivityNumber = 1_700_000_000_000;
  let nextConversationNumber = 1;

  const newActivityId = (conversationId: string): string => {
    const id = String(nextActivityNumber++);
    const ids = activities.get(conversationId) ?? new Set<string>();
    activities.set(conversationId, ids.add(id));
    return id;
  };
  const activityExists = (conversationId: string, activityId: string): boolean =>
    activities.get(conversationId)?.has(activityId) ?? false;

  const channelsOf = (teamId: string) => teams.get(teamId)?.channels ?? [{ id: teamId, name: 'General' }];

  /** The roster a conversation belongs to, or undefined for conversations outside any roster. */
  const rosterOf = (conversationId: string): RosterMember[] | undefined => {
    for (const [rosterId, members] of rosters) {
      const prefixes = [rosterId, ...channelsOf(rosterId).map((channel) => channel.id)];
      if (prefixes.some((prefix) => conversationId.startsWith(prefix))) return members;
    }
    return undefined;
  };
  const membersVisibleIn = (conversationId: string): RosterMember[] =>
    rosterOf(conversationId) ?? [...rosters.values()].flat();
  const findMember = (conversationId: string, id: string): RosterMember | undefined =>
    options.everyoneIsAMember
      ? { id, name: 'Staff member', aadObjectId: id }
      : membersVisibleIn(conversationId).find((m) => m.id === id || m.aadObjectId === id);

  const activityProblem = (body: unknown): Reply | undefined => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return errorReply(400, 'BadSyntax', 'Request body must be a JSON activity');
    }
    const { type } = body as { type?: unknown };
    if (typeof type !== 'string' || type === '') {
      return errorReply(400, 'BadArgument', 'Activity must have a type');
    }
    if (Buffer.byteLength(JSON.stringify(body)) > MAX_MESSAGE_BYTES) {
      return errorReply(413, 'MessageSizeTooBig', `Message is larger than ${MAX_MESSAGE_BYTES} bytes`);
    }
    return undefined;
  };

  const handleConversation = (call: RecordedCall, rest: string[]): Reply => {
    const conversationId = call.conversationId ?? '';
    const [resource, id] = rest;
    if (resource === 'activities' && (call.method === 'POST' || call.method === 'PUT')) {
      const problem = activityProblem(call.body);
      if (problem) return problem;
      if (call.method === 'PUT') {
        if (!id || !activityExists(conversationId, id)) {
          return errorReply(404, 'ActivityNotFoundInConversation', `No activity ${id} in ${conversationId}`);
        }
        return { status: 200, body: { id } };
      }
      // A reply may name any message in the conversation, including the people's own
      // (which this fake never saw), so only updates and deletes need a known activity.
      return { status: 201, body: { id: newActivityId(conversationId) } };
    }
    if (resource === 'activities' && call.method === 'DELETE' && id) {
      if (!activities.get(conversationId)?.delete(id)) {
        return errorReply(404, 'ActivityNotFoundInConversation', `No activity ${id} in ${conversationId}`);
      }
      return { status: 200 };
    }
    if (resource === 'members' && call.method === 'GET' && id) {
      const member = findMember(conversationId, id);
      return member
        ? { status: 200, body: member }
        : errorReply(404, 'MemberNotFoundInConversation', `Member ${id} not found in ${conversationId}`);
    }
    if (resource === 'pagedmembers' && call.method === 'GET') {
      return pagedMembers(membersVisibleIn(conversationId), call.query);
    }
    return errorReply(404, 'NotFound', `The fake connector has no route for ${call.method} ${call.path}`);
  };

  const createConversation = (call: RecordedCall): Reply => {
    const params = (call.body ?? {}) as { activity?: unknown; channelData?: { channel?: { id?: string } } };
    const channelId = params.channelData?.channel?.id;
    if (params.activity !== undefined) {
      const problem = activityProblem(params.activity);
      if (problem) return problem;
    }
    if (channelId) {
      // Posting into a channel starts a thread: the conversation id names the first message.
      const activityId = String(nextActivityNumber);
      const conversationId = `${channelId};messageid=${activityId}`;
      return { status: 201, body: { id: conversationId, activityId: newActivityId(conversationId) } };
    }
    const conversationId = `a:fake-chat-${nextConversationNumber++}`;
    const activityId = params.activity === undefined ? undefined : newActivityId(conversationId);
    return { status: 201, body: { id: conversationId, activityId } };
  };

  const handleTeam = (call: RecordedCall, rest: string[]): Reply => {
    const teamId = call.teamId ?? '';
    const team = teams.get(teamId);
    if (!team && !rosters.has(teamId)) return errorReply(404, 'NotFound', `Team ${teamId} not found`);
    if (call.method === 'GET' && rest.length === 0) {
      return { status: 200, body: { id: teamId, name: team?.name ?? `Team ${teamId}`, aadGroupId: team?.aadGroupId ?? `group-${teamId}` } };
    }
    if (call.method === 'GET' && rest[0] === 'conversations') {
      return { status: 200, body: { conversations: channelsOf(teamId) } };
    }
    return errorReply(404, 'NotFound', `The fake connector has no route for ${call.method} ${call.path}`);
  };

  return {
    /** Teams' answer to a call (its path split into decoded segments). */
    answer(call: RecordedCall, segments: string[]): Reply {
      const [version, collection, id, ...rest] = segments;
      if (version !== 'v3') return errorReply(404, 'NotFound', `Unknown path ${call.path}`);
      if (collection === 'conversations' && id === undefined && call.method === 'POST') return createConversation(call);
      if (collection === 'conversations' && id !== undefined) return handleConversation(call, rest);
      if (collection === 'teams' && id !== undefined) return handleTeam(call, rest);
      return errorReply(404, 'NotFound', `The fake connector has no route for ${call.method} ${call.path}`);
    },
    setRoster: (id: string, members: RosterMember[]) => void rosters.set(id, [...members]),
    setTeam: (teamId: string, team: FakeTeam) => void teams.set(teamId, team),
    forget: (conversationId: string, activityIds?: readonly string[]) => {
      if (!activityIds) activities.delete(conversationId);
      else for (const id of activityIds) activities.get(conversationId)?.delete(id);
    },
  };
}

function pagedMembers(members: RosterMember[], query: Record<string, string>): Reply {
  const pageSize = Math.max(1, Number(query.pageSize) || 200);
  const start = Number(query.continuationToken) || 0;
  const next = start + pageSize;
  return {
    status: 200,
    body: { members: members.slice(start, next), continuationToken: next < members.length ? String(next) : undefined },
  };
}
