import { respondentIdFor } from '../../bot/domain/respondent';

describe('respondent ids', () => {
  const oid = '6f1c2b9e-1111-4222-8333-944455556666';

  it('is stable for a person, whatever the case of their object id', () => {
    expect(respondentIdFor(oid, 'key-one-0123456789abcdef0123456789')).toBe(respondentIdFor(oid.toUpperCase(), 'key-one-0123456789abcdef0123456789'));
  });

  it('differs between people and between keys, and never contains the object id', () => {
    const id = respondentIdFor(oid, 'key-one-0123456789abcdef0123456789');
    expect(id).not.toBe(respondentIdFor('6f1c2b9e-1111-4222-8333-944455556667', 'key-one-0123456789abcdef0123456789'));
    expect(id).not.toBe(respondentIdFor(oid, 'key-two-0123456789abcdef0123456789'));
    expect(id).not.toContain(oid.slice(0, 8));
    expect(id).toMatch(/^[0-9a-f]{40}$/);
  });
});
