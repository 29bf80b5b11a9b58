import type { TabUser } from '../../auth/ssoTokenVerifier';
import { auditGrid, gridLines } from '../../domain/export/auditGrid';
import { releasedSummary } from '../../domain/summary';
import { planForReport } from '../plan/planReads';
import { csvFile } from './export/csvFile';
import { xlsxFile } from './export/xlsxFile';
import { roundOfTeam, type RoundOfTeamDeps } from './roundSummary';
import type { TabDeps } from './tabDeps';

export type ExportFormat = 'csv' | 'xlsx';

/** A file for the API to send as a download rather than as JSON. */
export interface FileReply {
  readonly file: { readonly contentType: string; readonly filename: string; readonly body: Buffer };
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * A round's Appendix 2 grid as a spreadsheet, for members of the team: the summary (small
 * groups hidden as in the tab) and the plan (planForReport: as it stands for the team's latest
 * round, as kept at the close for an earlier one, and the file says which). No respondent, comment or editor's name is in it.
 * Closed rounds only, as the summary (RESULTS_AT_CLOSE otherwise).
 */
export async function roundExport(deps: RoundOfTeamDeps & Pick<TabDeps, 'roundSummaries' | 'plans' | 'rounds' | 'teams' | 'now'>, user: TabUser, teamId: string, roundId: string, format: ExportFormat): Promise<FileReply> {
  const round = await roundOfTeam(deps, user, teamId, roundId);
  const [release, plan, team] = await Promise.all([
    deps.roundSummaries.release(round),
    planForReport(deps, round),
    round.teamName ? undefined : deps.teams.get(teamId),
  ]);
  const summary = releasedSummary(release, round.number);
  const grid = auditGrid({ teamName: round.teamName ?? team?.teamName ?? '', round, summary, actions: plan.actions, planAsOf: plan, exportedAt: deps.now() });
  const body = format === 'csv' ? csvFile(gridLines(grid).lines) : await xlsxFile(grid, `Round ${round.number}`);
  return { file: { contentType: CONTENT_TYPES[format], filename: `practice-audit-round-${Math.trunc(round.number)}.${format}`, body } };
}

export function isFileReply(value: unknown): value is FileReply {
  const file = (value as Partial<FileReply> | null)?.file;
  return typeof value === 'object' && value !== null && typeof file === 'object' && Buffer.isBuffer(file.body);
}
