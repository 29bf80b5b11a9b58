import { withoutUnshowable } from '../../../domain/plainText';
import type { IParagraphOptions, IRunOptions, Paragraph as ParagraphType, TextRun as TextRunType } from 'docx';

/** The docx module, loaded when a report is asked for (it is large, and most instances never write one). */
export type Docx = typeof import('docx');

/**
 * Text as Word can hold it: without the characters XML 1.0 forbids (domain/plainText.ts). New
 * plan and evidence text cannot hold them, but text kept before they were refused, or a team's
 * name, might: one would make a file Word refuses to open.
 */
export const xmlSafe = withoutUnshowable;

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
