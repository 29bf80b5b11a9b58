import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import { registerTabFiles } from '../../bot/http/tabFiles';
import type { RoundSummary } from '../../bot/domain/summary/roundSummary';
import { CLOSED_ROUND, COMMENTS, MY_ROUNDS, OPEN_ROUND, ROUNDS, TEAM_ID, closedRoundSummary, openRoundSummary } from './fixtures';

/**
 * The tab's files (through the real registerTabFiles) and a stand-in for the tab's API that
 * answers with the hand-written fixtures. Tests change `summaries` to see the tab poll.
 */
export interface TabServer {
  readonly url: string;
  readonly summaries: Map<string, RoundSummary>;
  /** Paths of the API requests, with the Authorization header each carried (or null). */
  readonly requests: { path: string; authorization: string | null }[];
  close(): Promise<void>;
}

export async function startTabServer(distDir: string): Promise<TabServer> {
  const server = restify.createServer({ name: 'tab-test', handleUncaughtExceptions: false });
  const summaries = new Map<string, RoundSummary>([[OPEN_ROUND, openRoundSummary()], [CLOSED_ROUND, closedRoundSummary()]]);
  const requests: TabServer['requests'] = [];
  server.pre((req, _res, next) => {
    if (req.path().startsWith('/api/')) requests.push({ path: req.path(), authorization: req.header('authorization') ?? null });
    next();
  });

  const team = (req: restify.Request, res: restify.Response): boolean => {
    if (req.params.teamId === TEAM_ID) return true;
    res.send(404, { error: { code: '404', message: 'Not found.' } });
    return false;
  };
  server.get('/api/me', async (_req, res) => {
    res.send(200, { name: 'Local developer', local: true });
  });
  server.get('/api/me/rounds', async (_req, res) => {
    res.send(200, { rounds: MY_ROUNDS });
  });
  server.get('/api/teams/:teamId/rounds', async (req, res) => {
    if (team(req, res)) res.send(200, { rounds: ROUNDS });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/summary', async (req, res) => {
    if (!team(req, res)) return;
    const summary = summaries.get(req.params.roundId);
    if (summary) res.send(200, summary);
    else res.send(404, { error: { code: '404', message: 'Not found.' } });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/conditions/:conditionId/comments', async (req, res) => {
    if (team(req, res)) res.send(200, { comments: COMMENTS });
  });
  registerTabFiles(server, distDir);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    summaries,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
