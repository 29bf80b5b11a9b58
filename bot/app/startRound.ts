import { randomBytes } from 'node:crypto';
import { newRoundId, type AuditRound, type PostingAddress } from '../domain/auditRound';
import { checkedCloseDate, proposedCloseDay, type CalendarDay } from '../domain/closeDate';
import type { AuditServices, Person } from './auditServices';
import { requireChampion } from './champions';
import { scheduleRoundWork, type RoundScheduleDeps } from './roundSchedule';
import { logActivity, personActor, type LogActivityDeps } from './activityLog/logActivity';
import { roundOpenedSummary } from '../domain/activitySummaries';

/**
 * What `start` offers a champion before anything opens: the round's id, fixed now so that pressing
 * "Open the round" twice (or Teams delivering the press twice) opens it once, and the close date
 * the team's settings suggest.
 */
export interface RoundProposal {
  readonly roundId: string;
  readonly closesOn: CalendarDay;
  /** The team's setting the proposed close date follows. */
  readonly closeAfterDays: number;
}

export type ProposeRoundOutcome = { readonly proposal: RoundProposal } | { readonly openRound: AuditRound };

/**
 * `start` (or the welcome card's button): a champion is asked for the close date first. When a
 * round is open already, that round is the answer. Throws NOT_A_CHAMPION.
 */
export async function proposeRound(
  { champions, rounds, teamSettings, now }: Pick<AuditServices, 'champions' | 'rounds' | 'teamSettings' | 'now'>,
  teamId: string,
  person: Person,
): Promise<ProposeRoundOutcome> {
  await requireChampion({ champions }, teamId, person);
  const open = await rounds.findOpen(teamId);
  if (open) return { openRound: open };
  const { settings } = await teamSettings.get(teamId);
  const at = now();
  const roundId = newRoundId(at, () => randomBytes(4).toString('hex'));
  return { proposal: { roundId, closesOn: proposedCloseDay(at, settings.closeAfterDays), closeAfterDays: settings.closeAfterDays } };
}

export type StartRoundOutcome =
  | { readonly started: true; readonly round: AuditRound }
  | { readonly started: false; readonly openRound: AuditRound }
  /** The proposal's round opened earlier (an earlier press) and has closed since: nothing opens again. */
  | { readonly started: false; readonly closedRound: AuditRound };

export type StartRoundDeps = Pick<AuditServices, 'rounds' | 'champions' | 'teamSettings' | 'now'> & RoundScheduleDeps & LogActivityDeps;

/**
 * A champion opens the round a proposal offered, closing at the end of `closesOn` (UK). Posting
 * the cards is the publisher's job and is paced, so the caller decides whether to wait for it
 * (see RoundCards.publishRound). The same proposal pressed again opens nothing: its round (open,
 * or closed since) is the answer. A round opened is recorded in the team's activity log.
 * Throws NOT_A_CHAMPION; INVALID_CLOSE_DATE (closeDate.ts); STORAGE_UNAVAILABLE.
 */
export async function startRound(
  deps: StartRoundDeps,
  request: { teamId: string; teamName?: string; startedBy: Person; postTo: PostingAddress; roundId: string; closesOn: unknown },
): Promise<StartRoundOutcome> {
  await requireChampion(deps, request.teamId, request.startedBy);
  const earlier = await deps.rounds.get(request.teamId, request.roundId);
  if (earlier) return earlier.status === 'open' ? { started: false, openRound: earlier } : { started: false, closedRound: earlier };
  const open = await deps.rounds.findOpen(request.teamId);
  if (open) return { started: false, openRound: open };
  const at = deps.now();
  const closesAt = checkedCloseDate(request.closesOn, at);
  const outcome = await openNewRound(deps, {
    teamId: request.teamId,
    roundId: request.roundId,
    openedAt: at.toISOString(),
    openedBy: request.startedBy.name,
    closesAt: closesAt.toISOString(),
    ...(request.teamName ? { teamName: request.teamName } : {}),
    postedIn: request.postTo,
  });
  if (outcome.started) {
    const { round } = outcome;
    const summary = roundOpenedSummary(request.startedBy.name, round.number, round.closesAt);
    await logActivity(deps, round.teamId, { kind: 'round-opened', actor: personActor(request.startedBy), roundId: round.roundId, summary, happenedAt: round.openedAt });
  }
  return outcome;
}

/**
 * Opens a round with what the caller decided (a champion's proposal, or the team's cadence):
 * its due work is scheduled first (roundSchedule.ts), then the round is stored, unless another
 * round of the team opened meanwhile (one open round per team: that round is the answer).
 */
export async function openNewRound(
  deps: Pick<AuditServices, 'rounds'> & RoundScheduleDeps,
  fields: Omit<AuditRound, 'number' | 'status' | 'conditionMessageIds'>,
): Promise<StartRoundOutcome> {
  const round: AuditRound = { ...fields, number: (await deps.rounds.countForTeam(fields.teamId)) + 1, status: 'open', conditionMessageIds: {} };
  await scheduleRoundWork(deps, round, 'opening');
  const outcome = await deps.rounds.open(round);
  return outcome.opened ? { started: true, round } : { started: false, openRound: outcome.openRound };
}
