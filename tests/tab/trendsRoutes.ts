import type * as restify from 'restify';
import type { RoundSummary } from '../../bot/domain/summary/roundSummary';
import { trendOfRounds, type TeamTrends } from '../../bot/domain/summary/trends';
import { ROUNDS, TEAM_ID } from './fixtures';

/**
 * The fixture team's trends as the real API builds them (bot/domain/summary/trends.ts): from the
 * summaries the fake API serves for its closed rounds, so a test that changes `summaries` sees
 * the trend change with it. The open round has no summary, so it is left out, as the real API does.
 */
export function trendsReply(summaries: ReadonlyMap<string, RoundSummary>): TeamTrends {
  return trendOfRounds(ROUNDS.flatMap((round) => {
    const summary = round.status === 'closed' ? summaries.get(round.roundId) : undefined;
    return summary ? [{ round, summary }] : [];
  }));
}

/** A test sets `reply` to serve a trend of its own (more rounds than the fixtures have), and puts back null after. */
export const trendsOverride: { reply: TeamTrends | null } = { reply: null };

/** GET /api/teams/:teamId/trends for the fake tab API (tabServer.ts); another team gets 403, as from the real one. */
export function registerTrendsRoutes(server: restify.Server, summaries: ReadonlyMap<string, RoundSummary>): void {
  server.get('/api/teams/:teamId/trends', async (req, res) => {
    if (req.params.teamId === TEAM_ID) res.send(200, trendsOverride.reply ?? trendsReply(summaries));
    else res.send(403, { error: { code: 'NOT_A_TEAM_MEMBER', message: 'You can only see the audit of teams you belong to.' } });
  });
}
