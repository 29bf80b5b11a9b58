import type ExcelJS from 'exceljs';
import { aboutLines, tableLines, type AuditGrid, type GridColumn } from '../../../domain/export/auditGrid';
import type { SheetValue } from '../../../domain/export/cellSafety';
import { withoutUnshowable } from '../../../domain/plainText';

const A4 = 9;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const PRINT = { paperSize: A4, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 } } as const;

/** Excel's header and footer codes start with "&": a team's own "&" is written "&&". */
const headerText = (text: string) => text.replace(/&/g, '&&');

/** Excel's limits (Microsoft, "Excel specifications and limits"): characters in a cell, and in a header or footer. */
const CELL_LIMIT = 32_767;
const HEADER_LIMIT = 255;
const CUT_NOTE = ' … [cut here: an Excel cell holds at most 32,767 characters; the whole text is in the CSV and Word files]';

/** A cell's text as Excel can hold it: without what XML forbids, and cut (between code points) to Excel's limit, saying so. */
function cellText(text: string): string {
  const safe = withoutUnshowable(text);
  return safe.length <= CELL_LIMIT ? safe : `${upTo(safe, CELL_LIMIT - CUT_NOTE.length)}${CUT_NOTE}`;
}

/** The start of `text` of at most `max` UTF-16 code units, never half a surrogate pair. */
function upTo(text: string, max: number): string {
  let end = max;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

/** The printed page's header, "<team>, audit round 3", the name cut ("…") to keep it within Excel's limit. */
function pageHeader(teamName: string, round: string): string {
  const team = withoutUnshowable(teamName);
  const whole = `&L${headerText(team ? `${team}, ${round}` : round)}`;
  if (whole.length <= HEADER_LIMIT) return whole;
  const room = HEADER_LIMIT - `&L…, ${round}`.length;
  let cut = team;
  while (headerText(cut).length > room) cut = upTo(cut, cut.length - 1);
  return `&L${headerText(cut.trimEnd())}…, ${round}`;
}

/**
 * Two sheets: the condition table ("Round 3"), its header row the first row and frozen, so the
 * column names stay in view while scrolling, and repeated on every printed page; then "About",
 * the round's details (team, dates, response rate, privacy threshold, the plan's date). Cells are
 * plain strings and numbers, never formulas, and text is escaped as in the CSV (cellSafety.ts),
 * so a copy saved as CSV stays safe. Within Excel's limits: a cell's text over 32,767 characters
 * is cut, saying so, and the page header's team name cut to keep the header to 255 characters. Scores show to one decimal, as the tab shows them (each
 * column's number format). Sized and wrapped to print on A4 landscape, one page wide.
 */
export async function xlsxFile(grid: AuditGrid, round: { readonly number: number; readonly teamName: string }): Promise<Buffer> {
  const workbook = await newWorkbook();
  addTableSheet(workbook, `Round ${round.number}`, grid.columns, tableLines(grid), { name: round.teamName, round: `audit round ${round.number}` });
  addAboutSheet(workbook, aboutLines(grid));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook made by Practice Audit. Loaded when one is asked for: exceljs is large, and most instances never export. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = (await import('exceljs')).default;
  const workbook = new Workbook();
  workbook.creator = 'Practice Audit';
  return workbook;
}

/**
 * A sheet of one table: its header row (`lines[0]`) first and frozen, repeated on every printed
 * page; every cell bordered and wrapped, each column's numbers in its format; the printed page's
 * header "<name>, <round>" (pageHeader). `lines`' cells already made safe (cellSafety.ts).
 */
export function addTableSheet(workbook: ExcelJS.Workbook, name: string, columns: readonly GridColumn[], lines: readonly (readonly SheetValue[])[], header: { readonly name: string; readonly round: string }): void {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    pageSetup: { ...PRINT, printTitlesRow: '1:1' },
    headerFooter: { oddHeader: pageHeader(header.name, header.round), oddFooter: '&LPractice Audit&RPage &P of &N' },
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  lines.forEach((line, i) => {
    const row = sheet.getRow(i + 1);
    line.forEach((value, j) => {
      if (value !== '') row.getCell(j + 1).value = typeof value === 'string' ? cellText(value) : value;
    });
    for (let j = 1; j <= columns.length; j++) {
      const cell = row.getCell(j);
      cell.alignment = { vertical: 'top', wrapText: true };
      cell.border = THIN;
      const format = columns[j - 1]?.numberFormat;
      if (i > 0 && format) cell.numFmt = format;
    }
  });
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => Object.assign(cell, { fill: HEADER_FILL }));
}

/** The "About" sheet: a title line, then one ("label", value) line per detail. */
export function addAboutSheet(workbook: ExcelJS.Workbook, lines: readonly (readonly SheetValue[])[]): void {
  const about = workbook.addWorksheet('About', { pageSetup: { ...PRINT, orientation: 'portrait' } });
  about.columns = [{ width: 22 }, { width: 100 }];
  lines.forEach((line, i) => {
    const row = about.getRow(i + 1);
    line.forEach((value, j) => (row.getCell(j + 1).value = typeof value === 'string' ? cellText(value) : value));
    if (i === 0) row.font = { bold: true, size: 14 };
    else {
      row.getCell(1).font = { bold: true };
      row.getCell(2).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
    }
  });
}
