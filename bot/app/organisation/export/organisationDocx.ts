import type { Paragraph as ParagraphType, Table as TableType } from 'docx';
import type { GridValue } from '../../../domain/export/auditGrid';
import type { OrganisationExport } from '../../../domain/export/organisationExport';
import type { ExportTable } from '../../../domain/export/organisationTables';
import { para, runs, xmlSafe, type Docx } from '../../tab/export/docxText';
import { REPORT_STYLES } from '../../tab/export/docxFile';

/** A4 in twentieths of a point; the tables' landscape width less the margins is shared by their columns. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1000;
const LANDSCAPE_WIDTH = A4.height - 2 * MARGIN;
const GREY = 'E8E8E8';
/** Table text at 8 points: the teams' tables have a column per condition. */
const TABLE_TEXT = 16;

/**
 * The organisation view as a Word document (docx 9), as a team's report is made (docxFile.ts):
 * a front page (the round, its dates, teams, staff who answered, the privacy rule), then each
 * table on landscape pages under its own Heading 1, its header row repeated on every page. Word's
 * own styles, so it reads in a screen reader and the navigation pane; the language is en-GB.
 */
export async function organisationDocx(file: OrganisationExport): Promise<Buffer> {
  // Required here, not imported: the module is large, and most instances never write a report.
  const docx = require('docx') as Docx;
  const { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, TextRun, HeadingLevel } = docx;
  const footer = new Footer({
    children: [new docx.Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: `Practice Audit · organisation · service-wide round ${file.serviceRoundNumber} · page ` }), new TextRun({ children: [PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
    })],
  });
  const page = (landscape: boolean) => ({
    size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  });
  const document = new Document({
    title: xmlSafe(file.title),
    subject: 'Self-audit of the conditions which promote good practice (Appendix 2), across the organisation',
    creator: 'Practice Audit',
    description: `Service-wide round ${file.serviceRoundNumber}: figures across teams, response rates and plans. No comments or names of staff.`,
    styles: REPORT_STYLES,
    sections: [
      {
        properties: { page: page(false) },
        footers: { default: footer },
        children: [
          para(docx, file.title, { heading: HeadingLevel.TITLE }),
          ...file.details.map(([label, value]) => para(docx, text(value), { lead: `${label}: ` })),
          para(docx, 'Privacy', { heading: HeadingLevel.HEADING_2 }),
          para(docx, file.privacy),
        ],
      },
      { properties: { page: page(true) }, footers: { default: footer }, children: file.tables.flatMap((table, i) => tableSection(docx, table, i > 0)) },
    ],
  });
  return Packer.toBuffer(document);
}

function tableSection(docx: Docx, table: ExportTable, pageBreakBefore: boolean): (ParagraphType | TableType)[] {
  const { HeadingLevel, Table, TableRow, WidthType } = docx;
  const total = table.columns.reduce((sum, c) => sum + c.width, 0);
  const widths = table.columns.map((c) => Math.floor((c.width / total) * LANDSCAPE_WIDTH));
  const cell = (value: GridValue, i: number, header: boolean) => new docx.TableCell({
    children: [new docx.Paragraph({ children: runs(docx, header ? text(value) : text(value, table.columns[i]?.numberFormat), { size: TABLE_TEXT, bold: header }) })],
    width: { size: widths[i]!, type: WidthType.DXA },
    ...(header ? { shading: { fill: GREY, type: docx.ShadingType.CLEAR, color: 'auto' } } : {}),
  });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: table.columns.map((c, i) => cell(c.header, i, true)) });
  const rows = table.rows.map((row) => new TableRow({ cantSplit: true, children: table.columns.map((_, i) => cell(row[i] ?? null, i, false)) }));
  return [
    para(docx, table.title, { heading: HeadingLevel.HEADING_1, pageBreakBefore }),
    para(docx, table.note),
    new Table({ rows: [header, ...rows], width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: widths, layout: docx.TableLayoutType.FIXED }),
  ];
}

/** A cell's value as text, as the spreadsheet's number format shows it: scores to one decimal (a change signed), counts as written in the UK ("1,234"). */
function text(value: GridValue, numberFormat?: string): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (numberFormat?.startsWith('+')) return `${value > 0 ? '+' : ''}${value.toFixed(1)}`;
  if (numberFormat === '0.0') return value.toFixed(1);
  return value.toLocaleString('en-GB');
}
