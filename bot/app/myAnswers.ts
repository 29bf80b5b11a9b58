import { levelInRound } from '../domain/answerLevel';
import type { Answer } from '../domain/answer';
import { assertTakingAnswers, type AuditRound } from '../domain/auditRound';
import { isConditionId, type ConditionId } from '../domain/conditions';
import { AuditError } from '../domain/errors';
import type { LevelId } from '../domain/levels';
import { respondentIdFor } from '../domain/respondent';
import { teamsOfTheirs, theirRounds } from './ownData/ownRounds';
import type { AuditServices, Person } from './auditServices';

export interface OwnAnswer {
  readonly round: AuditRound;
  readonly conditionId: ConditionId;
  /** What they answered, if they have. */
  readonly answer?: Answer;
  /** When they have not: their level in the round, or the one remembered for the team, to fill in. */
  readonly levelToFill?: LevelId;
}

/**
 * A person's own view of one condition, from storage by their respondent id: the card in the
 * channel is the same for everyone and cannot hold it. The caller has established that the
 * person belongs to the team. Throws UNKNOWN_ACTION or ROUND_NOT_FOUND.
 */
export async function ownAnswer(
  { rounds, answers, levels, respondentHmacKey }: Pick<AuditServices, 'rounds' | 'answers' | 'levels' | 'respondentHmacKey'>,
  person: Person,
  ref: { teamId: string; roundId: string; conditionId: string },
): Promise<OwnAnswer> {
  const { conditionId } = ref;
  if (!isConditionId(conditionId)) throw new AuditError('UNKNOWN_ACTION', 'That condition is not on the audit.');
  const respondentId = respondentIdFor(person.entraObjectId, respondentHmacKey);
  const [round, answer] = await Promise.all([rounds.get(ref.teamId, ref.roundId), answers.find(ref.roundId, conditionId, respondentId)]);
  if (!round) throw new AuditError('ROUND_NOT_FOUND');
  if (answer) return { round, conditionId, answer };
  const levelToFill = levelInRound(await answers.answersOf(round.roundId, respondentId)) ?? (await levels.levelOf(round.teamId, respondentId));
  return { round, conditionId, ...(levelToFill ? { levelToFill } : {}) };
}

export interface RoundAnswers {
  readonly round: AuditRound;
  readonly teamName: string;
  /** Their answers in the round, in condition order. */
  readonly answers: readonly Answer[];
}

/**
 * What a person has answered in the open and closed rounds of their teams, newest round first
 * (rounds they have no answers in, a closed round past its retention among them, are left out),
 * found by their own respondent id. Only ever shown to them, in their chat.
 */
export async function answersInTheirRounds(
  deps: Pick<AuditServices, 'teams' | 'rounds' | 'answers' | 'respondentHmacKey'>,
  person: Person,
  tenantId: string,
  isMember: (teamId: string) => Promise<boolean>,
): Promise<RoundAnswers[]> {
  const teams = await teamsOfTheirs(deps, tenantId, isMember);
  return theirRounds(deps, person, teams, { onlyAnswered: true });
}

/**
 * What a person has answered in one open round, found by their own respondent id: "My answers" once
 * they have answered every condition, and what the one-go form leaves out. The caller has established that the person
 * belongs to the team. Throws ROUND_NOT_FOUND or ROUND_CLOSED.
 */
export async function answersInRound(
  { rounds, answers, respondentHmacKey, now }: Pick<AuditServices, 'rounds' | 'answers' | 'respondentHmacKey' | 'now'>,
  person: Person,
  ref: { readonly teamId: string; readonly roundId: string },
): Promise<RoundAnswers> {
  const respondentId = respondentIdFor(person.entraObjectId, respondentHmacKey);
  const [round, theirs] = await Promise.all([rounds.get(ref.teamId, ref.roundId), answers.answersOf(ref.roundId, respondentId)]);
  if (!round) throw new AuditError('ROUND_NOT_FOUND');
  assertTakingAnswers(round, now());
  return { round, teamName: round.teamName ?? 'your team', answers: theirs };
}
