/**
 * The layout-independent reader. Every non-skipped sheet is read in order, row by row, cell by
 * cell (left to right), line by line for multi-line cells. Each line is a project title, a
 * section heading or text. Text belongs to the last heading of the current project. This one
 * pass covers the three layouts (a sheet per project down one column, the two-column form
 * label | content, all projects on one sheet) without configuration. Rows where several cells
 * sit side by side under a heading are kept as a table (`otherTables`); the school tables
 * found beforehand are cut out of the text and linked to the section they sit under, or to
 * the section whose text names their sheet.
 *
 * Linear: every cell is visited once; nothing is quadratic in the number of projects.
 */
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../snapshot/types';
import type { CellRef, Numbering, OutlineHeading, Paragraph, Project, SchoolTable, Section, SectionKey, SkippedSheet } from '../model';
import { splitLines } from '../text/normalize';
import { fastUnit, nfkc } from './fast-text';
import {
  aliasTable,
  headingLike,
  matchBareNumberedHeading,
  matchHeading,
  matchTitle,
  splitNumberingAsWritten,
  titleFromSheetName,
  type AliasTable,
} from './labels';
import { buildOutline } from './outline';
import { inferSections } from './infer';
import { registerHeader, registerRow, transposedRegister, type RegisterColumns } from './registers';
import { settleSheet, type SheetDrop } from './structure';
import { checkpoint } from '../budget';

export interface ReadOptions {
  /** School tables found beforehand: their cells are not paragraphs; each is linked to its section. */
  readonly tables?: readonly SchoolTable[];
  /** Sheets that are not disclosure text (registry, explanations): skipped entirely. */
  readonly skipSheets?: ReadonlySet<string>;
  /** Extra label → section aliases (config, and the mappings stored in the workbook): a key (`funding`) or a standard name. */
  readonly sectionAliases?: Readonly<Record<string, string>>;
}

export interface ReadResult {
  readonly title?: { readonly text: string; readonly ref: CellRef };
  readonly projects: Project[];
  /** For each input table (same index), the project index and section it was linked to. */
  readonly tableLinks: ({ readonly project: number; readonly section: SectionKey } | null)[];
  /** Sheets read that gave no project, and why (sheets holding a school table are left out). */
  readonly skipped: SkippedSheet[];
}

export interface MutableSection {
  key: SectionKey;
  label: string;
  headingText: string;
  headingRef: CellRef;
  /** The heading's offset in its cell (a multi-line cell holds several). */
  headingOffset: number;
  numbering: Numbering;
  paragraphs: Paragraph[];
  tables: number[];
  otherTables: { ref: CellRef; rows: Paragraph[][] }[];
  /** Set by the outline (outline.ts). */
  level?: number;
  parentSection?: MutableSection | undefined;
  /** A heading of the bureau's own taken for this section by its place and words (infer.ts). */
  inferredFrom?: string;
}

export interface MutableProject {
  title: string;
  number: number | null;
  ref: CellRef;
  label: string;
  sections: MutableSection[];
  /** Lines between the title and the first section heading (not a section's text; the outline reads them). */
  lead?: Paragraph[];
  /** Set by the outline (outline.ts). */
  outline?: OutlineHeading[];
  /** Found by its content, with no title line: its title is its 项目名称, else the first line of its text. */
  untitled?: { readonly firstLine: string | undefined };
}

