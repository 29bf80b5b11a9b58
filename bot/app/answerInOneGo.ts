import { decideLevel, levelInRound } from '../domain/answerLevel';
import type { Answer, AnswerChannel } from '../domain/answer';
import { assertTakingAnswers, type AuditRound } from '../domain/auditRound';
import { CONDITIONS, type Condition, type ConditionId } from '../domain/conditions';
import { AuditError, isAuditError, type ErrorCode } from '../domain/errors';
import type { LevelId } from '../domain/levels';
import { respondentIdFor } from '../domain/respondent';
import { unansweredConditions } from './answerInChat';
import type { AuditServices, Person } from './auditServices';
import { answersInRound } from './myAnswers';
import { recordAnswer, type RecordAnswerDeps } from './recordAnswer';

/** What the one-go form shows a person: the conditions of the round they have not answered, and their level. */
export interface OneGoForm {
  readonly round: AuditRound;
  /** In the audit's order; empty when they have answered every condition. */
  readonly unanswered: readonly Condition[];
  /** Their level in the round, else the one remembered for the team, to fill in. */
  readonly levelToFill?: LevelId;
}

/**
 * The form for answering every condition a person has not answered yet, in one go. The caller has
 * established that the person belongs to the team. Throws ROUND_NOT_FOUND or ROUND_CLOSED.
 */
export async function oneGoForm(
  { rounds, answers, levels, respondentHmacKey, now }: Pick<AuditServices, 'rounds' | 'answers' | 'levels' | 'respondentHmacKey' | 'now'>,
  person: Person,
  ref: { readonly teamId: string; readonly roundId: string },
): Promise<OneGoForm> {
  const { round, answers: stored } = await answersInRound({ rounds, answers, respondentHmacKey, now }, person, ref);
  const answered = new Set(stored.map((answer) => answer.conditionId));
  // As on a person's own view of a card (myAnswers.ts): their level in the round decides, the team's remembered one is a default.
  const levelToFill = levelInRound(stored) ?? (await levels.levelOf(round.teamId, respondentIdFor(person.entraObjectId, respondentHmacKey)));
  return { round, unanswered: CONDITIONS.filter((c) => !answered.has(c.id)), ...(levelToFill ? { levelToFill } : {}) };
}

/** One condition as the form sent it; a condition left without a rating is not sent at all. */
export interface RatedOnForm {
  readonly conditionId: ConditionId;
  readonly rating: unknown;
  readonly comment?: unknown;
  /** "Send anyway" pressed on the form that warned this condition's comment may identify someone. */
  readonly sendAnyway?: boolean;
}

export interface OneGoSubmission {
  readonly teamId: string;
  readonly roundId: string;
  readonly via: AnswerChannel;
  /** The level field, given once for every answer (and what the form showed in it, as on a person's own view). */
  readonly level?: unknown;
  readonly knownLevel?: unknown;
  readonly changeLevel?: unknown;
  /** When Teams sent the activity: as for a card's answer, a redelivered older one never replaces a later answer. */
  readonly sentAt?: unknown;
  /** The conditions the form listed, in order (the fallback for what is left when storage cannot be read). */
  readonly listed: readonly Condition[];
  readonly rated: readonly RatedOnForm[];
}

export interface OneGoOutcome {
  readonly round: AuditRound;
  /** What stands for each condition recorded, in the audit's order (for a redelivered older submit, the later answer). */
  readonly recorded: readonly Answer[];
  /** How many of their earlier answers in the round moved to the level given (0 when none). */
  readonly movedAnswers: number;
  /** Conditions refused on their own (a comment too long, a rating off the scale), with why. */
  readonly refused: readonly { readonly conditionId: ConditionId; readonly error: AuditError }[];
  /** What stopped the rest once some were recorded (storage down, the round closing): those were not recorded. */
  readonly stoppedBy?: unknown;
  /** The conditions they have still not answered, in the audit's order. */
  readonly unanswered: readonly Condition[];
}

