import type { AuditRound, PostingAddress } from '../../domain/auditRound';
import { AuditError } from '../../domain/errors';
import { requireResults, resultsState, summariseRound, summariseTallies, talliesFrom, type RoundSummary } from '../../domain/summary';
import { youSaidWeDidFacts, type YouSaidWeDidFacts } from '../../domain/summary/youSaidWeDid';
import type { AuditServices } from '../auditServices';
import { answersSettleMs, type ClosedRound } from '../closeRound';
import { planForCard } from './planForCard';

/** What telling staff about a closed round uses. */
export type YouSaidWeDidDeps = Pick<AuditServices, 'rounds' | 'roundCache' | 'answers' | 'plans' | 'teams' | 'champions' | 'announcements' | 'privacyThreshold' | 'now'>;

/** What a closed round's card is made from, given its summary: its plan. */
export type CardFactsDeps = Pick<AuditServices, 'plans' | 'rounds' | 'now'>;

/** A closed round ready to be told about: its card's facts, and the channel the card goes to. */
export interface RoundToTell {
  readonly round: AuditRound;
  readonly facts: YouSaidWeDidFacts;
  readonly where: PostingAddress;
}

/**
 * The round's "You said, we did" card as it would be posted now (the plan as it is now). Throws
 * ROUND_NOT_FOUND; RESULTS_AT_CLOSE for a round that is open or has only just closed (its
 * results are not out: release.ts); TEAMS_REFUSED_POST when the team has no channel to post in
 * (the app was removed from it).
 */
export async function roundToTell(deps: YouSaidWeDidDeps, teamId: string, roundId: string): Promise<RoundToTell> {
  const round = await deps.rounds.get(teamId, roundId);
  if (!round) throw new AuditError('ROUND_NOT_FOUND');
  const facts = await cardFacts(deps, round, await releasedSummaryOf(deps, round));
  return { round, facts, where: await channelOf(deps, round) };
}

/** Where a round's card goes: the conversation its cards were posted in, else the team's channel (teamChannel). */
export async function channelOf(deps: Pick<AuditServices, 'teams'>, round: AuditRound): Promise<PostingAddress> {
  return round.postedIn ?? teamChannel(deps, round.teamId);
}

/** The team's channel, as its installation recorded it. TEAMS_REFUSED_POST when there is none (the app was removed from the team). */
export async function teamChannel({ teams }: Pick<AuditServices, 'teams'>, teamId: string): Promise<PostingAddress> {
  const where = (await teams.get(teamId))?.postTo;
  if (!where) throw new AuditError('TEAMS_REFUSED_POST', 'Practice Audit has no channel of this team to post in (it may have been removed from the team), so nothing was posted.');
  return where;
}

/**
 * A round's released summary, from the counts kept at its close (else its answers). RESULTS_AT_CLOSE
 * for a round that is open or has only just closed: a summary made while answers could still
 * arrive is never told (release.ts).
 */
async function releasedSummaryOf(deps: Pick<AuditServices, 'answers' | 'roundCache' | 'privacyThreshold' | 'now'>, round: AuditRound): Promise<RoundSummary> {
  requireResults(resultsState(round, deps.now(), answersSettleMs(deps.roundCache)), round.number);
  return round.finalCounts
    ? summariseTallies(talliesFrom(round.finalCounts), deps.privacyThreshold)
    : summariseRound(await deps.answers.allRatedAnswers(round.roundId), deps.privacyThreshold);
}

/** The facts of a closed round's card: its released summary, and its plan as the card shows it. */
export async function cardFacts(deps: CardFactsDeps, round: AuditRound, summary: RoundSummary): Promise<YouSaidWeDidFacts> {
  return youSaidWeDidFacts({ round, summary, plan: await planForCard(deps, round) });
}

/** How the offer at close went: champions offered the card, those Teams could not reach, and other failures (for the log). */
export interface OfferOutcome {
  readonly offered: number;
  readonly unreachable: number;
  readonly failed: readonly unknown[];
}

/**
 * A round has closed (a champion's close, its close date, or the next round of a cadence): each
 * of the team's practice champions is offered its "You said, we did" card one-to-one, with a
 * preview and "Post in the channel" (nothing is posted until one of them presses it). One
 * champion Teams cannot reach does not stop the others. Throws only when the round's facts or
 * champions cannot be read (storage), or the team has no channel
 * (TEAMS_REFUSED_POST), with nothing offered.
 */
export async function offerYouSaidWeDid(deps: YouSaidWeDidDeps, { round }: Pick<ClosedRound, 'round'>): Promise<OfferOutcome> {
  const summary = await releasedSummaryOf(deps, round);
  const [facts, champions, via, reviewed] = await Promise.all([
    cardFacts(deps, round, summary),
    deps.champions.list(round.teamId),
    channelOf(deps, round),
    // Held comments wait for a champion: the offer is where champions hear of them at close.
    deps.answers.reviewedComments(round.roundId).catch(() => []),
  ]);
  const heldComments = reviewed.filter((comment) => comment.review.state === 'held').length;
  let offered = 0;
  let unreachable = 0;
  const failed: unknown[] = [];
  for (const champion of champions) {
    try {
      const sent = await deps.announcements.announcer.offerYouSaidWeDid(via, champion.teamsUserId, { teamId: round.teamId, roundId: round.roundId, facts, heldComments });
      if (sent === 'sent') offered += 1;
      else unreachable += 1;
    } catch (error) {
      failed.push(error);
    }
  }
  return { offered, unreachable, failed };
}
