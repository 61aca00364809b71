/**
 * Three workbook layouts of the same seed content, as pure data:
 *
 * - `perSheet`: a sheet per project (项目一…), title in A1, headings and paragraphs down column A;
 *   the school table of 项目十一 as a real table under its 六、资金安排情况 heading.
 * - `twoColumn`: a sheet per project, column A the section label, column B the content as one
 *   multi-line cell; the school table on its own sheet `学校明细表`, referred to from the funding
 *   text (`详见“学校明细表”`).
 * - `oneSheet`: every project on one sheet, one after another, the table inline.
 *
 * Each workbook also has a 封面 (cover) sheet with the title and a 学校名册 (registry) sheet.
 * `*Book` functions return the snapshot plus the presentation hints the .xlsx writer needs
 * (column widths, row heights, cell roles); `perSheet`/`twoColumn`/`oneSheet` return just the
 * WorkbookSnapshot (what the checker sees).
 */
import type { Cell, Range, SheetSnapshot, WorkbookSnapshot } from '../../src/core/snapshot/types';
import type { SeedDocument, SeedProject, SeedTable, SeedTableRow } from './parse';

/** How a cell should look in Excel. */
export type CellRole = 'title' | 'project' | 'heading' | 'label' | 'body' | 'content' | 'th' | 'td' | 'td-num' | 'td-money' | 'td-code';

export interface SeedSheet {
  readonly name: string;
  readonly cells: Cell[];
  readonly merges: Range[];
  /** Column widths in Excel character units, by 0-based column. */
  readonly widths: number[];
  /** Row heights in points, by 0-based row (rows not listed use the default). */
  readonly heights: Map<number, number>;
  /** Role of each cell, keyed `row,col`; also lists styled empty cells (table borders). */
  readonly roles: Map<string, CellRole>;
}

export interface SeedBook {
  readonly title: string;
  readonly sheets: SeedSheet[];
}

export const COVER_SHEET = '封面';
export const REGISTRY_SHEET = '学校名册';
export const TABLE_SHEET = '学校明细表';
export const ONE_SHEET = '项目文本';
export const TABLE_REFERENCE = '详见“学校明细表”';
export const MONEY_FORMAT = '0.00';
export const CODE_FORMAT = '@';

/** Table column widths A..K (code, name, 项目名称, 数量, 小计, 中央, 省级, 州市, 县, 其它, 备注). */
const TABLE_WIDTHS = [14, 36, 11, 9, 10, 8, 8, 8, 12, 8, 8];
const TABLE_SPAN = TABLE_WIDTHS.reduce((a, b) => a + b, 0);
const TEXT_WIDTH = 100;

class SheetBuilder {
  readonly cells: Cell[] = [];
  readonly merges: Range[] = [];
  readonly heights = new Map<number, number>();
  readonly roles = new Map<string, CellRole>();
  constructor(
    readonly name: string,
    readonly widths: number[],
  ) {}

  text(row: number, col: number, text: string, role: CellRole, numFmt?: string): void {
    this.cells.push({ row, col, kind: 'text', value: text, text, ...(numFmt !== undefined && { numFmt }) });
    this.roles.set(`${row},${col}`, role);
  }

  number(row: number, col: number, value: number, role: CellRole, numFmt?: string): void {
    const text = numFmt === MONEY_FORMAT ? value.toFixed(2) : String(value);
    this.cells.push({ row, col, kind: 'number', value, text, ...(numFmt !== undefined && { numFmt }) });
    this.roles.set(`${row},${col}`, role);
  }

