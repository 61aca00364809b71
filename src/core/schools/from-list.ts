/**
 * The standard school table from a plain list (issue 15): a range of cells with the schools as the
 * bureau writes them (`大街小学`, `江川一中`), a count, an amount and, sometimes, the source split.
 * Columns are found by their header words (the same vocabulary as the standard table's) or, without
 * a header row, by their content; the unit from the header (`（元）`, `万元`) or a `单位：元` caption.
 * Amounts become exact integer fen; the table is `schoolTableTemplate` (codes from the registry by
 * exact match only, names in 市+县+乡+校名 form, SUM formulas with their values cached). Pure.
 */
import type { Cell, Range, SheetSnapshot, WorkbookSnapshot } from '../snapshot/types';
import { gridOf } from '../snapshot/grid';
import { rangeToA1, toA1 } from '../snapshot/a1';
import type { CellRef, FundingColumn, RegistryEntry } from '../model';
import type { ListSource } from './list-source';
import {
  COUNT_HEADER,
  MONEY_WORD,
  NAME_HEADER,
  NOTE_HEADER,
  PROJECT_HEADER,
  SUBTOTAL_LABEL,
  TOTAL_LABEL,
  fundingColumnOf,
} from './headers';
import { OWN_SHEETS, findSchoolTables } from './table';
import { readRegistry } from './registry';
import { commonPrefix } from './names';
import { compact, formatFenIn, readNumberCell } from './values';
import { schoolTableTemplate, type SchoolInput, type SchoolTableTemplate, type UnresolvedSchool } from './template';

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

/** Where the list is: a sheet, optionally a range of it (0-based, inclusive). */
export { parseListSource, type ListSource } from './list-source';

export type Unit = '元' | '万元';

export interface ListColumns {
  readonly name: number;
  readonly count?: number;
  readonly funding: Readonly<Partial<Record<FundingColumn, number>>>;
  readonly projectName?: number;
  readonly note?: number;
}

export interface ListRow {
  /** The name as the list writes it. */
  readonly name: string;
  readonly ref: CellRef;
  readonly count?: number;
  /** Exact integer fen per funding column. */
  readonly funding: Readonly<Partial<Record<FundingColumn, number>>>;
  readonly projectName?: string;
  readonly note?: string;
}

/** A list row or cell the table could not take as it is. */
export interface ListProblem {
  readonly ref: CellRef;
  readonly kind: 'not-a-number' | 'no-name' | 'subtotal-differs' | 'listed-twice' | 'total-differs';
  readonly message: Bilingual;
}

export interface SchoolList {
  readonly sheet: string;
  /** The cells read (header included), 0-based. */
  readonly range: Range;
  /** The header row(s), when the list has them. */
  readonly header?: { readonly top: number; readonly bottom: number };
  readonly columns: ListColumns;
  /** The header text of each column used. */
  readonly headers: Readonly<Record<number, string>>;
  readonly unit: Unit;
  /** Where the unit came from: the header, a `单位：…` caption, or the size of the amounts (said to the user). */
  readonly unitFrom: 'header' | 'caption' | 'guessed' | 'none';
  readonly countLabel?: string;
  readonly rows: readonly ListRow[];
  readonly problems: readonly ListProblem[];
}

export type ReadListResult = { readonly ok: true; readonly list: SchoolList } | { readonly ok: false; readonly message: Bilingual };

