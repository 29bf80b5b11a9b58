import { CONDITIONS, conditionById } from '../../../bot/domain/conditions';
import { LEVELS } from '../../../bot/domain/levels';
import { RATINGS } from '../../../bot/domain/ratings';
import { answerAllActionData, INPUT_IDS, oneGoInputIds, roundActionData, VERBS } from '../../../bot/teams/cards/actions';
import { conditionCard, roundIntroCard } from '../../../bot/teams/cards';
import { fitComments } from '../../../bot/teams/cards/commentBudget';
import { oneGoDoneCard, oneGoFormCard, type OneGoProblem } from '../../../bot/teams/cards/oneGoCard';
import { actionsOf, byteSize, cardProblems, elementsOf, inputById, inputsOf, round, visibleText } from './cardKit';

/** Issue 10, "Answering in one go": the form itself, its size, and the buttons that open it. */
const open = round();
const some = ['C02', 'C05', 'C11'].map((id) => conditionById(id as 'C02'));
const form = oneGoFormCard({ round: open, conditions: some, level: 'supervisor', knownLevel: 'supervisor' });
const TEAMS_CARD_LIMIT = 28 * 1024;

describe('the one-go form', () => {
  it('lists exactly the conditions given, in order, each with the five ratings (none required) and a comment box', () => {
    const ratingInputs = inputsOf(form).filter((input) => String(input.id).startsWith('rating-'));
    expect(ratingInputs.map((input) => input.id)).toEqual(['rating-C02', 'rating-C05', 'rating-C11']);
    for (const [i, input] of ratingInputs.entries()) {
      expect(input).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', label: `${some[i]!.number}. ${some[i]!.text}` });
      expect(input.choices).toEqual(RATINGS.map((r) => ({ title: r.label, value: r.id })));
      // A condition left without a rating is simply not answered: Teams must not insist on one.
      expect(input.isRequired).toBeUndefined();
    }
    for (const condition of some) {
      expect(inputById(form, oneGoInputIds(condition.id).comment)).toMatchObject({ type: 'Input.Text', isMultiline: true, maxLength: 1000, label: `Why? Condition ${condition.number} (optional)` });
    }
    expect(visibleText(form)).toContain('The 3 conditions you have not answered yet.');
    expect(visibleText(form)).not.toContain(conditionById('C01').text);
  });

  it('asks the level once, required, filled in with the level given', () => {
    expect(inputsOf(form).filter((input) => input.id === INPUT_IDS.level)).toHaveLength(1);
    expect(inputById(form, INPUT_IDS.level)).toMatchObject({ type: 'Input.ChoiceSet', isRequired: true, value: 'supervisor', errorMessage: 'Please tell us your level before submitting.' });
    expect((inputById(form, INPUT_IDS.level).choices as { value: string }[]).map((c) => c.value)).toEqual(LEVELS.map((l) => l.id));
  });

  it('submits with data the handler reads: the round, the conditions listed and the level it showed', () => {
    const [submit] = actionsOf(form);
    expect(actionsOf(form)).toHaveLength(1);
    expect(submit).toMatchObject({ type: 'Action.Execute', title: 'Submit answers', verb: VERBS.answerAll });
    expect(submit!.data).toEqual({ roundId: open.roundId, teamId: open.teamId, conditionIds: 'C02 C05 C11', knownLevel: 'supervisor' });
    expect(answerAllActionData.safeParse({ ...(submit!.data as object), level: 'supervisor', 'rating-C02': 'mostly', 'comment-C02': 'x' }).success).toBe(true);
  });

  it('shows each refusal under the field it is about, and the level problem under the level', () => {
    const problems = new Map<'C02' | 'C05', OneGoProblem>([
      ['C02', { text: 'Your comment is too long.', field: 'comment' }],
      ['C05', { text: 'That rating is not on the scale.', field: 'rating' }],
    ]);
    const card = oneGoFormCard({ round: open, conditions: some, problems, levelProblem: 'Please tell us your level before submitting.', drafts: new Map([['C02', { rating: 'partly', comment: 'kept' }]]) });
    const at = (predicate: (e: Record<string, unknown>) => boolean) => elementsOf(card).findIndex(predicate);
    const input = (id: string) => at((e) => e.id === id);
    const says = (text: string) => at((e) => e.type === 'TextBlock' && e.text === text);
    expect(says('Your comment is too long.')).toBe(input('comment-C02') + 1);
    expect(says('That rating is not on the scale.')).toBe(input('rating-C05') + 1);
    expect(says('Please tell us your level before submitting.')).toBe(input(INPUT_IDS.level) + 1);
    expect(visibleText(card)).toContain('2 conditions were not recorded: the reason is under each.');
    expect(inputById(card, 'rating-C02').value).toBe('partly');
    expect(inputById(card, 'comment-C02').value).toBe('kept');
  });

  it('says what the last submit recorded, at which level, and how many earlier answers moved with it', () => {
    const recorded = [{ conditionId: 'C01', rating: 'mostly', level: 'volunteer', comment: '' }, { conditionId: 'C03', rating: 'dont-know', level: 'volunteer', comment: 'x' }] as const;
    const text = visibleText(oneGoFormCard({ round: open, conditions: some, recorded, movedAnswers: 4 }));
    expect(text).toContain('Recorded: 2 answers, as Volunteer\n1. Systems aligned across agencies: Mostly in place\n3. A clear model of good practice: Don\'t know');
    expect(text).toContain('Your level in this audit round is now Volunteer: your 4 other answers in this round moved with it.');
  });

  it('says when the last submit rated nothing', () => {
    expect(visibleText(oneGoFormCard({ round: open, conditions: some, nothingRated: true }))).toContain('Nothing was recorded: no condition had a rating.');
  });

  it('validates as an Adaptive Card 1.5, and stays under Teams\' 28 KB with twelve conditions and every text at its longest', () => {
    const problems = new Map(CONDITIONS.map((c) => [c.id, { text: 'Your comment is 100,000 characters; the limit is 1,000. Please shorten it and submit again.', field: 'comment' as const }]));
    // Plain English, then text taking 3 bytes a character (CJK), 4 (emoji) and 2 in JSON (quotes, new lines).
    for (const typed of ['Supervision is patchy. ', '監督', '😀', '"\n']) {
      const comment = typed.repeat(100_000 / typed.length);
      const card = oneGoFormCard({
        round: round({ number: 9999 }), conditions: CONDITIONS, level: 'business-support', knownLevel: 'practitioner', changeLevel: true, problems,
        problem: "We couldn't save that just now. Nothing was lost: please try again in a moment.",
        levelProblem: 'You gave your level as Service manager / head of service in this audit round, and all your answers in a round count at one level. Choose Service manager / head of service, or submit again as Business support / administrator to change the level of all your answers in this round.',
        drafts: new Map(CONDITIONS.map((c) => [c.id, { rating: 'not-in-place', comment }])),
      });
      expect(cardProblems(card)).toEqual([]);
      expect(byteSize(card)).toBeLessThan(TEAMS_CARD_LIMIT);
      // Every comment kept as far as fits, and said to be cut.
      for (const c of CONDITIONS) expect(String(inputById(card, oneGoInputIds(c.id).comment).value).length).toBeGreaterThan(100);
      expect(visibleText(card).match(/Your comment was cut/g)).toHaveLength(12);
    }
  });

  it('keeps twelve comments of 1,000 plain characters whole', () => {
    const comment = 'a'.repeat(1000);
    const card = oneGoFormCard({ round: open, conditions: CONDITIONS, drafts: new Map(CONDITIONS.map((c) => [c.id, { comment }])) });
    for (const c of CONDITIONS) expect(inputById(card, oneGoInputIds(c.id).comment).value).toBe(comment);
    expect(visibleText(card)).not.toContain('cut');
    expect(byteSize(card)).toBeLessThan(TEAMS_CARD_LIMIT);
  });
});

