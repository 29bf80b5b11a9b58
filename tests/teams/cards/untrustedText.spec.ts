/**
 * TextBlocks and facts are rendered as markdown, and backslash escapes render differently
 * across Teams clients. So text from people or from Teams (comments, names, team names)
 * never goes into one: it goes in input values, button titles, or TextRuns, which are
 * shown exactly as given.
 */
import {
  chatAllDoneCard, chatRoundChoiceCard, conditionCard, helpCard, noticeCard, reminderCard, remindersStoppedCard, roundIntroCard, welcomeCard,
  type AdaptiveCard,
} from '../../../bot/teams/cards';
import { INPUT_IDS } from '../../../bot/teams/cards/actions';
import { conditionById } from '../../../bot/domain/conditions';
import { actionsOf, cardProblems, HOSTILE_TEXT, inputById, markdownTexts, ofType, round } from './cardKit';

const condition = conditionById('C01');

const CARDS_WITH_OUTSIDE_TEXT: readonly (readonly [string, AdaptiveCard])[] = [
  ['welcome: team and installer names', welcomeCard({ teamId: 't', teamName: HOSTILE_TEXT, installedByName: HOSTILE_TEXT })],
  ['round intro: opener name', roundIntroCard({ round: round(), conditionCount: 12, openedByName: HOSTILE_TEXT, privacyThreshold: 5 })],
  ['condition: recorded comment', conditionCard({ round: round(), condition, answeredCount: 1, via: 'channel', answer: { rating: 'partly', level: 'volunteer', comment: HOSTILE_TEXT } })],
  ['help: champion names', helpCard({ isChampion: false, scope: 'team', champions: [HOSTILE_TEXT, 'Sam'] })],
  ['notice: title and text', noticeCard({ title: HOSTILE_TEXT, text: HOSTILE_TEXT })],
  ['chat all done: team name', chatAllDoneCard({ teamName: HOSTILE_TEXT, roundNumber: 1 })],
  ['reminder: team name', reminderCard({ round: round({ teamName: HOSTILE_TEXT }), openConditions: [condition] })],
  ['reminders stopped: team name', remindersStoppedCard({ rounds: [{ teamName: HOSTILE_TEXT, roundNumber: 1 }] })],
];

const textRuns = (card: AdaptiveCard): string[] => ofType(card, 'TextRun').map((run) => String(run.text));

describe.each(CARDS_WITH_OUTSIDE_TEXT)('%s', (_name, card) => {
  it('is never put where markdown is rendered', () => {
    for (const text of markdownTexts(card)) {
      expect(text).not.toContain('<script>');
      expect(text).not.toContain('**bold**');
      expect(text).not.toContain('[x](http://evil)');
    }
  });

  it('is shown exactly as given, in a TextRun', () => {
    expect(textRuns(card).some((run) => run.includes(HOSTILE_TEXT))).toBe(true);
    expect(cardProblems(card)).toEqual([]);
  });
});

it('a hostile draft comment is carried only as the comment input value', () => {
  const card = conditionCard({
    round: round(), condition, answeredCount: 1, via: 'channel',
    draft: { rating: 'partly', comment: HOSTILE_TEXT }, problem: 'Please tell us your level before submitting.',
  });
  expect(inputById(card, INPUT_IDS.comment).value).toBe(HOSTILE_TEXT);
  expect(JSON.stringify(card).split('<script>')).toHaveLength(2);
});

it('a hostile team name in a button title is plain text', () => {
  const card = chatRoundChoiceCard({ rounds: [{ teamId: 't', teamName: HOSTILE_TEXT, roundId: 'r', roundNumber: 1, remaining: 3 }] });
  expect(actionsOf(card)[0]?.title).toBe(`Answer for ${HOSTILE_TEXT} (3 to go)`);
  expect(markdownTexts(card).join('\n')).not.toContain('<script>');
});
