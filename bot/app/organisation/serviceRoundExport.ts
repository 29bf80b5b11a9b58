import type { TabUser } from '../../auth/ssoTokenVerifier';
import { closeDayOf, dayInWords } from '../../domain/closeDate';
import { AuditError } from '../../domain/errors';
import type { ServiceRoundView } from '../../domain/organisation/organisationView';
import { serviceRoundFileName } from '../../domain/export/fileName';
import { organisationExport, organisationLines, type OrganisationExport } from '../../domain/export/organisationExport';
import { csvFile } from '../tab/export/csvFile';
import { CONTENT_TYPES, type ExportFormat, type FileReply } from '../tab/roundExport';
import { organisationDocx } from './export/organisationDocx';
import { organisationXlsx } from './export/organisationXlsx';
import { requireOrgLeader } from './orgAccess';
import { organisationPlans, serviceRoundView, type OrganisationReadDeps } from './organisationReads';

/**
 * GET /api/organisation/service-rounds/:serviceRoundId/export.csv|.xlsx|.docx, for organisation
 * leaders and admins (NOT_AN_ORG_LEADER first): the organisation view as a file
 * (organisationExport: the grid by level across teams, each team's scores, coverage, response
 * rates, changes, the plans side by side). Only once the round's results are released:
 * RESULTS_AT_CLOSE (409, saying what they wait for) until then; SERVICE_ROUND_NOT_FOUND (404) for no such round.
 */
export async function serviceRoundExport(deps: OrganisationReadDeps, user: TabUser, serviceRoundId: string, format: ExportFormat): Promise<FileReply> {
  requireOrgLeader(user);
  const view = await serviceRoundView(deps, user, serviceRoundId);
  const { summary } = view;
  if (!summary) {
    throw new AuditError('RESULTS_AT_CLOSE', resultsWaitMessage(view));
  }
  const file = organisationExport({ view: { ...view, summary }, plans: await organisationPlans(deps, user), exportedAt: deps.now() });
  return { file: { contentType: CONTENT_TYPES[format], filename: serviceRoundFileName(view.round.number, format), body: await exportBody(file, format) } };
}

/** Why there is no file yet: just closed, a team's round still open, or (every round that opened closed) a team not asked that can still be asked until the close date. */
function resultsWaitMessage(view: ServiceRoundView): string {
  const { number } = view.round;
  if (view.results === 'closing') return `Service-wide round ${number} has just closed: its results appear in a moment.`;
  if (view.round.status === 'closed') return `Results of service-wide round ${number} appear after its close date, ${dayInWords(closeDayOf(view.round.closesAt))}: a team not asked can still be asked until then.`;
  return `Results appear when every team's round of service-wide round ${number} has closed. Until then only progress and response rates are shown.`;
}

async function exportBody(file: OrganisationExport, format: ExportFormat): Promise<Buffer> {
  if (format === 'csv') return csvFile(organisationLines(file));
  return format === 'xlsx' ? organisationXlsx(file) : organisationDocx(file);
}
