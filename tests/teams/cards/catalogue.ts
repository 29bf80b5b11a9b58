/** Every card and variant the bot can send, for the checks that apply to all of them. */
import { CONDITIONS, conditionById } from '../../../bot/domain/conditions';
import { knownTeamSize } from '../../../bot/domain/responseRate';
import type { PlanAction } from '../../../bot/domain/plan';
import { actionDueCard } from '../../../bot/teams/cards/actionDueCard';
import { oneGoDoneCard, oneGoFormCard } from '../../../bot/teams/cards/oneGoCard';
import {
  answersErasedCard, chatAllDoneCard, chatRoundChoiceCard, eraseAnswersConfirmationCard, closeConfirmationCard, conditionCard, draftOf, extendRoundCard, helpCard, myAnswersCard, noticeCard, openRoundCard, reminderCard,
  reminderOutcomeCard, remindersNotSentCard, remindersStoppedCard, remindingCard, remindTooSoonCard, roundIntroCard, settingsCard, statusCard, welcomeCard, type AdaptiveCard,
} from '../../../bot/teams/cards';
import { CONCERN_KINDS, type ConcernKind } from '../../../bot/domain/safeguarding/concernKinds';
import { HOSTILE_TEXT, participationFor, round } from './cardKit';
import { YOU_SAID_WE_DID_CARDS } from './youSaidWeDidFixtures';

/** The longest contact an organisation can configure (500 characters, settings.ts), with its page. */
const SAFEGUARDING_CONTACT = { text: 'Tell the duty team today. '.repeat(20).slice(0, 500), url: `https://intranet.example.org/${'safeguarding/'.repeat(30)}` };
const LONG_COMMENT = 'Supervision happens but is mostly case management, not reflection. '.repeat(20).slice(0, 1000);
const closed = round({ status: 'closed', closedAt: '2026-03-25T17:00:00.000Z' });
const closedWithSize = round({ status: 'closed', closedAt: '2026-03-25T17:00:00.000Z', membersAtClose: 52 });
const withCloseDate = round({ closesAt: '2026-04-04T23:00:00.000Z' });
const closedOnItsDate = round({ status: 'closed', closesAt: '2026-04-04T23:00:00.000Z', closedAt: '2026-04-04T23:00:03.000Z' });
const dates = { today: '2026-03-21', latest: '2026-06-19' };
const participation = participationFor({ practitioner: 6, 'senior-leader': 2, supervisor: 7, 'service-manager': 5 });
const condition = conditionById('C05');
const action: PlanAction = {
  actionId: 'a1', conditionId: 'C06', need: 'x'.repeat(2000), progress: '', owner: 'Ben Hughes', ownerMember: { teamsUserId: '29:user-2' }, dueDate: '2027-03-03',
  status: 'in-progress', createdAt: '2027-01-10T10:00:00.000Z', createdInRoundId: 'r1', doneAt: null, updatedAt: '2027-01-10T10:00:00.000Z', updatedBy: 'Priya Shah',
  notes: [], statusHistory: [], version: 'v1',
};

