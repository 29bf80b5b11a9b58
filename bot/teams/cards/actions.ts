import { z } from 'zod';

/**
 * The contract between the cards we send and the invokes Teams sends back. Every
 * Action.Execute carries one of these verbs; card inputs are merged into its data.
 * The schemas validate at the edge so nothing malformed reaches a use-case.
 */
export const VERBS = {
  answer: 'audit.answer',
  startRound: 'audit.startRound',
  answerInChat: 'audit.answerInChat',
  closeRound: 'audit.closeRound',
  cancelClose: 'audit.cancelClose',
  /** "My answer" on a shared card, "Change" in the list of a person's answers: their own view. */
  myAnswer: 'audit.myAnswer',
  /** "Answer all in one go" (round intro card, a condition card in chat): the form of every condition not answered yet. */
  openOneGo: 'audit.openOneGo',
  /** "Submit answers" on that form. */
  answerAll: 'audit.answerAll',
  /** "My answers" once a person has answered every condition of a round: their answers in it. */
  roundAnswers: 'audit.roundAnswers',
} as const;

/** Ids of the inputs on a condition card. */
export const INPUT_IDS = { rating: 'rating', level: 'level', comment: 'comment' } as const;

const id = z.string().min(1).max(200);

/** Inputs stay loose here: the domain checks them and explains what is wrong. */
export const answerActionData = z.object({
  roundId: id,
  teamId: id,
  conditionId: z.string().min(1).max(10),
  via: z.enum(['channel', 'chat']),
  /** Set on "Change my answer": in chat, a change is not followed by the next condition again. */
  isChange: z.boolean().optional(),
  /** The level a person's own view counted as theirs; absent on the shared card (see domain/answerLevel.ts). */
  knownLevel: z.unknown().optional(),
  /** Set on the card that refused a different level: submitting it again changes their level. */
  changeLevel: z.unknown().optional(),
  rating: z.unknown().optional(),
  level: z.unknown().optional(),
  comment: z.unknown().optional(),
});

export const startRoundActionData = z.object({ teamId: id });

export const answerInChatActionData = z.object({ teamId: id, roundId: id });

/** "Answer all in one go" and "My answers" name the round. */
export const roundActionData = z.object({ teamId: id, roundId: id });

/** Ids of a condition's inputs on the one-go form (its level is the one `INPUT_IDS.level`). */
export const oneGoInputIds = (conditionId: string) => ({ rating: `rating-${conditionId}`, comment: `comment-${conditionId}` }) as const;

/** The form's own data; each condition's inputs (oneGoInputIds) arrive beside it, merged in by Teams. */
export const answerAllActionData = z
  .object({
    roundId: id,
    teamId: id,
    /** The conditions the form listed, space-separated, in order: only these are read. */
    conditionIds: z.string().max(100),
    knownLevel: z.unknown().optional(),
    changeLevel: z.unknown().optional(),
    level: z.unknown().optional(),
  })
  .catchall(z.unknown());

export type AnswerAllActionData = z.infer<typeof answerAllActionData>;

/** Close / Cancel on the card that asks a champion to confirm closing a round. */
export const closeRoundActionData = z.object({ teamId: id, roundId: id });
export const myAnswerActionData = answerActionData.pick({ roundId: true, teamId: true, conditionId: true, via: true });

export type AnswerActionData = z.infer<typeof answerActionData>;
