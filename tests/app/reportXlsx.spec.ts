import ExcelJS from 'exceljs';
import { xlsxFile } from '../../bot/app/tab/export/xlsxFile';
import { auditGrid } from '../../bot/domain/export/auditGrid';
import type { ReportInput } from '../../bot/domain/export/roundReport';
import { action, reportInput } from '../domain/export/reportFixture';

/**
 * The Excel workbook against Excel's own limits (issue 11's reports, attacked): written with
 * exceljs, then opened again with exceljs, whose XML parser (saxes) is as strict as Excel's.
 */
const EXCEL_CELL_LIMIT = 32_767;
const EXCEL_HEADER_LIMIT = 255;

async function written(input: ReportInput) {
  const grid = auditGrid({ ...input, exportedAt: input.generatedAt });
  const bytes = await xlsxFile(grid, { number: input.round.number, teamName: input.teamName });
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return { sheet: book.worksheets[0]!, about: book.worksheets[1]! };
}
const plan = (actions: ReportInput['plan']['actions']): ReportInput['plan'] => ({ actions, asOf: 'now', at: '2027-04-02T10:00:00Z' });
const textOf = (cell: ExcelJS.Cell) => (typeof cell.value === 'string' ? cell.value : '');

describe('the Excel workbook', () => {
  it("opens whatever the text holds: a character XML forbids (U+FFFF, a control character, half an emoji) in a team's name or in text kept before they were refused is left out", async () => {
    const input = reportInput({
      teamName: 'North\uFFFF team',
      plan: plan([action('C01', 'Restart\uFFFE group\u0001 discussion \uD83D', { owner: 'Head of service\uFFFF' })]),
    });
    const { sheet, about } = await written(input);
    expect(textOf(sheet.getRow(2).getCell(4))).toBe('Restart group discussion ');
    expect(textOf(about.getRow(2).getCell(2))).toBe('North team');
  });

  it("keeps every cell within Excel's 32,767 characters, saying where one was cut and where the whole text is", async () => {
    // A condition with forty actions, each with a need and a progress of 2,000 characters.
    const many = Array.from({ length: 40 }, (_, i) => action('C06', `${i} ${'n'.repeat(1990)}`, { progress: 'p'.repeat(2000), owner: 'Head of service' }));
    const { sheet } = await written(reportInput({ plan: plan(many) }));
    const row = sheet.getRow(7);
    for (const column of [4, 5]) {
      const text = textOf(row.getCell(column));
      expect(text.length).toBeLessThanOrEqual(EXCEL_CELL_LIMIT);
      expect(text).toMatch(column === 4 ? /^1\. 0 n+\n2\. 1 n/ : /^1\. p+ — Owner: Head of service/);
      expect(text).toMatch(/cut here: an Excel cell holds at most 32,767 characters; the whole text is in the CSV and Word files\]$/);
    }
  });

  it("keeps the printed page's header within Excel's 255 characters, for a team name as long as Teams allows (256)", async () => {
    const { sheet } = await written(reportInput({ teamName: `${'Children & families '.repeat(12)}North`.slice(0, 256) }));
    const header = sheet.headerFooter.oddHeader ?? '';
    expect(header.length).toBeLessThanOrEqual(EXCEL_HEADER_LIMIT);
    expect(header).toMatch(/^&LChildren && families Children && families /);
    expect(header).toMatch(/…, audit round 2$/);
  });
});
