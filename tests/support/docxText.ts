import { strFromU8, unzipSync } from 'fflate';

/** A Word file opened as Word would find it: its parts, and the document's text by paragraph, table row and cell. */
export interface OpenedDocx {
  /** Every part of the package (word/document.xml, word/styles.xml, docProps/core.xml…) as text. */
  readonly parts: Readonly<Record<string, string>>;
  readonly documentXml: string;
  /** Every paragraph's text, in order (table cells' paragraphs included). */
  readonly paragraphs: readonly string[];
  /** Each table's rows, each row its cells' text (a cell's paragraphs joined by a line feed). */
  readonly tables: readonly { readonly headerRows: number; readonly rows: readonly (readonly string[])[] }[];
  /** The document's text, paragraphs joined by line feeds. */
  readonly text: string;
}

const unescapeXml = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** A paragraph's text: its runs' text, a `<w:br/>` as a line feed. */
function paragraphText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => (m[0] === '<w:br/>' ? '\n' : unescapeXml(m[1]!))).join('');
}

const paragraphsOf = (xml: string) => [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => paragraphText(m[0]));

/** Unzips a .docx (fflate) and reads word/document.xml with plain patterns (Word's markup from docx is regular). */
export function openDocx(bytes: Uint8Array): OpenedDocx {
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
  const documentXml = parts['word/document.xml'];
  if (documentXml === undefined) throw new Error('no word/document.xml: not a Word document');
  const tables = [...documentXml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((table) => {
    const rows = [...table[0].matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((tr) => tr[0]);
    return {
      headerRows: rows.filter((tr) => tr.includes('<w:tblHeader/>')).length,
      rows: rows.map((tr) => [...tr.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) => paragraphsOf(tc[0]).join('\n'))),
    };
  });
  const paragraphs = paragraphsOf(documentXml);
  return { parts, documentXml, paragraphs, tables, text: paragraphs.join('\n') };
}
