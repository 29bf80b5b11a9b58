import * as restify from 'restify';
import { registerTabFiles } from '../../bot/http/tabFiles';
import type { RoundSummary } from '../../bot/domain/summary/roundSummary';
import { newPlanFake, registerPlanRoutes, type PlanFake } from './planRoutes';
import { registerRoundInsightRoutes, sendComments } from './roundInsightRoutes';
import { registerEvidenceRoutes, type EvidenceFixture } from './evidenceRoutes';
import { registerTrendsRoutes } from './trendsRoutes';
import { newActivityFake, registerActivityRoutes, type ActivityFake } from './activityRoutes';
import { registerYouSaidWeDidRoutes, type YouSaidWeDidState } from './youSaidWeDidRoutes';
import { registerReviewRoutes, type ReviewFixture } from './reviewRoutes';
import { newOrganisationFake, registerOrganisationRoutes, type OrganisationFake } from './organisationRoutes';
import type { ParticipationReply } from '../../bot/app/tab/roundSummary';
import type { TeamSize } from '../../bot/domain/responseRate';
import { CURRENT_ROUND, FIRST_ROUND, LATEST_ROUND, MY_ROUNDS, ROUNDS, TEAM_ID, TEAM_SIZES_AT_CLOSE, currentParticipation, firstRoundSummary, latestRoundSummary } from './fixtures';

/**
 * The tab's files (through the real registerTabFiles) and a stand-in for the tab's API that
 * answers with the hand-written fixtures. Tests change `participations` (the open round's) to
 * see the tab poll. As the real API, an open round's results answer 409 RESULTS_AT_CLOSE.
 */
export interface TabServer {
  readonly url: string;
  /** The closed rounds' results. */
  readonly summaries: Map<string, RoundSummary>;
  /** The open round's participation. */
  readonly participations: Map<string, ParticipationReply>;
  /** Paths of the API requests, with the Authorization and X-Local-Org-Role headers each carried (or null). */
  readonly requests: { path: string; authorization: string | null; localOrgRole: string | null }[];
  /** The team's plan, members and channel updates (./planRoutes.ts); tests set and read it. */
  readonly plan: PlanFake;
  /** The team's rounds as GET …/rounds lists them, newest first (ROUNDS unless a test sets others). */
  rounds: (typeof ROUNDS)[number][];
  /**
   * Whether the fixture user is one of the team's practice champions, as GET …/rounds answers
   * (`champion`); false unless a test sets it. The activity log and held comments refuse anyone
   * else (403 NOT_A_CHAMPION), as the real API does.
   */
  champion: boolean;
  /** The evidence notes' stand-in (evidenceRoutes.ts). */
  readonly evidence: EvidenceFixture;
  /** "You said, we did": whether the user is a champion, what was posted, a refusal for the next post. */
  readonly youSaidWeDid: YouSaidWeDidState;
  /** The team's activity log (activityRoutes.ts): what a champion reads, or a refusal even so. */
  readonly activity: ActivityFake;
  /** Held comments for champions to review (./reviewRoutes.ts). */
  readonly review: ReviewFixture;
  /** The organisation view's stand-in (./organisationRoutes.ts): the user's organisation roles (none unless set), its teams, rounds and plans. */
  readonly organisation: OrganisationFake;
  close(): Promise<void>;
}

export async function startTabServer(distDir: string): Promise<TabServer> {
  const server = restify.createServer({ name: 'tab-test', handleUncaughtExceptions: false });
  const summaries = new Map<string, RoundSummary>([[LATEST_ROUND, latestRoundSummary()], [FIRST_ROUND, firstRoundSummary()]]);
  const participations = new Map<string, ParticipationReply>([[CURRENT_ROUND, currentParticipation()]]);
  const requests: TabServer['requests'] = [];
  server.pre((req, _res, next) => {
    if (req.path().startsWith('/api/')) requests.push({ path: req.path(), authorization: req.header('authorization') ?? null, localOrgRole: req.header('x-local-org-role') ?? null });
    next();
  });

  const team = (req: restify.Request, res: restify.Response): boolean => {
    if (req.params.teamId === TEAM_ID) return true;
    res.send(404, { error: { code: '404', message: 'Not found.' } });
    return false;
  };
  /** An open round's result routes answer as the real API's do (bot/domain/summary/release.ts). */
  const atClose = (req: restify.Request, res: restify.Response): boolean => {
    const open = participations.get(req.params.roundId);
    if (open) res.send(409, { error: { code: 'RESULTS_AT_CLOSE', message: `Results appear when round ${open.roundNumber} closes. Until then only participation is shown, so that nobody's answer or level can be worked out by comparing two reads.` } });
    return open !== undefined;
  };
  const organisation = newOrganisationFake();
  server.get('/api/me', async (_req, res) => {
    res.send(200, { name: 'Local developer', local: true, orgRoles: organisation.roles });
  });
  server.get('/api/me/rounds', async (_req, res) => {
    res.send(200, { rounds: MY_ROUNDS });
  });
  const listed = { rounds: [...ROUNDS], champion: false };
  const isChampion = () => listed.champion;
  server.get('/api/teams/:teamId/rounds', async (req, res) => {
    if (team(req, res)) res.send(200, { rounds: listed.rounds, champion: listed.champion });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/participation', async (req, res) => {
    if (!team(req, res)) return;
    const open = participations.get(req.params.roundId);
    const summary = summaries.get(req.params.roundId);
    if (open) res.send(200, open);
    else if (summary) res.send(200, closedParticipation(summary, ROUNDS.find((r) => r.roundId === req.params.roundId)!.number, TEAM_SIZES_AT_CLOSE[req.params.roundId]!));
    else res.send(404, { error: { code: '404', message: 'Not found.' } });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/summary', async (req, res) => {
    if (!team(req, res) || atClose(req, res)) return;
    const summary = summaries.get(req.params.roundId);
    if (summary) res.send(200, summary);
    else res.send(404, { error: { code: '404', message: 'Not found.' } });
  });
  server.get('/api/teams/:teamId/rounds/:roundId/conditions/:conditionId/comments', async (req, res) => {
    if (team(req, res) && !atClose(req, res)) sendComments(req, res, summaries);
  });
  const plan = newPlanFake();
  registerPlanRoutes(server, plan, () => listed.rounds);
  registerRoundInsightRoutes(server, atClose);
  const evidence = registerEvidenceRoutes(server, (roundId) => summaries.has(roundId) || participations.has(roundId));
  registerTrendsRoutes(server, summaries);
  const youSaidWeDid = registerYouSaidWeDidRoutes(server, summaries, atClose);
  const activity = newActivityFake();
  registerActivityRoutes(server, activity, isChampion);
  const review = registerReviewRoutes(server, isChampion);
  registerOrganisationRoutes(server, organisation);
  registerTabFiles(server, distDir);

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    summaries,
    participations,
    requests,
    evidence,
    youSaidWeDid,
    review,
    organisation,
    plan,
    activity,
    get rounds() {
      return listed.rounds;
    },
    set rounds(value) {
      listed.rounds = value;
    },
    get champion() {
      return listed.champion;
    },
    set champion(value) {
      listed.champion = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A closed round's participation, from its summary: people, answers by condition, and the team's size kept at close. */
function closedParticipation(summary: RoundSummary, roundNumber: number, teamSize: TeamSize): ParticipationReply {
  const answersByCondition = Object.fromEntries(summary.conditions.map((c) => [c.conditionId, c.allStaff.shown ? c.allStaff.answers : 0])) as ParticipationReply['answersByCondition'];
  return { roundNumber, results: 'released', respondents: summary.respondents, answersByCondition, teamSize };
}
