import type { TabUser } from '../../auth/ssoTokenVerifier';
import type { AuditRound } from '../../domain/auditRound';
import { AuditError } from '../../domain/errors';
import { releasedSummary } from '../../domain/summary';
import type { YouSaidWeDidFacts } from '../../domain/summary/youSaidWeDid';
import { weDidFacts } from '../../domain/weDid';
import type { ChannelPostSubject } from '../../storage/channelPosts';
import { postOnce } from '../announce/postOnce';
import { isPlanChampion } from '../plan/planAccess';
import { cardFacts, channelOf, teamChannel } from '../announce/youSaidWeDid';
import { roundOfTeam, type RoundOfTeamDeps } from './roundSummary';
import type { TabDeps } from './tabDeps';
import { requireTeamAccess } from './teamAccess';

/** What the tab's posts in the channel use. */
type TellDeps = RoundOfTeamDeps & Pick<TabDeps, 'roundSummaries' | 'champions' | 'plans' | 'rounds' | 'teams' | 'announcements' | 'now'>;

/** GET …/rounds/:roundId/you-said-we-did: the card's facts, and whether (when, by whom) it has been posted. */
export interface YouSaidWeDidPreview {
  readonly facts: YouSaidWeDidFacts;
  readonly posted: { readonly postedAt: string; readonly postedBy: string } | null;
}

/** A card the bot posted in the team's channel: Teams accepted it at `postedAt` (tab/src/api/types.ts PostedToChannel). */
export interface PostedReply {
  readonly posted: true;
  readonly postedAt: string;
}

const roundSubject = (roundId: string): ChannelPostSubject => ({ kind: 'youSaidWeDid', roundId });

/**
 * A closed round's "You said, we did" card as it would be posted now, for a champion to preview.
 * Champions only (NOT_A_CHAMPION); RESULTS_AT_CLOSE while the round's results are not out.
 */
export async function youSaidWeDidPreview(deps: TellDeps, user: TabUser, teamId: string, roundId: string): Promise<YouSaidWeDidPreview> {
  const { facts } = await closedRoundToTell(deps, user, teamId, roundId);
  const record = await deps.announcements.posts.read(teamId, roundSubject(roundId));
  return { facts, posted: record?.state === 'posted' ? { postedAt: record.postedAt, postedBy: record.by } : null };
}

/**
 * Posts the round's card in its channel, once: answers only once Teams has accepted it (or with
 * the post made before, unchanged). TEAMS_REFUSED_POST (502) / TEAMS_UNREACHABLE (503) when Teams
 * did not take it, POST_IN_PROGRESS (409) while another champion's post is under way.
 */
export async function postYouSaidWeDid(deps: TellDeps, user: TabUser, teamId: string, roundId: string): Promise<PostedReply> {
  const { round, facts } = await closedRoundToTell(deps, user, teamId, roundId);
  const where = await channelOf(deps, round);
  const posted = await postOnce(deps, teamId, roundSubject(roundId), user.name, () => deps.announcements.announcer.postYouSaidWeDid(where, facts));
  return { posted: true, postedAt: posted.postedAt };
}

/**
 * POST /api/teams/:teamId/plan/actions/:actionId/announce: a done action's "We did" update in the
 * team's channel, once each time it becomes done. ACTION_NOT_FOUND; ACTION_NOT_DONE (409) for an
 * action not done; then as postYouSaidWeDid.
 */
export async function announceAction(deps: TellDeps, user: TabUser, teamId: string, actionId: string): Promise<PostedReply> {
  await requireTabChampion(deps, user, teamId);
  const action = await deps.plans.get(teamId, actionId);
  if (!action) throw new AuditError('ACTION_NOT_FOUND');
  const facts = weDidFacts(action);
  const where = await teamChannel(deps, teamId);
  const posted = await postOnce(deps, teamId, { kind: 'weDid', actionId, doneAt: facts.doneAt }, user.name, () => deps.announcements.announcer.postWeDid(where, facts));
  return { posted: true, postedAt: posted.postedAt };
}

async function closedRoundToTell(deps: TellDeps, user: TabUser, teamId: string, roundId: string): Promise<{ round: AuditRound; facts: YouSaidWeDidFacts }> {
  await requireTabChampion(deps, user, teamId);
  const round = await roundOfTeam(deps, user, teamId, roundId);
  const summary = releasedSummary(await deps.roundSummaries.release(round), round.number);
  return { round, facts: await cardFacts(deps, round, summary) };
}

/** Team members only (the roster decides), then the team's practice champions only (anyone, in local mode). */
async function requireTabChampion(deps: TellDeps, user: TabUser, teamId: string): Promise<void> {
  await requireTeamAccess(deps, user, teamId);
  if (!(await isPlanChampion(deps, user, teamId))) throw new AuditError('NOT_A_CHAMPION', "Only the team's practice champions can post in the channel.");
}
