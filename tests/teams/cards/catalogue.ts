/** Every card and variant the bot can send, for the checks that apply to all of them. */
import { CONDITIONS, conditionById } from '../../../bot/domain/conditions';
import { oneGoDoneCard, oneGoFormCard } from '../../../bot/teams/cards/oneGoCard';
import {
  chatAllDoneCard, chatRoundChoiceCard, closeConfirmationCard, conditionCard, helpCard, myAnswersCard, noticeCard, roundIntroCard, statusCard, welcomeCard,
  type AdaptiveCard,
} from '../../../bot/teams/cards';
import { HOSTILE_TEXT, participationFor, round } from './cardKit';

const LONG_COMMENT = 'Supervision happens but is mostly case management, not reflection. '.repeat(20).slice(0, 1000);
const closed = round({ status: 'closed', closedAt: '2026-03-25T17:00:00.000Z' });
const participation = participationFor({ practitioner: 6, 'senior-leader': 2, supervisor: 7, 'service-manager': 5 });
const condition = conditionById('C05');

export const CATALOGUE: readonly (readonly [name: string, card: AdaptiveCard])[] = [
  ['welcome, installer known', welcomeCard({ teamId: 't1', teamName: 'Family Help North', installedByName: 'Priya Shah' })],
  ['welcome, installer unknown', welcomeCard({ teamId: 't1' })],
  ['round intro, open', roundIntroCard({ round: round(), conditionCount: 12, openedByName: 'Priya Shah', privacyThreshold: 5 })],
  ['round intro, closed', roundIntroCard({ round: closed, conditionCount: 12, openedByName: 'Priya Shah', participation, privacyThreshold: 5 })],
  ['round intro, closed without counts', roundIntroCard({ round: closed, conditionCount: 12, openedByName: 'Priya Shah', privacyThreshold: 5 })],
  ['condition, shared', conditionCard({ round: round(), condition, answeredCount: 0, via: 'channel' })],
  ['condition, remembered level', conditionCard({ round: round(), condition, answeredCount: 1, via: 'chat', rememberedLevel: 'supervisor' })],
  ['condition, answered', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', answer: { rating: 'mostly', level: 'practitioner', comment: LONG_COMMENT } })],
  ['condition, answered without comment', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', answer: { rating: 'fully', level: 'volunteer', comment: '' } })],
  ['condition, problem', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', draft: { level: 'practitioner', comment: LONG_COMMENT }, problem: 'Please choose a rating before submitting.' })],
  ['condition, hostile draft', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', draft: { rating: 'partly', comment: HOSTILE_TEXT }, problem: "We couldn't save that just now." })],
  ['condition, level missing', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', draft: { rating: 'partly', comment: LONG_COMMENT }, problem: 'Please tell us your level before submitting.', problemCode: 'LEVEL_REQUIRED' })],
  ['condition, other level refused', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', draft: { rating: 'partly', level: 'volunteer' }, problem: 'You gave your level as Practitioner in this audit round.', problemCode: 'LEVEL_DIFFERS_IN_ROUND' })],
  ['condition, level changed', conditionCard({ round: round(), condition, answeredCount: 9, via: 'chat', answer: { rating: 'mostly', level: 'volunteer', comment: '' }, movedAnswers: 11 })],
  ['condition, own view not answered yet', conditionCard({ round: round(), condition, answeredCount: 9, via: 'channel', notAnsweredYet: true, rememberedLevel: 'practitioner' })],
  ['condition, closed', conditionCard({ round: closed, condition, answeredCount: 14, via: 'channel' })],
  ['status', statusCard({ round: round(), participation, privacyThreshold: 5 })],
  ['status, nobody yet', statusCard({ round: round(), participation: participationFor({}), privacyThreshold: 5 })],
  ['help, champion in team', helpCard({ isChampion: true, scope: 'team', champions: ['Priya Shah'] })],
  ['help, member in team', helpCard({ isChampion: false, scope: 'team', champions: ['Priya Shah', 'Tom Jones'] })],
  ['help, team without champions', helpCard({ isChampion: false, scope: 'team', champions: [] })],
  ['help, personal', helpCard({ isChampion: false, scope: 'personal', champions: [] })],
  ['help, not understood', helpCard({ isChampion: false, scope: 'team', champions: ['Priya Shah'], notUnderstood: HOSTILE_TEXT })],
  ['close confirmation', closeConfirmationCard({ teamId: 't1', roundId: 'r1', roundNumber: 3 })],
  ['notice', noticeCard({ text: 'This audit round is closed.' })],
  ['notice, titled attention', noticeCard({ title: 'Not allowed', text: "Only the team's practice champions can do that.", tone: 'attention' })],
  ['notice, good', noticeCard({ text: 'Round 3 is open.', tone: 'good' })],
  ['chat round choice', chatRoundChoiceCard({ rounds: Array.from({ length: 8 }, (_, i) => ({ teamId: `t${i}`, teamName: `Team ${i}`, roundId: `r${i}`, roundNumber: i + 1, remaining: 12 - i })) })],
  ['chat round choice, none', chatRoundChoiceCard({ rounds: [] })],
  ['my answers', myAnswersCard({ rounds: [{ teamId: 't1', teamName: 'Family Help North', roundId: 'r1', roundNumber: 2, answers: [{ conditionId: 'C01', rating: 'mostly', level: 'practitioner', comment: LONG_COMMENT }, { conditionId: 'C12', rating: 'dont-know', level: 'practitioner', comment: '' }] }] })],
  ['my answers, none', myAnswersCard({ rounds: [] })],
  ['chat all done', chatAllDoneCard({ teamName: 'Family Help North', roundNumber: 3 })],
  ['condition in chat, more to answer', conditionCard({ round: round(), condition, answeredCount: 1, via: 'chat', rememberedLevel: 'supervisor', leftToAnswer: 11 })],
  ['one-go form, all twelve', oneGoFormCard({ round: round(), conditions: CONDITIONS })],
  ['one-go form, after a partial submit', oneGoFormCard({
    round: round(), conditions: CONDITIONS.slice(4), level: 'practitioner', knownLevel: 'practitioner',
    recorded: CONDITIONS.slice(0, 4).map((c) => ({ conditionId: c.id, rating: 'partly', level: 'practitioner', comment: '' })), movedAnswers: 2,
    drafts: new Map([['C05', { rating: 'fully', comment: HOSTILE_TEXT }], ['C06', { comment: LONG_COMMENT }]]),
    problems: new Map([['C05', { text: 'Your comment is too long.', field: 'comment' }]]),
  })],
  ['one-go form, refused', oneGoFormCard({ round: round({ number: 0 }), conditions: CONDITIONS.slice(0, 1), levelProblem: 'Please tell us your level before submitting.', problem: "We couldn't save that just now.", nothingRated: true })],
  ['one-go done', oneGoDoneCard({ round: round(), recorded: CONDITIONS.map((c) => ({ conditionId: c.id, rating: 'mostly', level: 'volunteer', comment: '' })), movedAnswers: 1 })],
  ['one-go done, nothing new', oneGoDoneCard({ round: round() })],
];