/** Refusals that concern one condition's inputs: the others are still recorded. Any other refusal would refuse them all. */
const ABOUT_ONE_CONDITION: readonly ErrorCode[] = ['RATING_REQUIRED', 'INVALID_ANSWER', 'COMMENT_TOO_LONG', 'COMMENT_MAY_IDENTIFY', 'STORAGE_CONFLICT'];

/**
 * A person submits the one-go form: each condition rated is recorded exactly as an answer on its own
 * card is (recordAnswer: the same checks, the same one level per person per round, the same guard
 * against a redelivered older activity, the same count on the shared card). Conditions left without a
 * rating stay unanswered. The caller has established that the person belongs to the team.
 *
 * Throws, recording nothing, when the round is missing or closed, the level is refused (required,
 * off the scale, or different from the one they gave in the round), or the first write fails.
 */
export async function recordAnswersInOneGo(
  deps: RecordAnswerDeps & Pick<AuditServices, 'answers' | 'respondentHmacKey'>,
  person: Person,
  submission: OneGoSubmission,
): Promise<OneGoOutcome> {
  const round = await deps.roundCache.get(submission.teamId, submission.roundId);
  if (!round) throw new AuditError('ROUND_NOT_FOUND');
  assertTakingAnswers(round, deps.now());
  // A level off the scale would be refused once per condition: refuse it once. (Known levels are decided per answer.)
  if (submission.level !== undefined && submission.level !== null && submission.level !== '') decideLevel({ level: submission.level }, {});

  const recorded: Answer[] = [];
  const refused: { conditionId: ConditionId; error: AuditError }[] = [];
  let movedAnswers = 0;
  const { sentAt, via } = submission;
  const record = async ({ conditionId, rating, comment, sendAnyway }: RatedOnForm, levelInputs: Pick<OneGoSubmission, 'level' | 'knownLevel' | 'changeLevel'>): Promise<void> => {
    try {
      const result = await recordAnswer(deps, person, { teamId: round.teamId, roundId: round.roundId, conditionId, via, rating, comment, sentAt, sendAnyway, ...levelInputs });
      recorded.push(result.answer);
      movedAnswers += result.movedAnswers;
    } catch (error) {
      if (!isAuditError(error) || !ABOUT_ONE_CONDITION.includes(error.code)) throw error;
      refused.push({ conditionId, error });
    }
  };

  let stoppedBy: unknown;
  let next = 0;
  try {
    // One at a time until one is recorded: that one settles their level in the round as the form's
    // level field decides (and may move their earlier answers to it). The rest then give that level,
    // which the same rule takes as it stands: one write each, as on the shared card, written together.
    const { level, knownLevel, changeLevel } = submission;
    while (next < submission.rated.length && recorded.length === 0) await record(submission.rated[next++]!, { level, knownLevel, changeLevel });
    const settled = recorded[0]?.level;
    const rest = await Promise.allSettled(submission.rated.slice(next).map((rated) => record(rated, { level: settled })));
    const failed = rest.find((outcome) => outcome.status === 'rejected');
    if (failed) throw failed.reason;
  } catch (error) {
    if (recorded.length === 0) throw error;
    stoppedBy = error;
  }

  const order = (id: ConditionId) => CONDITIONS.findIndex((c) => c.id === id);
  recorded.sort((a, b) => order(a.conditionId) - order(b.conditionId));
  return { round, recorded, movedAnswers, refused, ...(stoppedBy !== undefined ? { stoppedBy } : {}), unanswered: await stillUnanswered(deps, person, round, submission.listed, recorded) };
}

/** Read again, so answers given elsewhere meanwhile count; when storage cannot be read, the form's list less what was just recorded. */
async function stillUnanswered(
  deps: Pick<AuditServices, 'answers' | 'respondentHmacKey'>,
  person: Person,
  round: AuditRound,
  listed: readonly Condition[],
  recorded: readonly Answer[],
): Promise<readonly Condition[]> {
  try {
    return await unansweredConditions(deps, person, round);
  } catch {
    // What was recorded is recorded; the list of what is left is the form's, which the person has in front of them anyway.
    const done = new Set(recorded.map((answer) => answer.conditionId));
    return listed.filter((condition) => !done.has(condition.id));
  }
}
