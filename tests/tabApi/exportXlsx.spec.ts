import ExcelJS from 'exceljs';
import { gridOf, startExportRound, type ExportRound } from '../support/exportRound';

/** The Appendix 2 grid as an Excel workbook: the CSV's content, typed, never a formula, laid out to read and to print. */
let round: ExportRound;
beforeAll(async () => {
  round = await startExportRound();
});
afterAll(async () => {
  await round?.stop();
});

describe('the XLSX export', () => {
  const workbook = async () => {
    const { response, bytes } = await round.download('/export.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    return { response, bytes, sheet: book.worksheets[0]!, about: book.worksheets[1]!, book };
  };
  /** A sheet's cells as text, as the CSV gives them. */
  const cellsOf = (sheet: ExcelJS.Worksheet, width: number) => {
    const cells: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect(cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined).toBe(false);
        expect([ExcelJS.ValueType.Null, ExcelJS.ValueType.Number, ExcelJS.ValueType.String]).toContain(cell.type);
        const { value } = cell;
        (cells[r - 1] ??= [])[c - 1] = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
      });
    });
    return Array.from(cells, (row) => Array.from({ length: width }, (_, c) => row?.[c] ?? ''));
  };

  it("is a download named after the team, never cached", async () => {
    const { response, book } = await workbook();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(
      "attachment; filename=\"Practice Audit - Children's Services - North - round 1.xlsx\"; filename*=UTF-8''Practice%20Audit%20-%20Children%27s%20Services%20%E2%80%93%20North%20-%20round%201.xlsx",
    );
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Round 1', 'About']);
  });

  it("holds what the CSV holds (the table on the first sheet, the round's details on the second), numbers as numbers, text escaped, no formula", async () => {
    const [{ sheet, about }, lines] = await Promise.all([workbook(), round.csvLines()]);
    const { headerLine, header, rows } = gridOf(lines);
    expect(cellsOf(sheet, header.length)).toEqual([header, ...rows]);
    expect(cellsOf(about, 2)).toEqual(lines.slice(0, headerLine - 1).map((line) => line.slice(0, 2)));
    expect(sheet.getRow(2).getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(2).getCell(4).value).toBe('\'=HYPERLINK("http://evil","click")');
    // Issue 8: a fullwidth ＝ is a formula start too (C04's action).
    expect(sheet.getRow(5).getCell(4).value).toBe('\'\uFF1DHYPERLINK("http://evil-wide","click")');
  });

  it('keeps the header row in view (frozen) and shows scores to one decimal, as the tab does', async () => {
    const { sheet } = await workbook();
    expect(sheet.views).toEqual([expect.objectContaining({ state: 'frozen', ySplit: 1, xSplit: 0 })]);
    expect(sheet.getRow(1).getCell(2).value).toBe('Condition');
    // C01's all-staff score is 1.5; a whole score would show as 2.0, not 2.
    const c01 = sheet.getRow(2);
    expect(c01.getCell(6)).toMatchObject({ value: 1.5, numFmt: '0.0' });
    expect(c01.getCell(8)).toMatchObject({ value: 15.4, numFmt: '0.0' });
    for (let column = 9; column <= 15; column++) expect(c01.getCell(column).numFmt).toBe('0.0');
    expect(c01.getCell(7)).toMatchObject({ value: 13, numFmt: '#,##0' });
  });

  it('is laid out to print: columns sized, text wrapped, one page wide, the header repeated, the team on every page', async () => {
    const { sheet } = await workbook();
    expect(sheet.columns.slice(0, 5).map((c) => c.width)).toEqual([5, 38, 36, 40, 48]);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
    expect(sheet.headerFooter.oddHeader).toBe("&LChildren's Services – North, audit round 1");
    for (const column of [2, 3, 4, 5, 9, 16]) expect(sheet.getRow(2).getCell(column).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });
});
