import { create as contentDisposition } from 'content-disposition';
import type * as restify from 'restify';
import { asciiFileName } from '../../bot/domain/export/fileName';
import type { RoundSummary } from '../../bot/domain/summary/roundSummary';
import { ROUNDS, TEAM_ID } from './fixtures';
import { changesReply, commentsReply, exportFile } from './roundInsightFixtures';

const notFound = { error: { code: 'ROUND_NOT_FOUND', message: 'That audit round could not be found.' } };

/** The comments route's answer, by condition and level, as the real API gives it. */
export function sendComments(req: restify.Request, res: restify.Response, summaries: Map<string, RoundSummary>): void {
  const summary = summaries.get(req.params.roundId);
  if (!summary) {
    res.send(404, notFound);
    return;
  }
  const reply = commentsReply(summary, req.params.conditionId, new URL(req.url ?? '', 'http://fixture').searchParams.get('level') ?? undefined);
  res.send(reply.status, reply.body);
}

/** …/changes and …/export.csv|.xlsx|.docx for the fixture team; `atClose` answers for an open round (409). */
export function registerRoundInsightRoutes(server: restify.Server, atClose: (req: restify.Request, res: restify.Response) => boolean): void {
  const teamOk = (req: restify.Request, res: restify.Response) => {
    if (req.params.teamId === TEAM_ID) return true;
    res.send(404, { error: { code: '404', message: 'Not found.' } });
    return false;
  };
  server.get('/api/teams/:teamId/rounds/:roundId/changes', async (req, res) => {
    if (!teamOk(req, res) || atClose(req, res)) return;
    const reply = changesReply(req.params.roundId);
    if (reply) res.send(200, reply);
    else res.send(404, notFound);
  });
  for (const format of ['csv', 'xlsx', 'docx'] as const) {
    server.get(`/api/teams/:teamId/rounds/:roundId/export.${format}`, async (req, res) => {
      if (!teamOk(req, res) || atClose(req, res)) return;
      const round = ROUNDS.find((r) => r.roundId === req.params.roundId);
      if (!round) {
        res.send(404, notFound);
        return;
      }
      const file = exportFile(format, round.number);
      res.sendRaw(200, file.body, {
        'Content-Type': file.contentType,
        'Content-Disposition': contentDisposition(file.filename, { fallback: asciiFileName(file.filename) }),
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-store',
      });
    });
  }
}
