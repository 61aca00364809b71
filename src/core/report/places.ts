/**
 * Where a finding is in a document that was read as a sheet (a Word .docx or a text file: see
 * src/hosts/document). The checks point at cells; a report on a document points at what the reader of
 * the document sees: 第N段 (paragraph N) of a Word document, 第N行 (line N) of a text file, and 表T第R行第C列
 * (table T, row R, column C) for a Word table's cell. Plain data, so it crosses worker threads.
 */
import type { Lang } from '../rules/types';

/** Where one sheet row of the document's sheet comes from. */
export interface RowPlace {
  /** The paragraph (Word) or line (text file) number, 1-based; for a text table row, its first line. */
  readonly n?: number;
  /** A Word table's row: the table's number in the document and the row's in the table (1-based). */
  readonly table?: number;
  readonly tableRow?: number;
  /** A text file's table written one cell a line: the line of each column's cell, by column. */
  readonly cellLines?: readonly number[];
}

export interface DocumentPlaces {
  /** `paragraph`: a Word document (第N段); `line`: a text file (第N行). */
  readonly unit: 'paragraph' | 'line';
  /** The sheet the document was read into. */
  readonly sheet: string;
  /** By 0-based sheet row. */
  readonly rows: readonly (RowPlace | null)[];
}

/** A finding's place in the document, as the JSON report gives it beside `sheet` and `cell`. */
export interface DocumentPlace {
  paragraph?: number;
  line?: number;
  table?: { index: number; row: number; column: number };
}

export function documentPlace(places: DocumentPlaces, sheet: string, row: number, col: number): DocumentPlace | undefined {
  if (sheet !== places.sheet) return undefined;
  const p = places.rows[row];
  if (!p) return undefined;
  if (p.table !== undefined && p.tableRow !== undefined) return { table: { index: p.table, row: p.tableRow, column: col + 1 } };
  const n = p.cellLines?.[col] ?? p.n;
  if (n === undefined) return undefined;
  return places.unit === 'paragraph' ? { paragraph: n } : { line: n };
}

/** `第12段`, `第12行`, `表1第3行第2列` (en: `paragraph 12`, `line 12`, `table 1, row 3, column 2`). */
export function documentPlaceText(place: DocumentPlace, lang: Lang): string {
  if (place.table !== undefined) {
    const t = place.table;
    return lang === 'zh' ? `表${t.index}第${t.row}行第${t.column}列` : `table ${t.index}, row ${t.row}, column ${t.column}`;
  }
  if (place.paragraph !== undefined) return lang === 'zh' ? `第${place.paragraph}段` : `paragraph ${place.paragraph}`;
  if (place.line !== undefined) return lang === 'zh' ? `第${place.line}行` : `line ${place.line}`;
  return '';
}