describe('fitting comments on the form', () => {
  it('keeps short ones whole and shares the rest among the long ones, never splitting a character', () => {
    const typed = new Map([['short', { comment: 'ok', cut: false }], ['long', { comment: '😀'.repeat(100), cut: false }], ['cut', { comment: 'b'.repeat(50), cut: true }]]);
    const fitted = fitComments(typed, 102);
    expect(fitted.get('short')).toEqual({ comment: 'ok', cut: false });
    expect(fitted.get('cut')).toEqual({ comment: 'b'.repeat(50), cut: 'limit' });
    // 102 - 2 - 50 = 50 bytes left: twelve 4-byte emoji (a thirteenth would need 52).
    expect(fitted.get('long')).toEqual({ comment: '😀'.repeat(12), cut: 'card' });
  });
});

describe('once every condition is answered', () => {
  it('says so, lists what was just recorded, and offers My answers for that round', () => {
    const recorded = CONDITIONS.map((c) => ({ conditionId: c.id, rating: 'fully', level: 'practitioner', comment: '' }) as const);
    const card = oneGoDoneCard({ round: open, recorded });
    expect(visibleText(card)).toContain('Audit round 3: you have answered every condition');
    expect(visibleText(card)).toContain('Recorded: 12 answers, as Practitioner');
    const [myAnswers] = actionsOf(card);
    expect(myAnswers).toMatchObject({ title: 'My answers', verb: VERBS.roundAnswers, associatedInputs: 'none' });
    expect(roundActionData.parse(myAnswers!.data)).toEqual({ teamId: open.teamId, roundId: open.roundId });
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the buttons that open it', () => {
  it('are on the open round\'s intro card, for whoever presses it', () => {
    const [button] = actionsOf(roundIntroCard({ round: open, conditionCount: 12, openedByName: 'Priya Shah', privacyThreshold: 5 }));
    expect(button).toMatchObject({ type: 'Action.Execute', title: 'Answer all in one go', verb: VERBS.openOneGo, associatedInputs: 'none' });
    expect(roundActionData.parse(button!.data)).toEqual({ teamId: open.teamId, roundId: open.roundId });
    expect(actionsOf(roundIntroCard({ round: round({ status: 'closed' }), conditionCount: 12, openedByName: 'Priya Shah', privacyThreshold: 5 }))).toEqual([]);
  });

  it('is on a condition card in chat while more than one condition is left, and nowhere else', () => {
    const condition = conditionById('C04');
    const inChat = conditionCard({ round: open, condition, answeredCount: 0, via: 'chat', leftToAnswer: 9 });
    expect(actionsOf(inChat).map((a) => [a.title, a.verb])).toEqual([['Submit answer', VERBS.answer], ['Answer all 9 in one go', VERBS.openOneGo]]);
    expect(actionsOf(conditionCard({ round: open, condition, answeredCount: 0, via: 'chat', leftToAnswer: 1 })).map((a) => a.title)).toEqual(['Submit answer']);
    expect(actionsOf(conditionCard({ round: open, condition, answeredCount: 0, via: 'channel', leftToAnswer: 9 })).map((a) => a.title)).toEqual(['Submit answer', 'My answer']);
    const answered = conditionCard({ round: open, condition, answeredCount: 1, via: 'chat', leftToAnswer: 9, answer: { rating: 'fully', level: 'volunteer', comment: '' } });
    expect(actionsOf(answered).map((a) => a.title)).toEqual(['Change my answer']);
  });
});
