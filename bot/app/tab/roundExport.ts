import type { TabUser } from '../../auth/ssoTokenVerifier';
import { auditGrid, gridLines } from '../../domain/export/auditGrid';
import { reportFileName, type ExportExtension } from '../../domain/export/fileName';
import { roundReport, type ReportInput } from '../../domain/export/roundReport';
import { teamSizeAtClose } from '../../domain/responseRate';
import { releasedSummary } from '../../domain/summary';
import { planForReport } from '../plan/planReads';
import { csvFile } from './export/csvFile';
import { docxFile } from './export/docxFile';
import { xlsxFile } from './export/xlsxFile';
import { roundOfTeam, type RoundOfTeamDeps } from './roundSummary';
import type { TabDeps } from './tabDeps';

export type ExportFormat = ExportExtension;

/** A file for the API to send as a download rather than as JSON. */
export interface FileReply {
  /** `filename`: the file's name as people read it (any script); HTTP sends it as RFC 6266 asks. */
  readonly file: { readonly contentType: string; readonly filename: string; readonly body: Buffer };
}

/** Each export's media type. */
export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

type ExportDeps = RoundOfTeamDeps & Pick<TabDeps, 'roundSummaries' | 'plans' | 'rounds' | 'evidence' | 'teams' | 'now'>;

/**
 * A round's results as a file, for members of the team: Appendix 2's grid as a spreadsheet (CSV,
 * Excel), or the report for a meeting or Ofsted (Word: roundReport). Made from the released
 * summary (small groups hidden as in the tab), the plan (planForReport: as it stands for the
 * team's latest round, as kept at the close for an earlier one; the file says which) and the
 * round's evidence notes. No respondent,
 * comment or editor's name is in any of them. Closed rounds only, as the summary
 * (RESULTS_AT_CLOSE otherwise); 403 for someone outside the team, 404 for no such round.
 */
export async function roundExport(deps: ExportDeps, user: TabUser, teamId: string, roundId: string, format: ExportFormat): Promise<FileReply> {
  const round = await roundOfTeam(deps, user, teamId, roundId);
  const [release, plan, evidence, team] = await Promise.all([
    deps.roundSummaries.release(round),
    // The living plan for the team's latest round, the plan kept at the close for an earlier one.
    planForReport(deps, round),
    deps.evidence.list(round.roundId),
    round.teamName ? undefined : deps.teams.get(teamId),
  ]);
  const teamName = round.teamName ?? team?.teamName ?? '';
  // A released round has closed, so its response rate counts against its members at close.
  const input: ReportInput = { teamName, round, summary: releasedSummary(release, round.number), teamSize: teamSizeAtClose(round), plan, evidence, generatedAt: deps.now() };
  const filename = reportFileName(teamName, round.number, format);
  return { file: { contentType: CONTENT_TYPES[format], filename, body: await exportBody(input, format) } };
}

async function exportBody(input: ReportInput, format: ExportFormat): Promise<Buffer> {
  if (format === 'docx') return docxFile(roundReport(input));
  const grid = auditGrid({ ...input, exportedAt: input.generatedAt });
  if (format === 'csv') return csvFile(gridLines(grid));
  return xlsxFile(grid, { number: input.round.number, teamName: input.teamName });
}

export function isFileReply(value: unknown): value is FileReply {
  const file = (value as Partial<FileReply> | null)?.file;
  return typeof value === 'object' && value !== null && typeof file === 'object' && Buffer.isBuffer(file.body);
}