  /** A styled cell with no value (a table cell left empty). */
  blank(row: number, col: number, role: CellRole): void {
    if (!this.roles.has(`${row},${col}`)) this.roles.set(`${row},${col}`, role);
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  /** Text that may be long: wraps over `span` columns (merged when span > 1), height estimated. */
  para(row: number, text: string, role: CellRole, span: number, width: number, col = 0): void {
    this.text(row, col, text, role);
    if (span > 1) this.merge(row, col, row, col + span - 1);
    this.fit(row, text, width, role === 'title' ? 22 : role === 'project' ? 18 : 15);
  }

  fit(row: number, text: string, width: number, lineHeight = 16): void {
    const lines = wrappedLines(text, width);
    const h = Math.min(409, Math.max(lineHeight, lines * lineHeight + 3));
    this.heights.set(row, Math.max(this.heights.get(row) ?? 0, h));
  }

  build(): SeedSheet {
    this.cells.sort((a, b) => a.row - b.row || a.col - b.col);
    return { name: this.name, cells: this.cells, merges: this.merges, widths: this.widths, heights: this.heights, roles: this.roles };
  }
}

/** Lines a text needs in a column of `width` character units (CJK characters count 2). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(4, (width - 2) * 0.9); // a little slack: fonts differ between Excel, WPS and LibreOffice
  let lines = 0;
  for (const line of text.split('\n')) {
    let units = 0;
    for (const ch of line) units += ch.charCodeAt(0) <= 0xff ? 1.1 : 2;
    lines += Math.max(1, Math.ceil(units / usable));
  }
  return lines;
}

function amount(raw: string): number | null {
  const t = raw.trim();
  return t === '' ? null : Number(t);
}

/** Writes the school table with its top-left at (top, left); returns the row after it. */
function writeTable(b: SheetBuilder, table: SeedTable, top: number, left = 0): number {
  const h = table.headers;
  const c = (i: number): number => left + i;
  // header row 1
  b.text(top, c(0), h.code, 'th');
  b.merge(top, c(0), top + 2, c(0));
  b.text(top, c(1), h.name, 'th');
  b.merge(top, c(1), top + 2, c(1));
  b.text(top, c(2), h.plan, 'th');
  b.merge(top, c(2), top, c(9));
  b.text(top, c(10), h.note, 'th');
  b.merge(top, c(10), top + 2, c(10));
  // header row 2
  b.text(top + 1, c(2), h.projectName, 'th');
  b.merge(top + 1, c(2), top + 2, c(2));
  b.text(top + 1, c(3), h.count, 'th');
  b.merge(top + 1, c(3), top + 2, c(3));
  b.text(top + 1, c(4), h.funding, 'th');
  b.merge(top + 1, c(4), top + 1, c(9));
  // header row 3
  h.fundingColumns.forEach((label, i) => b.text(top + 2, c(4 + i), label, 'th'));
  for (let r = top; r <= top + 2; r++) for (let i = 0; i < 11; i++) b.blank(r, c(i), 'th');
  b.heights.set(top, 20);
  b.heights.set(top + 1, 20);
  b.heights.set(top + 2, 20);
  // column-number row
  const numRow = top + 3;
  table.columnNumbers.forEach((n, i) => b.number(numRow, c(i), Number(n), 'th'));
  let row = numRow + 1;
  const writeRow = (r: SeedTableRow): void => {
    if (r.code.trim() === '合计') b.text(row, c(0), r.code, 'th');
    else if (r.code !== '') b.text(row, c(0), r.code, 'td-code', CODE_FORMAT);
    if (r.name) b.text(row, c(1), r.name, 'td');
    if (r.projectName) b.text(row, c(2), r.projectName, 'td');
    const count = amount(r.count);
    if (count !== null) b.number(row, c(3), count, 'td-num');
    r.funding.forEach((f, i) => {
      const v = amount(f);
      if (v !== null) b.number(row, c(4 + i), v, 'td-money', MONEY_FORMAT);
    });
    if (r.note) b.text(row, c(10), r.note, 'td');
    for (let i = 0; i < 11; i++) b.blank(row, c(i), i === 0 ? 'td-code' : i === 3 ? 'td-num' : i >= 4 && i <= 9 ? 'td-money' : 'td');
    row++;
  };
  if (table.totalFirst) writeRow(table.total);
  table.rows.forEach(writeRow);
  if (!table.totalFirst) writeRow(table.total);
  return row;
}

function coverSheet(doc: SeedDocument): SheetBuilder {
  const b = new SheetBuilder(COVER_SHEET, [90]);
  b.para(0, doc.title, 'title', 1, 90);
  return b;
}

// --- the school registry -----------------------------------------------------------------

export interface RegistryRow {
  readonly code: string;
  readonly name: string;
  readonly town: string;
  readonly type: string;
  readonly note: string;
}

const FICTITIOUS = '虚构示例数据';
const PREFIX = '玉溪市江川区';
const TOWN_RE = /^(.+?(?:街道|镇|乡))(.+)$/;

/** Codes the seed leaves empty: invented, clearly marked as fictitious sample data. */
const INVENTED_CODES: Readonly<Record<string, { code: string; type: string }>> = {
  第一中学: { code: '3453009901', type: '完全中学' },
  第二中学: { code: '3153009902', type: '初级中学' },
  职业中学: { code: '3653009903', type: '中等职业学校' },
  第一幼儿园: { code: '1153009904', type: '幼儿园' },
  第二幼儿园: { code: '1153009905', type: '幼儿园' },
};

function typeOf(name: string): string {
  if (name.endsWith('幼儿园')) return '幼儿园';
  if (name.endsWith('小学')) return '小学';
  if (name.endsWith('职业中学')) return '中等职业学校';
  if (name.endsWith('中学')) return '初级中学';
  return '';
}

/**
 * The registry: every school of the table, with a short name and its 乡镇 (county-level schools
 * have none), real codes from the seed (trimmed), invented codes for the five the seed leaves
 * empty, and a near-name decoy (大街中心小学) that is not in the table.
 */
export function registryRows(table: SeedTable): RegistryRow[] {
  const out: RegistryRow[] = [];
  for (const r of table.rows) {
    const rest = r.name.startsWith(PREFIX) ? r.name.slice(PREFIX.length) : r.name;
    let town = '';
    let short = rest;
    const m = TOWN_RE.exec(rest);
    if (m) {
      town = m[1]!;
      // 大街街道大街小学 → 大街小学; 九溪镇中心小学 keeps its town (中心小学 alone names nothing)
      short = /^(中心小学|中学|小学)$/.test(m[2]!) ? rest : m[2]!;
    } else if (rest === '螺蛳铺中学') {
      // the seed's name lacks the 乡; the registry knows it
      town = '大街街道';
    }
    const invented = INVENTED_CODES[rest];
    const code = r.code.trim();
    if (code) out.push({ code, name: short, town, type: typeOf(short), note: '' });
    else if (invented) out.push({ code: invented.code, name: short, town, type: invented.type, note: FICTITIOUS });
    else throw new Error(`registry: no code for ${r.name}`);
  }
  // the decoy: a different school whose name is near 大街小学
  out.push({
    code: '2153009906',
    name: '大街中心小学',
    town: '大街街道',
    type: '小学',
    note: `${FICTITIOUS}（近似名称，不在学校明细表中）`,
  });
  return out;
}

export const REGISTRY_HEADERS = ['学校标识码', '学校名称', '所在乡镇', '办学类型', '备注'] as const;

function registrySheet(table: SeedTable): SheetBuilder {
  const b = new SheetBuilder(REGISTRY_SHEET, [14, 22, 12, 14, 40]);
  REGISTRY_HEADERS.forEach((h, i) => b.text(0, i, h, 'th'));
  registryRows(table).forEach((r, i) => {
    const row = i + 1;
    b.text(row, 0, r.code, 'td-code', CODE_FORMAT);
    b.text(row, 1, r.name, 'td');
    if (r.town) b.text(row, 2, r.town, 'td');
    b.text(row, 3, r.type, 'td');
    if (r.note) b.text(row, 4, r.note, 'td');
    for (let c = 0; c < 5; c++) b.blank(row, c, c === 0 ? 'td-code' : 'td');
  });
  return b;
}

// --- layouts -------------------------------------------------------------------------------

/** The school table of the seed (项目十一's funding section). */
export function seedTable(doc: SeedDocument): SeedTable {
  for (const p of doc.projects) for (const s of p.sections) if (s.table) return s.table;
  throw new Error('seed: no school table');
}

function hasTable(p: SeedProject): boolean {
  return p.sections.some((s) => s.table);
}

/** Writes a project down column A from `row`; returns the next free row. */
function writeProjectDown(b: SheetBuilder, p: SeedProject, row: number, span: number, width: number): number {
  b.para(row++, p.title, 'project', span, width);
  for (const s of p.sections) {
    b.para(row++, s.heading, 'heading', span, width);
    for (const para of s.paragraphs) b.para(row++, para, 'body', span, width);
    if (s.table) {
      row = writeTable(b, s.table, row) + 1; // one empty row after the table
    }
  }
  return row;
}

function finish(doc: SeedDocument, builders: SheetBuilder[]): SeedBook {
  return { title: doc.title, sheets: builders.map((b) => b.build()) };
}

export function perSheetBook(doc: SeedDocument): SeedBook {
  const builders = [coverSheet(doc)];
  for (const p of doc.projects) {
    const table = hasTable(p);
    const b = new SheetBuilder(p.title, table ? TABLE_WIDTHS : [TEXT_WIDTH]);
    writeProjectDown(b, p, 0, table ? 11 : 1, table ? TABLE_SPAN : TEXT_WIDTH);
    builders.push(b);
  }
  builders.push(registrySheet(seedTable(doc)));
  return finish(doc, builders);
}

export function twoColumnBook(doc: SeedDocument): SeedBook {
  const builders = [coverSheet(doc)];
  for (const p of doc.projects) {
    const b = new SheetBuilder(p.title, [18, 90]);
    b.text(0, 0, p.title, 'project');
    b.merge(0, 0, 0, 1);
    b.heights.set(0, 22);
    p.sections.forEach((s, i) => {
      const row = i + 1;
      b.text(row, 0, s.heading, 'label');
      const content = s.table ? [...s.paragraphs, TABLE_REFERENCE].join('\n') : s.paragraphs.join('\n');
      if (content !== '') b.text(row, 1, content, 'content');
      else b.blank(row, 1, 'content');
      b.fit(row, content, 90);
    });
    builders.push(b);
  }
  const table = seedTable(doc);
  const owner = doc.projects.find(hasTable)!;
  const name = owner.sections.find((s) => s.key === 'name')?.paragraphs[0]?.trim() ?? owner.title;
  const t = new SheetBuilder(TABLE_SHEET, TABLE_WIDTHS);
  t.para(0, `${name}学校明细表`, 'project', 11, TABLE_SPAN);
  writeTable(t, table, 1);
  builders.push(t);
  builders.push(registrySheet(table));
  return finish(doc, builders);
}

export function oneSheetBook(doc: SeedDocument): SeedBook {
  const b = new SheetBuilder(ONE_SHEET, TABLE_WIDTHS);
  let row = 0;
  for (const p of doc.projects) {
    row = writeProjectDown(b, p, row, 11, TABLE_SPAN) + 1; // one empty row between projects
  }
  return finish(doc, [coverSheet(doc), b, registrySheet(seedTable(doc))]);
}

export function toSnapshot(book: SeedBook): WorkbookSnapshot {
  return {
    sheets: book.sheets.map((s, index): SheetSnapshot => ({
      name: s.name,
      index,
      visibility: 'visible',
      cells: s.cells,
      merges: s.merges,
    })),
  };
}

export const perSheet = (doc: SeedDocument): WorkbookSnapshot => toSnapshot(perSheetBook(doc));
export const twoColumn = (doc: SeedDocument): WorkbookSnapshot => toSnapshot(twoColumnBook(doc));
export const oneSheet = (doc: SeedDocument): WorkbookSnapshot => toSnapshot(oneSheetBook(doc));