export const CATALOGUE: readonly (readonly [name: string, card: AdaptiveCard])[] = [
  ['welcome, installer known', welcomeCard({ teamId: 't1', teamName: 'Family Help North', installedByName: 'Priya Shah' })],
  ['welcome, installer unknown', welcomeCard({ teamId: 't1' })],
  ['round intro, open', roundIntroCard({ round: round(), conditionCount: 12, openedByName: 'Priya Shah', privacyThreshold: 5 })],
  ['round intro, closed', roundIntroCard({ round: closed, conditionCount: 12, openedByName: 'Priya Shah', participation, privacyThreshold: 5 })],
  ['round intro, closed, team size kept', roundIntroCard({ round: closedWithSize, conditionCount: 12, openedByName: 'Priya Shah', participation, privacyThreshold: 5 })],
  ['round intro, open with a close date', roundIntroCard({ round: withCloseDate, conditionCount: 12, openedByName: 'Priya Shah', privacyThreshold: 5 })],
  ['round intro, closed on its close date', roundIntroCard({ round: closedOnItsDate, conditionCount: 12, openedByName: 'Practice Audit (every 3 months)', participation, privacyThreshold: 5 })],
  ['round intro, closed without counts', roundIntroCard({ round: closed, conditionCount: 12, openedByName: 'Priya Shah', privacyThreshold: 5 })],
  ['condition, shared', conditionCard({ round: round(), condition, answeredCount: 0, via: 'channel' })],
  ['condition, remembered level', conditionCard({ round: round(), condition, answeredCount: 1, via: 'chat', rememberedLevel: 'supervisor' })],
  ['condition, answered', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', answer: { rating: 'mostly', level: 'practitioner', comment: LONG_COMMENT } })],
  ['condition, answered without comment', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', answer: { rating: 'fully', level: 'volunteer', comment: '' } })],
  ['condition, problem', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', draft: { level: 'practitioner', comment: LONG_COMMENT }, problem: 'Please choose a rating before submitting.' })],
  ['condition, hostile draft', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', draft: { rating: 'partly', comment: HOSTILE_TEXT }, problem: "We couldn't save that just now." })],
  ['condition, level missing', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', draft: { rating: 'partly', comment: LONG_COMMENT }, problem: 'Please tell us your level before submitting.', problemCode: 'LEVEL_REQUIRED' })],
  ['condition, comment may identify someone', conditionCard({
    round: round(), condition, answeredCount: 9, via: 'channel', draft: { rating: 'partly', level: 'practitioner', comment: LONG_COMMENT, isChange: true }, problem: 'x', problemCode: 'COMMENT_MAY_IDENTIFY',
    safeguarding: { contact: SAFEGUARDING_CONTACT, concerns: Object.keys(CONCERN_KINDS) as ConcernKind[] },
  })],
  ['condition, answered, comment held', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', answer: { rating: 'mostly', level: 'practitioner', comment: LONG_COMMENT, commentReview: { state: 'held', reviewId: 'r', concerns: ['name'] } } })],
  ['condition, other level refused', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', draft: { rating: 'partly', level: 'volunteer' }, problem: 'You gave your level as Practitioner in this audit round.', problemCode: 'LEVEL_DIFFERS_IN_ROUND' })],
  ['condition, level changed', conditionCard({ round: round(), condition, answeredCount: 9, via: 'chat', answer: { rating: 'mostly', level: 'volunteer', comment: '' }, movedAnswers: 11 })],
  ['condition, own view not answered yet', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', notAnsweredYet: true, rememberedLevel: 'practitioner' })],
  ['condition, closed', conditionCard({ round: closed, condition, answeredCount: 14, via: 'channel' })],
  ['condition, closed, team size kept', conditionCard({ round: closedWithSize, condition, answeredCount: 14, via: 'channel' })],
  ['status', statusCard({ round: round(), participation, privacyThreshold: 5, teamSize: knownTeamSize(52) })],
  ['status, nobody yet', statusCard({ round: round(), participation: participationFor({}), privacyThreshold: 5, teamSize: knownTeamSize(52) })],
  ['status, team size unreadable', statusCard({ round: round(), participation, privacyThreshold: 5, teamSize: { known: false, why: 'unreadable' } })],
  ['condition, in chat with a close date', conditionCard({ round: withCloseDate, condition, answeredCount: 3, via: 'chat' })],
  ['condition, closed on its close date', conditionCard({ round: closedOnItsDate, condition, answeredCount: 14, via: 'channel' })],
    ['status, with a close date', statusCard({ round: withCloseDate, participation, privacyThreshold: 5, teamSize: knownTeamSize(52) })],
    ['help, champion in team', helpCard({ isChampion: true, scope: 'team', champions: ['Priya Shah'] })],
  ['help, member in team', helpCard({ isChampion: false, scope: 'team', champions: ['Priya Shah', 'Tom Jones'] })],
  ['help, team without champions', helpCard({ isChampion: false, scope: 'team', champions: [] })],
  ['help, personal', helpCard({ isChampion: false, scope: 'personal', champions: [] })],
  ['help, not understood', helpCard({ isChampion: false, scope: 'team', champions: ['Priya Shah'], notUnderstood: HOSTILE_TEXT })],
  ['open a round: close date', openRoundCard({ teamId: 't1', roundId: '20260321-100000000Z-0a1b2c3d', closesOn: '2026-04-04', closeAfterDays: 14, ...dates })],
  ['open a round: date refused', openRoundCard({ teamId: 't1', roundId: '20260321-100000000Z-0a1b2c3d', closesOn: '2026-03-01', ...dates, problem: 'Sunday 1 March 2026 has passed: please choose today or a later day.' })],
  ['extend a round', extendRoundCard({ teamId: 't1', roundId: 'r1', roundNumber: 3, closesNow: '2026-04-04', closesOn: '2026-04-11', ...dates })],
  ['extend a round without a close date, refused', extendRoundCard({ teamId: 't1', roundId: 'r1', roundNumber: 3, ...dates, problem: 'Please choose the day the round closes.' })],
  ['settings, defaults', settingsCard({ teamId: 't1', draft: draftOf({ closeAfterDays: 14, reminders: [{ kind: 'halfway' }, { kind: 'daysBeforeClose', days: 2 }] }) })],
  ['settings, saved with a cadence', settingsCard({ teamId: 't1', version: 'W/"datetime\'2026-03-21T10%3A00%3A00Z\'"', draft: draftOf({ closeAfterDays: 21, reminders: [], cadenceMonths: 5 }), saved: 'Saved.', nextRound: 'The next round opens by itself on 21 August 2026.' })],
  ['settings, refused', settingsCard({ teamId: 't1', draft: { closeAfterDays: 120, remindHalfway: true }, problem: { text: 'A round can stay open for 1 to 90 days.', field: 'closeAfterDays' } })],
  ['close confirmation', closeConfirmationCard({ teamId: 't1', roundId: 'r1', roundNumber: 3 })],
  ['notice', noticeCard({ text: 'This audit round is closed.' })],
  ['notice, titled attention', noticeCard({ title: 'Not allowed', text: "Only the team's practice champions can do that.", tone: 'attention' })],
  ['notice, good', noticeCard({ text: 'Round 3 is open.', tone: 'good' })],
  ['chat round choice', chatRoundChoiceCard({ rounds: Array.from({ length: 8 }, (_, i) => ({ teamId: `t${i}`, teamName: `Team ${i}`, roundId: `r${i}`, roundNumber: i + 1, remaining: 12 - i })) })],
  ['chat round choice, none', chatRoundChoiceCard({ rounds: [] })],
  ['my answers', myAnswersCard({ rounds: [{ teamId: 't1', teamName: 'Family Help North', roundId: 'r1', roundNumber: 2, answers: [{ conditionId: 'C01', rating: 'mostly', level: 'practitioner', comment: LONG_COMMENT }, { conditionId: 'C12', rating: 'dont-know', level: 'practitioner', comment: '' }] }] })],
  ['my answers, none', myAnswersCard({ rounds: [] })],
  ['my answers, a closed round', myAnswersCard({ rounds: [{ teamId: 't1', teamName: HOSTILE_TEXT, roundId: 'r1', roundNumber: 1, closed: { closedAt: '2026-03-25T17:00:00.000Z', retentionDays: 400 }, answers: [{ conditionId: 'C01', rating: 'mostly', level: 'practitioner', comment: LONG_COMMENT, commentReview: { state: 'redacted' } }] }] })],
  ['delete my answers, confirmation', eraseAnswersConfirmationCard({ rounds: Array.from({ length: 30 }, (_, i) => ({ teamName: `${HOSTILE_TEXT} ${i}`, roundNumber: i + 1, status: i === 0 ? 'open' : 'closed', answers: 12 })) })],
  ['delete my answers, done', answersErasedCard({ rounds: [{ teamName: 'Family Help North', roundNumber: 2, status: 'open', answers: 1 }] })],
  ['delete my answers, nothing left', answersErasedCard({ rounds: [] })],
  ['chat all done', chatAllDoneCard({ teamName: 'Family Help North', roundNumber: 3 })],
  ['status, with reminders', statusCard({ round: round(), participation, privacyThreshold: 5, teamSize: knownTeamSize(52), reminders: { at: '2026-03-10T09:00:00.000Z', state: 'done', reminded: 15 } })],
  ['status, reminders not sent', statusCard({ round: round(), participation, privacyThreshold: 5, teamSize: knownTeamSize(52), reminders: { at: '2026-03-10T09:00:00.000Z', state: 'notSent' } })],
  ['reminder, every condition open', reminderCard({ round: round({ teamName: 'Family Help North', closesAt: '2026-03-19T00:00:00.000Z' }), openConditions: CONDITIONS })],
  ['reminder, one open, no close date', reminderCard({ round: round(), openConditions: [condition] })],
  ['reminders stopped', remindersStoppedCard({ rounds: [{ teamName: 'Family Help North', roundNumber: 3 }, { teamName: 'Family Help South', roundNumber: 1 }] })],
  ['reminders stopped, none open', remindersStoppedCard({ rounds: [] })],
  ['reminder outcome', reminderOutcomeCard({ round: round(), totals: { reminded: 15, complete: 30, optedOut: 1, guests: 2, unmatched: 0, unreachable: 2, failed: 0, interrupted: 1 } })],
  ['reminders not sent', remindersNotSentCard({ round: round() })],
  ['reminding', remindingCard({ roundNumber: 3 })],
  ['action due today, its longest need', actionDueCard({ action, teamName: 'Family Help North', overdue: false })],
  ['action overdue, hostile text', actionDueCard({ action: { ...action, need: HOSTILE_TEXT, status: 'not-started' }, teamName: HOSTILE_TEXT, overdue: true })],
  ['status, overdue actions', statusCard({ round: round(), participation, privacyThreshold: 5, teamSize: knownTeamSize(52), overdueActions: 3 })],
  ['remind too soon', remindTooSoonCard({ roundNumber: 3, lastAt: '2026-03-10T09:00:00.000Z', nextAt: '2026-03-13T09:00:00.000Z' })],
  ['condition in chat, more to answer', conditionCard({ round: round(), condition, answeredCount: 1, via: 'chat', rememberedLevel: 'supervisor', leftToAnswer: 11 })],
  ['one-go form, all twelve', oneGoFormCard({ round: round(), conditions: CONDITIONS })],
  // Every comment at its longest, each flagged for every kind, with the longest contact: still under Teams' limit.
  ['one-go form, every comment may identify someone', oneGoFormCard({
    round: round(), conditions: CONDITIONS, safeguardingContact: SAFEGUARDING_CONTACT,
    drafts: new Map(CONDITIONS.map((c) => [c.id, { rating: 'partly', comment: '監督'.repeat(500) }])),
    problems: new Map(CONDITIONS.map((c) => [c.id, { text: 'x', field: 'comment', concerns: Object.keys(CONCERN_KINDS) as ConcernKind[] }])),
  })],
  ['one-go form, after a partial submit', oneGoFormCard({
    round: round(), conditions: CONDITIONS.slice(4), level: 'practitioner', knownLevel: 'practitioner',
    recorded: CONDITIONS.slice(0, 4).map((c) => ({ conditionId: c.id, rating: 'partly', level: 'practitioner', comment: '' })), movedAnswers: 2,
    drafts: new Map([['C05', { rating: 'fully', comment: HOSTILE_TEXT }], ['C06', { comment: LONG_COMMENT }]]),
    problems: new Map([['C05', { text: 'Your comment is too long.', field: 'comment' }]]),
  })],
  ['one-go form, refused', oneGoFormCard({ round: round({ number: 0 }), conditions: CONDITIONS.slice(0, 1), levelProblem: 'Please tell us your level before submitting.', problem: "We couldn't save that just now.", nothingRated: true })],
  ['one-go done', oneGoDoneCard({ round: round(), recorded: CONDITIONS.map((c) => ({ conditionId: c.id, rating: 'mostly', level: 'volunteer', comment: '' })), movedAnswers: 1 })],
  ['one-go done, nothing new', oneGoDoneCard({ round: round() })],
  ...YOU_SAID_WE_DID_CARDS,
];
