import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { HOST_PAGE_HTML } from './hostPage';
import { throwawayCertificate } from './throwawayCertificate';

/** A request to the app's API as its HTTPS front end saw it. */
export interface ApiRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | null;
  /** X-Local-Org-Role, which only local mode's tab sends. */
  readonly localOrgRole: string | null;
  /** The service's answer; 0 while it is still on its way. */
  status: number;
}

export interface HttpsEdge {
  /** The loopback port both public names are mapped to in the browser. */
  readonly port: number;
  readonly apiRequests: readonly ApiRequest[];
  close(): Promise<void>;
}

export const HOST_PAGE_PATH = '/test-host/';

/**
 * One HTTPS server on loopback answering for two public names: the Teams client's
 * (`teamsHost`: the host page) and the app's (`appHost`: a TLS front end that forwards to the
 * service over HTTP, as App Service does), so the tab runs at an https address like in Teams.
 */
export async function startHttpsEdge(options: { teamsHost: string; appHost: string; serviceUrl: string }): Promise<HttpsEdge> {
  const apiRequests: ApiRequest[] = [];
  const service = new URL(options.serviceUrl);

  const serveHostPage = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'https://host').pathname;
    if (req.method !== 'GET' || path !== HOST_PAGE_PATH) {
      send(res, 404, 'text/plain', 'Not found.');
      return;
    }
    send(res, 200, 'text/html', HOST_PAGE_HTML);
  };

  const forwardToService = (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    const recorded: ApiRequest | null = path.startsWith('/api/')
      ? { method: req.method ?? 'GET', path, authorization: req.headers.authorization ?? null, localOrgRole: (req.headers['x-local-org-role'] as string | undefined) ?? null, status: 0 }
      : null;
    if (recorded) apiRequests.push(recorded);
    const upstream = httpRequest(
      { host: service.hostname, port: service.port, method: req.method, path, headers: { ...req.headers, 'x-forwarded-proto': 'https' } },
      (answer) => {
        if (recorded) recorded.status = answer.statusCode ?? 0;
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (recorded) recorded.status = 502;
      if (res.headersSent) res.destroy();
      else send(res, 502, 'text/plain', 'Bad gateway.');
    });
    req.pipe(upstream);
  };

  const server = createServer(throwawayCertificate([options.teamsHost, options.appHost]), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    if (host === options.teamsHost) serveHostPage(req, res);
    else if (host === options.appHost) forwardToService(req, res);
    else send(res, 421, 'text/plain', 'Misdirected request.');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    port: (server.address() as AddressInfo).port,
    apiRequests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Not chained: the service runs in this process, and restify's patched writeHead returns nothing. */
function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': `${type}; charset=utf-8`, 'Cache-Control': 'no-store' });
  res.end(body);
}
