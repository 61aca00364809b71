/**
 * Finds standard school tables anywhere in a workbook by their headers (merged over one to
 * three rows, with or without the column-number row) and reads their rows exactly.
 * Linear in the number of cells; never throws on odd input.
 */
import type { Cell, WorkbookSnapshot, SheetSnapshot } from '../snapshot/types';
import { gridOf, type SheetGrid } from '../snapshot/grid';
import type { CellRef, FundingColumn, NumberCell, SchoolRow, SchoolTable } from '../model';
import {
  CODE_HEADER,
  COUNT_HEADER,
  MONEY_WORD,
  NAME_HEADER,
  NOTE_HEADER,
  PROJECT_HEADER,
  SUBTOTAL_LABEL,
  TOTAL_LABEL,
  TOWN_HEADER,
  TYPE_HEADER,
  fundingColumnOf,
  isHeaderLabel,
} from './headers';
import { compact, readCode, readNumberCell } from './values';

/** Sheets the product writes itself; never read as tables or registries. */
export const OWN_SHEETS = new Set(['_disclosure_check_说明', '检查结果']);

/** The label a header cell shows at (row, col): the merged area's top-left text, when merged. */
function labelAt(grid: SheetGrid, row: number, col: number): string {
  const m = grid.mergeAt(row, col);
  const cell = m ? grid.get(m.top, m.left) : grid.get(row, col);
  if (cell?.kind !== 'text') return cell?.kind === 'number' ? String(cell.value) : '';
  return cell.text.trim();
}

/** A row of column numbers (1, 2, 3, 4, 7, 8…): at least three small integers, ascending. */
function isColumnNumberRow(grid: SheetGrid, row: number, left: number, right: number): boolean {
  let prev = 0;
  let n = 0;
  for (const cell of grid.row(row)) {
    if (cell.col < left || cell.col > right) continue;
    const t = compact(cell.text);
    if (t === '') continue;
    if (!/^\d{1,2}$/.test(t)) return false;
    const v = Number(t);
    if (v <= prev) return false;
    prev = v;
    n++;
  }
  return n >= 3;
}

function looksLikeCode(text: string): boolean {
  return /^\d{6,}$/.test(compact(text)) || /^\d(?:\.\d+)?E\+\d+$/i.test(compact(text));
}

/** A row inside the header block: header labels only, no codes, no totals. */
function isLabelRow(grid: SheetGrid, row: number, left: number, right: number): boolean {
  let labels = 0;
  for (const cell of grid.row(row)) {
    if (cell.col < left || cell.col > right) continue;
    const t = compact(cell.text);
    if (t === '') continue;
    if (cell.kind !== 'text') return false;
    // 合计 under the code/name columns starts the data; under 资金需求 it is a column label
    if ((TOTAL_LABEL.test(t) && cell.col <= left + 2) || looksLikeCode(t)) return false;
    if (isHeaderLabel(t)) labels++;
    else return false;
  }
  return labels > 0;
}

export interface HeaderLayout {
  readonly top: number;
  /** Last label row (the column-number row excluded). */
  readonly labelBottom: number;
  /** Last header row (the column-number row when there is one). */
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
  /** Per column: the labels from top to bottom (merged labels repeated once). */
  readonly paths: ReadonlyMap<number, readonly string[]>;
  readonly numberRow?: number;
}

/** Reads the header block whose code header is at (row, codeCol). */
export function readHeader(grid: SheetGrid, row: number): HeaderLayout {
  let left = Infinity;
  let right = -Infinity;
  for (const cell of grid.row(row)) {
    if (compact(cell.text) === '') continue;
    left = Math.min(left, cell.col);
    right = Math.max(right, cell.col);
  }
  let bottom = row;
  for (const m of grid.sheet.merges) {
    if (m.top !== row) continue;
    if (m.bottom - m.top <= 3) bottom = Math.max(bottom, m.bottom);
    left = Math.min(left, m.left);
    right = Math.max(right, m.right);
  }
  while (bottom < row + 3 && isLabelRow(grid, bottom + 1, left, right)) bottom++;
  for (let r = row + 1; r <= bottom; r++) {
    for (const cell of grid.row(r)) {
      if (compact(cell.text) === '') continue;
      right = Math.max(right, cell.col);
    }
  }
  const labelBottom = bottom;
  let numberRow: number | undefined;
  if (isColumnNumberRow(grid, bottom + 1, left, right)) {
    numberRow = bottom + 1;
    bottom = bottom + 1;
  }
  const paths = new Map<number, string[]>();
  for (let c = left; c <= right; c++) {
    const path: string[] = [];
    for (let r = row; r <= labelBottom; r++) {
      const l = labelAt(grid, r, c);
      if (l !== '' && path[path.length - 1] !== l) path.push(l);
    }
    paths.set(c, path);
  }
  return { top: row, labelBottom, bottom, left, right, paths, ...(numberRow !== undefined && { numberRow }) };
}

