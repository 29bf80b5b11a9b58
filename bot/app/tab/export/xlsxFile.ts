import type ExcelJS from 'exceljs';
import { gridLines, type AuditGrid } from '../../../domain/export/auditGrid';

const A4 = 9;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/**
 * One sheet: the header block, then the grid. Cells are plain strings and numbers, never
 * formulas, and text is escaped as in the CSV (gridLines), so a copy saved as CSV stays safe.
 * Sized and wrapped to print on A4 landscape, one page wide, the grid's header on every page.
 */
export async function xlsxFile(grid: AuditGrid, sheetName: string): Promise<Buffer> {
  // Loaded when a workbook is asked for: exceljs is large, and most instances never export.
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Practice Audit';
  const sheet = workbook.addWorksheet(sheetName, {
    pageSetup: { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '&LPractice Audit&RPage &P of &N' },
  });
  sheet.columns = grid.columns.map((column) => ({ width: column.width }));

  const { lines, tableHeader } = gridLines(grid);
  lines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    line.forEach((value, j) => {
      if (value !== '') row.getCell(j + 1).value = value;
    });
    if (i === 0) row.font = { bold: true, size: 14 };
    else if (i < tableHeader) {
      row.getCell(1).font = { bold: true };
      if (line.length > 1) sheet.mergeCells(i + 1, 2, i + 1, 5);
      row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
    } else if (i >= tableHeader) {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.alignment = { vertical: 'top', wrapText: true };
        cell.border = THIN;
      });
      for (let j = line.length + 1; j <= grid.columns.length; j++) Object.assign(row.getCell(j), { border: THIN });
    }
  });
  const header = sheet.getRow(tableHeader + 1);
  header.font = { bold: true };
  header.eachCell((cell) => Object.assign(cell, { fill: HEADER_FILL }));
  sheet.getColumn(8).numFmt = '0.0';
  sheet.pageSetup.printTitlesRow = `${tableHeader + 1}:${tableHeader + 1}`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
