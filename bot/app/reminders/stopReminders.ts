import type { AuditRound } from '../../domain/auditRound';
import { AuditError } from '../../domain/errors';
import { respondentIdFor } from '../../domain/respondent';
import { openRoundsOfTeams } from '../answerInChat';
import type { AuditServices, Person } from '../auditServices';

/**
 * "Stop reminders for this round" on a reminder: no more reminders of the round for this person.
 * Stored under their respondent id (an opt-out says nothing about whether they answered). Only
 * their own reminders change, so no membership is asked. A closed round has no more reminders:
 * nothing is stored (`closed`). ROUND_NOT_FOUND when the round does not exist.
 */
export async function stopRemindersFor(
  deps: Pick<AuditServices, 'rounds' | 'reminders' | 'respondentHmacKey' | 'now'>,
  person: Person,
  teamId: string,
  roundId: string,
): Promise<{ round: AuditRound; closed: boolean }> {
  const round = await deps.rounds.get(teamId, roundId);
  if (!round) throw new AuditError('ROUND_NOT_FOUND');
  if (round.status !== 'open') return { round, closed: true };
  await deps.reminders.optOuts.optOut(round.roundId, respondentIdFor(person.entraObjectId, deps.respondentHmacKey), deps.now().toISOString());
  return { round, closed: false };
}

/**
 * `stop reminders` typed in the one-to-one chat: no more reminders for every open round of the
 * person's teams in their tenant (membership as the edge's roster check says). Returns those rounds.
 */
export async function stopRemindersForOpenRounds(
  deps: Pick<AuditServices, 'teams' | 'rounds' | 'reminders' | 'respondentHmacKey' | 'now'>,
  person: Person,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<{ round: AuditRound; teamName: string }[]> {
  const open = await openRoundsOfTeams(deps, tenantId, isMember);
  const respondentId = respondentIdFor(person.entraObjectId, deps.respondentHmacKey);
  const at = deps.now().toISOString();
  await Promise.all(open.map(({ round }) => deps.reminders.optOuts.optOut(round.roundId, respondentId, at)));
  return open;
}
