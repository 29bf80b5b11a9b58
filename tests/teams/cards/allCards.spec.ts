import { byteSize, cardProblems } from './cardKit';
import { CATALOGUE } from './catalogue';

describe.each(CATALOGUE)('%s card', (_name, card) => {
  it('parses and validates as an Adaptive Card 1.5 with no problems', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json' });
    expect(cardProblems(card)).toEqual([]);
  });

  it('stays well under the Teams message size limit (28 KB)', () => {
    expect(byteSize(card)).toBeLessThan(28 * 1024);
  });
});

describe('the validation helper', () => {
  // Guards the guard: a broken card must be reported, or the checks above prove nothing.
  it('reports an unknown element, a choice without a value and an unsupported version', () => {
    const broken = {
      type: 'AdaptiveCard', $schema: 'x', version: '1.5',
      body: [{ type: 'Banner' }, { type: 'Input.ChoiceSet', id: 'a', label: 'A', choices: [{ title: 'x' }] }],
    } as const;
    expect(cardProblems(broken as never)).toHaveLength(2);
    expect(cardProblems({ type: 'AdaptiveCard', $schema: 'x', version: '1.7' as '1.5', body: [] })).toHaveLength(1);
  });
});
