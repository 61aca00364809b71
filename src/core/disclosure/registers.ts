/**
 * A register: several projects in one table, one project a row, the sections as its columns
 * (`序号 | 项目名称 | 立项依据 | 实施单位 | …`): a header row of five or more cells that are whole
 * section labels, before any project on the sheet; each row under it is a project, until a blank
 * row or a row that fills fewer than two of its columns (read.ts drives it). Each section of such a
 * project is the project's cell in that column: findings point at it, an empty one is a section
 * without content. (One project a column, the sections down column A, was built in 5fc2ebf and
 * taken out again for the pane's bundle budget.)
 */
import type { Cell } from '../snapshot/types';
import type { CellRef, Paragraph, SectionKey } from '../model';
import { splitLines } from '../text/normalize';
import { matchHeading, matchTitle, type AliasTable } from './labels';
import type { MutableProject, MutableSection } from './read';

/**
 * How many different sections a register's header names: more than half the eight.
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
  const t = cellText(cell).trim();
  const h = cell.kind === 'text' ? matchHeading(t, aliases) : null;
  return h === null || h.rest !== undefined ? null : { key: h.key, label: t };
}

/**
 * A project of a register: titled by its `项目N` cell when it has one, else (untitled) by its 项目名称;
 * each section the project's cell under that label, its lines the section's paragraphs.
 */
function registerProject(
  sheet: string,
  at: CellRef,
  titleCell: Cell | undefined,
  fallback: string,
  sections: readonly { key: SectionKey; label: string; ref: CellRef; cell: Cell | undefined }[],
): MutableProject {
  const t = titleCell ? matchTitle(cellText(titleCell).trim()) : null;
  return {
    title: t ? cellText(titleCell!).trim() : fallback,
    number: t?.number ?? null,
    ref: t ? { sheet, row: titleCell!.row, col: titleCell!.col } : at,
    label: t?.label ?? fallback,
    ...(t === null && { untitled: { firstLine: undefined } }),
    sections: sections.map(({ key, label, ref, cell }): MutableSection => ({
      key,
      label,
      headingText: label,
      headingRef: ref,
      headingOffset: 0,
      numbering: { style: 'none', value: null, raw: '' },
      paragraphs: splitLines(cell ? cellText(cell) : '')
        .filter((l) => l.text.trim() !== '')
        .map((l): Paragraph => ({ text: l.text.trim(), ref, offset: l.offset + l.text.length - l.text.trimStart().length })),
      tables: [],
      otherTables: [],
    })),
  };
}

const isTitle = (c: Cell): boolean => c.kind === 'text' && matchTitle(cellText(c).trim()) !== null;

/**
 * The header row of a one-project-a-row register: the column of each section, or null. `summary`
 * receives the labels of a header that names three or four sections (a summary of the projects).
 */
export function registerHeader(row: readonly Cell[], aliases: AliasTable, summary?: (labels: string[]) => void): RegisterColumns | null {
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
  return registerProject(
    sheet,
    { sheet, row: at.row, col: at.col },
    row.find((c) => !columns.has(c.col) && isTitle(c)),
    `${sheet}（第${count}行）`,
    [...columns].map(([col, l]) => ({ ...l, ref: { sheet, row: at.row, col }, cell: row.find((c) => c.col === col) })),
  );
}
