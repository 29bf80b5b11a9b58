import { logActivity, type LogActivityDeps } from '../activityLog/logActivity';
import type { AuditRound } from '../../domain/auditRound';
import { respondentIdFor } from '../../domain/respondent';
import type { AuditServices, Person } from '../auditServices';
import { teamsOfTheirs, theirRounds, type TheirRound } from './ownRounds';

/** One round's answers, as the confirmation card counts them and the erasure reports them. */
export interface RoundOfTheirs {
  readonly teamName: string;
  readonly roundNumber: number;
  readonly status: AuditRound['status'];
  readonly answers: number;
}

/** What `delete my answers` uses, the team's activity log among it. */
export type EraseDeps = Pick<AuditServices, 'teams' | 'rounds' | 'answers' | 'levels' | 'reminders' | 'roundCards' | 'respondentHmacKey' | 'now'> & LogActivityDeps;

/** The sentence the team's activity log keeps: it names no one and counts nothing (domain/activityLog.ts). */
const ANSWERS_DELETED_SUMMARY = 'Someone deleted their own answers.';

/**
 * What `delete my answers` would delete now: how many answers in which open rounds of the person's
 * teams, newest round first. For the confirmation card. Rejects as storage does.
 */
export async function answersToErase(
  deps: Pick<AuditServices, 'teams' | 'rounds' | 'answers' | 'respondentHmacKey'>,
  person: Person,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<RoundOfTheirs[]> {
  const teams = await teamsOfTheirs(deps, tenantId, isMember);
  return (await theirRounds(deps, person, teams, { onlyAnswered: true })).filter(isOpen).map(summaryOf);
}

/**
 * Only open rounds' answers are erased (issue 12: closed rounds keep only counts, which say nothing
 * about anyone). A closed round's results have been read; taking one person's answers out of it
 * later would let anyone who reads it before and after see exactly what they had said (their
 * comments vanishing together, a hidden level named beside the comments left, figures that move
 * by their answers while an instance still counts from rows). Its answers go with everyone's at
 * the end of the retention period (RETENTION_DAYS; app/retention).
 */
const isOpen = ({ round }: TheirRound) => round.status === 'open';

/**
 * Erases the person's answers in the open rounds of their teams (never a closed round's: see
 * isOpen), as they stand at
 * the moment it runs (an answer given after the confirmation card was shown goes too: the outcome
 * says how many went), then the level remembered for them in each team and their reminder opt-outs.
 * - An open round's figures go down by exactly their answers: the rows go in one transaction that
 *   also tells every instance's incremental readers to count the round again (answerErasure.ts),
 *   and the channel's cards are told their counts changed.
 * - Run again (Teams redelivers an invoke), it finds nothing and deletes nothing: the outcome says so.
 * - Each team where answers went gets one `answers-deleted` entry in its activity log (actor
 *   `someone`, no count), appended after the deletion through logActivity (a failed append is
 *   retried through due work, and never undoes the deletion).
 * Returns what was deleted, per round. Rejects as storage does (STORAGE_UNAVAILABLE): what was
 * deleted by then stays deleted, and asking again deletes the rest.
 */
export async function eraseTheirAnswers(
  deps: EraseDeps,
  person: Person,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<RoundOfTheirs[]> {
  const respondentId = respondentIdFor(person.entraObjectId, deps.respondentHmacKey);
  const teams = await teamsOfTheirs(deps, tenantId, isMember);
  const rounds = (await theirRounds(deps, person, teams, { onlyAnswered: false })).filter(isOpen);
  const at = deps.now().toISOString();
  const erased: RoundOfTheirs[] = [];
  const teamsErased = new Set<string>();
  for (const theirs of rounds) {
    const { round } = theirs;
    const conditions = theirs.answers.length > 0 ? await deps.answers.eraseAnswersOf(round.roundId, respondentId, at) : [];
    for (const conditionId of conditions) deps.roundCards.answerCountChanged(round, conditionId);
    await deps.reminders.optOuts.forget(round.roundId, respondentId);
    if (conditions.length === 0) continue;
    erased.push({ ...summaryOf(theirs), answers: conditions.length });
    teamsErased.add(round.teamId);
  }
  await Promise.all(teams.map(({ teamId }) => deps.levels.forget(teamId, respondentId)));
  for (const teamId of teamsErased) await logActivity(deps, teamId, { kind: 'answers-deleted', actor: { kind: 'someone' }, summary: ANSWERS_DELETED_SUMMARY });
  return erased;
}

function summaryOf({ round, teamName, answers }: TheirRound): RoundOfTheirs {
  return { teamName, roundNumber: round.number, status: round.status, answers: answers.length };
}
