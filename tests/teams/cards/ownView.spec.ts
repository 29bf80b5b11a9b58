import { conditionById } from '../../../bot/domain/conditions';
import { INPUT_IDS, VERBS, answerActionData, myAnswerActionData } from '../../../bot/teams/cards/actions';
import { conditionCard, myAnswersCard, type MyAnswersRound } from '../../../bot/teams/cards';
import { MAX_ROUNDS_LISTED } from '../../../bot/teams/cards/myAnswersCard';
import { actionsOf, byteSize, cardProblems, elementsOf, inputById, ofType, round, visibleText } from './cardKit';

/**
 * Items 19 and 20 of issue 8: the level is marked as required and a refusal is shown by its
 * field; a person's own view can be brought back from the shared card at any time ("My answer"),
 * and "my answers" lists what they answered.
 */
const condition = conditionById('C04');
const open = round();
const shared = conditionCard({ round: open, condition, answeredCount: 3, via: 'channel' });
const answer = { rating: 'partly', level: 'supervisor', comment: 'Supervision is patchy.' } as const;

/** Index of an element in the card body, flattened in reading order. */
const position = (card: ReturnType<typeof conditionCard>, predicate: (e: Record<string, unknown>) => boolean) => elementsOf(card).findIndex(predicate);
const isInput = (id: string) => (e: Record<string, unknown>) => e.id === id && String(e.type).startsWith('Input.');
const says = (text: string) => (e: Record<string, unknown>) => e.type === 'TextBlock' && e.text === text;

describe('a refused answer says what is wrong by the field it is about', () => {
  const refused = (problemCode: 'LEVEL_REQUIRED' | 'RATING_REQUIRED' | 'COMMENT_TOO_LONG' | 'STORAGE_UNAVAILABLE', problem: string) =>
    conditionCard({ round: open, condition, answeredCount: 3, via: 'channel', draft: { rating: 'fully', comment: 'kept' }, problem, problemCode });

  it('puts "tell us your level" straight after the level input, not at the top', () => {
    const problem = 'Please tell us your level before submitting.';
    const card = refused('LEVEL_REQUIRED', problem);
    const at = position(card, says(problem));
    expect(at).toBe(position(card, isInput(INPUT_IDS.level)) + 1);
    expect(elementsOf(card)[at]).toMatchObject({ color: 'attention' });
    expect(card.body[0]).toMatchObject({ text: 'Condition 4 of 12' });
    expect(inputById(card, INPUT_IDS.comment).value).toBe('kept');
    expect(cardProblems(card)).toEqual([]);
  });

  it('puts a rating problem by the rating and a comment problem by the comment', () => {
    const rating = refused('RATING_REQUIRED', 'Please choose a rating before submitting.');
    expect(position(rating, says('Please choose a rating before submitting.'))).toBe(position(rating, isInput(INPUT_IDS.rating)) + 1);
    const comment = refused('COMMENT_TOO_LONG', 'Your comment is too long.');
    expect(position(comment, says('Your comment is too long.'))).toBe(position(comment, isInput(INPUT_IDS.comment)) + 1);
  });

  it('keeps a problem that is about no field (storage down) at the top', () => {
    const card = refused('STORAGE_UNAVAILABLE', "We couldn't save that just now.");
    expect(card.body[0]).toMatchObject({ text: "We couldn't save that just now.", color: 'attention' });
  });

  it('makes "submit again" the change of level when a different level was refused', () => {
    const card = conditionCard({
      round: open, condition, answeredCount: 3, via: 'channel', draft: { rating: 'fully', level: 'senior-leader' },
      problem: 'You gave your level as Practitioner in this audit round…', problemCode: 'LEVEL_DIFFERS_IN_ROUND',
    });
    expect(inputById(card, INPUT_IDS.level).value).toBe('senior-leader');
    expect(actionsOf(card)).toHaveLength(1);
    expect(actionsOf(card)[0]?.data).toMatchObject({ changeLevel: true });
    expect(answerActionData.safeParse({ ...(actionsOf(card)[0]?.data as object), rating: 'fully' }).success).toBe(true);
  });
});

