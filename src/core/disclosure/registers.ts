/**
 * Registers: several projects in one table, the eight sections as its columns or as its rows.
 *
 * - One project a row (`序号 | 项目名称 | 立项依据 | 实施单位 | …`): a header row of five or more
 *   cells that are whole section labels, before any project on the sheet; each row under it is a
 *   project, until a blank row or a row that fills fewer than two of its columns (read.ts drives it).
 * - One project a column (`项目名称 | 项目A | 项目B`, `立项依据 | … | …` down the rows): a label
 *   column whose cells are whole section labels (five or more sections) with content in two or more
 *   columns beside them; each of those columns is a project, titled by the cell above its first
 *   label row (`项目一`) or by its 项目名称.
 *
 * Each section of such a project is the project's cell in that column (or row): findings point at
 * it, an empty one is a section without content. A one-column form (label | content) is not a
 * register: read.ts reads it line by line.
 */
import type { Cell } from '../snapshot/types';
import type { CellRef, Paragraph, SectionKey } from '../model';
import { splitLines } from '../text/normalize';
import { matchHeading, matchTitle, type AliasTable } from './labels';
import type { MutableProject, MutableSection } from './read';

/**
 * How many different sections a register's header (or label column) names: more than half the eight.
 * A summary sheet (`项目名称 │ 实施单位 │ 资金安排（万元） │ 实施计划`) beside the project texts names
 * fewer, and is not read as projects of its own.
 */
const REGISTER_MIN_SECTIONS = 5;

export type RegisterColumns = Map<number, { readonly key: SectionKey; readonly label: string }>;

function cellText(cell: Cell): string {
  const text: unknown = cell.text;
  return typeof text === 'string' ? text : String(cell.value ?? '');
}

/** A whole section label (no content after it), else null. */
function labelOf(cell: Cell, aliases: AliasTable): { key: SectionKey; label: string } | null {
  if (cell.kind !== 'text') return null;
  const t = cellText(cell).trim();
  const h = matchHeading(t, aliases);
  return h === null || h.rest !== undefined ? null : { key: h.key, label: t };
}

/** The section a register's cell holds: its lines are the section's paragraphs. */
function cellSection(key: SectionKey, label: string, ref: CellRef, cell: Cell | undefined): MutableSection {
  const text = cell ? cellText(cell) : '';
  const lines = text.includes('\n') || text.includes('\r') ? splitLines(text) : [{ text, offset: 0 }];
  const paragraphs: Paragraph[] = lines
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ text: l.text.trim(), ref, offset: l.offset + (l.text.length - l.text.trimStart().length) }));
  return {
    key,
    label,
    headingText: label,
    headingRef: ref,
    headingOffset: 0,
    numbering: { style: 'none', value: null, raw: '' },
    paragraphs,
    tables: [],
    otherTables: [],
  };
}

/** A project of a register, titled by a `项目N` cell when it has one, else (untitled) by its 项目名称. */
function registerProject(sheet: string, ref: CellRef, titleCell: Cell | undefined, fallback: string): MutableProject {
  const t = titleCell ? matchTitle(cellText(titleCell).trim()) : null;
  return {
    title: t ? cellText(titleCell!).trim() : fallback,
    number: t?.number ?? null,
    ref: t ? { sheet, row: titleCell!.row, col: titleCell!.col } : ref,
    label: t?.label ?? fallback,
    sections: [],
    ...(t === null && { untitled: { firstLine: undefined } }),
  };
}

/**
 * The header row of a one-project-a-row register: the column of each section, or null. `summary`
 * receives the labels of a header that names three or four sections (a summary of the projects).
 */
export function registerHeader(row: readonly Cell[], aliases: AliasTable, summary?: (labels: string[]) => void): RegisterColumns | null {
  if (row.length < 3) return null;
  const columns: RegisterColumns = new Map();
  const seen = new Set<SectionKey>();
  for (const c of row) {
    const l = labelOf(c, aliases);
    if (l === null || seen.has(l.key)) continue;
    seen.add(l.key);
    columns.set(c.col, l);
  }
  if (seen.size >= 3 && seen.size < REGISTER_MIN_SECTIONS) summary?.([...columns.values()].map((c) => c.label));
  return seen.size >= REGISTER_MIN_SECTIONS ? columns : null;
}

