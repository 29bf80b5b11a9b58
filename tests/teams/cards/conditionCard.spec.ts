import { conditionById } from '../../../bot/domain/conditions';
import { LEVELS } from '../../../bot/domain/levels';
import { RATINGS } from '../../../bot/domain/ratings';
import { INPUT_IDS, VERBS, answerActionData } from '../../../bot/teams/cards/actions';
import { conditionCard } from '../../../bot/teams/cards';
import { actionsOf, cardProblems, inputById, inputsOf, markdownTexts, ofType, round, visibleText } from './cardKit';

const condition = conditionById('C06');
const open = round();
const shared = conditionCard({ round: open, condition, answeredCount: 0, via: 'channel' });

describe('the shared condition card', () => {
  it('shows where the condition sits, its text and why it matters', () => {
    const text = visibleText(shared);
    expect(text).toContain('Condition 6 of 12');
    expect(text).toContain(condition.text);
    expect(text).toContain(`Why this matters: ${condition.evidence}`);
  });

  it('offers all five ratings, as an expanded choice a rating is required for', () => {
    const rating = inputById(shared, INPUT_IDS.rating);
    expect(rating).toMatchObject({ type: 'Input.ChoiceSet', style: 'expanded', label: 'What happens now in your service?', isRequired: true });
    expect(rating.choices).toEqual(RATINGS.map((r) => ({ title: r.label, value: r.id })));
    expect(rating.value).toBeUndefined();
  });

  it('offers all seven levels and marks the level as required, with the message Teams shows by the field', () => {
    const level = inputById(shared, INPUT_IDS.level);
    expect(level).toMatchObject({
      type: 'Input.ChoiceSet', style: 'compact', label: 'Your level', placeholder: 'Choose your level',
      isRequired: true, errorMessage: 'Please tell us your level before submitting.',
    });
    expect(level.value).toBeUndefined();
    expect((level.choices as { value: string }[]).map((c) => c.value)).toEqual(LEVELS.map((l) => l.id));
    expect(level.choices).toContainEqual({ title: 'Practitioner (social worker, family support worker)', value: 'practitioner' });
    expect(level.choices).toContainEqual({ title: 'Volunteer', value: 'volunteer' });
  });

  it('takes an optional multi-line comment of up to 1,000 characters', () => {
    expect(inputById(shared, INPUT_IDS.comment)).toMatchObject({
      type: 'Input.Text', isMultiline: true, maxLength: 1000, label: 'Why? (optional, anonymous)',
    });
  });

  it('submits with the answer verb and data the invoke handler accepts', () => {
    const actions = actionsOf(shared);
    expect(actions).toHaveLength(2);
    expect(actions[0]).toMatchObject({ type: 'Action.Execute', title: 'Submit answer', verb: VERBS.answer });
    const data = actions[0]?.data;
    expect(data).toEqual({ roundId: open.roundId, teamId: open.teamId, conditionId: 'C06', via: 'channel' });
    expect(answerActionData.safeParse({ ...(data as object), rating: 'partly' }).success).toBe(true);
  });

  it('carries "chat" when sent in a one-to-one chat', () => {
    const inChat = conditionCard({ round: open, condition, answeredCount: 0, via: 'chat' });
    expect(actionsOf(inChat)[0]?.data).toMatchObject({ via: 'chat' });
  });

  it.each([
    [0, 'No answers yet'],
    [1, '1 person has answered'],
    [7, '7 people have answered'],
    [1234, '1,234 people have answered'],
  ])('counts answers so far: %i', (answeredCount, footer) => {
    expect(visibleText(conditionCard({ round: open, condition, answeredCount, via: 'channel' }))).toContain(footer);
  });

  it('prefills the level the person gave the team before', () => {
    const card = conditionCard({ round: open, condition, answeredCount: 0, via: 'chat', rememberedLevel: 'senior-leader' });
    expect(inputById(card, INPUT_IDS.level).value).toBe('senior-leader');
  });
});

