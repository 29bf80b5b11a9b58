import type * as restify from 'restify';
import { conditionComments, roundSummary, type TabReadDeps } from '../app/tab/roundSummary';
import { myRounds, teamRounds } from '../app/tab/teamRounds';
import type { TabUser } from '../auth/ssoTokenVerifier';
import type { TabAuthenticator } from '../auth/tabAuthenticator';
import { isAuditError } from '../domain/errors';
import type { Logger } from '../logger';

export interface TabApiDeps extends TabReadDeps {
  readonly authenticate: TabAuthenticator;
  readonly logger: Logger;
}

type Route = (user: TabUser, params: Record<string, string>, query: Record<string, unknown>) => Promise<unknown>;

/**
 * The tab's API, and an organisation's way to get its data out. Every route checks who is
 * asking (an SSO token, or the local identity in local mode) before anything else, and
 * every team route checks membership through the Teams roster.
 */
export function registerTabApi(server: restify.Server, deps: TabApiDeps): void {
  const { services, roster } = deps;
  const routes: Record<string, Route> = {
    '/api/me': async (user) => ({ name: user.name, local: user.local }),
    '/api/me/rounds': async (user) => ({ rounds: await myRounds(services, roster, user) }),
    '/api/teams/:teamId/rounds': async (user, { teamId }) => ({ rounds: await teamRounds(services, roster, user, teamId!) }),
    '/api/teams/:teamId/rounds/:roundId/summary': (user, { teamId, roundId }) => roundSummary(deps, user, teamId!, roundId!),
    '/api/teams/:teamId/rounds/:roundId/conditions/:conditionId/comments': async (user, { teamId, roundId, conditionId }, query) => ({
      comments: await conditionComments(deps, user, teamId!, roundId!, conditionId!, query.level),
    }),
  };
  for (const [path, route] of Object.entries(routes)) server.get(path, handle(route, deps));
}

function handle(route: Route, deps: TabApiDeps) {
  return async (req: restify.Request, res: restify.Response): Promise<void> => {
    res.header('Cache-Control', 'no-store');
    try {
      const user = await deps.authenticate(req.header('authorization') || undefined);
      res.send(200, await route(user, (req.params ?? {}) as Record<string, string>, (req.query ?? {}) as Record<string, unknown>));
    } catch (error) {
      if (isAuditError(error)) {
        res.send(error.status, { error: { code: error.code, message: error.message } });
        return;
      }
      deps.logger.error('tab_api_failed', { path: req.path(), error });
      res.send(500, { error: { code: 'InternalError', message: 'Something went wrong. Please try again.' } });
    }
  };
}
