import { canBeKey, encodeKey } from '../../bot/storage/keys';

/** What Table storage takes as a PartitionKey or RowKey: the one rule every repository asks. */
describe('a key', () => {
  it('may hold letters, digits and the punctuation our ids use', () => {
    for (const key of ['round-20260302-090000000Z-0f3a', 'C01-4b1d9e', 'open-round', '3fa85f64-5717-4562-b3fc-2c963f66afa6', encodeKey('19:north-general@thread.tacv2')]) {
      expect([key, canBeKey(key)]).toEqual([key, true]);
    }
  });

  it('may not hold / \\ # ? or a control character, nor be empty', () => {
    for (const key of ['a/b', 'a\\b', 'a#b', 'a?b', 'a\u0000b', 'a\u001fb', 'a\u007fb', 'a\u009fb', 'line\nbreak', '']) {
      expect([key, canBeKey(key)]).toEqual([key, false]);
    }
  });

  it('is at most 512 characters (1 KiB of UTF-16)', () => {
    expect(canBeKey('x'.repeat(512))).toBe(true);
    expect(canBeKey('x'.repeat(513))).toBe(false);
    // A team id is encoded (4 characters for every 3 bytes): one of 385 characters no longer fits.
    expect(canBeKey(encodeKey('t'.repeat(384)))).toBe(true);
    expect(canBeKey(encodeKey('t'.repeat(385)))).toBe(false);
  });
});
