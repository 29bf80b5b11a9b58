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
  /** "Open the round" on the card `start` answers with: the close date is chosen, the round opens. */
  openRound: 'audit.openRound',
  /** "Extend" on the card `extend` answers with. */
  extendRound: 'audit.extendRound',
  /** "Save" on the team's settings card. */
  saveSettings: 'audit.saveSettings',
  /** "Stop reminders for this round" on a reminder in the one-to-one chat. */
  stopReminders: 'audit.stopReminders',
  /** "Answer all in one go" (round intro card, a condition card in chat): the form of every condition not answered yet. */
  openOneGo: 'audit.openOneGo',
  /** "Submit answers" on that form. */
  answerAll: 'audit.answerAll',
  /** "My answers" once a person has answered every condition of a round: their answers in it. */
  roundAnswers: 'audit.roundAnswers',
  /** "Post in the channel" on a champion's one-to-one "You said, we did" offer (issue 11). */
  postYouSaidWeDid: 'audit.postYouSaidWeDid',
  /** "Delete my answers" on the card `delete my answers` asks with (issue 12). */
  eraseMyAnswers: 'audit.eraseMyAnswers',
  /** "Cancel" on that card: nothing is deleted. */
  keepMyAnswers: 'audit.keepMyAnswers',
} as const;

/** Ids of the inputs on the close date and settings cards. */
export const SETTING_INPUT_IDS = {
  closesOn: 'closesOn',
  closeAfterDays: 'closeAfterDays',
  remindHalfway: 'remindHalfway',
  remindDaysBefore: 'remindDaysBefore',
  cadenceMonths: 'cadenceMonths',
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
  /** "Send anyway" on the card that warned the comment may identify someone (issue 12). */
  sendAnyway: z.boolean().optional(),
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
    /** "Send anyway": the conditions, space-separated, whose comments the form warned about (issue 12). */
    sendAnyway: z.string().max(100).optional(),
  })
  .catchall(z.unknown());

export type AnswerAllActionData = z.infer<typeof answerAllActionData>;

/** Close / Cancel on the card that asks a champion to confirm closing a round. */
export const closeRoundActionData = z.object({ teamId: id, roundId: id });
/** A round id as newRoundId (domain/auditRound.ts) makes them: what a proposal to open a round carries. */
const proposedRoundId = z.string().regex(/^\d{8}-\d{9}Z-[0-9a-f]{8}$/);

/** "Open the round": the proposal's round id, and the date input (checked by the domain, closeDate.ts). */
export const openRoundActionData = z.object({ teamId: id, roundId: proposedRoundId, closesOn: z.unknown().optional() });

/** "Extend": the round the card was about, and the date input. */
export const extendRoundActionData = z.object({ teamId: id, roundId: id, closesOn: z.unknown().optional() });

/** "Save" on the settings card: the version the card showed (none: the defaults), and the inputs. */
export const saveSettingsActionData = z.object({
  teamId: id,
  version: z.string().max(200).optional(),
  closeAfterDays: z.unknown().optional(),
  remindHalfway: z.unknown().optional(),
  remindDaysBefore: z.unknown().optional(),
  cadenceMonths: z.unknown().optional(),
});

export const stopRemindersActionData = z.object({ teamId: id, roundId: id });
export const myAnswerActionData = answerActionData.pick({ roundId: true, teamId: true, conditionId: true, via: true });

export type AnswerActionData = z.infer<typeof answerActionData>;
export type SaveSettingsActionData = z.infer<typeof saveSettingsActionData>;
