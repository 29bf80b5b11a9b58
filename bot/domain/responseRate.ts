import type { AuditRound } from './auditRound';

// The response rate (issue 10): how many of a team's members have answered a round, the figure
// survey tools report beside their results (Viva Glint, Officevibe, Viva Pulse; they aim for 75%).
//
// The numerator is how many distinct people answered the round, as participation counts them
// (participation.ts), NOT the roster's members who answered: nobody is matched against the
// roster, so a member leaving the team changes only the denominator and says nothing about
// whether they had answered. Someone who answered and then left still counts, so the numerator
// can pass the roster's size: the percentage is capped at 100.
//
// There is no response rate by level: the roster gives no one's level, and a person gives theirs
// only with an answer, so how many at a level were asked is never known (NO_RATES_BY_LEVEL).

/** How many people a team has (its roster's people, guests included, bots not), or why that is not known. */
export type TeamSize =
  | { readonly known: true; readonly members: number }
  /** `unreadable`: Teams would not give the roster just now (403, 5xx after retries), or the team's address is unknown. `not-kept`: a closed round without its size at close. */
  | { readonly known: false; readonly why: 'unreadable' | 'not-kept' };

export interface ResponseRate {
  /** Distinct people who answered (the round, or one condition). */
  readonly answered: number;
  /** The team's members; absent when the team's size is not known. */
  readonly members?: number;
  /** Whole per cent of the members who answered, 0 to 100; absent without members to count against. */
  readonly percent?: number;
  /** More people answered than the team has members now (some have left): the percentage is capped. */
  readonly capped?: boolean;
}

/** Said wherever people would look for response rates by level (the status card, the tab's levels). */
export const NO_RATES_BY_LEVEL = 'There are no response rates by level: people who have not answered have given no level.';

/** A team's size as read from its roster. */
export const knownTeamSize = (members: number): TeamSize => ({ known: true, members });

/**
 * The size a round keeps once it has closed, so its response rate no longer moves with the team:
 * its members at close, or `not-kept` (the roster could not be read then, or the round closed
 * before sizes were kept). Undefined for a round whose size is still the team's live roster.
 */
export function keptTeamSize(round: Pick<AuditRound, 'membersAtClose'>, released: boolean): TeamSize | undefined {
  return round.membersAtClose !== undefined || released ? teamSizeAtClose(round) : undefined;
}

/** The size kept with a closed round, as its closing cards show it. */
export function teamSizeAtClose(round: Pick<AuditRound, 'membersAtClose'>): TeamSize {
  return round.membersAtClose !== undefined ? knownTeamSize(round.membersAtClose) : { known: false, why: 'not-kept' };
}

/**
 * `answered` people against the team's size. The percentage is rounded to the nearest whole
 * per cent, except that it shows 100% only when everyone has answered and 0% only when no one
 * has (199 of 200 is 99%, not 100%; 1 of 300 is 1%, not 0%): a rounded figure never claims
 * more, or less, than happened. No percentage of a team of 0.
 */
export function responseRate(answered: number, size: TeamSize): ResponseRate {
  if (!size.known) return { answered };
  const { members } = size;
  if (members <= 0) return { answered, members };
  const counted = Math.min(answered, members);
  return { answered, members, percent: wholePercent(counted, members), ...(answered > members ? { capped: true } : {}) };
}

function wholePercent(part: number, whole: number): number {
  const rounded = Math.round((part / whole) * 100);
  if (part > 0 && part < whole) return Math.min(99, Math.max(1, rounded));
  return rounded;
}

/**
 * The response rate as a figure (UK English): "37 of 52 members (71%)"; when more answered than
 * the team has members, "100% (55 people answered; the team has 52 members)". Undefined when
 * there is no rate (the team's size unknown, or no members). `open`: the round is still open
 * (the size is today's; once closed, the size at close).
 */
export function rateFigure(answered: number, size: TeamSize, open: boolean): string | undefined {
  const rate = responseRate(answered, size);
  if (rate.members === undefined || rate.percent === undefined) return undefined;
  const members = countOf(rate.members, 'member');
  if (!rate.capped) return `${answered.toLocaleString('en-GB')} of ${members} (${rate.percent}%)`;
  return `100% (${countOf(answered, 'person', 'people')} answered; the team ${open ? 'has' : 'had'} ${members}${open ? '' : ' when the round closed'})`;
}

/**
 * The round's response rate in a sentence, for the cards and the tab alike: "Response rate: 37 of
 * 52 members (71%)." Without a team size, says why there is no rate, never a guessed one.
 */
export function responseRateText(answered: number, size: TeamSize, open: boolean): string {
  if (!size.known) {
    return size.why === 'unreadable'
      ? "No response rate: the team's size could not be read from Teams just now."
      : "No response rate: the team's size was not recorded when this round closed.";
  }
  const figure = rateFigure(answered, size, open);
  if (!figure) return 'No response rate: Teams listed no members in the team.';
  const leavers = responseRate(answered, size).capped ? ' People who answered and then left the team still count.' : '';
  return `Response rate: ${figure}.${leavers}`;
}

/** A condition's completion as a short figure: "30 of 52 (58%)", or the count alone when the team's size is not known. */
export function completionText(answered: number, size: TeamSize): string {
  const { members, percent } = responseRate(answered, size);
  const count = answered.toLocaleString('en-GB');
  if (members === undefined || percent === undefined) return count;
  return `${count} of ${members.toLocaleString('en-GB')} (${percent}%)`;
}

function countOf(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;
}
