/**
 * A plain-text disclosure (.txt) read into the one sheet of sheet.ts, a line a row, so that row N is
 * line N (第N行) wherever the text has no table:
 *
 * - Decoding: a byte-order mark says UTF-8, UTF-16LE or UTF-16BE; without one the bytes are UTF-8 when
 *   they are valid UTF-8 (or nearly: a few bad bytes among many UTF-8 characters, as in a file cut in the
 *   middle of a character, are read as U+FFFD), else GB18030 (which covers GBK and GB2312: what Notepad and
 *   WPS save as "ANSI" on a Chinese Windows). A NUL byte without a UTF-16 mark is binary, not text.
 * - A line with a tab after its first character (`label<TAB>content`, a table row copied from Word or
 *   Excel) has its fields in columns A, B, C …
 * - Word's "table to text" with one cell a line (each line starting with a tab, rows separated by one
 *   blank line, as seeds/jiangchuan-edu-2023-key-projects.txt has it) is read back as a table: each
 *   row of cells one sheet row. It is taken as a table only when two such rows or more follow one
 *   another and one of them has two cells or more, so that paragraphs indented with a tab stay lines.
 */
import type { SheetBuilder } from './sheet';
import { XlsxReadError } from '../xlsx/errors';
import { DocumentReadError } from './errors';

/** Decodes the bytes of a text file; throws `not-text` when they are not text. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DocumentReadError('empty-file');
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) throw new DocumentReadError('not-text');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    if (bom) throw new DocumentReadError('not-text', { detail: 'a UTF-8 byte-order mark before bytes that are not UTF-8' });
  }
  // UTF-8 with a few bad bytes (a file cut in the middle of a character, a stray byte): read as UTF-8, the bad
  // bytes as U+FFFD, not the whole text as GB18030 mojibake. GBK text read as UTF-8 is mostly bad bytes.
  const lenient = new TextDecoder('utf-8').decode(body);
  let bad = 0;
  let good = 0;
  for (let i = 0; i < lenient.length; i++) {
    const c = lenient.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c >= 0x80) good++;
  }
  if (good >= 20 * bad) return lenient;
  return new TextDecoder('gb18030').decode(body);
}

// eslint-disable-next-line no-control-regex -- the control characters are what this matches
const BINARY = /[\x01-\x08\x0E-\x1A\x1C-\x1F]/;

/**
 * Whether bytes with no name to go by (standard input) are a Chinese text file: they decode as
 * decodeText decodes them (a byte-order mark, UTF-8, else GB18030), hold no control character of a
 * binary file and no more than one undecodable character in a hundred, and have Chinese in them.
 * Random bytes fail the control characters long before the Chinese: a binary file is never taken for text.
 */
export function isChineseText(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = decodeText(bytes);
  } catch {
    return false;
  }
  if (BINARY.test(text)) return false;
  let bad = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0xfffd) bad++;
  return bad * 100 <= text.length && /\p{Script=Han}/u.test(text);
}

const isCellLine = (line: string): boolean => line.startsWith('\t') && !line.includes('\t', 1);

/** A run of one-cell-a-line rows starting at `i`: the rows (first line index of each cell) and the line after. */
function cellTable(lines: readonly string[], i: number): { rows: number[][]; end: number } | undefined {
  const rows: number[][] = [];
  let k = i;
  for (;;) {
    const row: number[] = [];
    while (k < lines.length && isCellLine(lines[k]!)) row.push(k++);
    if (row.length === 0) break;
    rows.push(row);
    // one blank line between rows; the table goes on when a cell line follows it
    if (k + 1 < lines.length && lines[k] === '' && isCellLine(lines[k + 1]!)) k++;
    else break;
  }
  if (rows.length < 2 || !rows.some((r) => r.length > 1)) return undefined;
  return { rows, end: k };
}

/**
 * The columns of a row of `count` cells in a table `width` cells wide. Flattening lost the merged
 * spans; a header row (above the first row of full width) with fewer cells is read as Word's header
 * blocks are usually merged: its cells from the left, its last cell in the last column (a 备注 column
 * spanning the header rows). Other rows take their cells from the left.
 */
function columnsOf(count: number, width: number, header: boolean): number[] {
  const cols = Array.from({ length: count }, (_, j) => j);
  if (header && count > 1 && count < width) cols[count - 1] = width - 1;
  return cols;
}

/** Reads the decoded text into `sheet`. */
export function readTextLines(text: string, sheet: SheetBuilder, maxLines: number): void {
  if (BINARY.test(text)) throw new DocumentReadError('not-text');
  // the lines are counted before the text is split: a file of line breaks alone stops here, not in memory
  for (const end of ['\n', '\r']) {
    let breaks = 0;
    for (let i = text.indexOf(end); i >= 0; i = text.indexOf(end, i + 1)) {
      if (++breaks > maxLines) throw new XlsxReadError('limit-exceeded', { limit: 'cells', max: maxLines });
    }
  }
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
  // a final line break ends the last line; it does not start another
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isCellLine(line)) {
      const t = cellTable(lines, i);
      if (t) {
        const width = Math.max(...t.rows.map((r) => r.length));
        const firstFull = t.rows.findIndex((r) => r.length === width);
        t.rows.forEach((row, r) => {
          const cols = columnsOf(row.length, width, r < firstFull);
          const cellLines: number[] = [];
          row.forEach((k, j) => (cellLines[cols[j]!] = k + 1));
          sheet.tableRow(
            row.map((k, j) => ({ col: cols[j]!, text: lines[k]!.slice(1) })),
            { n: row[0]! + 1, cellLines },
          );
        });
        i = t.end;
        continue;
      }
    }
    if (line.includes('\t', 1)) {
      const fields = line.split('\t');
      sheet.tableRow(
        fields.map((text, col) => ({ col, text })),
        { n: i + 1 },
      );
    } else sheet.paragraph(line, { n: i + 1 });
    i++;
  }
}
