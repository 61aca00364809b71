/**
 * What the school rules share: the project label of a table, the table's 市+县 prefix, the
 * registry match of every row (computed once per table and registry), and amount formatting.
 */
import type { CellRef, DisclosureDocument, FundingColumn, NumberCell, SchoolRow, SchoolTable } from '../model';
import { gridOf } from '../snapshot/grid';
import { commonPrefix } from './names';
import { indexRegistry, matchRegistry, type RegistryMatch } from './match';
import { formatFenIn, numberToDecimal, scaleDecimal } from './values';

/** The label (`项目十一`) of the project a table belongs to, when linked. */
export function projectLabel(document: DisclosureDocument, table: SchoolTable): string | undefined {
  if (table.project === undefined) return undefined;
  return document.projects[table.project]?.label;
}

/** `project` and `school` fields for a row's finding, without undefined values. */
export function place(document: DisclosureDocument, table: SchoolTable, row: SchoolRow | undefined): { project?: string; school?: string } {
  const project = projectLabel(document, table);
  const school = row === undefined ? undefined : row === table.total ? '合计' : row.name.text;
  // built member by member: called for every row by several rules, and spreading is slow
  const who: { project?: string; school?: string } = {};
  if (project !== undefined) who.project = project;
  if (school !== undefined && school !== '') who.school = school;
  return who;
}

const prefixCache = new WeakMap<SchoolTable, string>();

/** The table's 市+县 prefix, from its own names. */
export function tablePrefix(table: SchoolTable): string {
  let p = prefixCache.get(table);
  if (p === undefined) {
    p = commonPrefix(table.rows.map((r) => r.name.text));
    prefixCache.set(table, p);
  }
  return p;
}

const matchCache = new WeakMap<SchoolTable, { registry: readonly unknown[]; matches: RegistryMatch[] }>();

/** The registry match of each of the table's rows (same order as `table.rows`). */
export function rowMatches(document: DisclosureDocument, table: SchoolTable): readonly RegistryMatch[] {
  const hit = matchCache.get(table);
  if (hit?.registry === document.registry) return hit.matches;
  const index = indexRegistry(document.registry);
  const prefix = tablePrefix(table);
  const matches = table.rows.map((r) => matchRegistry(r.name.text, index, { prefix }));
  matchCache.set(table, { registry: document.registry, matches });
  return matches;
}

/** A number cell's value scaled to integer units (fen for money, millionths for counts), or null. */
export function scaled(cell: NumberCell | undefined, money: boolean): number | null {
  if (!cell || cell.empty || cell.value === null) return null;
  if (money) return cell.fen;
  return scaleDecimal(numberToDecimal(cell.value), 6);
}

/** Formats a scaled value: fen in the table's unit, or a count. */
export function formatScaled(v: number, table: SchoolTable, money: boolean, decimals: number): string {
  if (money) return formatFenIn(v, table.unit, decimals);
  return formatFenIn(v, '万元', decimals); // counts are scaled by 10^6 too
}

/** The header text of a column, for the `column` field. */
export function headerOf(table: SchoolTable, col: number | undefined): string | undefined {
  if (col === undefined) return undefined;
  const h = table.headers[col];
  return h === undefined || h === '' ? undefined : h;
}

export const SOURCE_COLUMNS: readonly FundingColumn[] = ['central', 'provincial', 'prefecture', 'county', 'other'];

/** The value a fix writes into a number cell: a plain JS number from exact scaled digits. */
export function scaledToNumber(v: number, scale: number): number {
  return Number(formatFenIn(v, scale === 2 ? '元' : '万元'));
}

/**
 * Whether writing into a cell would replace something: a formula (even one showing ''), or any
 * non-empty value. Fixes into such cells carry `overwrite: true` (SPEC §5: confirm first).
 */
export function occupied(document: DisclosureDocument, ref: CellRef): boolean {
  const sheet = document.snapshot.sheets.find((s) => s.name === ref.sheet);
  if (!sheet) return false;
  const cell = gridOf(sheet).get(ref.row, ref.col);
  if (!cell) return false;
  return cell.formula !== undefined || (cell.kind !== 'empty' && cell.text.trim() !== '');
}
