import { CONDITIONS, findCondition } from '../../bot/domain/conditions';
import { LEVELS } from '../../bot/domain/levels';
import { RATINGS } from '../../bot/domain/ratings';

describe('the audit template', () => {
  it('has the twelve conditions in the report order, with stable ids and evidence', () => {
    expect(CONDITIONS.map((c) => c.id)).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12']);
    expect(findCondition('C02')?.text).toBe('There is leadership at all levels, including practice champions');
    expect(CONDITIONS.every((c) => c.evidence.length > 40)).toBe(true);
  });

  it('offers the five ratings, with "don\'t know" unscored, and the seven default levels', () => {
    expect(RATINGS.map((r) => r.label)).toEqual(['Not in place', 'Partly in place', 'Mostly in place', 'Fully in place', "Don't know"]);
    expect(RATINGS.find((r) => r.id === 'dont-know')?.score).toBeNull();
    expect(LEVELS).toHaveLength(7);
    expect(LEVELS[0]?.label).toBe('Practitioner');
  });
});
