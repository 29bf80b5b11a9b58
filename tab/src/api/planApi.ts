import type { Request } from './request';
import type { PlanAction, PlanActionFields, PostedToChannel, ProgressNoteFields, RoundPlan, TeamMembersReply, TeamPlanReply } from './types';

/**
 * The team's plan (tab/src/api/types.ts lists the routes): read by members, written by
 * champions; a change or removal carries the action's version (If-Match), so two champions'
 * edits cannot silently overwrite each other. Every failure is an ApiError in the API's own
 * words where it refused something (a field, a concurrent edit), else ours.
 */
export interface PlanApi {
  /** GET /api/teams/:teamId/plan: the living plan, every action (done ones too). */
  livingPlan(teamId: string, signal?: AbortSignal): Promise<TeamPlanReply>;
  /** GET …/rounds/:roundId/plan: an open round's plan as it stands; a closed round's as it stood at its close (`frozenAt`). */
  roundPlan(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundPlan>;
  /** The plan the round's reports (and its printed page) show: the living plan while the round is the team's latest, else as kept at its close. */
  reportPlan(teamId: string, roundId: string, signal?: AbortSignal): Promise<RoundPlan>;
  addAction(teamId: string, fields: PlanActionFields): Promise<PlanAction>;
  changeAction(teamId: string, actionId: string, version: string, fields: PlanActionFields): Promise<PlanAction>;
  removeAction(teamId: string, actionId: string, version: string): Promise<void>;
  /** A dated "what we did" note; answers the action with it. */
  addNote(teamId: string, actionId: string, fields: ProgressNoteFields): Promise<PlanAction>;
  /** The team's members, for the owner picker (champions only). */
  members(teamId: string, signal?: AbortSignal): Promise<TeamMembersReply['members']>;
  /**
   * Posts a done action's short update in the team's channel; answers only once Teams has
   * accepted it. A failure carries the API's own words (`channel` wording): only it knows whether
   * Teams refused the card, or its answer never came (the post not confirmed).
   */
  announceAction(teamId: string, actionId: string): Promise<PostedToChannel>;
}

export function createPlanApi(request: Request, teamPath: (teamId: string) => string): PlanApi {
  const actions = (teamId: string) => `${teamPath(teamId)}/plan/actions`;
  const action = (teamId: string, actionId: string) => `${actions(teamId)}/${encodeURIComponent(actionId)}`;
  /** A plan call's answer: JSON, or nothing for 204 (a deleted action). */
  const json = async <T>(response: Promise<Response>): Promise<T> => {
    const answered = await response;
    return (answered.status === 204 ? undefined : await answered.json()) as T;
  };
  return {
    livingPlan: (teamId, signal) => json(request(`${teamPath(teamId)}/plan`, { signal, wording: 'plan' })),
    roundPlan: (teamId, roundId, signal) => json(request(`${teamPath(teamId)}/rounds/${encodeURIComponent(roundId)}/plan`, { signal, wording: 'plan' })),
    reportPlan: (teamId, roundId, signal) => json(request(`${teamPath(teamId)}/rounds/${encodeURIComponent(roundId)}/plan/report`, { signal, wording: 'plan' })),
    addAction: (teamId, fields) => json(request(actions(teamId), { method: 'POST', body: fields, wording: 'plan' })),
    changeAction: (teamId, actionId, version, fields) =>
      json(request(action(teamId, actionId), { method: 'PUT', body: fields, ifMatch: version, wording: 'plan' })),
    removeAction: (teamId, actionId, version) => json(request(action(teamId, actionId), { method: 'DELETE', ifMatch: version, wording: 'plan' })),
    addNote: (teamId, actionId, fields) => json(request(`${action(teamId, actionId)}/notes`, { method: 'POST', body: fields, wording: 'plan' })),
    members: async (teamId, signal) => (await json<TeamMembersReply>(request(`${teamPath(teamId)}/members`, { signal, wording: 'plan' }))).members,
    announceAction: (teamId, actionId) => json(request(`${action(teamId, actionId)}/announce`, { method: 'POST', wording: 'channel' })),
  };
}
