import { csvFile } from '../../../bot/app/tab/export/csvFile';
import { safeCell, safeText } from '../../../bot/domain/export/cellSafety';
import { parseCsv } from '../../support/csvParse';

describe('cells safe from formula injection', () => {
  it.each(['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)', '\t=1+1', '\r=1+1'])('prefixes %j with a single quote', (text) => {
    expect(safeText(text)).toBe(`'${text}`);
  });

  // Issue 8: the fullwidth forms East Asian keyboards type, and anything else that NFKC-normalises
  // to = + - @, start a formula in a spreadsheet that normalises its input.
  it.each([
    ['fullwidth equals', '\uFF1DHYPERLINK("http://evil")'],
    ['fullwidth plus', '\uFF0B1'],
    ['fullwidth hyphen-minus', '\uFF0D2'],
    ['fullwidth commercial at', '\uFF20SUM(A1)'],
    ['small equals', '\uFE66cmd'],
    ['small hyphen-minus', '\uFE632'],
    ['superscript equals', '\u207C1'],
    ['superscript minus', '\u207B1'],
    ['minus sign', '\u22121+1'],
    ['tab', '\tanything'],
    ['carriage return', '\ranything'],
    ['line feed before a formula', '\n=1+1'],
  ])('prefixes a cell starting with a %s', (_name, text) => {
    expect(safeText(text)).toBe(`'${text}`);
  });

  // Spreadsheets that trim leading spaces on import (LibreOffice's "Trim spaces") would read these as formulas.
  it.each([' =1', '   +1', '\u00A0@SUM(A1)', '\u3000\uFF1D1', '\u200B=1', '\uFEFF-1', ' \n =1'])(
    'prefixes %j: white space or an invisible character before a formula start',
    (text) => {
      expect(safeText(text)).toBe(`'${text}`);
    },
  );

  it.each(['1', "'=1", 'Plan: =1', '', '   ', 'Café – 2026', '– en dash first', '\uFF21 fullwidth A', 'a=b'])('leaves %j as it is', (text) => {
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