export interface ColumnMap {
  code?: number;
  name?: number;
  projectName?: number;
  count?: number;
  note?: number;
  town?: number;
  type?: number;
  funding: Partial<Record<FundingColumn, number>>;
  headers: Record<number, string>;
  countLabel?: string;
  unit: '元' | '万元';
}

/** Assigns the header block's columns to their roles. */
export function mapColumns(h: HeaderLayout): ColumnMap {
  const out: ColumnMap = { funding: {}, headers: {}, unit: '万元' };
  let unitSeen: '元' | '万元' | undefined;
  const moneyish: number[] = [];
  for (let c = h.left; c <= h.right; c++) {
    const path = h.paths.get(c) ?? [];
    const leaf = path[path.length - 1];
    if (leaf === undefined) continue;
    const t = compact(leaf);
    const all = path.map(compact);
    if (out.code === undefined && all.some((p) => CODE_HEADER.test(p))) {
      out.code = c;
      out.headers[c] = leaf;
      continue;
    }
    if (out.name === undefined && all.some((p) => NAME_HEADER.test(p))) {
      out.name = c;
      out.headers[c] = leaf;
      continue;
    }
    if (NOTE_HEADER.test(t)) {
      out.note ??= c;
      out.headers[c] = leaf;
      continue;
    }
    if (TOWN_HEADER.test(t)) {
      out.town ??= c;
      out.headers[c] = leaf;
      continue;
    }
    if (TYPE_HEADER.test(t)) {
      out.type ??= c;
      out.headers[c] = leaf;
      continue;
    }
    if (PROJECT_HEADER.test(t)) {
      out.projectName ??= c;
      out.headers[c] = leaf;
      continue;
    }
    const money = all.some((p) => MONEY_WORD.test(p));
    if (COUNT_HEADER.test(t) && !t.includes('元')) {
      if (out.count === undefined) {
        out.count = c;
        out.countLabel = leaf;
        out.headers[c] = leaf;
      }
      continue;
    }
    const f = fundingColumnOf(t);
    if (f !== null && out.funding[f] === undefined) {
      out.funding[f] = c;
      out.headers[c] = leaf;
      if (money) moneyish.push(c);
    } else if (money && out.funding.subtotal === undefined && f === null) {
      // a single money column (`资金需求（万元）`, `补助金额（元）`) stands for the 小计
      out.funding.subtotal = c;
      out.headers[c] = leaf;
      moneyish.push(c);
    }
    for (const p of all) {
      if (p.includes('万元')) unitSeen ??= '万元';
      else if (/\(元\)|（元）|单位:元|单位：元/.test(p)) unitSeen ??= '元';
    }
  }
  // funding leaves count only under a money header, or when at least three of them stand together
  const fundingCols = Object.values(out.funding);
  if (moneyish.length === 0 && fundingCols.length < 3) {
    const dropped = new Set(fundingCols);
    out.headers = Object.fromEntries(Object.entries(out.headers).filter(([c]) => !dropped.has(Number(c))));
    out.funding = {};
  }
  out.unit = unitSeen ?? '万元';
  return out;
}

function cellRef(sheet: string, row: number, col: number): CellRef {
  return { sheet, row, col };
}

function rowText(grid: SheetGrid, row: number, col: number | undefined): string {
  if (col === undefined) return '';
  return grid.get(row, col)?.text.trim() ?? '';
}

