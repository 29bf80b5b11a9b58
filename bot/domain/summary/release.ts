import type { AuditRound } from '../auditRound';
import { CONDITIONS, type ConditionId } from '../conditions';
import { AuditError } from '../errors';
import { tallyTotal } from './ratingTally';
import type { TallySource } from './roundCounts';
import type { RoundSummary } from './roundSummary';
import { summariseTallies } from './summariseRound';

/**
 * What of a round may be served, given its status (issue 8): an open round shows participation
 * only; its results appear when it closes.
 *
 * Why: every figure of a summary obeys the privacy threshold on its own, but two reads of an
 * open round either side of one answer differ by exactly that answer. Ten practitioners answer,
 * a member reads; the team's only senior leader answers "not in place", the member reads again:
 * all staff went from 10 to 11 with "not in place" up by one, and the senior-leader cut from 0
 * to "too small": one person's rating and level. So nothing that depends on a rating, a level
 * or a comment is served while answers can still arrive: no scores, distributions, level cuts,
 * disagreements, "don't know" tables, "what happens now", comments, changes since the last
 * round, nor exports. What stays live is how many people have answered and each condition's
 * answer count: they change with every answer, but say only that someone answered. Once the
 * round is closed its results are one fixed set of figures (counted once, at close), with the
 * per-cut threshold and complementary suppression (conditionPrivacy.ts). Viva Pulse does the same.
 */
export type ResultsState = 'at-close' | 'closing' | 'released';

/** Participation as the tab's API serves it, open or closed: counts that no rating or level moves. */
export interface RoundParticipation {
  readonly respondents: number;
  readonly answersByCondition: Readonly<Record<ConditionId, number>>;
}

export type RoundRelease =
  | { readonly results: 'at-close' | 'closing'; readonly participation: RoundParticipation }
  | { readonly results: 'released'; readonly participation: RoundParticipation; readonly summary: RoundSummary };

export type ReleaseOf = Pick<AuditRound, 'status' | 'closedAt' | 'finalCounts'>;

/**
 * 'at-close' while the round is open; 'released' once it is closed and its figures can no
 * longer move: its counts were kept at close (`finalCounts`), or `settleMs` have passed since it
 * closed (the answers other instances accepted just before the close have landed: closeRound's
 * wait). Until then 'closing'. A closed round with no close time predates the rule: released.
 */
export function resultsState(round: ReleaseOf, now: Date, settleMs: number): ResultsState {
  if (round.status !== 'closed') return 'at-close';
  if (round.finalCounts || !round.closedAt) return 'released';
  return now.getTime() - Date.parse(round.closedAt) >= settleMs ? 'released' : 'closing';
}

/** Everything of a round that may be served now; the summary is made only when it may be shown. */
export function releaseRound(round: ReleaseOf, tallies: TallySource, privacyThreshold: number, now: Date, settleMs: number): RoundRelease {
  const participation = participationOfTallies(tallies);
  const results = resultsState(round, now, settleMs);
  return results === 'released' ? { results, participation, summary: summariseTallies(tallies, privacyThreshold) } : { results, participation };
}

/** The round's summary; RESULTS_AT_CLOSE (409) while it is not released. */
export function releasedSummary(release: RoundRelease, roundNumber: number): RoundSummary {
  if (release.results === 'released') return release.summary;
  throw resultsWithheld(release.results, roundNumber);
}

/** For reads that go past the summary (comments): RESULTS_AT_CLOSE (409) unless the results are released. */
export function requireResults(state: ResultsState, roundNumber: number): void {
  if (state !== 'released') throw resultsWithheld(state, roundNumber);
}

function resultsWithheld(state: 'at-close' | 'closing', roundNumber: number): AuditError {
  return new AuditError(
    'RESULTS_AT_CLOSE',
    state === 'closing'
      ? `Round ${roundNumber} has just closed: its results appear in a moment.`
      : `Results appear when round ${roundNumber} closes. Until then only participation is shown, so that nobody's answer or level can be worked out by comparing two reads.`,
  );
}

function participationOfTallies(tallies: TallySource): RoundParticipation {
  const answersByCondition = {} as Record<ConditionId, number>;
  for (const { id } of CONDITIONS) {
    answersByCondition[id] = [...tallies.tallies(id).values()].reduce((sum, tally) => sum + tallyTotal(tally), 0);
  }
  return { respondents: tallies.respondents, answersByCondition };
}