describe('the level a card counts as the person\'s', () => {
  it('is nothing on the shared card, which cannot know who is looking', () => {
    expect(actionsOf(shared)[0]?.data).not.toHaveProperty('knownLevel');
  });

  it("is the answer's level on their own view, so leaving the field as it was changes nothing", () => {
    const own = conditionCard({ round: open, condition, answeredCount: 3, via: 'channel', answer });
    expect(actionsOf(own)[0]?.data).toMatchObject({ isChange: true, knownLevel: 'supervisor' });
  });

  it('is the level filled in on a card in chat', () => {
    const inChat = conditionCard({ round: open, condition, answeredCount: 0, via: 'chat', rememberedLevel: 'volunteer' });
    expect(inputById(inChat, INPUT_IDS.level).value).toBe('volunteer');
    expect(actionsOf(inChat)[0]?.data).toMatchObject({ knownLevel: 'volunteer' });
  });

  it('says how many other answers moved when a change of level moved them', () => {
    const moved = conditionCard({ round: open, condition, answeredCount: 3, via: 'chat', answer, movedAnswers: 4 });
    expect(visibleText(moved)).toContain('Your level in this audit round is now Practice supervisor / team manager: your 4 other answers in this round moved with it.');
    expect(visibleText(conditionCard({ round: open, condition, answeredCount: 3, via: 'chat', answer, movedAnswers: 1 }))).toContain('your other answer in this round moved with it.');
    expect(visibleText(conditionCard({ round: open, condition, answeredCount: 3, via: 'chat', answer }))).not.toContain('moved');
  });
});

describe('"My answer" on the shared card', () => {
  const myAnswer = actionsOf(shared).find((a) => a.verb === VERBS.myAnswer);

  it('asks for the person\'s own view without checking or sending the inputs', () => {
    expect(myAnswer).toMatchObject({ type: 'Action.Execute', title: 'My answer', associatedInputs: 'none' });
    expect(myAnswer?.data).toEqual({ roundId: open.roundId, teamId: open.teamId, conditionId: 'C04', via: 'channel' });
    expect(myAnswerActionData.safeParse(myAnswer?.data).success).toBe(true);
    expect(visibleText(shared)).toContain('3 people have answered. Answered already? Press My answer to see or change yours.');
    // Not `refresh.userIds`: the card reaches every member, and would list who has answered.
    expect(shared).not.toHaveProperty('refresh');
    expect(JSON.stringify(shared)).not.toMatch(/userIds|29:/);
  });

  it('is not on a person\'s own view, in chat, or once the round has closed', () => {
    const views = [
      conditionCard({ round: open, condition, answeredCount: 3, via: 'channel', answer }),
      conditionCard({ round: open, condition, answeredCount: 3, via: 'chat' }),
      conditionCard({ round: open, condition, answeredCount: 3, via: 'channel', notAnsweredYet: true, rememberedLevel: 'practitioner' }),
      conditionCard({ round: round({ status: 'closed', closedAt: '2026-03-30T12:00:00Z' }), condition, answeredCount: 3, via: 'channel' }),
    ];
    for (const view of views) expect(actionsOf(view).map((a) => a.verb)).not.toContain(VERBS.myAnswer);
  });

  it("brings back a view of a condition they have not answered, with their level filled in", () => {
    const view = conditionCard({ round: open, condition, answeredCount: 3, via: 'channel', notAnsweredYet: true, rememberedLevel: 'practitioner' });
    expect(visibleText(view)).toContain("You haven't answered this condition yet.");
    expect(inputById(view, INPUT_IDS.level).value).toBe('practitioner');
    expect(actionsOf(view)[0]).toMatchObject({ title: 'Submit answer', data: { knownLevel: 'practitioner' } });
    expect(cardProblems(view)).toEqual([]);
  });
});

