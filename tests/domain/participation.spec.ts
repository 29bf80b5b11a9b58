import type { ConditionId } from '../../bot/domain/conditions';
import type { LevelId } from '../../bot/domain/levels';
import { participationOf } from '../../bot/domain/participation';

const answer = (respondentId: string, conditionId: ConditionId, level: LevelId, answeredAt = '2026-11-01T10:00:00Z') => ({ respondentId, conditionId, level, answeredAt });

describe('participation', () => {
  const practitioners = Array.from({ length: 6 }, (_, i) => `p${i}`);

  it('counts distinct people, answers by condition, and people by level', () => {
    const answers = [
      ...practitioners.flatMap((id) => [answer(id, 'C01', 'practitioner'), answer(id, 'C02', 'practitioner')]),
      ...['m1', 'm2', 'm3', 'm4', 'm5'].map((id) => answer(id, 'C01', 'supervisor')),
    ];
    const participation = participationOf(answers, 5);
    expect(participation.respondents).toBe(11);
    expect(participation.answersByCondition.get('C01')).toBe(11);
    expect(participation.answersByCondition.get('C02')).toBe(6);
    expect(participation.answersByCondition.get('C12')).toBe(0);
    expect(participation.respondentsByLevel.get('practitioner')).toEqual({ shown: true, count: 6 });
    expect(participation.respondentsByLevel.get('supervisor')).toEqual({ shown: true, count: 5 });
  });

  it('counts a person who changed level once, at their latest level', () => {
    const answers = [answer('x', 'C01', 'practitioner', '2026-11-01T10:00:00Z'), answer('x', 'C02', 'supervisor', '2026-11-01T11:00:00Z')];
    const participation = participationOf(answers, 1);
    expect(participation.respondents).toBe(1);
    expect(participation.respondentsByLevel.get('supervisor')).toEqual({ shown: true, count: 1 });
    expect(participation.respondentsByLevel.get('practitioner')).toEqual({ shown: true, count: 0 });
  });

  it('suppresses a level below the threshold', () => {
    const answers = [...practitioners.map((id) => answer(id, 'C01', 'practitioner')), answer('s1', 'C01', 'senior-leader')];
    const byLevel = participationOf(answers, 5).respondentsByLevel;
    expect(byLevel.get('senior-leader')).toEqual({ shown: false, reason: 'too-small' });
  });
});
