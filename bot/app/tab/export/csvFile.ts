import type { SheetValue } from '../../../domain/export/cellSafety';

/** Excel reads a UTF-8 CSV as UTF-8 only when it starts with a byte order mark. */
const BOM = '\uFEFF';

/**
 * RFC 4180: CRLF between records, a field quoted when it holds a quote, comma, CR or LF,
 * quotes doubled; every record as wide as the widest, so the file is one rectangle.
 * Cells arrive already made safe from formula injection (gridLines).
 */
export function csvFile(lines: readonly (readonly SheetValue[])[]): Buffer {
  const width = Math.max(...lines.map((line) => line.length));
  const records = lines.map((line) => Array.from({ length: width }, (_, i) => field(line[i] ?? '')).join(','));
  return Buffer.from(`${BOM}${records.join('\r\n')}\r\n`, 'utf8');
}

function field(value: SheetValue): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