interface Rect {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** The cells a school table occupies, header to last row. */
function tableRect(t: SchoolTable): Rect {
  let bottom = t.headerBottom;
  for (const r of t.rows) if (r.row > bottom) bottom = r.row;
  if (t.total && t.total.row > bottom) bottom = t.total.row;
  const cols: number[] = [t.columns.code, t.columns.name];
  for (const c of [t.columns.projectName, t.columns.count, t.columns.note]) if (c !== undefined) cols.push(c);
  cols.push(...Object.values(t.columns.funding));
  for (const k of Object.keys(t.headers)) {
    const n = Number(k);
    if (Number.isInteger(n)) cols.push(n);
  }
  let left = Infinity;
  let right = -Infinity;
  for (const c of cols) {
    if (c < left) left = c;
    if (c > right) right = c;
  }
  if (!Number.isFinite(left)) {
    left = 0;
    right = 0;
  }
  return { top: Math.min(t.headerTop, t.headerBottom), bottom, left, right };
}

/** The cell's text; a malformed snapshot's cell without one (robustness.test.ts) reads as its value. */
function cellString(cell: Cell): string {
  const text: unknown = cell.text;
  return typeof text === 'string' ? text : String(cell.value ?? '');
}

/** A cell holding only a heading number: `一`, `一、`, `（一）`, `1`, `1.`. */
function isNumberingOnly(s: string): boolean {
  return /^\s*[（(]?\s*(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s*[)）]?\s*[、.．]?\s*$/u.test(s);
}

/**
 * A row of a form with a 序号 column: a running number (`1`, `12`, as a number or as text) and one
 * text cell beside it (`1 │ 一、项目名称`, `2 │ 国家义务教育…`). The number is the form's, not the
 * text's: the text cell is read as the row's first cell, a heading or a title where it is one.
 */
function sequenceRow(rowCells: readonly Cell[]): boolean {
  if (rowCells.length !== 2 || rowCells[1]!.kind !== 'text') return false;
  const first = rowCells[0]!;
  if (first.kind === 'number')
    return typeof first.value === 'number' && Number.isInteger(first.value) && first.value >= 0 && first.value < 10_000;
  return first.kind === 'text' && /^\s*\d{1,4}\s*$/u.test(cellString(first));
}

/**
 * A column header with its unit in brackets: `金额（万元）`, `资金(元)`, `数量（人）`, `面积（平方米）`; never a figure
 * (`100（万元）` is a form's content).
 */
const UNIT_HEADER = /^[^，。；,;：:\d０-９]{1,12}[（(](?:万元|元|千元|亿元|人|人次|个|所|平方米|㎡|间|台|套|项|%)[)）]$/u;

/**
 * The header row of a two-column table under a heading (`资金来源 │ 金额（万元）`, `项目 │ 资金（元）`): an
 * unnumbered first cell and a unit column header beside it. Its first cell is a column name, not a section
 * heading, even when it is named like one; a numbered heading beside a header (`六、资金安排情况 │ 金额（万元）`)
 * stays a heading.
 */
function tableHeaderRow(rowCells: readonly Cell[]): boolean {
  const [first, second] = rowCells;
  if (first?.kind !== 'text' || second?.kind !== 'text') return false;
  return UNIT_HEADER.test(cellString(second).trim()) && splitNumberingAsWritten(cellString(first).trim()).style === 'none';
}

function isBlank(cell: Cell): boolean {
  if (cell.kind === 'empty') return true;
  return cellString(cell).trim() === '';
}

/** Columns `from` (inclusive) to `to` (exclusive) of a sheet. */
interface Band {
  readonly from: number;
  readonly to: number;
}

const inBand = (band: Band, col: number): boolean => col >= band.from && col < band.to;

/**
 * Projects written side by side on one sheet (`项目一` in column A, `项目二` in column C, each with its own
 * headings below it): the sheet's column bands, one a project, each read as a sheet of its own (cells keep
 * their columns, so findings point where they are). A row of titles whose columns do not each hold three
 * headings of their own (a register's `项目 │ 项目一 │ 项目二` over one label column) is not such a layout.
 * `[null]`: the whole sheet, as it is.
 */
function columnBands(sheet: SheetSnapshot, aliases: AliasTable): readonly (Band | null)[] {
  const byRow = new Map<number, number[]>();
  for (const c of sheet.cells) {
    if (c.kind !== 'text' || typeof c.text !== 'string' || !c.text.includes('项目')) continue;
    if (matchTitle(c.text.trim()) === null) continue;
    const list = byRow.get(c.row);
    if (list) list.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  const row = [...byRow.values()].find((cols) => cols.length >= 2);
  if (row === undefined) return [null];
  const starts = [...new Set(row)].sort((a, b) => a - b);
  const bands: Band[] = starts.map((from, i) => ({ from: i === 0 ? 0 : from, to: starts[i + 1] ?? Number.MAX_SAFE_INTEGER }));
  const headings = bands.map(() => 0);
  for (const c of sheet.cells) {
    if (c.kind !== 'text' || typeof c.text !== 'string') continue;
    const b = bands.findIndex((band) => inBand(band, c.col));
    if (b >= 0 && headings[b]! < 3 && matchHeading(c.text.trim(), aliases) !== null) headings[b]!++;
  }
  return headings.every((n) => n >= 3) ? bands : [null];
}

/** Text that only points at a table: `详见“学校明细表”`, `见附表`. */
const TABLE_REFERENCE = /附表|明细表|下表|见表|详见/u;

const TITLE_HINT = /公开|预算|决算|财政|重点|项目文本/u;

/** Reads the disclosure: see the module comment. Never throws on malformed input. */
export function readDisclosureImpl(snapshot: WorkbookSnapshot, options: ReadOptions = {}): ReadResult {
  const tables = options.tables ?? [];
  const skip = options.skipSheets ?? new Set<string>();
  const aliases = aliasTable(options.sectionAliases);
  const projects: MutableProject[] = [];
  const tableLinks: ({ project: number; section: SectionKey } | null)[] = tables.map(() => null);
  const tableSections: (MutableSection | null)[] = tables.map(() => null);
  const tablesBySheet = new Map<string, { index: number; rect: Rect }[]>();
  tables.forEach((t, index) => {
    const list = tablesBySheet.get(t.sheet) ?? [];
    list.push({ index, rect: tableRect(t) });
    tablesBySheet.set(t.sheet, list);
  });
  for (const list of tablesBySheet.values()) list.sort((a, b) => a.rect.top - b.rect.top);

  let title: { text: string; ref: CellRef } | undefined;
  let seenProject = false;
  const skipped: SkippedSheet[] = [];

  // a malformed snapshot (a host's or a test's) is read as far as it goes: these checks are on what arrived
  const arrived: unknown = snapshot;
  const all: readonly unknown[] =
    typeof arrived === 'object' && arrived !== null && 'sheets' in arrived && Array.isArray(arrived.sheets) ? arrived.sheets : [];
  const sheets = all
    .filter(
      (s): s is SheetSnapshot =>
        typeof s === 'object' && s !== null && 'name' in s && typeof s.name === 'string' && 'cells' in s && Array.isArray(s.cells),
    )
    .map((s, order) => ({ s, order }))
    .sort((a, b) => (Number.isFinite(a.s.index) && Number.isFinite(b.s.index) ? a.s.index - b.s.index : 0) || a.order - b.order)
    .map((x) => x.s);
  for (const sheet of sheets) {
    checkpoint();
    if (skip.has(sheet.name)) continue;
    const allTables = tablesBySheet.get(sheet.name) ?? [];
    const bands = columnBands(sheet, aliases);
    let found = false;
    let firstSkip: SkippedSheet | undefined;
    for (const band of bands) {
      const view: SheetSnapshot =
        band === null
          ? sheet
          : { ...sheet, cells: sheet.cells.filter((c) => inBand(band, c.col)), merges: sheet.merges.filter((m) => inBand(band, m.left)) };
      const sheetTables = band === null ? allTables : allTables.filter((t) => inBand(band, t.rect.left));
      const result = readSheet(view, aliases, sheetTables);
      // table links by position
      for (const [tableIndex, section] of result.tableSections) {
        const pIndex = section ? projects.length + result.projects.indexOf(section.project) : -1;
        if (section && pIndex >= projects.length) {
          tableSections[tableIndex] = section.section;
          tableLinks[tableIndex] = { project: pIndex, section: section.section.key };
          section.section.tables.push(tableIndex);
        }
      }
      if (!seenProject && title === undefined && result.preamble.length > 0) title = titleOf(result.preamble);
      if (result.projects.length > 0) seenProject = found = true;
      else if (sheetTables.length === 0) firstSkip ??= result.skipped;
      projects.push(...result.projects);
    }
    if (!found && firstSkip !== undefined) skipped.push(firstSkip);
  }

  // tables on their own sheet: linked to the first section whose text names the sheet
  linkByMention(tables, tableLinks, tableSections, projects);

  const out: Project[] = projects.map((p, index) => freezeProject(p, index));
  return { ...(title !== undefined && { title }), projects: out, tableLinks, skipped };
}

function linkByMention(
  tables: readonly SchoolTable[],
  links: ({ project: number; section: SectionKey } | null)[],
  sections: (MutableSection | null)[],
  projects: readonly MutableProject[],
): void {
  const pending = tables.map((_, i) => i).filter((i) => links[i] === null);
  if (pending.length === 0) return;
  const texts: { project: number; section: MutableSection; text: string }[] = [];
  const names = pending.map((i) => compactName(tables[i]!.sheet));
  // a section can name a table or hold a reference only if its text holds the name's last character
  // (or 表, 见): one without any, all of whose characters NFKC leaves alone, is passed over unnormalised
  let lasts: Uint8Array | null = null;
  if (!names.some((n) => n === '')) {
    lasts = new Uint8Array(0x10000);
    for (const n of names) lasts[n.charCodeAt(n.length - 1)] = 1;
    lasts[0x8868 /* 表 */] = 1;
    lasts[0x89c1 /* 见 */] = 1;
  }
  projects.forEach((p, project) => {
    for (const section of p.sections) {
      if (lasts !== null && !mayMention(section.paragraphs, lasts)) continue;
      const text = nfkc(section.paragraphs.map((x) => x.text).join('\n')).replace(/\s+/g, '');
      if (TABLE_REFERENCE.test(text) || names.some((name) => text.includes(name))) {
        texts.push({ project, section, text });
      }
    }
  });
  const used = new Set<MutableSection>();
  const stillPending: number[] = [];
  for (const i of pending) {
    const name = compactName(tables[i]!.sheet);
    const hit = name.length >= 2 ? texts.find((t) => t.text.includes(name)) : undefined;
    if (hit) {
      links[i] = { project: hit.project, section: hit.section.key };
      sections[i] = hit.section;
      hit.section.tables.push(i);
      used.add(hit.section);
    } else stillPending.push(i);
  }
  // `见附表` without a name: the remaining tables, in order, to the remaining references, in order
  const refs = texts.filter((t) => !used.has(t.section) && t.section.tables.length === 0 && TABLE_REFERENCE.test(t.text));
  for (let k = 0; k < stillPending.length && k < refs.length; k++) {
    const i = stillPending[k]!;
    const hit = refs[k]!;
    links[i] = { project: hit.project, section: hit.section.key };
    sections[i] = hit.section;
    hit.section.tables.push(i);
  }
}

/** False when no paragraph holds one of `lasts` (1 at their UTF-16 codes), every character being one NFKC maps alone (`fastUnit`). */
function mayMention(paragraphs: readonly Paragraph[], lasts: Uint8Array): boolean {
  for (const p of paragraphs) {
    const t = p.text;
    for (let i = 0; i < t.length; i++) {
      const u = fastUnit(t.charCodeAt(i));
      if (u < 0 || lasts[u] === 1) return true;
    }
  }
  return false;
}

function compactName(s: string): string {
  return nfkc(s).replace(/\s+/g, '');
}

/** The disclosure title from the text before the first project: its first short line(s). */
function titleOf(preamble: readonly { text: string; ref: CellRef }[]): { text: string; ref: CellRef } | undefined {
  const first = preamble[0]!;
  if (first.text.length > 80 || /[。；]/u.test(first.text)) return undefined;
  let text = first.text.trim();
  // a title broken over two lines (`…预算重点领域` / `财政项目文本公开`)
  for (let k = 1; k < preamble.length && k < 3; k++) {
    if (/公开$|文本$/u.test(text)) break;
    const next = preamble[k]!;
    const t = next.text.trim();
    if (t.length > 40 || /[。；：:]/u.test(t) || next.ref.sheet !== first.ref.sheet || next.ref.row - first.ref.row > 4) break;
    text += t;
  }
  return TITLE_HINT.test(text) ? { text, ref: first.ref } : undefined;
}

interface SheetResult {
  projects: MutableProject[];
  /** Lines before the sheet's first project. */
  preamble: { text: string; ref: CellRef }[];
  tableSections: [number, { project: MutableProject; section: MutableSection } | null][];
  /** Why the sheet gave no project (meaningful when `projects` is empty). */
  skipped: SkippedSheet;
}

type Line =
  | { kind: 'title'; text: string; ref: CellRef; match: NonNullable<ReturnType<typeof matchTitle>> }
  | { kind: 'heading'; text: string; ref: CellRef; match: NonNullable<ReturnType<typeof matchHeading>>; offset: number }
  | { kind: 'text'; text: string; ref: CellRef; offset: number };

/**
 * Whether a sheet numbers its headings with a bare number and a space (`1 项目名称`, `2 立项依据`): two or more lines of
 * the sheet, with different numbers, are such headings. Then each is read as a heading (labels.ts
 * `matchBareNumberedHeading`); one alone is not (unless alone in a form's label cell), as `1 项目名称` may be a line of a
 * list.
 */
function numbersHeadingsBare(cells: readonly Cell[], aliases: AliasTable): boolean {
  const seen = new Set<string>();
  for (const cell of cells) {
    if (cell.kind !== 'text') continue;
    const raw = typeof cell.text === 'string' ? cell.text : '';
    if (!/^\s*[0-9０-９]{1,2}[ \u3000]/mu.test(raw)) continue;
    for (const line of raw.split(/\r?\n|\r/u)) {
      const h = matchBareNumberedHeading(line.trim(), aliases);
      if (h) seen.add(String(h.numbering.value));
      if (seen.size >= 2) return true;
    }
  }
  return false;
}

/**
 * `bare`: a heading numbered by a bare number and a space (`1 项目名称`) is read too (the sheet numbers its headings so,
 * or the cell is a form's label cell).
 */
function classifyCell(cell: Cell, sheet: string, aliases: AliasTable, out: Line[], structural: boolean, bare = false): void {
  const raw = typeof cell.text === 'string' ? cell.text : String(cell.value ?? '');
  const ref: CellRef = { sheet, row: cell.row, col: cell.col };
  const lines = raw.includes('\n') || raw.includes('\r') ? splitLines(raw) : raw.trim() === '' ? [] : [{ text: raw, offset: 0 }];
  // a label wrapped in its cell (`项目实施\n单位`, a narrow label column): the whole cell is the heading
  if (structural && cell.kind === 'text' && lines.length > 1 && raw.length <= 24) {
    const joined = raw.replace(/\s+/gu, '');
    const h = matchHeading(joined, aliases);
    if (h && h.rest === undefined) {
      out.push({ kind: 'heading', text: joined, ref, match: h, offset: 0 });
      return;
    }
  }
  for (const line of lines) {
    const leading = line.text.length - line.text.trimStart().length;
    const text = line.text.trim();
    const offset = line.offset + leading;
    if (structural && cell.kind === 'text') {
      const t = matchTitle(text);
      if (t) {
        out.push({ kind: 'title', text, ref, match: t });
        continue;
      }
      const h = matchHeading(text, aliases) ?? (bare ? matchBareNumberedHeading(text, aliases) : null);
      if (h) {
        out.push({ kind: 'heading', text, ref, match: h, offset });
        continue;
      }
    }
    out.push({ kind: 'text', text, ref, offset });
  }
}

function readSheet(sheet: SheetSnapshot, aliases: AliasTable, sheetTables: readonly { index: number; rect: Rect }[]): SheetResult {
  const name = sheet.name;
  const projects: MutableProject[] = [];
  const preamble: { text: string; ref: CellRef; offset?: number }[] = [];
  const tableSections: SheetResult['tableSections'] = [];
  let project: MutableProject | null = null;
  let section: MutableSection | null = null;
  // startSection (a closure) reassigns `section`, which the compiler's narrowing cannot see: the loop reads it through this
  const currentSection = (): MutableSection | null => section;
  /** Headings seen before any title on this sheet (an untitled project). */
  let orphan: MutableProject | null = null;
  /** The sheet's first text line (a 填报说明 heading). */
  let firstLine: string | undefined;
  let nextTable = 0;
  // pending side-by-side rows under the current section
  let pendingRows: { row: number; cells: Paragraph[] }[] = [];

  const flushRows = (): void => {
    if (pendingRows.length === 0) return;
    if (section) {
      if (pendingRows.length >= 2) {
        section.otherTables.push({ ref: pendingRows[0]!.cells[0]!.ref, rows: pendingRows.map((r) => r.cells) });
      } else {
        for (const r of pendingRows) section.paragraphs.push(...r.cells);
      }
    }
    pendingRows = [];
  };

  const linkTablesUpTo = (row: number): void => {
    while (nextTable < sheetTables.length && sheetTables[nextTable]!.rect.top <= row) {
      const t = sheetTables[nextTable]!;
      flushRows();
      tableSections.push([t.index, project && section ? { project, section } : null]);
      nextTable++;
    }
  };

  const inTable = (row: number, col: number): boolean => {
    for (const t of sheetTables) {
      if (row >= t.rect.top && row <= t.rect.bottom && col >= t.rect.left && col <= t.rect.right) return true;
    }
    return false;
  };

  // rows in order; the cells are sorted by row then column by contract, but do not rely on it
  const cells = (sheet.cells as readonly (Cell | null)[]).filter(
    (c): c is Cell => typeof c === 'object' && c !== null && Number.isInteger(c.row) && Number.isInteger(c.col) && c.row >= 0 && c.col >= 0,
  );
  let sorted = true;
  for (let i = 1; i < cells.length; i++) {
    const a = cells[i - 1]!;
    const b = cells[i]!;
    if (a.row > b.row || (a.row === b.row && a.col > b.col)) {
      sorted = false;
      break;
    }
  }
  if (!sorted) cells.sort((a, b) => a.row - b.row || a.col - b.col);

  // `实施内容：…` inside 项目实施内容 (or `资金来源：…` right under `六、资金安排情况`): the section naming itself
  const restatesCurrent = (h: Extract<Line, { kind: 'heading' }>): boolean => {
    const cur = section;
    if (cur?.key !== h.match.key) return false;
    // an unnumbered label under the numbered heading of its own section (`资金来源：` under `六、资金安排情况`,
    // with or without text after its colon) names a part of it, never a second section
    if (h.match.numbering.style === 'none' && cur.numbering.style !== 'none') return true;
    return h.match.rest !== undefined && cur.paragraphs.length > 0;
  };

  const startSection = (h: Extract<Line, { kind: 'heading' }>): void => {
    flushRows();
    if (!project) {
      // a heading before any title on this sheet: an untitled project, named after the sheet
      if (!orphan) {
        const fromName = titleFromSheetName(name);
        orphan = {
          title: name,
          number: fromName?.number ?? null,
          ref: h.ref,
          label: fromName?.label ?? name.trim(),
          sections: [],
          ...(fromName === null && { untitled: { firstLine: preamble[0]?.text.trim() } }),
        };
        const lead = numberedLead(preamble, h);
        if (lead) orphan.lead = lead;
      }
      project = orphan;
      projects.push(orphan);
    }
    section = {
      key: h.match.key,
      label: h.match.label,
      headingText: h.text,
      headingRef: h.ref,
      headingOffset: h.offset,
      numbering: h.match.numbering,
      paragraphs: [],
      tables: [],
      otherTables: [],
    };
    project.sections.push(section);
    if (h.match.rest) {
      section.paragraphs.push({ text: h.match.rest.text, ref: h.ref, offset: h.offset + h.match.rest.offset });
    }
  };

  /**
   * In a label | content form (the current section's label in this column, its content beside it or
   * after its colon), a
   * label whose content spreads over several cells (`项目资金（万元） | 合计 | 1800`) still starts its
   * section: a label of a section the project does not have yet, in the label column.
   */
  const formLabelRow = (row: readonly Cell[]): boolean => {
    const cur = currentSection();
    const first = row[0]!;
    if (!project || !cur || first.kind !== 'text' || first.col !== cur.headingRef.col) return false;
    const beside = cur.paragraphs[0];
    // its content beside it, or after its colon (`项目实施单位：百色市教育局`)
    if (beside?.ref.row !== cur.headingRef.row || beside.ref.col < cur.headingRef.col) return false;
    const h = matchHeading(cellString(first).trim(), aliases);
    return h !== null && h.rest === undefined && !project.sections.some((x) => x.key === h.key);
  };

  // a register, one project a row (its header row found below), or one project a column (found now)
  let register: { columns: RegisterColumns; lastRow: number; count: number } | null = null;
  /** The section labels of a summary table's header (three or four sections: not a register). */
  let summaryLabels: string[] | undefined;
  const transposed = transposedRegister(name, cells, aliases);
  if (transposed) projects.push(...transposed.projects);

  const bareSheet = numbersHeadingsBare(cells, aliases);
  let i = 0;
  const lines: Line[] = [];
  while (i < cells.length) {
    const row = cells[i]!.row;
    let j = i;
    while (j < cells.length && cells[j]!.row === row) j++;
    linkTablesUpTo(row);
    lines.length = 0;
    let textCells = 0;
    const rowCells: Cell[] = [];
    for (let k = i; k < j; k++) {
      const cell = cells[k]!;
      // the table test first: it is a comparison, and most cells of a sheet with a school table are in it
      if (sheetTables.length > 0 && inTable(row, cell.col)) continue;
      if (isBlank(cell)) continue;
      rowCells.push(cell);
    }
    textCells = rowCells.length;
    if (transposed?.rows.has(row)) {
      firstLine ??= cellString(rowCells[0]!);
      i = j;
      continue;
    }
    // the register ends at a blank row, or a row that fills fewer than two of its columns (a note under it)
    const filled = register ? rowCells.filter((c) => register!.columns.has(c.col)).length : 0;
    if (register && (row > register.lastRow + 1 || filled < 2)) register = null;
    if (register) {
      register.lastRow = row;
      register.count++;
      projects.push(registerRow(name, rowCells, register.columns, register.count));
      firstLine ??= cellString(rowCells[0]!);
      i = j;
      continue;
    }
    const header = project ? null : registerHeader(rowCells, aliases, (labels) => (summaryLabels ??= labels));
    if (header) {
      register = { columns: header, lastRow: row, count: 0 };
      firstLine ??= cellString(rowCells[0]!);
      i = j;
      continue;
    }
    // Titles and headings stand at the start of a row, alone or with their content beside them
    // (the two-column form). A row of three or more cells is a table row: its `项目名称` is a
    // column header, not a heading.
    // A form may give the numbering its own column: `一 | 项目名称 | 内容`.
    const numberingCell = textCells >= 2 && textCells <= 3 && rowCells[0]!.kind !== 'error' && isNumberingOnly(cellString(rowCells[0]!));
    if (numberingCell) {
      const [num, label, ...rest] = rowCells;
      const numText = cellString(num!).trim();
      const sep = /[、.．)）]$/u.test(numText) ? '' : '、';
      const merged: Cell = { ...label!, text: `${numText}${sep}${cellString(label!).trim()}`, kind: 'text' };
      const before = lines.length;
      classifyCell(merged, name, aliases, lines, true);
      const head = lines[before];
      if (head?.kind === 'heading') {
        // the heading's cell is the label's; its numbering was written in the cell before
        const labelText = cellString(label!);
        const rest0 = head.match.rest;
        lines[before] = {
          ...head,
          text: `${numText}${labelText.trim()}`,
          offset: 0,
          match: {
            ...head.match,
            numbering: { ...head.match.numbering, raw: numText },
            // content after a colon in the label cell: its offset in that cell
            ...(rest0 !== undefined && { rest: { text: rest0.text, offset: labelText.indexOf(rest0.text) } }),
          },
        };
        rest.forEach((cell) => classifyCell(cell, name, aliases, lines, false));
      } else if (sequenceRow(rowCells)) {
        lines.length = before;
        classifyCell(rowCells[1]!, name, aliases, lines, true);
      } else {
        lines.length = before;
        rowCells.forEach((cell, k) => classifyCell(cell, name, aliases, lines, k === 0 && textCells <= 2));
      }
    } else if (sequenceRow(rowCells)) {
      classifyCell(rowCells[1]!, name, aliases, lines, true);
    } else {
      const formRow = textCells > 2 && formLabelRow(rowCells);
      // `资金来源 │ 金额（万元）`: a small table's header row, whose first column may be named like a section
      let header = textCells === 2 && tableHeaderRow(rowCells);
      if (header) {
        // only under the section its first cell names (资金来源 │ 金额（万元） under 六、资金安排情况); elsewhere that cell is
        // the label of its own section, the table's header beside it (资金安排情况 │ 金额（万元） in a label │ content form)
        const probe: Line[] = [];
        classifyCell(rowCells[0]!, name, aliases, probe, true);
        const h = probe[0];
        if (h?.kind === 'heading' && h.match.key !== currentSection()?.key) header = false;
      }
      // a form's label cell: alone in the row's first cell, one line, its content beside it
      const labelCell = textCells === 2 && !/[\r\n]/u.test(cellString(rowCells[0]!).trim());
      rowCells.forEach((cell, k) =>
        classifyCell(cell, name, aliases, lines, k === 0 && !header && (textCells <= 2 || formRow), bareSheet || (k === 0 && labelCell)),
      );
    }
    i = j;
    if (lines.length === 0) continue;
    firstLine ??= lines[0]!.text;
    const structural = lines.some((l) => l.kind !== 'text');
    if (!structural && textCells >= 2 && currentSection()) {
      // cells side by side under a heading: a table row
      const last = pendingRows[pendingRows.length - 1];
      if (last && last.row !== row - 1) flushRows();
      pendingRows.push({ row, cells: lines.map((l) => ({ text: l.text, ref: l.ref, offset: (l as { offset: number }).offset })) });
      continue;
    }
    flushRows();
    for (const line of lines) {
      const cur = currentSection();
      if (line.kind === 'title') {
        project = {
          title: line.text,
          number: line.match.number,
          ref: line.ref,
          label: line.match.label,
          sections: [],
        };
        section = null;
        projects.push(project);
      } else if (line.kind === 'heading' && !restatesCurrent(line)) {
        startSection(line);
      } else if (line.kind === 'heading') {
        // `实施内容：…` inside 项目实施内容: the section naming itself, not a second heading
        cur?.paragraphs.push({ text: line.text, ref: line.ref, offset: line.offset });
      } else if (cur !== null) {
        cur.paragraphs.push({ text: line.text, ref: line.ref, offset: line.offset });
      } else if (!project) {
        preamble.push({ text: line.text, ref: line.ref, offset: line.offset });
      } else {
        const p = project;
        (p.lead ??= []).push({ text: line.text, ref: line.ref, offset: line.offset });
      }
    }
  }
  flushRows();
  linkTablesUpTo(Number.MAX_SAFE_INTEGER);
  for (const p of projects) foldInlineLabels(p, tableSections);
  // headings without a title on a sheet make a project only when the sheet is named like one
  // (`项目四`) or they look like one (three different sections): a notes sheet mentioning
  // `项目名称：` is not a project
  // (also: instruction sheets, projects whose section sequence restarts, tables of contents:
  // structure.ts)
  const o = orphan as MutableProject | null;
  const drops = settleSheet({
    sheetName: name,
    projects,
    preamble,
    tableSections,
    orphan: o,
    orphanNamed: o !== null && o.number !== null,
    firstLine,
  });
  // heading levels: sub-headings folded into their section move their tables with them
  const refold = (folded: ReadonlyMap<MutableSection, MutableSection>): void => {
    for (const entry of tableSections) {
      const host = entry[1] ? folded.get(entry[1].section) : undefined;
      if (entry[1] && host) entry[1] = { project: entry[1].project, section: host };
    }
  };
  // a school table starting below `row` in `from` moves to `to` (a section read from a heading of the bureau's own)
  const moveTables = (from: MutableSection, to: MutableSection, row: number): void => {
    for (const entry of tableSections) {
      const rect = sheetTables.find((t) => t.index === entry[0])?.rect;
      if (entry[1]?.section === from && rect !== undefined && rect.top > row) entry[1] = { project: entry[1].project, section: to };
    }
  };
  for (const p of projects) {
    refold(buildOutline(p).folded);
    // headings of the bureau's own read as the missing sections they stand for; the outline again with them
    if (inferSections(p, moveTables)) refold(buildOutline(p).folded);
  }
  return { projects, preamble, tableSections, skipped: whySkipped(name, firstLine, preamble, drops, summaryLabels) };
}

/** The lines of a sheet that read like headings, of the highest level among them (for a skipped sheet's reason). */
function headingLines(lines: readonly string[], max = 6): string[] {
  const found = lines.map((text) => ({ text: text.trim(), h: headingLike(text) })).filter((x) => x.h !== null);
  const rank = (style: Numbering['style']): number =>
    ['cn-part', 'roman', 'cn-dun', 'cn-paren', 'arabic-dot', 'arabic-dun', 'arabic-space', 'decimal', 'arabic-paren', 'circled'].indexOf(
      style,
    );
  const top = Math.min(...found.map((x) => rank(x.h!.style)));
  return found
    .filter((x) => rank(x.h!.style) === top)
    .slice(0, max)
    .map((x) => x.text);
}

function whySkipped(
  sheet: string,
  firstLine: string | undefined,
  preamble: readonly { text: string }[],
  drops: readonly SheetDrop[],
  summary: readonly string[] | undefined,
): SkippedSheet {
  if (firstLine === undefined) return { sheet, reason: 'empty' };
  if (summary !== undefined && drops.length === 0) return { sheet, reason: 'summary', sections: summary };
  const drop = drops.find((d) => d.reason === 'instructions') ?? drops.find((d) => d.reason === 'few-sections') ?? drops[0];
  const lines = [...preamble.map((l) => l.text), ...(drop?.project.sections.flatMap((x) => x.paragraphs.map((p) => p.text)) ?? [])];
  const headings = headingLines(lines);
  const withHeadings = headings.length > 0 ? { headings } : {};
  if (!drop) return { sheet, reason: 'no-sections', ...withHeadings };
  if (drop.reason === 'few-sections') {
    // one entry a section (its first heading), as written without the content after its colon
    const first = new Map<string, MutableSection>();
    for (const x of drop.project.sections) if (!first.has(x.key)) first.set(x.key, x);
    const sections = [...first.values()].map((x) => `${x.numbering.raw}${x.label}`);
    return { sheet, reason: 'few-sections', sections, ...withHeadings };
  }
  return { sheet, reason: drop.reason };
}

function freezeProject(p: MutableProject, index: number): Project {
  const sections: Section[] = p.sections.map((s) => {
    const parent = s.parentSection ? p.sections.indexOf(s.parentSection) : -1;
    return {
      key: s.key,
      label: s.label,
      headingText: s.headingText,
      headingRef: s.headingRef,
      numbering: s.numbering,
      paragraphs: s.paragraphs,
      tables: s.tables,
      ...(s.otherTables.length > 0 && { otherTables: s.otherTables }),
      ...(s.inferredFrom !== undefined && { inferredFrom: s.inferredFrom }),
      ...(s.level !== undefined && s.level > 0 && { level: s.level }),
      ...(parent >= 0 && { parent }),
    };
  });
  const nameSection = sections.find((s) => s.key === 'name');
  const name = nameSection?.paragraphs.map((x) => x.text.trim()).find((x) => x !== '');
  // a project found by its content: titled (and labelled in findings) by its 项目名称, else by the line above its text
  const above = p.untitled?.firstLine;
  // a line ending with a colon is who the text is addressed to (`洛宁县教育体育局：`), not its title
  const aboveIsTitle = above !== undefined && above.length <= 60 && !/[。；;，,]/u.test(above) && !/[:：]\s*$/u.test(above);
  const title = p.untitled ? (name ?? (aboveIsTitle ? above : undefined) ?? p.title) : p.title;
  return {
    index,
    title,
    number: p.number,
    ref: p.ref,
    label: p.untitled ? title.trim() : p.label,
    ...(name !== undefined && { name }),
    sections,
    ...(p.outline !== undefined && { outline: p.outline }),
  };
}

/**
 * `资金来源：本项目总投资210万元…` on a line of its own, unnumbered, inside a numbered section (`四、项目基本概况`) of a
 * project that has the numbered heading of that section too (`六、资金安排情况`): a detail of the section it stands
 * in, not a second, duplicate heading (洛宁, real text: a 可行性研究报告批复's parts copied into a project's overview).
 * Its line and the text after it go back to that section. A line with a table under it is left as it is.
 */
function foldInlineLabels(p: MutableProject, tableSections: SheetResult['tableSections']): void {
  if (p.sections.length < 2) return;
  const numbered = (x: MutableSection): boolean => x.numbering.style !== 'none';
  const inline = (x: MutableSection): boolean => {
    const first = x.paragraphs[0];
    return first?.ref === x.headingRef && first.offset > x.headingOffset;
  };
  const kept: MutableSection[] = [];
  let host: MutableSection | null = null;
  for (const x of p.sections) {
    if (
      host !== null &&
      !numbered(x) &&
      inline(x) &&
      x.tables.length === 0 &&
      x.otherTables.length === 0 &&
      !tableSections.some(([, at]) => at?.section === x) &&
      p.sections.some((o) => o !== x && o.key === x.key && numbered(o))
    ) {
      host.paragraphs.push({ text: x.headingText, ref: x.headingRef, offset: x.headingOffset }, ...x.paragraphs.slice(1));
      continue;
    }
    kept.push(x);
    host = numbered(x) ? x : null;
  }
  if (kept.length !== p.sections.length) p.sections = kept;
}

/**
 * The lines before the first heading of a project with no title that its numbering counts: from the last
 * line numbered 1 on, when the last numbered line of that style runs on into the heading's number (洛宁,
 * real text: `一、项目地点` then `二、项目主要建设内容`, the first heading read). Undefined otherwise.
 */
function numberedLead(
  preamble: readonly { text: string; ref: CellRef; offset?: number }[],
  h: Extract<Line, { kind: 'heading' }>,
): Paragraph[] | undefined {
  const { style, value } = h.match.numbering;
  if (style === 'none' || value === null || value < 2) return undefined;
  let from = -1;
  let last = -1;
  for (let i = 0; i < preamble.length; i++) {
    // a numbered sentence counts as well as a heading-like line (a 批复's `一、为切实改善…同意立项…。`, 龙陵, real text)
    const text = preamble[i]!.text.trim();
    // `1 为切实改善…` before `3 建设规模及内容`: a bare number, as the headings are numbered
    const bare: RegExpExecArray | null =
      style === 'arabic-space' ? /^([0-9０-９]{1,2})[ \u3000]+(?=[^\s0-9０-９.．,，%])/u.exec(text) : null;
    const n: { style: Numbering['style']; value: number | null } = bare
      ? { style, value: Number(bare[1]!.normalize('NFKC')) }
      : splitNumberingAsWritten(text);
    if (n.style !== style || n.value === null) continue;
    if (n.value === 1) from = i;
    last = n.value;
  }
  if (from < 0 || last + 1 !== value) return undefined;
  return preamble.slice(from).map((l) => ({ text: l.text, ref: l.ref, offset: l.offset ?? 0 }));
}
