/**
 * A service-wide round (issue 13): an organisation admin opens a round in every team of the
 * organisation at once, with one close date, so the teams answer the same questions in the same
 * window and the organisation view compares like with like. Each team's round is an ordinary
 * audit round of that team (its champions see and run it) that names the service-wide round it
 * belongs to (AuditRound.serviceRoundId).
 *
 * The organisation is the tenant's teams where the app is installed, less those an admin has
 * left out (OrganisationTeam.leftOut).
 */
export interface ServiceRound {
  readonly tenantId: string;
  readonly serviceRoundId: string;
  /** 1 for the organisation's first service-wide round, and so on ("service-wide round 2"). */
  readonly number: number;
  /** ISO 8601. */
  readonly openedAt: string;
  /** The admin's display name, as their token gave it. */
  readonly openedBy: string;
  /** When every team's round closes itself (ISO 8601: the end of the chosen UK day). */
  readonly closesAt: string;
  /** The teams asked, as they were when it opened (name then), in name order. */
  readonly teams: readonly ServiceRoundTeamRef[];
}

export interface ServiceRoundTeamRef {
  readonly teamId: string;
  readonly teamName: string;
}

/**
 * How a service-wide round's opening went in one team. `opening` until the team's job has run;
 * `opened` once its round is stored (cards are then posted by the team's own publishing, paced
 * within Teams' limits); `not-opened` when the team could not take part: it already had a round
 * open (its champions were running one: it is left as it is), or the app has left the team since,
 * or it was `not-asked`: its opening could not be scheduled (storage did not answer), so nothing
 * was done in it; the admin opening the round again asks it (app/organisation/openServiceRound.ts);
 * or its job came only after the round's close date (`closed-before-opening`: retried through an
 * outage), when a round could no longer be answered, so none was opened and nothing posted.
 */
export type ServiceRoundTeamState =
  | { readonly state: 'opening' }
  | {
      readonly state: 'opened';
      readonly roundId: string;
      /** The team's round number ("round 4" in that team). */
      readonly roundNumber: number;
      /** Cards Teams took and refused when they were posted; absent until the posting has run. */
      readonly cards?: { readonly posted: number; readonly notPosted: number };
    }
  | { readonly state: 'not-opened'; readonly reason: 'round-already-open' | 'app-removed' | 'not-asked' | 'closed-before-opening'; readonly openRoundNumber?: number };

/** One of the organisation's teams, as the organisation view and its admin see it. */
export interface OrganisationTeam {
  readonly teamId: string;
  readonly teamName: string;
  /** ISO 8601: when the app was installed in the team. */
  readonly installedAt: string;
  /** An admin left the team out: it is not asked in service-wide rounds and not shown in the organisation view. */
  readonly leftOut: boolean;
}

/**
 * How long after a service-wide round opened a team without a state row is taken as still being
 * asked: the POST writes every team's `opening` row before it answers, so a row missing past this
 * was never written (storage refused it), and so no job was scheduled for that team.
 */
const STATE_WRITE_GRACE_MS = 2 * 60_000;

/**
 * One team's state in a service-wide round as the organisation view reads it: its row, or, with
 * no row, `opening` for a moment after the round opened and then `not-asked` (never asked, and
 * the admin opening the round again asks it), so a lost write neither holds the round open for
 * ever nor is shown as an opening under way. A team still `opening` once the close date has
 * passed is `not-asked` too: a job that runs after the close date opens nothing
 * (openServiceRoundInTeam.ts), so one whose every write failed must not hold the results back for ever.
 */
export function teamStateOf(state: ServiceRoundTeamState | undefined, round: Pick<ServiceRound, 'openedAt' | 'closesAt'>, now: Date): ServiceRoundTeamState {
  const notAsked: ServiceRoundTeamState = { state: 'not-opened', reason: 'not-asked' };
  if (state?.state === 'opening' && now.getTime() >= Date.parse(round.closesAt)) return notAsked;
  if (state) return state;
  return now.getTime() - Date.parse(round.openedAt) < STATE_WRITE_GRACE_MS ? { state: 'opening' } : notAsked;
}

/**
 * When a service-wide round closed: the latest `closedAt` of its teams' rounds that opened, once
 * none of them is open (a champion may close a team's round before the shared close date, so
 * the close date alone would claim a close that has not happened). Undefined while any is open,
 * when none opened, or when a closed round has no close time (it predates keeping one).
 */
export function serviceRoundClosedAt(rounds: readonly { readonly status: 'open' | 'closed'; readonly closedAt?: string }[]): string | undefined {
  if (rounds.length === 0 || rounds.some((round) => round.status !== 'closed' || !round.closedAt)) return undefined;
  return rounds.map((round) => round.closedAt!).reduce((latest, at) => (Date.parse(at) > Date.parse(latest) ? at : latest));
}