/** One row of the register (its `count`th) as a project. */
export function registerRow(sheet: string, row: readonly Cell[], columns: RegisterColumns, count: number): MutableProject {
  const at = row[0]!;
  const titleCell = row.find((c) => !columns.has(c.col) && c.kind === 'text' && matchTitle(cellText(c).trim()) !== null);
  const p = registerProject(sheet, { sheet, row: at.row, col: at.col }, titleCell, `${sheet}（第${count}行）`);
  const byCol = new Map(row.map((c) => [c.col, c]));
  for (const [col, { key, label }] of columns) p.sections.push(cellSection(key, label, { sheet, row: at.row, col }, byCol.get(col)));
  return p;
}

/**
 * A one-project-a-column register on the sheet (cells sorted by row, then column): its projects and
 * the rows it takes (the label rows and the title row above them), or null.
 */
export function transposedRegister(
  sheet: string,
  cells: readonly Cell[],
  aliases: AliasTable,
): { projects: MutableProject[]; rows: Set<number> } | null {
  if (cells.length < 6) return null;
  // a register needs five label rows with content in two columns beside the label: a sheet of
  // fewer rows of three cells (a project's text, one cell a line) is settled before any label is read
  let wideRows = 0;
  for (let i = 0, run = 0; i < cells.length; i++) {
    run = i > 0 && cells[i]!.row === cells[i - 1]!.row ? run + 1 : 1;
    if (run === 3) wideRows++;
  }
  if (wideRows < REGISTER_MIN_SECTIONS) return null;
  const byRow = new Map<number, Cell[]>();
  for (const c of cells) {
    if (cellText(c).trim() === '') continue;
    const list = byRow.get(c.row);
    if (list) list.push(c);
    else byRow.set(c.row, [c]);
  }
  // label rows: the row's first cell a whole section label, at the sheet's label column
  const labelRows: { row: number; key: SectionKey; label: string; cells: Cell[] }[] = [];
  let labelCol = -1;
  for (const [row, list] of byRow) {
    const l = labelOf(list[0]!, aliases);
    if (l === null) continue;
    if (labelCol < 0) labelCol = list[0]!.col;
    if (list[0]!.col !== labelCol) continue;
    labelRows.push({ row, ...l, cells: list.slice(1) });
  }
  // the project columns: those with content in most label rows
  const wide = labelRows.filter((r) => r.cells.length >= 2);
  if (new Set(wide.map((r) => r.key)).size < REGISTER_MIN_SECTIONS) return null;
  const uses = new Map<number, number>();
  for (const r of wide) for (const c of r.cells) uses.set(c.col, (uses.get(c.col) ?? 0) + 1);
  const cols = [...uses].filter(([, n]) => n * 2 >= wide.length).map(([col]) => col);
  if (cols.length < 2) return null;
  cols.sort((a, b) => a - b);
  const first = labelRows[0]!.row;
  const rows = new Set(labelRows.map((r) => r.row));
  // a title row right above the first label row: `项目 | 项目一 | 项目二`
  const above = byRow.get(first - 1);
  if (above?.some((c) => cols.includes(c.col))) rows.add(first - 1);
  const projects = cols.map((col, k) => {
    const titleCell = above?.find((c) => c.col === col && c.kind === 'text' && matchTitle(cellText(c).trim()) !== null);
    const p = registerProject(sheet, { sheet, row: first, col }, titleCell, `${sheet}（第${k + 1}列）`);
    for (const r of labelRows) {
      p.sections.push(
        cellSection(
          r.key,
          r.label,
          { sheet, row: r.row, col },
          r.cells.find((c) => c.col === col),
        ),
      );
    }
    return p;
  });
  return { projects, rows };
}
