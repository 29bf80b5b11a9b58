/**
 * One error type for everything the product refuses on purpose. Each code carries the
 * message a person sees (UK English) and how the edges should answer. Internal failures
 * are not AuditErrors: edges answer those with a generic message and log the detail.
 */
export const ERROR_CODES = {
  CONFIG_INVALID: { status: 500, message: 'The service configuration is not valid.' },
  BAD_REQUEST: { status: 400, message: 'The request was not understood.' },
  UNKNOWN_ACTION: { status: 400, message: 'That action is not one Practice Audit knows.' },
  INVALID_ANSWER: { status: 400, message: 'The answer could not be recorded as sent.' },
  RATING_REQUIRED: { status: 400, message: 'Please choose a rating before submitting.' },
  LEVEL_REQUIRED: { status: 400, message: 'Please tell us your level before submitting.' },
  LEVEL_DIFFERS_IN_ROUND: { status: 409, message: 'All your answers in an audit round count at one level: please choose the level you gave before.' },
  COMMENT_TOO_LONG: { status: 400, message: 'Your comment is too long.' },
  NOT_IN_A_TEAM: { status: 400, message: 'Audit rounds run in a team channel. Please use this command in your team.' },
  UNAUTHENTICATED: { status: 401, message: 'Please sign in to Teams to see the audit.' },
  NOT_A_CHAMPION: { status: 403, message: "Only the team's practice champions can do that." },
  NOT_A_TEAM_MEMBER: { status: 403, message: 'You can only answer audits for teams you belong to.' },
  OTHER_TENANT: { status: 403, message: "This team belongs to another organisation, so nothing was recorded or changed. You can use Practice Audit only for your own organisation's teams." },
  ROUND_NOT_FOUND: { status: 404, message: 'That audit round could not be found.' },
  NO_OPEN_ROUND: { status: 409, message: 'There is no open audit round in this team.' },
  ROUND_ALREADY_OPEN: { status: 409, message: 'An audit round is already open in this team.' },
  ROUND_CLOSED: { status: 409, message: 'This audit round is closed, so no more answers are taken.' },
  RESULTS_AT_CLOSE: { status: 409, message: "A round's results appear when it closes; until then only participation is shown." },
  ACTION_NOT_FOUND: { status: 404, message: 'That action is no longer in the plan.' },
  PLAN_CHANGED: { status: 409, message: 'Someone else changed this action while you were editing it. Reload the plan to see their change.' },
  // 428 Precondition Required (RFC 6585): the change must name the version it was made on.
  VERSION_NOT_VALID: { status: 428, message: 'Send the version of the action you are changing in If-Match, exactly as the plan gave it ("*" is not a version).' },
  EVIDENCE_NOT_FOUND: { status: 404, message: 'That evidence note is no longer there.' },
  EVIDENCE_CHANGED: { status: 409, message: 'Someone else changed this evidence note while you were editing it. Reload to see their change.' },
  OWNER_NOT_A_MEMBER: { status: 400, message: "That person is not a member of this team: choose someone from the team, or type the owner's name." },
  // Posting in the team's channel (issue 11: "you said, we did", a done action's update).
  ACTION_NOT_DONE: { status: 409, message: 'Only a done action can be announced: mark it done in the plan first.' },
  POST_IN_PROGRESS: { status: 409, message: 'Another practice champion is posting this in the channel just now. Look in the channel in a minute.' },
  // Teams answered, and refused the post (after the connector's retries): 502, a gateway's refusal.
  TEAMS_REFUSED_POST: { status: 502, message: 'Teams did not accept the card, so it was not posted in the channel. Please try again in a moment.' },
  // Teams did not answer at all: 503. Said carefully: a post whose answer was lost may still have arrived.
  TEAMS_UNREACHABLE: { status: 503, message: 'Practice Audit could not reach Teams just now, so the post was not confirmed. Look in the channel, and try again if the card is not there.' },
  // Issue 12: a comment that may identify someone or disclose risk to a child; the card says where a concern goes.
  COMMENT_MAY_IDENTIFY: { status: 422, message: 'This audit is anonymous, and it is not the way to raise a concern about a child. Your comment looks as if it may identify someone or describe harm to a child.' },
  REVIEW_NOT_FOUND: { status: 404, message: 'That comment is no longer waiting for a review: the person may have changed or deleted their answer.' },
  REVIEW_DECIDED: { status: 409, message: 'Another practice champion has already reviewed this comment. Reload to see what they decided.' },
  // Issue 13: the organisation view and service-wide rounds (Entra app roles, domain/organisation/orgRoles.ts).
  NOT_AN_ORG_LEADER: { status: 403, message: "Only the organisation's leaders and admins can see the organisation view. Your organisation's Microsoft Entra admin can give you the Organisation leader role." },
  NOT_AN_ORG_ADMIN: { status: 403, message: "Only the organisation's admins can open service-wide rounds or choose which teams take part." },
  SERVICE_ROUND_NOT_FOUND: { status: 404, message: 'That service-wide round could not be found.' },
  SERVICE_ROUND_OPEN: { status: 409, message: 'A service-wide round is already open. Wait for it to close before opening the next.' },
  NO_TEAMS_TO_ASK: { status: 409, message: 'There are no teams to ask: install Practice Audit in a team, or stop leaving teams out.' },
  TEAM_NOT_IN_ORGANISATION: { status: 404, message: "That team is not one of your organisation's teams with Practice Audit." },
  INVALID_SETTINGS: { status: 400, message: "Those settings can't be used." },
  INVALID_CLOSE_DATE: { status: 400, message: 'Please choose a close date from today to 90 days ahead.' },
  LAST_CHAMPION: { status: 409, message: 'A team needs at least one practice champion.' },
  STORAGE_UNAVAILABLE: { status: 503, message: "We couldn't save that just now. Nothing was lost: please try again in a moment." },
  // Storage answered, but the row changed between our read and our write (412), or was
  // written by someone else at the same moment (409): trying again reads it afresh.
  STORAGE_CONFLICT: { status: 409, message: 'Someone else changed this at the same moment, so nothing was saved. Please try again.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/**
 * What a person is told when something failed that is not a refusal (a bug, Teams or storage
 * answering oddly): the one wording every edge uses. The edge logs the cause; this says nothing of it.
 */
export const SOMETHING_WENT_WRONG = "Sorry, Practice Audit couldn't do that just now. Please try again in a moment.";

export class AuditError extends Error {
  readonly code: ErrorCode;
  readonly status: number;

  /** `detail` replaces the default message where the person needs specifics. */
  constructor(code: ErrorCode, detail?: string, options?: { cause?: unknown }) {
    super(detail ?? ERROR_CODES[code].message, options);
    this.name = 'AuditError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
  }
}

export function isAuditError(error: unknown, code?: ErrorCode): error is AuditError {
  return error instanceof AuditError && (code === undefined || error.code === code);
}
