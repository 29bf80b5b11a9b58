import type { TabUser } from '../../auth/ssoTokenVerifier';
import { actorInWords, type ActivityEntry, type ActivityKind, type ChainCheck } from '../../domain/activityLog';
import { AuditError } from '../../domain/errors';
import { activityLines } from '../../domain/export/activityLines';
import { activityLogFileName } from '../../domain/export/fileName';
import { isPlanChampion } from '../plan/planAccess';
import type { TabDeps } from '../tab/tabDeps';
import { csvFile } from '../tab/export/csvFile';
import type { FileReply } from '../tab/roundExport';
import { requireTeamAccess, type TabRoster } from '../tab/teamAccess';

type TeamActivityDeps = Pick<TabDeps, 'teamCache' | 'champions' | 'activityLog' | 'teams' | 'now'> & { readonly roster: TabRoster };

/** An entry as champions read it (tab/src/api/types.ts ActivityLogEntry): the actor's name only, never their Entra id. */
export interface ActivityLogEntryView {
  readonly sequence: number;
  readonly at: string;
  readonly happenedAt?: string;
  readonly kind: ActivityKind;
  readonly actor: string;
  readonly roundId?: string;
  readonly summary: string;
  readonly hash: string;
}

/** GET /api/teams/:teamId/activity (tab/src/api/types.ts ActivityLogReply): newest first, and what the check of the chain found. */
export interface ActivityLogReplyBody {
  readonly entries: readonly ActivityLogEntryView[];
  readonly check: ChainCheck;
}

/** Members of the team (NOT_A_TEAM_MEMBER, 403), and of those its practice champions (NOT_A_CHAMPION, 403). */
async function requireLogReader(deps: TeamActivityDeps, user: TabUser, teamId: string): Promise<void> {
  await requireTeamAccess(deps, user, teamId);
  if (!(await isPlanChampion(deps, user, teamId))) throw new AuditError('NOT_A_CHAMPION', "Only the team's practice champions can read its activity log.");
}

/** The team's activity log for a champion, newest first, with the chain's check. The refusals of requireLogReader; STORAGE_UNAVAILABLE. */
export async function teamActivity(deps: TeamActivityDeps, user: TabUser, teamId: string): Promise<ActivityLogReplyBody> {
  await requireLogReader(deps, user, teamId);
  const { entries, check } = await deps.activityLog.read(teamId);
  return { entries: [...entries].reverse().map(viewOf), check };
}

/** The same as a CSV file (activityLines: the chain's check above the entries). The refusals of teamActivity. */
export async function teamActivityCsv(deps: TeamActivityDeps, user: TabUser, teamId: string): Promise<FileReply> {
  await requireLogReader(deps, user, teamId);
  const [{ entries, check }, team] = await Promise.all([deps.activityLog.read(teamId), deps.teams.get(teamId)]);
  const teamName = team?.teamName ?? '';
  const body = csvFile(activityLines({ teamName, entries, check, exportedAt: deps.now() }));
  return { file: { contentType: 'text/csv; charset=utf-8', filename: activityLogFileName(teamName), body } };
}

function viewOf(entry: ActivityEntry): ActivityLogEntryView {
  const { sequence, at, happenedAt, kind, roundId, summary, hash } = entry;
  return { sequence, at, ...(happenedAt ? { happenedAt } : {}), kind, actor: actorInWords(entry.actor), ...(roundId ? { roundId } : {}), summary, hash };
}
