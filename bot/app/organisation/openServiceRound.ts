import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { TabUser } from '../../auth/ssoTokenVerifier';
import { newRoundId } from '../../domain/auditRound';
import { checkedCloseDate, closeDayOf, dayInWords } from '../../domain/closeDate';
import { AuditError } from '../../domain/errors';
import type { OrganisationTeam, ServiceRound, ServiceRoundTeamRef, ServiceRoundTeamState } from '../../domain/organisation/serviceRound';
import { listingOf, type OrganisationTeamChange, type ServiceRoundListing } from '../../domain/organisation/organisationView';
import type { AuditServices } from '../auditServices';
import { requireOrgAdmin } from './orgAccess';

export type OpenServiceRoundDeps = Pick<AuditServices, 'teams' | 'rounds' | 'serviceRounds' | 'dueWork' | 'now'>;

const openRequest = z.object({ closesOn: z.unknown() });
const teamChange: z.ZodType<OrganisationTeamChange> = z.object({ leftOut: z.boolean({ error: 'say whether the team is left out (true or false)' }) }).strict();

/**
 * POST /api/organisation/service-rounds (issue 13): an organisation admin opens a service-wide
 * round in every team of the organisation (its installed teams less those left out, in name
 * order), all closing at the end of `closesOn` (UK). The round is stored (numbered), each team's
 * state set to `opening`, and one `openServiceRoundInTeam` due job scheduled per team, due now:
 * each job opens that team's round and posts its cards (openServiceRoundInTeam.ts), paced within
 * Teams' limits, so this answers as soon as the jobs are kept.
 *
 * A team whose job could not be kept (storage did not answer) is recorded `not-opened` /
 * `not-asked`, never `opening`, and the admin is told which (STORAGE_UNAVAILABLE, naming them).
 * Opening again while that round is still open asks those teams (and only those): the round
 * keeps its close date and number. Otherwise, while the latest round is still running before its
 * close date (a team's round in it open, or still opening), nothing opens (SERVICE_ROUND_OPEN); once
 * every team's round in it has closed (champions may close early), or none opened, the next may open.
 *
 * @returns the round as listed (201). @throws AuditError NOT_AN_ORG_LEADER / NOT_AN_ORG_ADMIN (403),
 * checked first; INVALID_CLOSE_DATE (400: not a day from today to 90 days ahead, domain/closeDate.ts);
 * SERVICE_ROUND_OPEN (409); NO_TEAMS_TO_ASK (409); STORAGE_UNAVAILABLE (503).
 */
export async function openServiceRound(deps: OpenServiceRoundDeps, user: TabUser, body: unknown): Promise<ServiceRoundListing> {
  const { partition, teamsTenantId } = requireOrgAdmin(user);
  const parsed = openRequest.safeParse(body);
  if (!parsed.success) throw new AuditError('INVALID_CLOSE_DATE', 'Send the day the round closes, as closesOn (YYYY-MM-DD).');
  const now = deps.now();
  const closesAt = checkedCloseDate(parsed.data.closesOn, now);

  const [latest] = await deps.serviceRounds.list(partition);
  if (latest && Date.parse(latest.closesAt) > now.getTime()) {
    const notAsked = await teamsNotAsked(deps, latest);
    // Named with its close day: the round may already read "closed" (every team's round closed
    // early, or none opened), and "already open" alone would contradict what the admin sees.
    if (notAsked.length > 0) {
      // Another admin asking them at the same moment asks each once: this asks none then.
      if ((await askTeams(deps, latest, notAsked)) === 0) throw new AuditError('SERVICE_ROUND_OPEN');
      return openingListing(latest);
    }
    if (await stillRunning(deps, latest)) {
      throw new AuditError('SERVICE_ROUND_OPEN', `Service-wide round ${latest.number} is still running until the end of ${dayInWords(closeDayOf(latest.closesAt))}: the next can open once every team's round in it has closed.`);
    }
  }

  const leftOut = await deps.serviceRounds.leftOutTeams(partition);
  const teams = (await deps.teams.listIn(teamsTenantId)).filter((team) => !leftOut.has(team.teamId)).sort((a, b) => a.teamName.localeCompare(b.teamName, 'en-GB'));
  if (teams.length === 0) throw new AuditError('NO_TEAMS_TO_ASK');
  const round = await deps.serviceRounds.open({
    tenantId: partition,
    serviceRoundId: newRoundId(now, () => randomBytes(4).toString('hex')),
    openedAt: now.toISOString(),
    openedBy: user.name,
    closesAt: closesAt.toISOString(),
    teams: teams.map(({ teamId, teamName }) => ({ teamId, teamName })),
  }, { latest });
  await askTeams(deps, round, round.teams);
  return openingListing(round);
}

/** Whether a team's part in the round is still under way: its opening not yet run, or its round open. */
async function stillRunning(deps: OpenServiceRoundDeps, round: ServiceRound): Promise<boolean> {
  const states = await deps.serviceRounds.teamStates(round.tenantId, round.serviceRoundId);
  const running = await Promise.all(
    [...states].map(async ([teamId, state]) => state.state === 'opening' || (state.state === 'opened' && (await deps.rounds.get(teamId, state.roundId))?.status === 'open')),
  );
  return running.includes(true);
}

