import { createHash } from 'node:crypto';
import { newRoundId, ROUND_CARDS, unpostedCards, type AuditRound } from '../../domain/auditRound';
import { APP_NAME, roundOpenedSummary } from '../../domain/activitySummaries';
import type { ServiceRound, ServiceRoundTeamState } from '../../domain/organisation/serviceRound';
import { logActivity, type LogActivityDeps } from '../activityLog/logActivity';
import type { AuditServices } from '../auditServices';
import type { DeliveryReport } from '../deliveryReport';
import type { DueJob } from '../dueWork';
import type { RoundScheduleDeps } from '../roundSchedule';
import { openNewRound } from '../startRound';

export type ServiceRoundTeamJob = Extract<DueJob, { kind: 'openServiceRoundInTeam' }>;

export type OpenServiceRoundInTeamDeps = Pick<AuditServices, 'serviceRounds' | 'rounds' | 'teams' | 'roundCards'> & { readonly announcements: Pick<AuditServices['announcements'], 'posts'> } & RoundScheduleDeps & LogActivityDeps;

/** The team's round of a service-wide round, and what Teams did with its cards this time. */
export interface ServiceRoundInTeam {
  readonly round: AuditRound;
  readonly report: DeliveryReport;
}

/**
 * The team's round of a service-wide round: its id is made from the service-wide round's and the
 * team's, so every delivery of the job names the same round (at-least-once delivery opens it once).
 */
function serviceRoundTeamRoundId(serviceRound: Pick<ServiceRound, 'serviceRoundId' | 'openedAt'>, teamId: string): string {
  return newRoundId(new Date(serviceRound.openedAt), () => createHash('sha256').update(`${serviceRound.serviceRoundId}|${teamId}`).digest('hex').slice(0, 8));
}

/**
 * "Ewa Nowak (service-wide round 2)": who opened the team's round, as its intro card, `status` and
 * the tab show it, so the team can tell its round is part of the service-wide one.
 */
function serviceRoundOpener(serviceRound: Pick<ServiceRound, 'openedBy' | 'number'>): string {
  return `${serviceRound.openedBy} (service-wide round ${serviceRound.number})`;
}

/**
 * The `openServiceRoundInTeam` due job (issue 13): a service-wide round opens in one of its teams.
 *
 * - The service-wide round's close date has passed (the job was retried for that long): nothing
 *   opens, recorded `not-opened` / `closed-before-opening`.
 * - The app has left the team: recorded `not-opened` / `app-removed`.
 * - The team has another round open (its champions are running one): that round is left alone,
 *   and `not-opened` / `round-already-open` with its number is recorded.
 * - Otherwise the team's round opens as any round does (openNewRound: its close on the service
 *   round's close date and its reminders are scheduled), in the channel the app was installed in,
 *   is logged as `round-opened` by the app (naming the admin) in the team's activity log, and is
 *   recorded `opened`; then its cards are posted (RoundCards.publishRound, paced within Teams'
 *   limits per conversation and per tenant) and the counts of its posts (its opening card and
 *   one per condition) Teams took and refused are recorded.
 *
 * Delivered again, it finds the round it opened and posts only the cards still missing (none
 * twice), recording the counts again; while another delivery is posting them (two instances at
 * once), it leaves the posting to that one (a claim in ChannelPosts) and rejects, so due work tries
 * it again later and posts what that one left. Undefined (nothing to post) when nothing opened, or the
 * round has closed since; the service-wide round unknown (another tenant's, say) does nothing.
 * Rejects (to be tried again by due work) while storage fails.
 */
export async function openServiceRoundInTeam(deps: OpenServiceRoundInTeamDeps, job: ServiceRoundTeamJob): Promise<ServiceRoundInTeam | undefined> {
  const serviceRound = await deps.serviceRounds.get(job.tenantId, job.serviceRoundId);
  if (!serviceRound) return undefined;
  const record = (state: ServiceRoundTeamState) => deps.serviceRounds.setTeamState(job.tenantId, job.serviceRoundId, job.teamId, state);
  const roundId = serviceRoundTeamRoundId(serviceRound, job.teamId);

  let round = await deps.rounds.get(job.teamId, roundId);
  if (!round) {
    const opened = await openInTeam(deps, serviceRound, job.teamId, roundId);
    if ('state' in opened) {
      await record(opened);
      return undefined;
    }
    round = opened;
  }
  await record({ state: 'opened', roundId, roundNumber: round.number });
  if (round.status !== 'open') return undefined;

  // Another delivery of this job (on another instance, its lease run out) is posting the cards now:
  // this one posts none, so no card is posted twice, and is tried again later (due work's backoff),
  // when it posts any that delivery left unposted (its instance may stop mid-way).
  const { posts } = deps.announcements;
  const subject = { kind: 'roundCards', roundId } as const;
  const claimed = await posts.claim(job.teamId, subject, `service-wide round ${serviceRound.number}`, deps.now());
  if (!claimed.claimed) throw new Error(`Round ${round.number}'s cards in team ${job.teamId} are being posted by another delivery; trying again later`);
  try {
    const report = await deps.roundCards.publishRound(round, 'missing');
    const posted = (await deps.rounds.get(job.teamId, roundId)) ?? round;
    const notPosted = unpostedCards(posted).length;
    await record({ state: 'opened', roundId, roundNumber: round.number, cards: { posted: ROUND_CARDS.length - notPosted, notPosted } });
    return { round: posted, report };
  } finally {
    // Released, so a later delivery can post a card Teams refused this time.
    await posts.release(claimed.claim);
  }
}

/** Opens the team's round, or says why the team takes no part. */
async function openInTeam(deps: OpenServiceRoundInTeamDeps, serviceRound: ServiceRound, teamId: string, roundId: string): Promise<AuditRound | ServiceRoundTeamState> {
  // A job retried past the close date (an outage of storage or Teams) opens nothing no one can answer;
  // and the organisation's figures may be out without this team (serviceRoundFigures.ts): opening it
  // now would change them by exactly its answers.
  if (Date.parse(serviceRound.closesAt) <= deps.now().getTime()) return { state: 'not-opened', reason: 'closed-before-opening' };
  const team = await deps.teams.get(teamId);
  if (!team) return { state: 'not-opened', reason: 'app-removed' };
  const alreadyOpen = await deps.rounds.findOpen(teamId);
  if (alreadyOpen) return { state: 'not-opened', reason: 'round-already-open', openRoundNumber: alreadyOpen.number };
  const outcome = await openNewRound(deps, {
    teamId,
    roundId,
    openedAt: deps.now().toISOString(),
    openedBy: serviceRoundOpener(serviceRound),
    closesAt: serviceRound.closesAt,
    teamName: team.teamName,
    postedIn: team.postTo,
    serviceRoundId: serviceRound.serviceRoundId,
  });
  if (!outcome.started) {
    const other = 'openRound' in outcome ? outcome.openRound : outcome.closedRound;
    // Another delivery of this job opened it at the same moment: it is this round.
    if (other.roundId === roundId) return other;
    // A champion's round opened meanwhile: it is the team's one open round, and is left alone.
    return { state: 'not-opened', reason: 'round-already-open', openRoundNumber: other.number };
  }
  const why = `service-wide round ${serviceRound.number}, opened by ${serviceRound.openedBy}`;
  await logActivity(deps, teamId, {
    kind: 'round-opened',
    actor: { kind: 'app' },
    roundId,
    summary: roundOpenedSummary(APP_NAME, outcome.round.number, outcome.round.closesAt, why),
    happenedAt: outcome.round.openedAt,
  });
  return outcome.round;
}
