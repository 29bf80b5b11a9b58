import type { Server, ServerResponse } from 'node:http';

/**
 * Ends an HTTP server's work without waiting on its clients' goodwill, as a stop signal needs.
 * `server.close()` alone stops listening but then waits for every kept-alive connection to end,
 * and a client that keeps sending (Teams' Bot Connector reuses its connections) never lets it.
 */
export type StopServing = () => Promise<{ cutOff: number }>;

/**
 * Installs, at creation, the tracking a stop needs, and returns the stop. The stop: no new
 * connections; idle kept-alive ones closed at once; every response in flight, and any request
 * that still arrives on an open connection, answered with `Connection: close`, so its client
 * opens no more on it. Resolves once every connection has ended, or after `deadlineMs` (ms),
 * when whatever is still open is cut (`cutOff`: how many responses were then unfinished; their
 * clients got no answer, so nothing they sent counts as acknowledged).
 */
export function stopServingOf(server: Server, deadlineMs: number): StopServing {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  // Before restify's own listener, so a response it ends at once is still seen unsent.
  server.prependListener('request', (_req, res: ServerResponse) => {
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    if (stopping) closeConnectionAfter(res, server);
  });
  let stopped: Promise<{ cutOff: number }> | undefined;
  return () => {
    stopped ??= new Promise((resolve) => {
      stopping = true;
      let cutOff = 0;
      const deadline = setTimeout(() => {
        cutOff = inFlight.size;
        server.closeAllConnections();
      }, deadlineMs);
      server.close(() => {
        clearTimeout(deadline);
        resolve({ cutOff });
      });
      server.closeIdleConnections();
      for (const res of inFlight) closeConnectionAfter(res, server);
    });
    return stopped;
  };
}

function closeConnectionAfter(res: ServerResponse, server: Server): void {
  if (!res.headersSent) res.setHeader('Connection', 'close');
  // Headers already gone (a file being streamed): its connection turns idle once it ends.
  else res.once('finish', () => setImmediate(() => server.closeIdleConnections()));
}