/** Reads one school (or 合计) row of a table. Hot path: no per-row allocations beyond the row's own. */
function readRow(
  grid: SheetGrid,
  sheet: string,
  row: number,
  cols: ColumnMap & { code: number; name: number },
  fundingCols: readonly (readonly [FundingColumn, number])[],
): SchoolRow {
  const funding: Partial<Record<FundingColumn, NumberCell>> = {};
  for (const [k, c] of fundingCols) funding[k] = readNumberCell(grid.get(row, c), cellRef(sheet, row, c), cols.unit);
  const out: {
    row: number;
    code: SchoolRow['code'];
    name: SchoolRow['name'];
    projectName?: NonNullable<SchoolRow['projectName']>;
    count?: NumberCell;
    funding: SchoolRow['funding'];
    note?: NonNullable<SchoolRow['note']>;
  } = {
    row,
    code: readCode(grid.get(row, cols.code), cellRef(sheet, row, cols.code)),
    name: { ref: cellRef(sheet, row, cols.name), text: rowText(grid, row, cols.name) },
    funding,
  };
  if (cols.projectName !== undefined)
    out.projectName = { ref: cellRef(sheet, row, cols.projectName), text: rowText(grid, row, cols.projectName) };
  if (cols.count !== undefined) out.count = readNumberCell(grid.get(row, cols.count), cellRef(sheet, row, cols.count));
  if (cols.note !== undefined) out.note = { ref: cellRef(sheet, row, cols.note), text: rowText(grid, row, cols.note) };
  return out;
}

/**
 * `compact(s) !== ''` without building the compact text: a printable ASCII character or a CJK
 * ideograph survives NFKC and space removal, so the first one settles it (most cells).
 */
function hasText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x4e00 ? c <= 0x9fff : c >= 0x21 && c <= 0x7e) return true;
  }
  return compact(s) !== '';
}

type RowKind = 'school' | 'total' | 'subtotal' | 'blank' | 'end';

const HEADING = /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十]+[)）]|项目[一二三四五六七八九十百\d]+$)/;

/** A line under a table: `注：…`, `说明：…`, `填表人：…`, `单位：万元`, `表2 …`. */
const NOTE_LINE = /^(?:注|说明|备注|填表|制表|审核|单位|负责人|联系人)[:：]|^表[\d一二三四五六七八九十]+/;

function classifyRow(grid: SheetGrid, row: number, h: HeaderLayout, cols: ColumnMap & { code: number; name: number }): RowKind {
  let any = false;
  let numbers = 0;
  /** The row's first cell with text, when it stands left of the code and name columns (a 序号 column). */
  let lead: Cell | undefined;
  for (const cell of grid.row(row)) {
    if (cell.col < h.left || cell.col > h.right) continue;
    if (cell.col === cols.code) {
      const t = compact(cell.text);
      if (t === '') continue;
      if (CODE_HEADER.test(t)) return 'end';
    } else if (!hasText(cell.text)) continue;
    any = true;
    if (cell.kind === 'number') numbers++;
    if (lead === undefined && cell.col < Math.min(cols.code, cols.name)) lead = cell;
  }
  if (!any) return 'blank';
  const code = compact(rowText(grid, row, cols.code));
  const name = compact(rowText(grid, row, cols.name));
  const proj = compact(rowText(grid, row, cols.projectName));
  // `合计` in the 序号 column of a table whose name and code come after it (`序号 │ 学校名称 │ 学校标识码 │ …`)
  const leadText = lead !== undefined && code === '' && name === '' ? compact(lead.text) : '';
  if (TOTAL_LABEL.test(code) || TOTAL_LABEL.test(name) || (name === '' && TOTAL_LABEL.test(proj)) || TOTAL_LABEL.test(leadText))
    return 'total';
  if (SUBTOTAL_LABEL.test(code) || SUBTOTAL_LABEL.test(name) || SUBTOTAL_LABEL.test(leadText)) return 'subtotal';
  if (HEADING.test(code) || HEADING.test(name)) return 'end';
  if (NOTE_LINE.test(code) || NOTE_LINE.test(name) || name.length > 40) return 'end'; // a note or paragraph below the table
  if (name !== '') return 'school';
  const codeCell = grid.get(row, cols.code);
  if (codeCell && (codeCell.kind === 'error' || codeCell.kind === 'number' || looksLikeCode(code))) return 'school';
  if (code !== '' && code.length > 12) return 'end'; // a paragraph below the table
  return numbers > 0 ? 'school' : code === '' ? 'blank' : 'end';
}

