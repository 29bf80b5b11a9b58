import type * as restify from 'restify';
import type { ActivityLogReplyBody } from '../../bot/app/activityLog/teamActivity';
import { TEAM_ID } from './fixtures';

/**
 * The team's activity log for the fake tab API (tabServer.ts): tests set `reply` (what a champion
 * reads). Anyone the server's `champion` switch says is not one is refused, as the real API refuses
 * them (bot/app/activityLog/teamActivity.ts).
 */
export interface ActivityFake {
  reply: ActivityLogReplyBody;
  /** A refusal even for a champion: their role taken away since the tab read GET …/rounds, say. */
  refusal: { status: number; code: string; message: string } | null;
  /** The CSV the download answers with. */
  csv: string;
}

const hash = (n: number) => n.toString(16).padStart(64, '0');

/** Four entries, newest first, as the real API lists them; the chain intact. */
export const ACTIVITY_ENTRIES: ActivityLogReplyBody['entries'] = [
  { sequence: 4, at: '2026-03-02T09:15:00.000Z', kind: 'action-changed', actor: 'Amara Okafor', summary: 'Amara Okafor changed the action "Agree a shared referral form": status from Not started to In progress.', hash: hash(4) },
  { sequence: 3, at: '2026-02-27T17:00:00.000Z', kind: 'round-closed', actor: 'Practice Audit', roundId: 'r2', summary: 'Practice Audit closed audit round 2 on its close date.', hash: hash(3) },
  { sequence: 2, at: '2026-02-13T10:00:00.000Z', kind: 'round-opened', actor: 'Amara Okafor', roundId: 'r2', summary: 'Amara Okafor opened audit round 2, closing on Friday 27 February 2026.', hash: hash(2) },
  { sequence: 1, at: '2026-01-05T08:30:00.000Z', kind: 'champion-named', actor: 'Amara Okafor', summary: 'Amara Okafor named Ben Hughes a practice champion.', hash: hash(1) },
];

export function newActivityFake(): ActivityFake {
  return { reply: { entries: ACTIVITY_ENTRIES, check: { intact: true, entries: 4 } }, refusal: null, csv: 'Entry,Summary\r\n1,"Amara Okafor named Ben Hughes a practice champion."\r\n' };
}

export function registerActivityRoutes(server: restify.Server, fake: ActivityFake, isChampion: () => boolean): void {
  const refused = (req: restify.Request, res: restify.Response): boolean => {
    if (req.params.teamId !== TEAM_ID) res.send(403, { error: { code: 'NOT_A_TEAM_MEMBER', message: 'You can only see the audit of teams you belong to.' } });
    else if (!isChampion()) res.send(403, { error: { code: 'NOT_A_CHAMPION', message: "Only the team's practice champions can read its activity log." } });
    else if (fake.refusal) res.send(fake.refusal.status, { error: { code: fake.refusal.code, message: fake.refusal.message } });
    else return false;
    return true;
  };
  server.get('/api/teams/:teamId/activity', async (req, res) => {
    if (!refused(req, res)) res.send(200, fake.reply);
  });
  server.get('/api/teams/:teamId/activity.csv', async (req, res) => {
    if (refused(req, res)) return;
    res.sendRaw(200, Buffer.from(fake.csv, 'utf8'), { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="Practice Audit - North - activity log.csv"` });
  });
}
