import { closeDayOf, ukDayOf } from '@domain/closeDate';
import type { ResponseRate } from '@domain/responseRate';
import type { ConditionCoverage, ServiceRoundListing, ServiceRoundTeamProgress } from '../../api/types';
import { formatDay, plural } from '../../format';

/**
 * A service-wide round as the picker lists it: "Service-wide round 2 · open · closes 12 December
 * 2026"; once closed, "Service-wide round 1 · closed 13 December 2026", or, when every team's
 * round closed before its close date (a champion's `close`, or no team's round opened), "Service-wide
 * round 1 · closed before its close date, 13 December 2026": never a day it did not close on.
 * When every team's round has closed, the day (UK) the last of them closed (`closedAt`).
 * `now`: the moment compared with the close date (UK day, closeDayOf).
 */
export function serviceRoundLabel(round: ServiceRoundListing, now = new Date()): string {
  const day = formatDay(closeDayOf(round.closesAt));
  if (round.status === 'open') return `Service-wide round ${round.number} · open · closes ${day}`;
  if (round.closedAt) return `Service-wide round ${round.number} · closed ${formatDay(ukDayOf(new Date(round.closedAt)))}`;
  const closedEarly = Date.parse(round.closesAt) > now.getTime();
  return `Service-wide round ${round.number} · ${closedEarly ? `closed before its close date, ${day}` : `closed ${day}`}`;
}

/** How a service-wide round's opening went in one team, in words (ServiceRoundTeamState). */
export function openingText(opening: ServiceRoundTeamProgress['opening']): string {
  if (opening.state === 'opening') return 'Still opening';
  if (opening.state === 'opened') return `Opened: the team’s round ${opening.roundNumber}`;
  if (opening.reason === 'app-removed') return 'Not opened: app removed';
  if (opening.reason === 'not-asked') return 'Not asked: its opening could not be scheduled';
  if (opening.reason === 'closed-before-opening') return 'Not opened: the close date passed first';
  return opening.openRoundNumber === undefined ? 'Not opened: already had a round open' : `Not opened: already had round ${opening.openRoundNumber} open`;
}

/** "18 of 30 members (60%)"; more answers than members now: "100% (32 answered; the team has 30 members)"; no size: "18 answered (the team’s size is not known)". */
export function rateText(rate: ResponseRate): string {
  if (rate.members === undefined || rate.percent === undefined) return `${rate.answered.toLocaleString('en-GB')} answered (the team’s size is not known)`;
  if (rate.capped) return `100% (${rate.answered.toLocaleString('en-GB')} answered; the team has ${plural(rate.members, 'member', 'members')})`;
  return `${rate.answered.toLocaleString('en-GB')} of ${plural(rate.members, 'member', 'members')} (${rate.percent}%)`;
}

/** No team's round opened in the service-wide round (each already had one open, or the app was removed): it will never have results. */
export function noTeamOpened(teams: readonly ServiceRoundTeamProgress[]): boolean {
  return teams.length > 0 && teams.every((team) => team.opening.state === 'not-opened');
}

/**
 * Why a service-wide round shows no results yet: they appear only once every team's round has
 * closed (the organisation view's rule, organisationView.ts ServiceRoundView), so no two reads
 * differ by one answer; and, while a team not asked can still be asked, not before the round's close
 * date (`closesAt`, ISO 8601), so no two reads differ by one team. "Results appear when every
 * team’s round has closed: 2 teams still open."
 */
export function resultsWaitText(teams: readonly ServiceRoundTeamProgress[], closesAt: string, now: Date = new Date()): string {
  if (noTeamOpened(teams)) return 'No team’s round opened in this service-wide round, so it has no results. Each team’s opening below says why.';
  const open = teams.filter((team) => team.opening.state === 'opened' && team.roundStatus !== 'closed').length;
  const opening = teams.filter((team) => team.opening.state === 'opening').length;
  const notAsked = teams.filter((team) => team.opening.state === 'not-opened' && team.opening.reason === 'not-asked').length;
  if (open === 0 && opening === 0 && notAsked > 0 && now.getTime() < Date.parse(closesAt)) {
    // The service holds the results back until then (app/organisation/serviceRoundFigures.ts).
    return `Every round that opened has closed, but ${plural(notAsked, 'team was', 'teams were')} not asked and can still be asked until ${formatDay(closeDayOf(closesAt))}: the results appear after that day.`;
  }
  if (open === 0 && opening === 0) return 'Every team’s round has closed: the results will show here in a moment.';
  const still = [open > 0 ? `${plural(open, 'team', 'teams')} still open` : '', opening > 0 ? `${plural(opening, 'team', 'teams')} still opening` : ''];
  return `Results appear when every team’s round has closed: ${still.filter(Boolean).join(', ')}.`;
}

/**
 * What one condition's all-teams figures count (serviceSummary.ts ConditionCoverage), e.g.
 * "Counts 5 of 6 teams; 1 team left out: too few answers to count without singling it out. 12
 * answers are in no level’s column: their level was hidden within their team."
 */
export function coverageText(coverage: ConditionCoverage): string {
  const { teamsCounted, teamsLeftOut, answersWithoutLevel } = coverage;
  const teams = teamsCounted + teamsLeftOut;
  let text = `Counts ${teamsCounted} of ${plural(teams, 'team', 'teams')}`;
  if (teamsLeftOut > 0) {
    text += teamsLeftOut === 1
      ? '; 1 team left out: too few answers to count without singling it out'
      : `; ${teamsLeftOut} teams left out: too few answers together to count without singling one out`;
  }
  text += '.';
  if (answersWithoutLevel > 0) {
    text += answersWithoutLevel === 1
      ? ' 1 answer is in no level’s column: its level was hidden within its team.'
      : ` ${answersWithoutLevel.toLocaleString('en-GB')} answers are in no level’s column: their level was hidden within their team.`;
  }
  return text;
}
