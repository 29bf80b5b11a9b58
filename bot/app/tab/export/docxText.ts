import type { IParagraphOptions, IRunOptions, Paragraph as ParagraphType, TextRun as TextRunType } from 'docx';

/** The docx module, loaded when a report is asked for (it is large, and most instances never write one). */
export type Docx = typeof import('docx');

/**
 * Characters XML 1.0 forbids (C0 controls other than tab, line feed and carriage return; U+FFFE,
 * U+FFFF; unpaired surrogates): a plan action or team name holding one would make a file Word
 * refuses to open, so they are dropped from everything written.
 */
// eslint-disable-next-line no-control-regex -- matching them is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Runs for text that may hold line breaks (a plan action written over several lines keeps them). */
export function runs(docx: Docx, text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRunType[] {
  return xmlSafe(text).split(/\r\n|\r|\n/).map((line, i) => new docx.TextRun({ ...options, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

/** A paragraph of plain text, optionally with a bold lead ("Evidence: …"). */
export function para(docx: Docx, text: string, options: Omit<IParagraphOptions, 'text' | 'children'> & { lead?: string; bold?: boolean } = {}): ParagraphType {
  const { lead, bold, ...rest } = options;
  return new docx.Paragraph({
    ...rest,
    children: [...(lead ? [new docx.TextRun({ text: xmlSafe(lead), bold: true })] : []), ...runs(docx, text, bold ? { bold } : {})],
  });
}

/** A bulleted item (Word's own list, so screen readers announce it as a list). */
export function bullet(docx: Docx, text: string): ParagraphType {
  return para(docx, text, { bullet: { level: 0 } });
}