describe('"my answers" in chat', () => {
  const north: MyAnswersRound = {
    teamId: '19:north', teamName: 'Family Help **North**', roundId: 'r-north', roundNumber: 3,
    answers: [
      { conditionId: 'C01', rating: 'mostly', level: 'practitioner', comment: 'Health and police share our aims, mostly; education is harder to reach in the summer holidays.' },
      { conditionId: 'C06', rating: 'dont-know', level: 'practitioner', comment: '' },
    ],
  };

  it('lists each answer: condition, rating, level and the start of the comment, as plain text', () => {
    const card = myAnswersCard({ rounds: [north] });
    const text = visibleText(card);
    expect(text).toContain('Family Help **North**, round 3');
    expect(ofType(card, 'TextBlock').map((b) => b.text)).not.toContain('Family Help **North**, round 3');
    expect(text).toContain('1. Systems aligned across agencies\nMostly in place, as Practitioner\nHealth and police share our aims, mostly; education is harder to reach in the s…');
    expect(text).toContain("6. Effective supervision\nDon't know, as Practitioner\nNo comment");
  });

  it('offers to change each one, through its own view', () => {
    const buttons = actionsOf(myAnswersCard({ rounds: [north] }));
    expect(buttons.map((b) => b.title)).toEqual(['Change answer 1', 'Change answer 6']);
    expect(buttons[1]).toMatchObject({ verb: VERBS.myAnswer, data: { roundId: 'r-north', teamId: '19:north', conditionId: 'C06', via: 'chat' } });
    expect(myAnswerActionData.safeParse(buttons[1]?.data).success).toBe(true);
  });

  it('says so when there is nothing to list, and how to answer', () => {
    expect(visibleText(myAnswersCard({ rounds: [] }))).toBe('You have no answers stored in the audit rounds of your teams. Say "audit" to answer.');
  });

  it(`lists at most ${MAX_ROUNDS_LISTED} rounds of twelve answers, under Teams' 28 KB, and says what it left out`, () => {
    const full = (n: number): MyAnswersRound => ({
      teamId: `19:team-${n}@thread.tacv2`, teamName: `Children's Services – Area ${n}`, roundId: `20260304-101500000Z-abc12${n}`, roundNumber: 12,
      answers: Array.from({ length: 12 }, (_, i) => ({ conditionId: `C${String(i + 1).padStart(2, '0')}` as 'C01', rating: 'partly', level: 'service-manager', comment: 'x'.repeat(1000) })),
    });
    const card = myAnswersCard({ rounds: [full(1), full(2), full(3), full(4), full(5)] });
    expect(byteSize(card)).toBeLessThan(28 * 1024);
    expect(actionsOf(card)).toHaveLength(12 * MAX_ROUNDS_LISTED);
    expect(visibleText(card)).toContain('And 2 more rounds with your answers, not listed here: say "my data" to get all your answers in a file.');
    expect(cardProblems(card)).toEqual([]);
  });

  it('says when a closed round\'s answers will be deleted, that its counts are kept, and offers no change', () => {
    const closed: MyAnswersRound = { ...north, roundNumber: 2, closed: { closedAt: '2026-03-25T17:00:00.000Z', retentionDays: 400 } };
    const card = myAnswersCard({ rounds: [north, closed] });
    expect(visibleText(card)).toContain('Family Help **North**, round 2 (closed)\nThis round is closed. Your answers in it will be deleted on 29 April 2027, 400 days after it closed; the round keeps only its counts, which say nothing about you.');
    // Only the open round's two answers can be changed.
    expect(actionsOf(card).map((b) => (b.data as { roundId: string }).roundId)).toEqual(['r-north', 'r-north']);
  });

  it("tells them what became of their own comment held for a champion's review", () => {
    const held: MyAnswersRound = { ...north, answers: [{ ...north.answers[0]!, commentReview: { state: 'held' } }] };
    expect(visibleText(myAnswersCard({ rounds: [held] }))).toContain("Your comment is held until a practice champion checks it: leaders don't see it yet.");
  });
});
