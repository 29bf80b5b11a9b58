import type { Paragraph as ParagraphType, Table as TableType, TableCell as TableCellType } from 'docx';
import type { ReportRow, RoundReport } from '../../../domain/export/roundReport';
import { actionFacts } from '../../../domain/export/reportText';

/** The reports' look (Arial, UK English, headings kept with what follows): the round's report and the organisation's. */
export const REPORT_STYLES = {
  default: {
    document: { run: { font: 'Arial', size: 22, language: { value: 'en-GB' } }, paragraph: { spacing: { after: 120 } } },
    title: { run: { font: 'Arial', size: 44, bold: true } },
    heading1: { run: { font: 'Arial', size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
    heading2: { run: { font: 'Arial', size: 26, bold: true }, paragraph: { spacing: { before: 200, after: 100 }, keepNext: true } },
  },
};
import { bullet, para, runs, xmlSafe, type Docx } from './docxText';

/** A4 in twentieths of a point, portrait; a landscape section gives the same with `orientation`. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1000;
/** The landscape table's columns: condition, now, need, progress (their sum is the page's width less the margins). */
const COLUMNS = [2900, 4400, 3300, 4238];
const HEADERS = ['Condition', 'What happens now?', 'What needs to happen?', 'How will you progress this?'];
const GREY = 'E8E8E8';

/**
 * A round's report as a Word document (docx 9): a front page (team, round, dates, response rate,
 * privacy threshold and what it means), Ofsted's three questions answered, then Appendix 2's grid
 * on landscape pages, one row per condition, its header row repeated on every page. Word's own
 * Title, Heading 1 and Heading 2 styles and lists, so the structure reads in a screen reader and
 * the navigation pane; text in UK English (the document's language is en-GB).
 */
export async function docxFile(report: RoundReport): Promise<Buffer> {
  // Required here, not imported: the module is large (45 ms to load), and most instances never write a report.
  const docx = require('docx') as Docx;
  const { AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, TextRun } = docx;
  const footer = new Footer({
    children: [new docx.Paragraph({
      alignment: AlignmentType.RIGHT,
      children: [new TextRun({ text: xmlSafe(`Practice Audit · ${report.teamName} · round ${report.roundNumber} · page `) }), new TextRun({ children: [PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
    })],
  });
  const page = (orientation: 'portrait' | 'landscape') => ({
    size: { ...A4, orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
  });

  const document = new Document({
    title: xmlSafe(report.title),
    subject: 'Self-audit of the conditions which promote good practice (Appendix 2)',
    creator: 'Practice Audit',
    description: `Audit round ${report.roundNumber}: figures, evidence and plan. No comments or names of staff.`,
    styles: REPORT_STYLES,
    sections: [
      { properties: { page: page('portrait') }, footers: { default: footer }, children: [...frontPage(docx, report), ...ofstedSection(docx, report)] },
      { properties: { page: page('landscape') }, footers: { default: footer }, children: appendix(docx, report) },
    ],
  });
  return Packer.toBuffer(document);
}

function frontPage(docx: Docx, report: RoundReport): ParagraphType[] {
  const { HeadingLevel } = docx;
  return [
    para(docx, report.title, { heading: HeadingLevel.TITLE }),
    para(docx, 'A self-audit of the conditions which promote good practice in children\'s social care (Appendix 2), by staff at every level, with the evidence and the plan.'),
    ...report.facts.map((fact) => para(docx, fact.value, { lead: `${fact.label}: ` })),
    para(docx, 'Privacy', { heading: HeadingLevel.HEADING_2 }),
    para(docx, report.privacy),
  ];
}

function ofstedSection(docx: Docx, report: RoundReport): ParagraphType[] {
  const { HeadingLevel } = docx;
  return [
    para(docx, "Ofsted's self-evaluation questions", { heading: HeadingLevel.HEADING_1, pageBreakBefore: true }),
    para(docx, 'Answered from the same figures, evidence notes and plan as Appendix 2, which follows.'),
    ...report.ofsted.flatMap((answer) => [
      para(docx, answer.question, { heading: HeadingLevel.HEADING_2 }),
      ...answer.blocks.flatMap((block) => ('paragraph' in block ? [para(docx, block.paragraph)] : block.list.map((item) => bullet(docx, item)))),
    ]),
  ];
}

function appendix(docx: Docx, report: RoundReport): (ParagraphType | TableType)[] {
  const { HeadingLevel, Table, TableRow, WidthType } = docx;
  const cell = (children: ParagraphType[], width: number, header = false): TableCellType =>
    new docx.TableCell({ children: children.length > 0 ? children : [para(docx, '')], width: { size: width, type: WidthType.DXA }, ...(header ? { shading: { fill: GREY, type: docx.ShadingType.CLEAR, color: 'auto' } } : {}) });
  const header = new TableRow({ tableHeader: true, cantSplit: true, children: HEADERS.map((text, i) => cell([para(docx, text, { bold: true })], COLUMNS[i]!, true)) });
  // A condition's row is kept on one page where it fits (Word still breaks a row taller than a page).
  const rows = report.rows.map((row) => new TableRow({ cantSplit: true, children: rowCells(docx, row).map((paragraphs, i) => cell(paragraphs, COLUMNS[i]!)) }));
  return [
    para(docx, 'Appendix 2: conditions which promote good practice', { heading: HeadingLevel.HEADING_1 }),
    para(docx, `One row per condition. Scores are the mean of staff's ratings from 0 (not in place) to 3 (fully in place); "don't know" is not scored. The plan: ${report.planAsOf.charAt(0).toLowerCase()}${report.planAsOf.slice(1)}.`),
    new Table({ rows: [header, ...rows], width: { size: COLUMNS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: COLUMNS, layout: docx.TableLayoutType.FIXED }),
  ];
}

/** The four cells of a condition's row, as paragraphs. */
function rowCells(docx: Docx, row: ReportRow): ParagraphType[][] {
  const numbered = row.actions.length > 1;
  const n = (i: number) => (numbered ? `${i + 1}. ` : '');
  const now = [
    para(docx, row.figures),
    ...(row.byLevel ? [para(docx, row.byLevel)] : []),
    ...(row.disagreement ? [para(docx, row.disagreement)] : []),
    ...(row.evidence.length > 0 ? [para(docx, 'Evidence', { bold: true }), ...row.evidence.map((note) => para(docx, note.found, { lead: `${note.about}: ` }))] : []),
  ];
  const need = row.actions.length === 0 ? [para(docx, 'No action in the plan yet.')] : row.actions.map((action, i) => para(docx, `${n(i)}${action.need}`));
  const progress = row.actions.flatMap((action, i) => [
    new docx.Paragraph({ children: [new docx.TextRun({ text: n(i), bold: true }), ...runs(docx, action.progress || actionFacts(action))] }),
    ...(action.progress ? [para(docx, actionFacts(action))] : []),
    ...(action.history ? [para(docx, action.history, { lead: 'Status: ' })] : []),
    ...action.notes.map((note) => para(docx, note, { lead: 'Progress: ' })),
  ]);
  return [[para(docx, `${row.condition.number}. ${row.condition.text}`, { bold: true })], now, need, progress];
}
