import { listingOf } from '../../domain/organisation/organisationView';
import type { AuditRound } from '../../domain/auditRound';
import type { ServiceRoundListing, ServiceRoundTeamProgress } from '../../domain/organisation/organisationView';
import { teamStateOf, type ServiceRound, type ServiceRoundTeamState } from '../../domain/organisation/serviceRound';
import type { ServiceSummary } from '../../domain/organisation/serviceSummary';
import { summariseService } from '../../domain/organisation/summariseService';
import { keptTeamSize, responseRate } from '../../domain/responseRate';
import { countsOfAnswers, resultsState, talliesFrom, type ResultsState } from '../../domain/summary';
import { teamSizeNow } from '../teamSize';
import type { TabDeps } from '../tab/tabDeps';

/** What reading a service-wide round's figures uses. */
export type FiguresDeps = Pick<TabDeps, 'tabServiceRounds' | 'tabRounds' | 'roundSummaries' | 'serviceSummaries' | 'teamRoster' | 'answers' | 'privacyThreshold' | 'now'>;

/** A service-wide round as it stands: its listing, each team's progress, whether its results are out, and the team rounds that opened. */
export interface ServiceRoundState {
  readonly listing: ServiceRoundListing;
  readonly teams: readonly ServiceRoundTeamProgress[];
  readonly results: ResultsState;
  readonly opened: readonly { readonly teamId: string; readonly teamName: string; readonly round: AuditRound }[];
}

/**
 * Each asked team's state (its job's row; teamStateOf without one), its round when it
 * opened (read by the roundId the state names, never by scanning rounds), its results state
 * (resultsState) and its response rate (live while open, fixed at close). Each team's round and
 * who answered in it are read again for at most TEAMS_READ_PER_PASS teams a pass, in turn
 * (ServiceSummaryCache.teamsReadThisPass); the others' as this instance last read them, so a team
 * round's close shows within ceil(teams / 10) passes. The results are `released` only when no team is still opening, no team `not-asked` can
 * still be asked (the round's close date has passed, or none is), and every opened round's
 * results are released (domain/summary/release.ts): so the teams counted never change once
 * figures are out, and no two reads differ by one team's answers. Else `closing` while only some have just
 * closed, `at-close` while any is open. The listing is `open` while any team is opening or any
 * round open; once closed, it says when the last team's round closed. A round the team's state names but storage no longer has (the team's data was
 * deleted) is shown without a status and counts nowhere. Teams in name order.
 */
export async function serviceRoundState(deps: FiguresDeps, partition: string, serviceRound: ServiceRound): Promise<ServiceRoundState> {
  const states = await deps.tabServiceRounds.teamStates(partition, serviceRound.serviceRoundId);
  const now = deps.now();
  const { settleMs } = deps.roundSummaries.clock;
  const inOrder = [...serviceRound.teams].sort((a, b) => a.teamName.localeCompare(b.teamName, 'en-GB'));
  const readAgain = deps.serviceSummaries.teamsReadThisPass(partition, serviceRound.serviceRoundId, inOrder.map((team) => team.teamId));
  const teams = await Promise.all(
    inOrder.map(async ({ teamId, teamName }) => {
      const opening = teamStateOf(states.get(teamId), serviceRound, now);
      // The round and who answered as last read: again this pass, or a few passes before. A round
      // seen late as closed only holds results back (none reopens); every team's state is read each pass.
      const round = opening.state === 'opened' ? await deps.tabRounds.get(teamId, opening.roundId, readAgain.has(teamId)) : undefined;
      if (!round) return { progress: { teamId, teamName, opening } satisfies ServiceRoundTeamProgress };
      const results = resultsState(round, now, settleMs);
      const participation = await deps.roundSummaries.participation(round, readAgain.has(teamId));
      const teamSize = keptTeamSize(round, results === 'released') ?? (await teamSizeNow(deps.teamRoster, teamId));
      const progress: ServiceRoundTeamProgress = { teamId, teamName, opening, roundStatus: round.status, responseRate: responseRate(participation.respondents, teamSize) };
      return { progress, round, results };
    }),
  );
  const stillOpening = teams.some((t) => t.progress.opening.state === 'opening');
  // With no team's round opened (yet) there is nothing to release.
  const noneOpened = !teams.some((t) => t.round);
  // A team not asked may be asked until the close date (openServiceRound): figures released
  // without it, then again with it, would differ by exactly that team's answers.
  const mayStillAsk = now.getTime() < Date.parse(serviceRound.closesAt) && teams.some((t) => isNotAsked(t.progress.opening));
  const results: ResultsState = stillOpening || mayStillAsk || noneOpened || teams.some((t) => t.results === 'at-close') ? 'at-close' : teams.some((t) => t.results === 'closing') ? 'closing' : 'released';
  return {
    listing: listingOf(serviceRound, teams.map((t) => (t.progress.opening.state === 'opening' ? 'opening' : t.round))),
    teams: teams.map((t) => t.progress),
    results,
    opened: teams.flatMap((t) => (t.round ? [{ teamId: t.progress.teamId, teamName: t.progress.teamName, round: t.round }] : [])),
  };
}

const isNotAsked = (opening: ServiceRoundTeamState) => opening.state === 'not-opened' && opening.reason === 'not-asked';

/**
 * The organisation's figures (summariseService) from each opened team round's counts kept at its
 * close; a round released without them (closed before they were kept, or their write failed) is
 * counted from its answers, as its own team's summary is. Call only once `results` is released.
 * Made once per instance while every round kept its counts (ServiceSummaryCache).
 */
export function serviceSummaryOf(deps: FiguresDeps, state: ServiceRoundState): Promise<ServiceSummary> {
  const make = async () => {
    const teams = await Promise.all(
      state.opened.map(async ({ teamId, teamName, round }) => ({
        teamId,
        teamName,
        counts: talliesFrom(round.finalCounts ?? countsOfAnswers(await deps.answers.allRatedAnswers(round.roundId))),
      })),
    );
    return summariseService(teams, deps.privacyThreshold);
  };
  return deps.serviceSummaries.summaryOf(state.listing.serviceRoundId, state.opened.map((team) => team.round), make);
}
