import ExcelJS from 'exceljs';
import { gridOf, startExportRound, type ExportRound } from '../support/exportRound';

/** The Appendix 2 grid as an Excel workbook: the CSV's content, typed, never a formula, laid out to print. */
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
    return { response, bytes, sheet: book.worksheets[0]! };
  };

  it('is a download with a safe file name, never cached', async () => {
    const { response, sheet } = await workbook();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="practice-audit-round-1.xlsx"');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(sheet.name).toBe('Round 1');
  });

  it('holds what the CSV holds, numbers as numbers and text escaped, and no formula anywhere', async () => {
    const [{ sheet }, lines] = await Promise.all([workbook(), round.csvLines()]);
    const cells: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        expect(cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined).toBe(false);
        expect([ExcelJS.ValueType.Null, ExcelJS.ValueType.Merge, ExcelJS.ValueType.Number, ExcelJS.ValueType.String]).toContain(cell.type);
        // A merged cell reads its master's value: it shows nothing of its own.
        const { value } = cell;
        (cells[r - 1] ??= [])[c - 1] = cell.type !== ExcelJS.ValueType.Merge && (typeof value === 'string' || typeof value === 'number') ? String(value) : '';
      });
    });
    const width = lines[0]!.length;
    expect(Array.from(cells, (row) => Array.from({ length: width }, (_, c) => row?.[c] ?? ''))).toEqual(lines);
    const headerRow = gridOf(lines).headerLine + 1;
    expect(sheet.getRow(headerRow + 1).getCell(6).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(headerRow + 1).getCell(4).value).toBe('\'=HYPERLINK("http://evil","click")');
    // Issue 8: a fullwidth ＝ is a formula start too (C04's action).
    expect(sheet.getRow(headerRow + 4).getCell(4).value).toBe('\'\uFF1DHYPERLINK("http://evil-wide","click")');
  });

  it('is laid out to print: columns sized, text wrapped, one page wide, the header repeated', async () => {
    const [{ sheet }, lines] = await Promise.all([workbook(), round.csvLines()]);
    const headerRow = gridOf(lines).headerLine + 1;
    expect(sheet.columns.slice(0, 5).map((c) => c.width)).toEqual([5, 38, 36, 40, 48]);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow}:${headerRow}` });
    for (const column of [2, 3, 4, 5, 9]) expect(sheet.getRow(headerRow + 1).getCell(column).alignment).toMatchObject({ wrapText: true, vertical: 'top' });
  });
});
