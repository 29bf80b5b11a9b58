import * as restify from 'restify';
import { SOMETHING_WENT_WRONG } from '../domain/errors';
import type { Logger } from '../logger';
import { stopServingOf, type StopServing } from './stopServing';

export interface HttpServer {
  /** Where routes are registered and which listens. */
  readonly server: restify.Server;
  /** Ends serving on a stop (see stopServingOf); call it rather than `server.close()`. */
  readonly stopServing: StopServing;
}

/**
 * How long a stop waits for the requests in flight to be answered before cutting them off:
 * an answer takes well under a second, and service managers give up and SIGKILL after 10–30 s
 * (containers, App Service) or 90 s (systemd's default).
 */
const STOP_DEADLINE_MS = 10_000;

/**
 * One restify server for the bot, the tab's API and files, with the stop that ends it. Parser
 * errors (oversized or malformed bodies) keep their status but lose their detail: a caller
 * learns what was wrong with the request, never how we parse it.
 */
export function createHttpServer(options: { maxRequestBytes: number; logger: Logger; storageReachable?: () => Promise<boolean>}): HttpServer {
  const server = restify.createServer({ name: 'practice-audit', handleUncaughtExceptions: false });
  const stopServing = stopServingOf(server.server, STOP_DEADLINE_MS);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxRequestBytes, mapParams: false, mapFiles: false, rejectUnknown: false }));
  server.on('restifyError', (req: restify.Request, _res: restify.Response, error: { statusCode?: number; toJSON?: () => unknown }, next: () => void) => {
    const status = error.statusCode ?? 500;
    const message = status === 413 ? 'The request is too large.' : status === 400 ? 'The request body is not valid JSON.' : status === 404 ? 'Not found.' : status === 405 ? 'Method not allowed.' : SOMETHING_WENT_WRONG;
    if (status >= 500) options.logger.error('http_error', { path: req.path(), status, error });
    error.toJSON = () => ({ error: { code: String(status), message } });
    next();
  });
  // Up means able to do its work: a service whose storage does not answer refuses every answer.
  server.get('/healthz', async (_req, res) => {
    if (!options.storageReachable || (await options.storageReachable())) res.send(200, { status: 'ok', storage: 'ok' });
    else res.send(503, { status: 'unavailable', storage: 'unreachable', message: 'Table storage does not answer.' });
  });
  return { server, stopServing };
}
