import { create as contentDisposition } from 'content-disposition';
import type * as restify from 'restify';
import { teamActivity, teamActivityCsv } from '../app/activityLog/teamActivity';
import { addAction, addProgressNote, changeAction, removeAction } from '../app/plan/planChanges';
import { teamMembers } from '../app/plan/planOwner';
import { livingPlan, roundPlan, roundReportPlan } from '../app/plan/planReads';
import { decideHeldComment, heldComments } from '../app/comments/heldComments';
import { addEvidence, changeEvidence, removeEvidence, roundEvidence } from '../app/evidence/roundEvidence';
import { roundChanges } from '../app/tab/roundChanges';
import { isFileReply, roundExport, type FileReply } from '../app/tab/roundExport';
import { conditionComments, roundParticipation, roundSummary } from '../app/tab/roundSummary';
import type { TabDeps } from '../app/tab/tabDeps';
import { myRounds, teamRounds } from '../app/tab/teamRounds';
import { teamTrends } from '../app/tab/trends';
import { announceAction, postYouSaidWeDid, youSaidWeDidPreview } from '../app/tab/youSaidWeDid';
import type { TabUser } from '../auth/ssoTokenVerifier';
import { LOCAL_ORG_ROLE_HEADER, type TabAuthenticator } from '../auth/tabAuthenticator';
import { isAuditError, SOMETHING_WENT_WRONG } from '../domain/errors';
import { asciiFileName } from '../domain/export/fileName';
import type { Logger } from '../logger';
import { JsonBody } from './jsonBody';
import { organisationRoutes } from './organisationApi';

export interface TabApiDeps extends TabDeps {
  readonly authenticate: TabAuthenticator;
  readonly logger: Logger;
}

interface Request {
  readonly params: Record<string, string>;
  readonly query: Record<string, unknown>;
  readonly body: unknown;
  /** The If-Match header: the version of a plan action or evidence note being changed. */
  readonly version: string | undefined;
}
/** A route answers with JSON, with nothing (204), or with a file to download (a FileReply). */
type Route = (user: TabUser, request: Request) => Promise<unknown>;
type Method = 'get' | 'post' | 'put' | 'del';

/**
 * The tab's API, and an organisation's way to get its data out. Every route checks who is
 * asking (an SSO token, or the local identity in local mode) before anything else, and
 * every team route checks membership through the Teams roster.
 *
 * A round's results (summary, comments, changes, exports) are served once it has closed; while
 * it is open they answer 409 `{ error: { code: 'RESULTS_AT_CLOSE', message } }`, and only
 * `…/participation` (people and answers by condition) is live (domain/summary/release.ts).
 */
