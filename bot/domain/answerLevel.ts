import { AuditError } from './errors';
import { isLevelId, levelLabel, type LevelId } from './levels';

/**
 * Within one audit round a person has one level: every answer of theirs in the round counts
 * at it, so no cut by level ever holds one person twice (or once at each of two levels).
 *
 * - Their first answer in the round sets it (a level given, or the one remembered for the team).
 * - An answer without a level, or from their own view with the level field left as it was,
 *   keeps it, whatever level the bot remembers for the team.
 * - On the shared card (which cannot show their level) a different level is refused, saying
 *   which level they gave; submitting that refused card again changes it.
 * - On their own view, changing the level field changes it: all their answers in the round
 *   move to the new level at once (one atomic write), and the card says how many moved.
 */

/** What a card sent about the person's level. */
export interface LevelSubmission {
  readonly level?: unknown;
  /**
   * The level the card counted as theirs when it was sent: present on a person's own view
   * (after answering, "My answer", a card in chat), absent on the shared card.
   */
  readonly knownLevel?: unknown;
  /** Set on the card that refused a different level: submitting it again is the change. */
  readonly changeLevel?: unknown;
}

export interface KnownLevels {
  /** Their level in this round, if they have answered in it. */
  readonly inRound?: LevelId;
  /** The level the bot remembers for them in this team (a default from earlier answers). */
  readonly remembered?: LevelId;
}

export interface LevelDecision {
  readonly level: LevelId;
  /** Set when their other answers in the round move from this level to `level`. */
  readonly movesFrom?: LevelId;
}

/** The level an answer counts at; throws LEVEL_REQUIRED, INVALID_ANSWER or LEVEL_DIFFERS_IN_ROUND. */
export function decideLevel(submitted: LevelSubmission, known: KnownLevels): LevelDecision {
  const given = submitted.level;
  if (given === undefined || given === null || given === '') {
    const level = known.inRound ?? known.remembered;
    if (level === undefined) throw new AuditError('LEVEL_REQUIRED');
    return { level };
  }
  if (!isLevelId(given)) throw new AuditError('INVALID_ANSWER', "That level is not one of the team's levels.");

  const { inRound } = known;
  if (inRound === undefined || inRound === given) return { level: given };
  if (submitted.changeLevel === true) return { level: given, movesFrom: inRound };
  if (isLevelId(submitted.knownLevel)) {
    // Their own view showed a level: left as it was, the field changes nothing (the view may
    // be older than a change they made elsewhere); changed, it changes their level.
    return submitted.knownLevel === given ? { level: inRound } : { level: given, movesFrom: inRound };
  }
  throw new AuditError(
    'LEVEL_DIFFERS_IN_ROUND',
    `You gave your level as ${levelLabel(inRound)} in this audit round, and all your answers in a round count at one level. ` +
      `Choose ${levelLabel(inRound)}, or submit again as ${levelLabel(given)} to change the level of all your answers in this round.`,
  );
}

/**
 * A person's level in a round, from their stored answers there: the level of their latest
 * answer. Normally all of them agree; when two arrived at different levels at once (two
 * instances, one click each), the latest is the one participation and the summary already
 * count them at, so it is the one the others are brought to.
 */
export function levelInRound(answers: readonly { readonly level: LevelId; readonly answeredAt: string }[]): LevelId | undefined {
  let latest: { level: LevelId; answeredAt: string } | undefined;
  for (const answer of answers) if (!latest || latest.answeredAt < answer.answeredAt) latest = answer;
  return latest?.level;
}

/**
 * The people whose answers in a round are stored at more than one level (two instances each took
 * one of their answers at a different level before either knew of the other): their respondent
 * ids, each once. Normally none.
 */
export function peopleAtTwoLevels(answers: Iterable<{ readonly respondentId: string; readonly level: LevelId }>): string[] {
  const levelOf = new Map<string, LevelId>();
  const atTwo = new Set<string>();
  for (const { respondentId, level } of answers) {
    const first = levelOf.get(respondentId);
    if (first === undefined) levelOf.set(respondentId, level);
    else if (first !== level) atTwo.add(respondentId);
  }
  return [...atTwo];
}
