import { csvFile } from '../../../bot/app/tab/export/csvFile';
import { safeCell, safeText } from '../../../bot/domain/export/cellSafety';
import { parseCsv } from '../../support/csvParse';

describe('cells safe from formula injection', () => {
  it.each(['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)', '\t=1+1', '\r=1+1'])('prefixes %j with a single quote', (text) => {
    expect(safeText(text)).toBe(`'${text}`);
  });

  it.each(['1', ' =1', "'=1", 'Plan: =1', '', 'Café – 2026'])('leaves %j as it is', (text) => {
    expect(safeText(text)).toBe(text);
  });

  it('keeps numbers as numbers and writes nothing for an empty cell', () => {
    expect(safeCell(1.45)).toBe(1.45);
    expect(safeCell(null)).toBe('');
    expect(safeCell('-2 posts')).toBe("'-2 posts");
  });
});

describe('the CSV file', () => {
  it('is UTF-8 with a byte order mark, CRLF records, every record as wide as the widest', () => {
    const text = csvFile([['Title'], ['a', 1], []]).toString('utf8');
    expect(text).toBe('\uFEFFTitle,\r\na,1\r\n,\r\n');
  });

  it('quotes a field holding a quote, comma or line break, doubling quotes, and reads back exactly', () => {
    const awkward = ['say "no", please', 'line one\nline two', 'cr\rhere', 'plain', 'Café – 2026', ''];
    const text = csvFile([awkward, [1, 2.5]]).toString('utf8');
    expect(text).toContain('"say ""no"", please"');
    expect(text).toContain(',plain,');
    expect(parseCsv(text.slice(1))).toEqual([awkward, ['1', '2.5', '', '', '', '']]);
  });
});