/** The round's teams never asked: recorded `not-asked`, or with no state at all (`opening` is written before a job is scheduled). */
async function teamsNotAsked(deps: OpenServiceRoundDeps, round: ServiceRound): Promise<ServiceRoundTeamRef[]> {
  const states = await deps.serviceRounds.teamStates(round.tenantId, round.serviceRoundId);
  const notAsked = (state: ServiceRoundTeamState | undefined) => state === undefined || (state.state === 'not-opened' && state.reason === 'not-asked');
  return round.teams.filter((team) => notAsked(states.get(team.teamId)));
}

/**
 * Each team: its opening claimed (`opening` written, unless another admin's request at the same
 * moment claimed it first: that request asks it), then its job scheduled (in that order: the job's
 * own state, written when it runs, must not be overwritten). A team whose state or job could not
 * be kept is recorded `not-asked`, and STORAGE_UNAVAILABLE names every such team.
 * @returns how many teams this request asked.
 */
async function askTeams(deps: OpenServiceRoundDeps, round: ServiceRound, teams: readonly ServiceRoundTeamRef[]): Promise<number> {
  const dueAt = deps.now();
  const asked = await Promise.allSettled(
    teams.map(async ({ teamId }) => {
      if (!(await deps.serviceRounds.claimOpening(round.tenantId, round.serviceRoundId, teamId))) return false;
      await deps.dueWork.schedule({ kind: 'openServiceRoundInTeam', tenantId: round.tenantId, serviceRoundId: round.serviceRoundId, teamId }, dueAt);
      return true;
    }),
  );
  const notAsked = teams.filter((_, i) => asked[i]!.status === 'rejected');
  if (notAsked.length === 0) return asked.filter((outcome) => outcome.status === 'fulfilled' && outcome.value).length;
  // If this write fails too, the team has `opening` with no job: the admin is still told below.
  await Promise.allSettled(notAsked.map(({ teamId }) => deps.serviceRounds.setTeamState(round.tenantId, round.serviceRoundId, teamId, { state: 'not-opened', reason: 'not-asked' })));
  throw new AuditError('STORAGE_UNAVAILABLE', notAskedMessage(round, teams.length - notAsked.length, notAsked));
}

/** "Service-wide round 2 is opening in 3 of 5 teams, but North and South could not be asked: …" */
function notAskedMessage(round: Pick<ServiceRound, 'number'>, asked: number, notAsked: readonly ServiceRoundTeamRef[]): string {
  const names = notAsked.map((team) => team.teamName);
  const list = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
  const opening = asked === 0 ? `Service-wide round ${round.number} could not be opened in any team` : `Service-wide round ${round.number} is opening in ${asked} of ${asked + notAsked.length} teams, but`;
  const reason = `${list} could not be asked: storage did not answer, and nothing was done in ${names.length === 1 ? 'that team' : 'those teams'}.`;
  return `${asked === 0 ? `${opening}: ${reason}` : `${opening} ${reason}`} Open the round again to ask ${names.length === 1 ? 'it' : 'them'}; it keeps its close date.`;
}

/** The round as the POST answers it: its teams just asked, so still opening (the organisation's one listing rule). */
const openingListing = (round: ServiceRound): ServiceRoundListing => listingOf(round, round.teams.map(() => 'opening'));

/**
 * PUT /api/organisation/teams/:teamId (issue 13): an organisation admin leaves one of the
 * organisation's installed teams out (`{ leftOut: true }`: not asked in service-wide rounds, not
 * shown in the organisation view), or takes it back in. Rounds already open in it are not touched.
 * @returns the team as the organisation now sees it. @throws AuditError NOT_AN_ORG_LEADER /
 * NOT_AN_ORG_ADMIN (403), checked first; BAD_REQUEST (400); TEAM_NOT_IN_ORGANISATION (404: not one
 * of the signed-in person's tenant's teams with the app).
 */
export async function changeOrganisationTeam(deps: OpenServiceRoundDeps, user: TabUser, teamId: string, body: unknown): Promise<OrganisationTeam> {
  const { partition, teamsTenantId } = requireOrgAdmin(user);
  const parsed = teamChange.safeParse(body);
  if (!parsed.success) throw new AuditError('BAD_REQUEST', `The change is not valid: ${parsed.error.issues[0]!.message}.`);
  const team = await deps.teams.get(teamId);
  if (!team || (teamsTenantId !== undefined && team.tenantId !== teamsTenantId)) throw new AuditError('TEAM_NOT_IN_ORGANISATION');
  const { leftOut } = parsed.data;
  await deps.serviceRounds.setLeftOut(partition, teamId, leftOut, user.name, deps.now().toISOString());
  return { teamId, teamName: team.teamName, installedAt: team.installedAt, leftOut };
}
