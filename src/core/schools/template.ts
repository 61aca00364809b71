/**
 * Template generation (SPEC §6): the standard school table and a new project sheet, as pure
 * data (values, merges, number formats, text cells) that the .xlsx writer and the Office
 * adapter both apply. Nothing here touches a workbook.
 */
import type { Cell, Range, SheetSnapshot } from '../snapshot/types';
import { columnName } from '../snapshot/a1';
import {
  FUNDING_COLUMNS,
  FUNDING_LABELS,
  SECTION_KEYS,
  SECTION_NAMES,
  type FundingColumn,
  type RegistryEntry,
  type SectionKey,
} from '../model';
import { formatChineseNumeral } from '../text/numerals';
import { describeCandidates, indexRegistry, matchRegistry, standardName } from './match';
import { normalizeName, stripNormalized } from './names';
import { formatFenIn } from './values';

/** One cell to write. `kind: 'text'` forces a text cell (codes: numFmt `@`). */
export interface TemplateCell {
  readonly row: number;
  readonly col: number;
  readonly value: string | number | null;
  readonly kind: 'text' | 'number';
  /** Number format to set: `@` (text), `0`, `0.00`. */
  readonly numFmt?: string;
  /** A formula (without `=`) whose cached result is `value`; hosts may write either. */
  readonly formula?: string;
  readonly bold?: boolean;
  readonly align?: 'left' | 'center' | 'right';
  readonly wrap?: boolean;
}

export interface TemplateBlock {
  readonly cells: readonly TemplateCell[];
  readonly merges: readonly Range[];
  /** Suggested widths (characters) by column. */
  readonly columnWidths: Readonly<Record<number, number>>;
}

export interface SchoolInput {
  /** The school's name as the user has it: short (`大街小学`), with its town, or the full standard name. */
  readonly name: string;
  /** A code to use when the registry has none for this school. */
  readonly code?: string;
  readonly count?: number;
  /** Amounts in fen per funding column. 小计 is computed from the sources when not given. */
  readonly funding?: Readonly<Partial<Record<FundingColumn, number>>>;
  readonly projectName?: string;
  readonly note?: string;
}

export interface SchoolTableOptions {
  /** The 市+县 prefix of the standard names, e.g. `玉溪市江川区`. */
  readonly prefix: string;
  /** Top-left cell of the table (0-based). Default A1. */
  readonly origin?: { readonly row: number; readonly col: number };
  readonly countLabel?: string;
  /** 项目名称 column text for every row (per-school `projectName` wins). */
  readonly projectName?: string;
  /** Where the 合计 row goes: first (after the column numbers, as in the standard form) or last. */
  readonly totalRow?: 'first' | 'last';
  /** Decimals shown for 万元 amounts. Default 2. */
  readonly decimals?: number;
  /** Write SUM formulas for 小计 and 合计 (with their computed values cached). Default true. */
  readonly formulas?: boolean;
  /** Put the 市+县 prefix before the names the registry cannot resolve (never a 乡: that would be a guess). */
  readonly prefixUnmatched?: boolean;
}

export interface UnresolvedSchool {
  readonly name: string;
  /** `no-code`: the registry has exactly this school, without a code. */
  readonly reason: 'ambiguous' | 'none' | 'no-registry' | 'no-code';
  readonly message: { readonly zh: string; readonly en: string };
}

export interface SchoolTableTemplate extends TemplateBlock {
  /** 0-based sheet rows: header block, column-number row, 合计 row, school rows. */
  readonly rows: {
    readonly headerTop: number;
    readonly headerBottom: number;
    readonly numberRow: number;
    readonly total: number;
    readonly schools: readonly number[];
  };
  /** Schools the registry could not resolve: written with the name given and no code. */
  readonly unresolved: readonly UnresolvedSchool[];
  /** Rows after the table (the next free row). */
  readonly endRow: number;
}

const SOURCES: readonly FundingColumn[] = ['central', 'provincial', 'prefecture', 'county', 'other'];
/** The standard form's column numbers. */
export const COLUMN_NUMBERS = [1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 14] as const;

