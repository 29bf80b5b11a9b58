import { closeDayOf, ukDayOf } from '@domain/closeDate';
import type { ResponseRate } from '@domain/responseRate';
import type { ConditionCoverage, ServiceRoundListing, ServiceRoundTeamProgress } from '../../api/types';
import { formatDay, plural } from '../../format';

/**
 * "Service-wide round 2 · closes 12 December 2026 · open": a service-wide round as the picker lists
 * it; once closed, the day (UK) its last team's round closed, which champions may bring before the
 * close day ("closed 3 December 2026"), else its close day.
 */
export function serviceRoundLabel(round: ServiceRoundListing): string {
  const closeDay = closeDayOf(round.closesAt);
  const closes = round.status === 'open' ? `closes ${formatDay(closeDay)}` : `closed ${formatDay(round.closedAt ? ukDayOf(new Date(round.closedAt)) : closeDay)}`;
  return `Service-wide round ${round.number} · ${closes} · ${round.status}`;
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

/**
 * Why a service-wide round shows no results yet: they appear only once every team's round has
 * closed (the organisation view's rule, organisationView.ts ServiceRoundView), so no two reads
 * differ by one answer; and, while a team not asked can still be asked, not before the round's close
 * date (`closesAt`, ISO 8601), so no two reads differ by one team. "Results appear when every
 * team’s round has closed: 2 teams still open."
 */
export function resultsWaitText(teams: readonly ServiceRoundTeamProgress[], closesAt: string, now: Date = new Date()): string {
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
 * answers are in no level’s column: their level was too small to show within their team."
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
      ? ' 1 answer is in no level’s column: its level was too small to show within its team.'
      : ` ${answersWithoutLevel.toLocaleString('en-GB')} answers are in no level’s column: their level was too small to show within their team.`;
  }
  return text;
}