const NAME_WORD = /^(?:(?:学校|单位|机构)(?:\((?:机构|单位|学校)\))?(?:名称|全称|名)?|校名|名称|学校名单)(?:$|\()/;
/** What a school's name ends with. */
const SCHOOL_NAME =
  /(?:学校|小学|中学|一中|二中|三中|四中|五中|六中|完小|幼儿园|幼稚园|中心校|学区|分校|校区|教学点|职中|高中|初中|附小|附中)$/;
const NOTE_LINE = /^(?:注|说明|备注|填表|制表|审核|负责人|联系人)[:：]/;

/** `大街小学` — a text that reads as a school's name. */
export function looksLikeSchool(text: string): boolean {
  const t = compact(text);
  return t.length >= 3 && t.length <= 40 && SCHOOL_NAME.test(t);
}

/** The cells of a sheet inside a range (all of it when the range is not given). */
function clip(sheet: SheetSnapshot, range?: Range): { cells: Cell[]; range: Range } {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const cells: Cell[] = [];
  for (const c of sheet.cells) {
    if (c.kind === 'empty' || c.text.trim() === '') continue;
    if (range && (c.row < range.top || c.row > range.bottom || c.col < range.left || c.col > range.right)) continue;
    cells.push(c);
    top = Math.min(top, c.row);
    left = Math.min(left, c.col);
    bottom = Math.max(bottom, c.row);
    right = Math.max(right, c.col);
  }
  return {
    cells,
    range: range ?? { top: cells.length ? top : 0, left: cells.length ? left : 0, bottom: Math.max(bottom, 0), right: Math.max(right, 0) },
  };
}

interface HeaderGuess {
  top: number;
  bottom: number;
  /** Per column: the labels from top to bottom. */
  paths: Map<number, string[]>;
}

/** A header-ish label: short text without digits that is not a school's name. */
function isLabel(c: Cell): boolean {
  if (c.kind !== 'text') return false;
  const t = compact(c.text);
  return t !== '' && t.length <= 30 && !looksLikeSchool(t) && !/^\d/.test(t);
}

/** Finds the header row (the first row, among the first five, with a name header) and the label rows under it. */
function findHeader(sheet: SheetSnapshot, rows: Map<number, Cell[]>, order: number[], range: Range): HeaderGuess | null {
  const grid = gridOf(sheet);
  const labelAt = (r: number, c: number): string => {
    const m = grid.mergeAt(r, c);
    const cell = m ? grid.get(m.top, m.left) : grid.get(r, c);
    return cell?.kind === 'text' ? cell.text.trim() : '';
  };
  for (const r of order.slice(0, 5)) {
    const cells = rows.get(r) ?? [];
    if (!cells.some((c) => c.kind === 'text' && NAME_WORD.test(compact(c.text)))) continue;
    // label rows under it: merged header blocks (资金来源 over 中央/省级/…) or a plain second row
    let bottom = r;
    for (const m of sheet.merges) if (m.top === r && m.bottom - m.top <= 2 && m.bottom <= range.bottom) bottom = Math.max(bottom, m.bottom);
    for (;;) {
      const next = rows.get(bottom + 1);
      if (!next || next.length === 0 || !next.every(isLabel) || bottom + 1 - r >= 3) break;
      // a label row under a header: at least one of its labels names a funding column or a unit
      if (!next.some((c) => fundingColumnOf(c.text) !== null || MONEY_WORD.test(compact(c.text)) || COUNT_HEADER.test(compact(c.text))))
        break;
      bottom++;
    }
    const paths = new Map<number, string[]>();
    for (let c = range.left; c <= range.right; c++) {
      const path: string[] = [];
      for (let rr = r; rr <= bottom; rr++) {
        const l = labelAt(rr, c);
        if (l !== '' && path[path.length - 1] !== l) path.push(l);
      }
      if (path.length) paths.set(c, path);
    }
    return { top: r, bottom, paths };
  }
  return null;
}

interface Mapped {
  columns: { name?: number; count?: number; funding: Partial<Record<FundingColumn, number>>; projectName?: number; note?: number };
  headers: Record<number, string>;
  unit?: Unit;
  countLabel?: string;
}

function unitIn(text: string): Unit | undefined {
  const t = compact(text);
  if (t.includes('万元')) return '万元';
  if (/\(元\)|（元）|\(元\/|单位[:：]?元|^元$|金额元|元\)$/.test(t)) return '元';
  return undefined;
}

/** Assigns header columns to their roles by their words. */
function mapHeader(h: HeaderGuess): Mapped {
  const out: Mapped = { columns: { funding: {} }, headers: {} };
  for (const [c, path] of [...h.paths.entries()].sort((a, b) => a[0] - b[0])) {
    const leaf = path[path.length - 1]!;
    const t = compact(leaf);
    const all = path.map(compact);
    const unit = all.map(unitIn).find((u) => u !== undefined);
    if (out.columns.name === undefined && all.some((p) => NAME_WORD.test(p) || NAME_HEADER.test(p))) {
      out.columns.name = c;
      out.headers[c] = leaf;
      continue;
    }
    if (NOTE_HEADER.test(t)) {
      out.columns.note ??= c;
      out.headers[c] = leaf;
      continue;
    }
    if (PROJECT_HEADER.test(t)) {
      out.columns.projectName ??= c;
      out.headers[c] = leaf;
      continue;
    }
    if (/^(?:序号|编号|代码|学校代码|标识码|乡镇|街道|所在乡镇|办学类型)/.test(t)) continue;
    const money = all.some((p) => MONEY_WORD.test(p)) || unit !== undefined;
    if (COUNT_HEADER.test(t) && !t.includes('元')) {
      if (out.columns.count === undefined) {
        out.columns.count = c;
        out.countLabel = leaf;
        out.headers[c] = leaf;
      }
      continue;
    }
    const f = fundingColumnOf(t.replace(/^(?:其中|资金来源)[:：]?/, ''));
    if (f !== null && out.columns.funding[f] === undefined && (money || path.length > 1 || /资金|补助|配套|财政/.test(t))) {
      out.columns.funding[f] = c;
      out.headers[c] = leaf;
      if (unit) out.unit ??= unit;
    } else if (money && f === null && out.columns.funding.subtotal === undefined) {
      // one amount column (`金额`, `补助资金（元）`, `资金需求（万元）`) is the 小计
      out.columns.funding.subtotal = c;
      out.headers[c] = leaf;
      if (unit) out.unit ??= unit;
    }
  }
  return out;
}

/** Without a header: the name column by its texts, then the number columns (integers first: the count). */
function mapByContent(rows: Map<number, Cell[]>, order: number[]): Mapped {
  const schoolish = new Map<number, number>();
  const numeric = new Map<number, { n: number; fractional: boolean }>();
  for (const r of order) {
    for (const c of rows.get(r) ?? []) {
      if (c.kind === 'text' && looksLikeSchool(c.text)) schoolish.set(c.col, (schoolish.get(c.col) ?? 0) + 1);
      const num =
        c.kind === 'number' && typeof c.value === 'number'
          ? c.value
          : c.kind === 'text' && /^[\d,，.]+$/.test(compact(c.text))
            ? Number(compact(c.text).replace(/[,，]/g, ''))
            : null;
      if (num !== null && Number.isFinite(num)) {
        const x = numeric.get(c.col) ?? { n: 0, fractional: false };
        x.n++;
        if (!Number.isInteger(num)) x.fractional = true;
        numeric.set(c.col, x);
      }
    }
  }
  const out: Mapped = { columns: { funding: {} }, headers: {} };
  const best = [...schoolish.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  if (!best) return out;
  out.columns.name = best[0];
  const nums = [...numeric.entries()].filter(([c, x]) => c > best[0] && x.n * 2 >= best[1]).sort((a, b) => a[0] - b[0]);
  if (nums.length === 1) out.columns.funding.subtotal = nums[0]![0];
  else if (nums.length >= 2) {
    const count = nums.find(([, x]) => !x.fractional);
    if (count) out.columns.count = count[0];
    const amount = nums.find(([c]) => c !== count?.[0]);
    if (amount) out.columns.funding.subtotal = amount[0];
  }
  return out;
}

/**
 * Reads a plain list of schools from a sheet (or a range of it). One sentence when it holds no
 * list: no column of school names.
 */
export function readSchoolList(snapshot: WorkbookSnapshot, source: ListSource): ReadListResult {
  const sheet = snapshot.sheets.find((s) => s.name === source.sheet);
  if (!sheet) {
    return {
      ok: false,
      message: { zh: `工作簿中没有名为“${source.sheet}”的工作表`, en: `the workbook has no sheet named "${source.sheet}"` },
    };
  }
  const where = source.range ? `${source.sheet}!${rangeToA1(source.range)}` : source.sheet;
  const { cells, range } = clip(sheet, source.range);
  if (cells.length === 0)
    return { ok: false, message: { zh: `“${where}”是空的，没有学校名单`, en: `"${where}" is empty: there is no list of schools` } };
  const rows = new Map<number, Cell[]>();
  for (const c of cells) {
    const list = rows.get(c.row);
    if (list) list.push(c);
    else rows.set(c.row, [c]);
  }
  const order = [...rows.keys()].sort((a, b) => a - b);
  const header = findHeader(sheet, rows, order, range);
  let mapped = header ? mapHeader(header) : mapByContent(rows, order);
  if (header && mapped.columns.name === undefined)
    mapped = mapByContent(
      rows,
      order.filter((r) => r > header.bottom),
    );
  const nameCol = mapped.columns.name;
  if (nameCol === undefined) {
    return {
      ok: false,
      message: {
        zh: `“${where}”中找不到学校名称列（表头应有“学校名称”“学校”或“单位名称”，或一列以小学、中学、幼儿园等结尾的校名）`,
        en: `"${where}" has no column of school names (a header 学校名称, 学校 or 单位名称, or a column of names ending in 小学, 中学, 幼儿园…)`,
      },
    };
  }
  // the unit: the header's, else a `单位：元` caption above the list or in its first rows, else the amounts' size
  let unit = mapped.unit;
  let unitFrom: SchoolList['unitFrom'] = unit ? 'header' : 'none';
  const moneyCols = Object.values(mapped.columns.funding);
  if (!unit && moneyCols.length > 0) {
    const grid = gridOf(sheet);
    const first = header ? header.top : range.top;
    for (let r = Math.max(0, first - 3); r <= first && !unit; r++) {
      for (const c of grid.row(r)) {
        const m = /单位[:：]?\s*(万元|元)/.exec(compact(c.text));
        if (m) {
          unit = m[1] as Unit;
          unitFrom = 'caption';
        }
      }
    }
  }
  const dataTop = header ? header.bottom + 1 : range.top;
  const listRows: ListRow[] = [];
  const problems: ListProblem[] = [];
  const ref = (row: number, col: number): CellRef => ({ sheet: sheet.name, row, col });
  const grid = gridOf(sheet);
  const inRange = (r: number, c: number): Cell | undefined => (c >= range.left && c <= range.right ? grid.get(r, c) : undefined);
  let listTotal: { row: number; fen: Partial<Record<FundingColumn, number>> } | undefined;
  const pending: { row: number; name: string }[] = [];
  for (const r of order) {
    if (r < dataTop) continue;
    const name = inRange(r, nameCol)?.text.trim() ?? '';
    const t = compact(name);
    if (NOTE_LINE.test(t) || /^单位[:：]/.test(t)) continue;
    if (
      TOTAL_LABEL.test(t) ||
      SUBTOTAL_LABEL.test(t) ||
      (t === '' && (rows.get(r) ?? []).some((c) => c.kind === 'text' && TOTAL_LABEL.test(compact(c.text))))
    ) {
      if (TOTAL_LABEL.test(t) || t === '') listTotal ??= { row: r, fen: {} };
      continue;
    }
    if (t === '') {
      if ((rows.get(r) ?? []).some((c) => c.col !== nameCol)) {
        problems.push({
          ref: ref(r, nameCol),
          kind: 'no-name',
          message: { zh: `${toA1(r, nameCol)} 一行有数字但没有校名，未列入`, en: `row ${r + 1} has numbers but no school name; left out` },
        });
      }
      continue;
    }
    pending.push({ row: r, name });
  }
  if (!unit && moneyCols.length > 0) {
    // no unit anywhere: amounts of ten thousand and more are in 元, smaller ones in 万元 (said to the user)
    let max = 0;
    for (const p of pending)
      for (const c of moneyCols) {
        const v = readNumberCell(inRange(p.row, c), ref(p.row, c), '万元').value;
        if (v !== null) max = Math.max(max, Math.abs(v));
      }
    unit = max >= 10_000 ? '元' : '万元';
    unitFrom = 'guessed';
  }
  const u: Unit = unit ?? '万元';
  const seen = new Map<string, number>();
  for (const p of pending) {
    const funding: Partial<Record<FundingColumn, number>> = {};
    for (const [k, c] of Object.entries(mapped.columns.funding) as [FundingColumn, number][]) {
      const cell = readNumberCell(inRange(p.row, c), ref(p.row, c), u);
      if (cell.empty) continue;
      if (cell.fen === null) {
        problems.push({
          ref: ref(p.row, c),
          kind: 'not-a-number',
          message: {
            zh: `${toA1(p.row, c)}（${p.name}）“${cell.raw}”不是金额，未列入`,
            en: `${toA1(p.row, c)} (${p.name}): "${cell.raw}" is not an amount; left out`,
          },
        });
        continue;
      }
      funding[k] = cell.fen;
    }
    let count: number | undefined;
    if (mapped.columns.count !== undefined) {
      const c = readNumberCell(inRange(p.row, mapped.columns.count), ref(p.row, mapped.columns.count));
      if (!c.empty && c.value === null) {
        problems.push({
          ref: ref(p.row, mapped.columns.count),
          kind: 'not-a-number',
          message: {
            zh: `${toA1(p.row, mapped.columns.count)}（${p.name}）“${c.raw}”不是数字，未列入`,
            en: `${toA1(p.row, mapped.columns.count)} (${p.name}): "${c.raw}" is not a number; left out`,
          },
        });
      } else if (c.value !== null) count = c.value;
    }
    const text = (col: number | undefined): string => (col === undefined ? '' : (inRange(p.row, col)?.text.trim() ?? ''));
    const key = compact(p.name);
    const before = seen.get(key);
    if (before !== undefined) {
      problems.push({
        ref: ref(p.row, nameCol),
        kind: 'listed-twice',
        message: {
          zh: `“${p.name}”列了两次（第 ${before + 1} 行和第 ${p.row + 1} 行）`,
          en: `"${p.name}" is listed twice (rows ${before + 1} and ${p.row + 1})`,
        },
      });
    } else seen.set(key, p.row);
    const projectName = text(mapped.columns.projectName);
    const note = text(mapped.columns.note);
    listRows.push({
      name: p.name,
      ref: ref(p.row, nameCol),
      ...(count !== undefined && { count }),
      funding,
      ...(projectName !== '' && { projectName }),
      ...(note !== '' && { note }),
    });
  }
  // the list's own 合计 row, when it has one: compared with the sum of its rows
  if (listTotal) {
    for (const [k, c] of Object.entries(mapped.columns.funding) as [FundingColumn, number][]) {
      const cell = readNumberCell(inRange(listTotal.row, c), ref(listTotal.row, c), u);
      if (cell.fen === null) continue;
      const sum = listRows.reduce((s, r) => s + (r.funding[k] ?? 0), 0);
      if (sum !== cell.fen) {
        problems.push({
          ref: ref(listTotal.row, c),
          kind: 'total-differs',
          message: {
            zh: `名单的合计 ${cell.raw}（${toA1(listTotal.row, c)}）与各行之和 ${formatFenIn(sum, u)} 不符；新表的合计按各行计算`,
            en: `the list's total ${cell.raw} (${toA1(listTotal.row, c)}) differs from the sum of its rows, ${formatFenIn(sum, u)}; the new table's total is computed from the rows`,
          },
        });
      }
    }
  }
  const headers: Record<number, string> = { ...mapped.headers };
  if (!header) {
    headers[nameCol] = '学校名称';
    if (mapped.columns.count !== undefined) headers[mapped.columns.count] = '数量';
    if (mapped.columns.funding.subtotal !== undefined) headers[mapped.columns.funding.subtotal] = '金额';
  }
  return {
    ok: true,
    list: {
      sheet: sheet.name,
      range: { ...range, top: Math.min(range.top, header?.top ?? range.top) },
      ...(header && { header: { top: header.top, bottom: header.bottom } }),
      columns: { ...mapped.columns, name: nameCol },
      headers,
      unit: u,
      unitFrom: moneyCols.length === 0 ? 'none' : unitFrom,
      ...(mapped.countLabel !== undefined && { countLabel: mapped.countLabel }),
      rows: listRows,
      problems,
    },
  };
}

/** The 小计 given beside a source split must equal the split's sum; the table's 小计 is the formula. */
function toInputs(list: SchoolList, problems: ListProblem[]): SchoolInput[] {
  const sources: FundingColumn[] = ['central', 'provincial', 'prefecture', 'county', 'other'];
  const split = sources.some((k) => list.columns.funding[k] !== undefined);
  return list.rows.map((r) => {
    const funding: Partial<Record<FundingColumn, number>> = {};
    let sum = 0;
    let any = false;
    for (const k of sources) {
      const v = r.funding[k];
      if (v === undefined) continue;
      funding[k] = v;
      sum += v;
      any = true;
    }
    const sub = r.funding.subtotal;
    if (!split || !any) {
      if (sub !== undefined) funding.subtotal = sub;
    } else if (sub !== undefined && sub !== sum) {
      const col = list.columns.funding.subtotal!;
      problems.push({
        ref: { sheet: list.sheet, row: r.ref.row, col },
        kind: 'subtotal-differs',
        message: {
          zh: `“${r.name}”的小计 ${formatFenIn(sub, list.unit)} 与各来源之和 ${formatFenIn(sum, list.unit)} 不符；新表的小计按各来源计算`,
          en: `"${r.name}": the subtotal ${formatFenIn(sub, list.unit)} differs from the sum of its sources, ${formatFenIn(sum, list.unit)}; the new table's subtotal is computed from the sources`,
        },
      });
    }
    return {
      name: r.name,
      ...(r.count !== undefined && { count: r.count }),
      funding,
      ...(r.projectName !== undefined && { projectName: r.projectName }),
      ...(r.note !== undefined && { note: r.note }),
    };
  });
}

/** The smallest number of decimals (at least 2) that shows every amount in 万元 exactly. */
function decimalsFor(inputs: readonly SchoolInput[]): number {
  let d = 2;
  for (const s of inputs) {
    for (const v of Object.values(s.funding ?? {})) {
      const frac = formatFenIn(Math.abs(v), '万元').split('.')[1] ?? '';
      d = Math.max(d, frac.length);
    }
  }
  return Math.min(d, 6);
}

/** The sheet name for the new table: 学校明细表, else 学校明细表2, 学校明细表3… */
export function freeSheetName(existing: readonly string[], base = '学校明细表'): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`.toLowerCase())) return `${base}${n}`;
}

/** The 市+县 prefix of the standard names: the workbook's tables, else the registry's names, else the title. */
export function workbookPrefix(snapshot: WorkbookSnapshot, registry: readonly RegistryEntry[]): string {
  const tables = findSchoolTables(snapshot);
  const fromTables = commonPrefix(tables.flatMap((t) => t.rows.map((r) => r.name.text)));
  if (fromTables !== '') return fromTables;
  const fromRegistry = commonPrefix(registry.map((e) => e.name));
  if (fromRegistry !== '') return fromRegistry;
  // a title such as 玉溪市江川区教育体育局2023年… : its leading 市+县 (or 县) only
  for (const sheet of snapshot.sheets) {
    if (OWN_SHEETS.has(sheet.name)) continue;
    const first = sheet.cells.find((c) => c.kind === 'text' && c.text.trim() !== '');
    if (!first) continue;
    const m = /^((?:[^\s市州盟区县旗\d]{1,8}?[市州盟])?[^\s市州盟区县旗\d]{1,6}?[区县市旗])(?:教育|教体|人民政府|财政)/.exec(
      compact(first.text),
    );
    if (m) return m[1]!;
  }
  return '';
}

export interface PlanRow {
  /** As the list writes it. */
  readonly listed: string;
  readonly listRef: CellRef;
  /** The name written (市+县+乡+校名 when the registry has the school). */
  readonly name: string;
  readonly code: string;
  readonly count?: number;
  /** 小计 in 万元 as written (exact). */
  readonly subtotal?: string;
  readonly matched: boolean;
}

export interface SchoolTablePlan {
  /** The sheet written: a new one, or (`into`) the project's sheet the table goes below. */
  readonly sheetName: string;
  /** Set when the table goes into an existing sheet below its text: the first row written (0-based). */
  readonly into?: { readonly sheet: string; readonly row: number };
  readonly list: SchoolList;
  readonly prefix: string;
  readonly template: SchoolTableTemplate;
  readonly rows: readonly PlanRow[];
  readonly unresolved: readonly UnresolvedSchool[];
  readonly problems: readonly ListProblem[];
  /** One line for the user: how many schools, how many without a code, the unit. */
  readonly summary: Bilingual;
}

export interface PlanOptions {
  /** A second workbook's registry (`--registry`, the pane's file). */
  readonly registry?: { readonly snapshot: WorkbookSnapshot; readonly source: string };
  /** The 市+县 prefix; found in the workbook when not given. */
  readonly prefix?: string;
  readonly projectName?: string;
  /**
   * Write the table into this existing sheet (a project's), two rows below its last used row,
   * instead of on a new sheet. Refused in one sentence when any cell it covers is not empty.
   */
  readonly into?: string;
}

/** The last row (0-based) with content — a value, a formula or a merged area — of a sheet; -1 when empty. */
export function lastUsedRow(sheet: SheetSnapshot): number {
  let last = -1;
  for (const c of sheet.cells) if (c.row > last && (c.text !== '' || c.formula !== undefined)) last = c.row;
  for (const m of sheet.merges) if (m.bottom > last) last = m.bottom;
  return last;
}

/** Everything the surfaces show and write: the list read, the table built, what could not be matched. */
export function planSchoolTable(
  snapshot: WorkbookSnapshot,
  source: ListSource,
  options: PlanOptions = {},
): { ok: true; plan: SchoolTablePlan } | { ok: false; message: Bilingual } {
  const read = readSchoolList(snapshot, source);
  if (!read.ok) return read;
  const list = read.list;
  if (list.rows.length === 0) {
    const where = source.range ? `${source.sheet}!${rangeToA1(source.range)}` : source.sheet;
    return { ok: false, message: { zh: `“${where}”中没有学校`, en: `"${where}" lists no school` } };
  }
  const registry = [
    ...readRegistry(snapshot, 'workbook').entries,
    ...(options.registry ? readRegistry(options.registry.snapshot, options.registry.source).entries : []),
  ];
  const prefix = options.prefix ?? workbookPrefix(snapshot, registry);
  const problems = [...list.problems];
  const inputs = toInputs(list, problems);
  let origin: { row: number; col: number } | undefined;
  if (options.into !== undefined) {
    const target = snapshot.sheets.find((x) => x.name === options.into);
    if (!target) return { ok: false, message: { zh: `没有工作表“${options.into}”`, en: `There is no sheet "${options.into}"` } };
    origin = { row: lastUsedRow(target) + 2, col: 0 };
  }
  const template = schoolTableTemplate(inputs, registry, {
    ...(origin && { origin }),
    prefix,
    decimals: decimalsFor(inputs),
    prefixUnmatched: true,
    ...(list.countLabel !== undefined && { countLabel: list.countLabel }),
    ...(list.countLabel === undefined && list.columns.count === undefined && { countLabel: '数量' }),
    ...(options.projectName !== undefined && { projectName: options.projectName }),
  });
  const at = (row: number, col: number) => template.cells.find((c) => c.row === row && c.col === col);
  const unresolvedNames = new Set(template.unresolved.map((u) => u.name));
  const rows: PlanRow[] = list.rows.map((r, i) => {
    const row = template.rows.schools[i]!;
    const code = at(row, 0)?.value;
    const sub = at(row, 4)?.value;
    return {
      listed: r.name,
      listRef: r.ref,
      name: String(at(row, 1)?.value ?? r.name),
      code: typeof code === 'string' ? code : '',
      ...(r.count !== undefined && { count: r.count }),
      ...(typeof sub === 'number' && { subtotal: formatFenIn(Math.round(sub * 1e6), '万元', 2) }),
      matched: !unresolvedNames.has(r.name) && typeof code === 'string' && code !== '',
    };
  });
  if (options.into !== undefined && origin) {
    const taken = occupied(
      snapshot.sheets.find((x) => x.name === options.into)!,
      template,
    );
    if (taken !== null) return { ok: false, message: notEmptyMessage(options.into, taken) };
  }
  const sheetName = options.into ?? freeSheetName(snapshot.sheets.map((s) => s.name));
  const n = rows.length;
  const missing = rows.filter((r) => r.code === '').length;
  const unitZh =
    list.unitFrom === 'none'
      ? ''
      : list.unitFrom === 'guessed'
        ? `；名单未注明单位，按金额大小视为“${list.unit}”`
        : `；名单单位“${list.unit}”，已换算为万元`;
  const unitEn =
    list.unitFrom === 'none'
      ? ''
      : list.unitFrom === 'guessed'
        ? `; the list states no unit, so its amounts are read as ${list.unit} by their size`
        : `; the list is in ${list.unit}, converted to 万元`;
  return {
    ok: true,
    plan: {
      sheetName,
      ...(options.into !== undefined && origin && { into: { sheet: options.into, row: origin.row } }),
      list,
      prefix,
      template,
      rows,
      unresolved: template.unresolved,
      problems,
      summary: {
        zh: `${n} 所学校，${n - missing} 所已从学校名册填入代码，${missing} 所未能匹配${unitZh}`,
        en: `${n} schools: ${n - missing} coded from the registry, ${missing} not matched${unitEn}`,
      },
    },
  };
}

/** Why a generated table cannot go where asked: `cell` of `sheet` has content (nothing is overwritten). */
export function notEmptyMessage(sheet: string, cell: string): Bilingual {
  return {
    zh: `“${sheet}”的 ${cell} 不是空的，学校表不能写在那里（不覆盖已有内容）`,
    en: `${cell} of "${sheet}" is not empty, so the school table cannot go there (nothing is overwritten)`,
  };
}

/** The first cell of the template's rectangle that already has content in `sheet` (A1), else null. */
function occupied(sheet: SheetSnapshot, block: SchoolTableTemplate): string | null {
  const rows = [...block.cells.map((c) => c.row), ...block.merges.flatMap((m) => [m.top, m.bottom])];
  const cols = [...block.cells.map((c) => c.col), ...block.merges.flatMap((m) => [m.left, m.right])];
  const [top, bottom, left, right] = [Math.min(...rows), Math.max(...rows), Math.min(...cols), Math.max(...cols)];
  const inside = (r: number, c: number) => r >= top && r <= bottom && c >= left && c <= right;
  const cell = sheet.cells.find((c) => inside(c.row, c.col) && (c.text !== '' || c.formula !== undefined));
  if (cell) return toA1(cell.row, cell.col);
  const m = sheet.merges.find((x) => x.top <= bottom && x.bottom >= top && x.left <= right && x.right >= left);
  return m ? toA1(m.top, m.left) : null;
}

/** `A1:D40` of a range (for messages). */
export function describeSource(source: ListSource): string {
  return source.range ? `${source.sheet}!${rangeToA1(source.range)}` : source.sheet;
}

/** What a surface shows before writing (structured-clone safe, without the cells to write). */
export interface SchoolTablePreview {
  readonly sheetName: string;
  /** The table goes into this existing sheet from this row (0-based), below the project's text. */
  readonly into?: { readonly sheet: string; readonly row: number };
  readonly prefix: string;
  readonly summary: Bilingual;
  readonly rows: readonly PlanRow[];
  readonly unresolved: readonly { readonly name: string; readonly reason: UnresolvedSchool['reason']; readonly message: Bilingual }[];
  readonly problems: readonly { readonly kind: ListProblem['kind']; readonly message: Bilingual }[];
}

export function previewOf(plan: SchoolTablePlan): SchoolTablePreview {
  return {
    sheetName: plan.sheetName,
    ...(plan.into && { into: plan.into }),
    prefix: plan.prefix,
    summary: plan.summary,
    rows: plan.rows,
    unresolved: plan.unresolved.map((u) => ({ name: u.name, reason: u.reason, message: u.message })),
    problems: plan.problems.map((p) => ({ kind: p.kind, message: p.message })),
  };
}