/**
 * The standard school table: three header rows with their merges, the column-number row, the
 * 合计 row, one row per school (code as text, standard name, count, amounts, 小计).
 */
export function schoolTableTemplate(
  schools: readonly SchoolInput[],
  registry: readonly RegistryEntry[],
  options: SchoolTableOptions,
): SchoolTableTemplate {
  const top = options.origin?.row ?? 0;
  const left = options.origin?.col ?? 0;
  const decimals = options.decimals ?? 2;
  const formulas = options.formulas ?? true;
  const prefix = normalizeName(options.prefix);
  const cells: TemplateCell[] = [];
  const merges: Range[] = [];
  const unresolved: UnresolvedSchool[] = [];
  const text = (r: number, c: number, value: string, extra: Partial<TemplateCell> = {}) =>
    cells.push({ row: top + r, col: left + c, value, kind: 'text', ...extra });
  const merge = (r1: number, c1: number, r2: number, c2: number) =>
    merges.push({ top: top + r1, left: left + c1, bottom: top + r2, right: left + c2 });
  const head = { bold: true, align: 'center' as const, wrap: true };

  text(0, 0, '学校代码（10位代码）', head);
  merge(0, 0, 2, 0);
  text(0, 1, '学校名称（市+县+乡+校名）', head);
  merge(0, 1, 2, 1);
  text(0, 2, '项目建设计划', head);
  merge(0, 2, 0, 9);
  text(0, 10, '备注', head);
  merge(0, 10, 2, 10);
  text(1, 2, '项目名称', head);
  merge(1, 2, 2, 2);
  text(1, 3, options.countLabel ?? '保安数量（人）', head);
  merge(1, 3, 2, 3);
  text(1, 4, '资金需求（万元）', head);
  merge(1, 4, 1, 9);
  FUNDING_COLUMNS.forEach((k, i) => text(2, 4 + i, FUNDING_LABELS[k], head));
  COLUMN_NUMBERS.forEach((n, i) => cells.push({ row: top + 3, col: left + i, value: n, kind: 'number', numFmt: '0', align: 'center' }));

  const index = indexRegistry(registry);
  const byCode = new Map<string, RegistryEntry>();
  for (const e of registry) if (e.code !== '' && !byCode.has(e.code)) byCode.set(e.code, e);

  const totalFirst = (options.totalRow ?? 'first') === 'first';
  const firstSchool = top + (totalFirst ? 5 : 4);
  const totalRow = totalFirst ? top + 4 : firstSchool + schools.length;
  const schoolRows: number[] = [];
  const sums: Record<FundingColumn, number> & { count: number } = {
    subtotal: 0,
    central: 0,
    provincial: 0,
    prefecture: 0,
    county: 0,
    other: 0,
    count: 0,
  };
  const used: Record<FundingColumn | 'count', boolean> = {
    subtotal: false,
    central: false,
    provincial: false,
    prefecture: false,
    county: false,
    other: false,
    count: false,
  };
  const money = (fen: number) => Number(formatFenIn(fen, '万元'));
  const moneyFmt = decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0';
  const col = (i: number) => columnName(left + i);

  schools.forEach((s, i) => {
    const row = firstSchool + i;
    schoolRows.push(row);
    let code = s.code?.trim() ?? '';
    let name = s.name.trim();
    const m = matchRegistry(s.name, index, { prefix });
    if (m.kind === 'match') {
      name = standardName(m.entry, prefix);
      if (m.entry.code !== '') code = m.entry.code;
      else if (code === '') {
        unresolved.push({
          name: s.name,
          reason: 'no-code',
          message: { zh: `“${s.name}”在学校名册中的代码为空，未填代码`, en: `"${s.name}" has no code in the registry; no code written` },
        });
      }
    } else {
      const byC = code !== '' ? byCode.get(code) : undefined;
      if (byC) name = standardName(byC, prefix);
      else {
        // the 市+县 prefix is certain for the county's own list; the 乡 is not, so nothing more is added
        if (prefix !== '' && options.prefixUnmatched && stripNormalized(normalizeName(name), prefix).rest === normalizeName(name))
          name = prefix + normalizeName(name);
        const list = m.kind === 'ambiguous' ? describeCandidates(m.candidates, 'zh') : '';
        unresolved.push({
          name: s.name,
          reason: m.kind === 'ambiguous' ? 'ambiguous' : m.kind === 'no-registry' ? 'no-registry' : 'none',
          message:
            m.kind === 'ambiguous'
              ? {
                  zh: `“${s.name}”在学校名册中有多个匹配（${list}），未填代码`,
                  en: `"${s.name}" has several registry matches (${describeCandidates(m.candidates, 'en')}); no code written`,
                }
              : { zh: `“${s.name}”不在学校名册中，未填代码`, en: `"${s.name}" is not in the registry; no code written` },
        });
      }
    }
    cells.push({ row, col: left, value: code === '' ? null : code, kind: 'text', numFmt: '@' });
    cells.push({ row, col: left + 1, value: name, kind: 'text' });
    const pn = s.projectName ?? options.projectName;
    if (pn !== undefined) cells.push({ row, col: left + 2, value: pn, kind: 'text' });
    if (s.count !== undefined) {
      cells.push({ row, col: left + 3, value: s.count, kind: 'number', numFmt: '0' });
      sums.count += s.count;
      used.count = true;
    }
    let sourceSum = 0;
    let anySource = false;
    for (const k of SOURCES) {
      const v = s.funding?.[k];
      if (v === undefined) continue;
      anySource = true;
      sourceSum += v;
      sums[k] += v;
      used[k] = true;
      cells.push({ row, col: left + 4 + FUNDING_COLUMNS.indexOf(k), value: money(v), kind: 'number', numFmt: moneyFmt });
    }
    const sub = s.funding?.subtotal ?? (anySource ? sourceSum : undefined);
    if (sub !== undefined) {
      sums.subtotal += sub;
      used.subtotal = true;
      const useFormula: boolean = formulas && anySource && s.funding?.subtotal === undefined;
      cells.push({
        row,
        col: left + 4,
        value: money(sub),
        kind: 'number',
        numFmt: moneyFmt,
        ...(useFormula && { formula: `SUM(${col(5)}${row + 1}:${col(9)}${row + 1})` }),
      });
    }
    if (s.note !== undefined) cells.push({ row, col: left + 10, value: s.note, kind: 'text' });
  });

  text(totalRow - top, 0, '合计', { bold: true, align: 'center' });
  const first = schoolRows[0];
  const last = schoolRows[schoolRows.length - 1];
  const sumFormula = (c: number) =>
    formulas && first !== undefined && last !== undefined ? { formula: `SUM(${col(c)}${first + 1}:${col(c)}${last + 1})` } : {};
  if (used.count)
    cells.push({ row: totalRow, col: left + 3, value: sums.count, kind: 'number', numFmt: '0', bold: true, ...sumFormula(3) });
  FUNDING_COLUMNS.forEach((k, i) => {
    if (!used[k]) return;
    cells.push({
      row: totalRow,
      col: left + 4 + i,
      value: money(sums[k]),
      kind: 'number',
      numFmt: moneyFmt,
      bold: true,
      ...sumFormula(4 + i),
    });
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const widths: Record<number, number> = {};
  [14, 36, 12, 10, 10, 8, 8, 8, 10, 8, 10].forEach((w, i) => (widths[left + i] = w));
  return {
    cells,
    merges,
    columnWidths: widths,
    rows: { headerTop: top, headerBottom: top + 3, numberRow: top + 3, total: totalRow, schools: schoolRows },
    unresolved,
    endRow: Math.max(totalRow, last ?? totalRow) + 1,
  };
}

export interface ProjectSheetOptions {
  /** The sheet's name, e.g. `项目十七`. */
  readonly sheetName: string;
  /** The title in A1; defaults to the sheet name. */
  readonly title?: string;
  /** Paragraphs per section (empty sections get one empty line to fill in). */
  readonly sections?: Readonly<Partial<Record<SectionKey, readonly string[]>>>;
  /** A school table to place under 六、资金安排情况. */
  readonly table?: {
    readonly schools: readonly SchoolInput[];
    readonly registry: readonly RegistryEntry[];
    readonly options: Omit<SchoolTableOptions, 'origin'>;
  };
  /** Each section's heading as the bureau writes it (`（三）实施单位`); default `三、项目实施单位`. */
  readonly headings?: Readonly<Partial<Record<SectionKey, string>>>;
  /** 'below' (default): each heading in A with its text under it; 'beside': the text in B, on the heading's row. */
  readonly layout?: 'below' | 'beside';
}

export interface SheetTemplate extends TemplateBlock {
  readonly name: string;
  readonly table?: SchoolTableTemplate;
}

/** A new project sheet: the title, the eight numbered headings, their paragraphs and the table. */
export function projectSheetTemplate(options: ProjectSheetOptions): SheetTemplate {
  const cells: TemplateCell[] = [];
  let merges: Range[] = [];
  let row = 0;
  cells.push({ row: row++, col: 0, value: options.title ?? options.sheetName, kind: 'text', bold: true });
  let table: SchoolTableTemplate | undefined;
  SECTION_KEYS.forEach((key, i) => {
    const heading = options.headings?.[key] ?? `${formatChineseNumeral(i + 1)}、${SECTION_NAMES[key].zh}`;
    const paras = options.sections?.[key] ?? [];
    if (options.layout === 'beside') {
      // the text beside its heading, one row a paragraph (an empty one to fill in)
      const lines = paras.length > 0 ? paras : [''];
      lines.forEach((p, k) => {
        if (k === 0) cells.push({ row, col: 0, value: heading, kind: 'text', bold: true });
        if (p !== '') cells.push({ row, col: 1, value: p, kind: 'text', wrap: true });
        row++;
      });
      return;
    }
    cells.push({ row: row++, col: 0, value: heading, kind: 'text', bold: true });
    for (const p of paras) cells.push({ row: row++, col: 0, value: p, kind: 'text', wrap: true });
    if (key === 'funding' && options.table) {
      table = schoolTableTemplate(options.table.schools, options.table.registry, { ...options.table.options, origin: { row, col: 0 } });
      cells.push(...table.cells);
      merges = [...merges, ...table.merges];
      row = table.endRow;
    }
    if (paras.length === 0 && !(key === 'funding' && options.table)) row++; // a line left to fill in
  });
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return {
    name: options.sheetName,
    cells,
    merges,
    columnWidths: table ? table.columnWidths : options.layout === 'beside' ? { 0: 20, 1: 90 } : { 0: 100 },
    ...(table !== undefined && { table }),
  };
}

/** The snapshot a host would read back after applying a template (for previews and tests). */
export function templateToSheet(
  t: { readonly name: string; readonly cells: readonly TemplateCell[]; readonly merges: readonly Range[] },
  index = 0,
): SheetSnapshot {
  const cells: Cell[] = t.cells
    .filter((c) => c.value !== null)
    .map((c) => {
      const numFmt = c.numFmt !== undefined && c.numFmt !== 'General' ? { numFmt: c.numFmt } : {};
      const formula = c.formula !== undefined ? { formula: c.formula } : {};
      if (c.kind === 'number' && typeof c.value === 'number') {
        const shown = c.numFmt && /^0\.(0+)$/.test(c.numFmt) ? c.value.toFixed(c.numFmt.length - 2) : String(c.value);
        return { row: c.row, col: c.col, kind: 'number', value: c.value, text: shown, ...numFmt, ...formula };
      }
      return { row: c.row, col: c.col, kind: 'text', value: String(c.value), text: String(c.value), ...numFmt, ...formula };
    });
  return { name: t.name, index, visibility: 'visible', cells, merges: t.merges };
}