function readTableAt(grid: SheetGrid, sheet: SheetSnapshot, anchorRow: number): { table: SchoolTable | null; end: number } {
  const h = readHeader(grid, anchorRow);
  const cols = mapColumns(h);
  if (cols.code === undefined || cols.name === undefined) return { table: null, end: anchorRow };
  if (!/万元|\(元\)|（元）/.test([...h.paths.values()].flat().join(''))) {
    // `单位：元` in a caption row just above the table
    for (let r = Math.max(0, anchorRow - 2); r < anchorRow; r++) {
      for (const cell of grid.row(r)) {
        const t = compact(cell.text);
        if (/单位[:：]?万元/.test(t)) cols.unit = '万元';
        else if (/单位[:：]?元/.test(t)) cols.unit = '元';
      }
    }
  }
  const hasFunding = Object.keys(cols.funding).length > 0;
  if (!hasFunding && !(cols.count !== undefined && cols.projectName !== undefined)) return { table: null, end: anchorRow };
  const c = cols as ColumnMap & { code: number; name: number };
  const rows: SchoolRow[] = [];
  let total: SchoolRow | undefined;
  let blanks = 0;
  let r = h.bottom + 1;
  let last = h.bottom;
  const maxRow = grid.maxRow;
  const fundingCols = Object.entries(c.funding) as [FundingColumn, number][];
  for (; r <= maxRow; r++) {
    const kind = classifyRow(grid, r, h, c);
    if (kind === 'end') break;
    if (kind === 'blank') {
      if (++blanks >= 2) break;
      continue;
    }
    blanks = 0;
    last = r;
    if (kind === 'subtotal') continue;
    const read = readRow(grid, sheet.name, r, c, fundingCols);
    if (kind === 'total') {
      if (total === undefined) total = read;
      else rows.push(read);
      continue;
    }
    rows.push(read);
  }
  const table: SchoolTable = {
    sheet: sheet.name,
    headerTop: h.top,
    headerBottom: h.bottom,
    columns: {
      code: c.code,
      name: c.name,
      ...(c.projectName !== undefined && { projectName: c.projectName }),
      ...(c.count !== undefined && { count: c.count }),
      ...(c.note !== undefined && { note: c.note }),
      funding: c.funding,
    },
    headers: c.headers,
    ...(c.countLabel !== undefined && { countLabel: c.countLabel }),
    unit: c.unit,
    rows,
    ...(total !== undefined && { total }),
  };
  return { table, end: last };
}

/** Whether any text cell of a sheet holds 码 (a code header needs one): a sheet without is skipped before its grid is built. */
export function hasCodeText(sheet: SheetSnapshot): boolean {
  // a malformed snapshot's cells may be missing or hold nulls: checked as they arrived
  const cells: readonly (Cell | null)[] = Array.isArray(sheet.cells) ? sheet.cells : [];
  for (const c of cells)
    if (c !== null && typeof c === 'object' && c.kind === 'text' && typeof c.text === 'string' && c.text.includes('码')) return true;
  return false;
}

/** Every cell that could anchor a table or registry header: a code header text. */
export function codeHeaderCells(grid: SheetGrid): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (const r of grid.rowIndices) {
    for (const cell of grid.row(r)) {
      if (cell.kind !== 'text' || typeof cell.text !== 'string' || !cell.text.includes('码')) continue;
      if (CODE_HEADER.test(compact(cell.text))) out.push({ row: r, col: cell.col });
    }
  }
  return out;
}

/** Finds every standard school table in the workbook by its headers. Never throws. */
export function findSchoolTables(snapshot: WorkbookSnapshot): SchoolTable[] {
  const tables: SchoolTable[] = [];
  // never throws: a malformed snapshot may come without its sheets
  for (const sheet of (snapshot.sheets as WorkbookSnapshot['sheets'] | undefined) ?? []) {
    if (OWN_SHEETS.has(sheet.name)) continue;
    // a sheet with no 码 in any text cell has no code header: no grid is built for it (most sheets)
    if (!hasCodeText(sheet)) continue;
    try {
      const grid = gridOf(sheet);
      let after = -1;
      for (const a of codeHeaderCells(grid)) {
        if (a.row <= after) continue;
        const { table, end } = readTableAt(grid, sheet, a.row);
        if (table) {
          tables.push(table);
          after = end;
        }
      }
    } catch {
      // a malformed sheet yields no table rather than an exception
    }
  }
  return tables;
}
