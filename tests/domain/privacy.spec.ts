import { hiddenGroups, suppressCounts } from '../../bot/domain/privacy';

const sizes = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe('small-group suppression', () => {
  it('shows every group when all reach the threshold', () => {
    expect(hiddenGroups(sizes({ practitioner: 12, manager: 5, leader: 7 }), 5).size).toBe(0);
  });

  it('hides a group below the threshold and the next-smallest, so subtraction from the total reveals nothing', () => {
    const hidden = hiddenGroups(sizes({ practitioner: 40, manager: 9, leader: 2, admin: 6 }), 5);
    expect([...hidden].sort()).toEqual(['admin', 'leader']);
  });

  it('keeps hiding the smallest shown groups until the hidden ones together reach the threshold', () => {
    const hidden = hiddenGroups(sizes({ a: 1, b: 1, c: 2, d: 30 }), 5);
    // a+b+c = 4 < 5, so d must go too: nothing can be worked out.
    expect([...hidden].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('stops once two small groups already reach the threshold together', () => {
    expect([...hiddenGroups(sizes({ a: 3, b: 4, c: 20 }), 5)].sort()).toEqual(['a', 'b']);
  });

  it('does not hide empty groups, which say nothing about anyone', () => {
    const cells = suppressCounts(sizes({ practitioner: 10, volunteer: 0, manager: 8 }), 5);
    expect(cells.get('volunteer')).toEqual({ shown: true, count: 0 });
  });

  it('never carries a hidden count, but says why it is hidden', () => {
    const cells = suppressCounts(sizes({ practitioner: 10, leader: 3, manager: 8 }), 5);
    expect(cells.get('leader')).toEqual({ shown: false, reason: 'too-small' });
    expect(cells.get('manager')).toEqual({ shown: false, reason: 'protects-another' });
    expect(cells.get('practitioner')).toEqual({ shown: true, count: 10 });
  });

  it('hides empty groups too when the hidden ones cannot reach the threshold together', () => {
    // One practitioner in all: "fewer than 5" beside shown zeros would say it is one.
    const cells = suppressCounts(sizes({ practitioner: 1, manager: 0, leader: 0 }), 5);
    expect([...cells.values()].every((cell) => !cell.shown)).toBe(true);
    expect(cells.get('manager')).toEqual({ shown: false, reason: 'too-small' });
  });

  it('honours a configured threshold', () => {
    expect(hiddenGroups(sizes({ a: 3, b: 30 }), 3).size).toBe(0);
    expect(hiddenGroups(sizes({ a: 9, b: 30 }), 10).has('a')).toBe(true);
  });
});
