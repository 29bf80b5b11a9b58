import type ExcelJS from 'exceljs';
import { aboutLines, tableLines, type AuditGrid } from '../../../domain/export/auditGrid';

const A4 = 9;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const PRINT = { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } } as const;

/** Excel's header and footer codes start with "&": a team's own "&" is written "&&". */
const headerText = (text: string) => text.replace(/&/g, '&&');

/**
 * Two sheets: the condition table (`sheetName`), its header row the first row and frozen, so the
 * column names stay in view while scrolling, and repeated on every printed page; then "About",
 * the round's details (team, dates, response rate, privacy threshold, the plan's date). Cells are
 * plain strings and numbers, never formulas, and text is escaped as in the CSV (cellSafety.ts),
 * so a copy saved as CSV stays safe. Scores show to one decimal, as the tab shows them (each
 * column's number format). Sized and wrapped to print on A4 landscape, one page wide.
 */
export async function xlsxFile(grid: AuditGrid, sheetName: string, pageHeader: string): Promise<Buffer> {
  // Loaded when a workbook is asked for: exceljs is large, and most instances never export.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Practice Audit';
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { ...PRINT, printTitlesRow: '1:1' },
    headerFooter: { oddHeader: `&L${headerText(pageHeader)}`, oddFooter: '&LPractice Audit&RPage &P of &N' },
  });
  sheet.columns = grid.columns.map((column) => ({ width: column.width }));
  tableLines(grid).forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    line.forEach((value, j) => {
      if (value !== '') row.getCell(j + 1).value = value;
    });
    for (let j = 1; j <= grid.columns.length; j++) {
      const cell = row.getCell(j);
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = THIN;
      const format = grid.columns[j - 1]?.numberFormat;
      if (i > 0 && format) cell.numFmt = format;
    }
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.eachCell((cell) => Object.assign(cell, { fill: HEADER_FILL }));

  const about = workbook.addWorksheet('About', { pageSetup: { ...PRINT, orientation: 'portrait' } });
  about.columns = [{ width: 22 }, { width: 100 }];
  aboutLines(grid).forEach((line, i) => {
    const row = about.getRow(i + 1);
    line.forEach((value, j) => (row.getCell(j + 1).value = value));
    if (i === 0) row.font = { bold: true, size: 14 };
    else {
      row.getCell(1).font = { bold: true };
      row.getCell(2).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    }
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
