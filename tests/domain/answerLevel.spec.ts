import { decideLevel, levelInRound, peopleAtTwoLevels } from '../../bot/domain/answerLevel';
import { refusalOf } from '../support/refusal';
import type { LevelId } from '../../bot/domain/levels';

/** One person, one level per audit round: what each kind of card may do to it. */
const refusal = refusalOf;

describe("a person's level in an audit round", () => {
  it('is set by their first answer: the level they give, or the one remembered for the team', () => {
    expect(decideLevel({ level: 'supervisor' }, {})).toEqual({ level: 'supervisor' });
    expect(decideLevel({ level: 'supervisor' }, { remembered: 'practitioner' })).toEqual({ level: 'supervisor' });
    expect(decideLevel({}, { remembered: 'practitioner' })).toEqual({ level: 'practitioner' });
    expect(refusal(() => decideLevel({ level: '' }, {})).code).toBe('LEVEL_REQUIRED');
  });

  it('is kept by an answer without a level, whatever level is remembered for the team', () => {
    expect(decideLevel({}, { inRound: 'senior-leader', remembered: 'practitioner' })).toEqual({ level: 'senior-leader' });
  });

  it("is kept by an own view whose level field was left as it was, even if the view is older than a change", () => {
    // The view showed Practitioner; since then they changed to Supervisor on another card.
    expect(decideLevel({ level: 'practitioner', knownLevel: 'practitioner' }, { inRound: 'supervisor' })).toEqual({ level: 'supervisor' });
  });

  it('changes, for all their answers in the round, when they change the field on their own view', () => {
    expect(decideLevel({ level: 'supervisor', knownLevel: 'practitioner' }, { inRound: 'practitioner' })).toEqual({ level: 'supervisor', movesFrom: 'practitioner' });
  });

  it('is not changed by a different level on the shared card: that is refused, saying what they gave', () => {
    const refused = refusal(() => decideLevel({ level: 'senior-leader' }, { inRound: 'practitioner' }));
    expect(refused.code).toBe('LEVEL_DIFFERS_IN_ROUND');
    expect(refused.message).toBe(
      'You gave your level as Practitioner in this audit round, and all your answers in a round count at one level. ' +
        'Choose Practitioner, or submit again as Senior leader to change the level of all your answers in this round.',
    );
    expect(decideLevel({ level: 'practitioner' }, { inRound: 'practitioner' })).toEqual({ level: 'practitioner' });
  });

  it('changes when the refused card is submitted again', () => {
    expect(decideLevel({ level: 'senior-leader', changeLevel: true }, { inRound: 'practitioner' })).toEqual({ level: 'senior-leader', movesFrom: 'practitioner' });
    expect(decideLevel({ level: 'practitioner', changeLevel: true }, { inRound: 'practitioner' })).toEqual({ level: 'practitioner' });
  });

  it('refuses a level that is not one of the levels', () => {
    expect(refusal(() => decideLevel({ level: 'chief-executive' }, { inRound: 'practitioner' })).code).toBe('INVALID_ANSWER');
  });

  it('is, from stored answers, the level of their latest answer', () => {
    const at = (level: LevelId, answeredAt: string) => ({ level, answeredAt });
    expect(levelInRound([])).toBeUndefined();
    expect(levelInRound([at('practitioner', '2026-03-05T09:00:00Z'), at('supervisor', '2026-03-05T09:02:00Z'), at('practitioner', '2026-03-05T09:01:00Z')])).toBe('supervisor');
  });

  it('finds, among a round\'s answers, the people stored at more than one level, each once', () => {
    const answer = (respondentId: string, level: LevelId) => ({ respondentId, level });
    expect(peopleAtTwoLevels([])).toEqual([]);
    expect(
      peopleAtTwoLevels([answer('ben', 'practitioner'), answer('ama', 'supervisor'), answer('ben', 'senior-leader'), answer('ama', 'supervisor'), answer('ben', 'service-manager')]),
    ).toEqual(['ben']);
  });
});