export function registerTabApi(server: restify.Server, deps: TabApiDeps): void {
  const team = '/api/teams/:teamId';
  const round = `${team}/rounds/:roundId`;
  const actions = `${team}/plan/actions`;
  const routes: [Method, string, Route][] = [
    ['get', '/api/me', async (user) => ({ name: user.name, local: user.local, orgRoles: user.orgRoles })],
    ['get', '/api/me/rounds', async (user) => ({ rounds: await myRounds(deps, user) })],
    ['get', `${team}/rounds`, (user, { params }) => teamRounds(deps, user, params.teamId!)],
    ['get', `${team}/trends`, (user, { params }) => teamTrends(deps, user, params.teamId!)],
    ['get', `${round}/participation`, (user, { params }) => roundParticipation(deps, user, params.teamId!, params.roundId!)],
    ['get', `${round}/summary`, (user, { params }) => roundSummary(deps, user, params.teamId!, params.roundId!)],
    ['get', `${round}/conditions/:conditionId/comments`, (user, { params, query }) => conditionComments(deps, user, params.teamId!, params.roundId!, params.conditionId!, query.level)],
    ['get', `${round}/changes`, (user, { params }) => roundChanges(deps, user, params.teamId!, params.roundId!)],
    ['get', `${round}/export.csv`, (user, { params }) => roundExport(deps, user, params.teamId!, params.roundId!, 'csv')],
    ['get', `${round}/export.xlsx`, (user, { params }) => roundExport(deps, user, params.teamId!, params.roundId!, 'xlsx')],
    ['get', `${round}/export.docx`, (user, { params }) => roundExport(deps, user, params.teamId!, params.roundId!, 'docx')],
    // The plan belongs to the team (issue 11), and is changed there. A round's plan is the plan as
    // it stands while the round is open, as kept at its close once closed; its reports and printed
    // page show the plan as it stands until a later round has closed (app/plan/planReads.ts).
    ['get', `${team}/plan`, (user, { params }) => livingPlan(deps, user, params.teamId!)],
    ['get', `${round}/plan`, (user, { params }) => roundPlan(deps, user, params.teamId!, params.roundId!)],
    ['get', `${round}/plan/report`, (user, { params }) => roundReportPlan(deps, user, params.teamId!, params.roundId!)],
    ['post', actions, (user, { params, body }) => addAction(deps, user, params.teamId!, body)],
    ['put', `${actions}/:actionId`, (user, { params, body, version }) => changeAction(deps, user, params.teamId!, params.actionId!, version, body)],
    ['del', `${actions}/:actionId`, (user, { params, version }) => removeAction(deps, user, params.teamId!, params.actionId!, version)],
    ['post', `${actions}/:actionId/notes`, (user, { params, body }) => addProgressNote(deps, user, params.teamId!, params.actionId!, body)],
    ['get', `${team}/members`, (user, { params }) => teamMembers(deps, user, params.teamId!)],
    ['get', `${round}/evidence`, (user, { params }) => roundEvidence(deps, user, params.teamId!, params.roundId!)],
    ['post', `${round}/evidence`, (user, { params, body }) => addEvidence(deps, user, params.teamId!, params.roundId!, body)],
    ['put', `${round}/evidence/:noteId`, (user, { params, body, version }) => changeEvidence(deps, user, params.teamId!, params.roundId!, params.noteId!, version, body)],
    ['del', `${round}/evidence/:noteId`, (user, { params, version }) => removeEvidence(deps, user, params.teamId!, params.roundId!, params.noteId!, version)],
    // Staff hear back (issue 11): champions post in the channel; each answers once Teams has taken the post.
    ['get', `${round}/you-said-we-did`, (user, { params }) => youSaidWeDidPreview(deps, user, params.teamId!, params.roundId!)],
    ['post', `${round}/you-said-we-did`, (user, { params }) => postYouSaidWeDid(deps, user, params.teamId!, params.roundId!)],
    ['post', `${actions}/:actionId/announce`, (user, { params }) => announceAction(deps, user, params.teamId!, params.actionId!)],
    // Who changed what (issue 12): champions only; the CSV carries each entry's hash.
    ['get', `${team}/activity`, (user, { params }) => teamActivity(deps, user, params.teamId!)],
    ['get', `${team}/activity.csv`, (user, { params }) => teamActivityCsv(deps, user, params.teamId!)],
    // Held comments (issue 12): champions review what was sent anyway after a warning.
    ['get', `${round}/held-comments`, (user, { params }) => heldComments(deps, user, params.teamId!, params.roundId!)],
    ['post', `${round}/held-comments/:reviewId`, (user, { params, body }) => decideHeldComment(deps, user, params.teamId!, params.roundId!, params.reviewId!, body)],
    // The organisation view and service-wide rounds (issue 13): leaders and admins only.
    ...organisationRoutes(deps),
  ];
  for (const [method, path, route] of routes) server[method](path, handle(route, deps));
}

function handle(route: Route, deps: TabApiDeps) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    res.header('Cache-Control', 'no-store');
    try {
      const user = await deps.authenticate({ authorization: req.header('authorization') || undefined, localOrgRole: req.header(LOCAL_ORG_ROLE_HEADER) || undefined });
      const result = await route(user, {
        params: (req.params ?? {}) as Record<string, string>,
        query: (req.query ?? {}) as Record<string, unknown>,
        body: req.body,
        version: req.header('if-match') || undefined,
      });
      if (result === undefined) res.send(204);
      else if (isFileReply(result)) sendFile(res, result);
      else if (result instanceof JsonBody) res.sendRaw(200, result.text, { 'Content-Type': 'application/json' });
      else res.send(req.method === 'POST' ? 201 : 200, result);
    } catch (error) {
      if (isAuditError(error)) {
        res.send(error.status, { error: { code: error.code, message: error.message } });
        return;
      }
      deps.logger.error('tab_api_failed', { path: req.path(), error });
      res.send(500, { error: { code: 'InternalError', message: SOMETHING_WENT_WRONG } });
    }
  };
}

/**
 * A download: its bytes as they are (no JSON formatter), under the route's Cache-Control: no-store.
 * Its name as RFC 6266 gives it: `filename*` in UTF-8 when the name is not plain ASCII (a team
 * called "Équipe Nord"), beside an ASCII `filename` for clients that read only that.
 */
function sendFile(res: restify.Response, { file }: FileReply): void {
  res.sendRaw(200, file.body, {
    'Content-Type': file.contentType,
    'Content-Disposition': contentDisposition(file.filename, { fallback: asciiFileName(file.filename) }),
    'X-Content-Type-Options': 'nosniff',
  });
}
