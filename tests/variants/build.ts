/**
 * Variant workbooks for QA: small builders that turn rows of values into a WorkbookSnapshot,
 * the way a host adapter would (text cells, number cells, merges). Nothing here reads the
 * product's code: the variants are written the way other bureaus write their workbooks.
 */
import type { Cell, Range, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';

/** A cell value: text, a number, a number with its shown text, or empty. */
export type V = string | number | { n: number; text: string; numFmt?: string } | null | undefined;

export function cellOf(row: number, col: number, v: V): Cell | null {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'string') return { row, col, kind: 'text', value: v, text: v };
  if (typeof v === 'number') return { row, col, kind: 'number', value: v, text: String(v) };
  return { row, col, kind: 'number', value: v.n, text: v.text, ...(v.numFmt !== undefined && { numFmt: v.numFmt }) };
}

/** A sheet from rows (row 0 first); columns left to right. */
export function sheet(name: string, rows: readonly (readonly V[])[], merges: Range[] = []): Omit<SheetSnapshot, 'index'> {
  const cells: Cell[] = [];
  rows.forEach((r, row) =>
    r.forEach((v, col) => {
      const c = cellOf(row, col, v);
      if (c) cells.push(c);
    }),
  );
  return { name, visibility: 'visible', cells, merges };
}

export function workbook(...sheets: Omit<SheetSnapshot, 'index'>[]): WorkbookSnapshot {
  return { sheets: sheets.map((s, index) => ({ ...s, index })) };
}

/** One column: each string a row of column A. */
export function column(lines: readonly string[]): V[][] {
  return lines.map((l) => [l]);
}

/** Money shown with two decimals (number format 0.00). */
export function money(n: number): V {
  return { n, text: n.toFixed(2), numFmt: '0.00' };
}

/** Row r (0-based) and column c (0-based) to A1. */
export function a1(row: number, col = 0): string {
  let s = '';
  let c = col + 1;
  while (c > 0) {
    const m = (c - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    c = Math.floor((c - 1) / 26);
  }
  return `${s}${row + 1}`;
}

/** Row of `needle` (exact cell text, or startsWith) in a one-column list: 0-based. */
export function rowOf(lines: readonly string[], needle: string): number {
  const i = lines.findIndex((l) => l === needle || l.startsWith(needle));
  if (i < 0) throw new Error(`variant builder: no line ${needle}`);
  return i;
}

/** The standard school table header (two header rows + a column-number row), with variant labels. */
export interface TableOptions {
  countLabel: string;
  unit: '万元' | '元';
  /** Labels of the six funding columns. */
  funding?: [string, string, string, string, string, string];
  codeLabel?: string;
  nameLabel?: string;
  numbersRow?: boolean;
}

export type SchoolRowSpec = [code: V, name: string, project: string, count: V, ...funding: V[]];

/** Rows of a school table starting at `top` (rows above are filled with nulls). Returns rows + merges. */
export function schoolTable(
  top: number,
  opts: TableOptions,
  rows: readonly SchoolRowSpec[],
  total: { position: 'first' | 'last'; values: [V, ...V[]] } | null,
): { rows: V[][]; merges: Range[] } {
  const f = opts.funding ?? ['小计', '中央', '省级', '州市', '县（市、区）', '其它'];
  const out: V[][] = [];
  for (let i = 0; i < top; i++) out.push([]);
  out.push([
    opts.codeLabel ?? '学校代码（10位代码）',
    opts.nameLabel ?? '学校名称（市+县+乡+校名）',
    '项目名称',
    opts.countLabel,
    `资金需求（${opts.unit}）`,
    null,
    null,
    null,
    null,
    null,
    '备注',
  ]);
  out.push([null, null, null, null, ...f, null]);
  const merges: Range[] = [
    { top, left: 0, bottom: top + 1, right: 0 },
    { top, left: 1, bottom: top + 1, right: 1 },
    { top, left: 2, bottom: top + 1, right: 2 },
    { top, left: 3, bottom: top + 1, right: 3 },
    { top, left: 4, bottom: top, right: 9 },
    { top, left: 10, bottom: top + 1, right: 10 },
  ];
  if (opts.numbersRow) out.push([1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 14]);
  const totalRow: V[] | null = total ? [null, '合计', null, ...total.values] : null;
  if (totalRow && total?.position === 'first') out.push(totalRow);
  for (const r of rows) out.push([...r]);
  if (totalRow && total?.position === 'last') out.push(totalRow);
  return { rows: out, merges };
}