describe("the answering person's view", () => {
  const answer = { rating: 'mostly', level: 'practitioner', comment: 'Group supervision is new and *valued*.' } as const;
  const card = conditionCard({ round: open, condition, answeredCount: 4, via: 'channel', answer });

  it('shows the recorded answer in a highlighted container', () => {
    const text = visibleText(card);
    expect(text).toContain('Your answer: Mostly in place, as Practitioner');
    expect(text).toContain(answer.comment);
    const highlighted = ofType(card, 'Container').filter((c) => c.style === 'good');
    expect(highlighted).toHaveLength(1);
    expect(JSON.stringify(highlighted[0])).toContain('Your answer: Mostly in place');
  });

  it('prefills every input with the answer and offers to change it', () => {
    expect(inputById(card, INPUT_IDS.rating).value).toBe('mostly');
    expect(inputById(card, INPUT_IDS.level).value).toBe('practitioner');
    expect(inputById(card, INPUT_IDS.comment).value).toBe(answer.comment);
    expect(actionsOf(card)[0]).toMatchObject({ title: 'Change my answer', verb: VERBS.answer });
  });

  it('says "No comment" when there was none', () => {
    const noComment = conditionCard({ round: open, condition, answeredCount: 4, via: 'channel', answer: { ...answer, comment: '' } });
    expect(visibleText(noComment)).toContain('No comment');
  });
});

describe('a refused or unsaved answer', () => {
  const problem = 'Please choose a rating before submitting.';

  it('shows the problem first, in the attention colour', () => {
    const card = conditionCard({ round: open, condition, answeredCount: 4, via: 'channel', draft: { comment: 'x' }, problem });
    expect(card.body[0]).toMatchObject({ type: 'TextBlock', text: problem, color: 'attention' });
  });

  it('keeps a 1,000-character comment exactly, line breaks and all', () => {
    const comment = `First line\n\n${'ä€ '.repeat(400)}`.slice(0, 1000);
    expect(comment).toHaveLength(1000);
    const card = conditionCard({ round: open, condition, answeredCount: 4, via: 'channel', draft: { rating: 'fully', level: 'volunteer', comment }, problem });
    expect(inputById(card, INPUT_IDS.comment).value).toBe(comment);
    expect(inputById(card, INPUT_IDS.rating).value).toBe('fully');
    expect(inputById(card, INPUT_IDS.level).value).toBe('volunteer');
    expect(cardProblems(card)).toEqual([]);
  });

  it('falls back to the remembered level and drops values that are not on the scale', () => {
    const card = conditionCard({
      round: open, condition, answeredCount: 4, via: 'channel', problem, rememberedLevel: 'supervisor',
      draft: { rating: 'brilliant', comment: 'kept' },
    });
    expect(inputById(card, INPUT_IDS.rating).value).toBeUndefined();
    expect(inputById(card, INPUT_IDS.level).value).toBe('supervisor');
    expect(inputById(card, INPUT_IDS.comment).value).toBe('kept');
  });

  it('prefers what was just sent over the earlier answer', () => {
    const card = conditionCard({
      round: open, condition, answeredCount: 4, via: 'channel', problem: 'Storage is down.',
      answer: { rating: 'partly', level: 'practitioner', comment: 'old' },
      draft: { rating: 'fully', level: 'practitioner', comment: 'new' },
    });
    expect(inputById(card, INPUT_IDS.rating).value).toBe('fully');
    expect(inputById(card, INPUT_IDS.comment).value).toBe('new');
    expect(markdownTexts(card)).toContain('Your answer: Partly in place, as Practitioner');
  });
});

describe('the card once the round has closed', () => {
  const closed = round({ status: 'closed', closedAt: '2026-06-30T23:30:00.000Z' });

  it('has no inputs and no actions, and says when it closed (UK date) and how many answered', () => {
    const card = conditionCard({ round: closed, condition, answeredCount: 14, via: 'channel' });
    expect(inputsOf(card)).toEqual([]);
    expect(actionsOf(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
    // 23:30 UTC on 30 June is 00:30 on 1 July in London.
    expect(visibleText(card)).toContain('This audit round closed on 1 July 2026. 14 people answered this condition.');
  });

  it('words one answer and none', () => {
    expect(visibleText(conditionCard({ round: closed, condition, answeredCount: 1, via: 'channel' }))).toContain('1 person answered this condition.');
    expect(visibleText(conditionCard({ round: closed, condition, answeredCount: 0, via: 'channel' }))).toContain('No one answered this condition.');
  });

  it("gives the condition's completion against the team's members kept at close, and none when they were not kept", () => {
    const card = conditionCard({ round: { ...closed, membersAtClose: 52 }, condition, answeredCount: 14, via: 'channel' });
    expect(visibleText(card)).toContain('14 people answered this condition. Completion: 14 of 52 members (27%).');
    expect(visibleText(conditionCard({ round: closed, condition, answeredCount: 14, via: 'channel' }))).not.toContain('Completion');
  });
});
