/**
 * What the school rules share: the project label of a table, the table's 市+县 prefix, the
 * registry match of every row (computed once per table and registry), and amount formatting.
 */
import type { CellRef, DisclosureDocument, FundingColumn, NumberCell, SchoolRow, SchoolTable } from '../model';
import { gridOf } from '../snapshot/grid';
import { commonPrefix, isCountyLevelName, normalizeName, stripPrefix, townOf } from './names';
import { indexRegistry, matchRegistry, standardName, type RegistryMatch } from './match';
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
  // a whole count (almost all are) scales exactly without going through its decimal string
  if (Number.isInteger(cell.value)) {
    const v = cell.value * 1_000_000;
    if (Number.isSafeInteger(v)) return v + 0; // + 0: -0 reads as 0, as the decimal string did
  }
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

/** A row's name not in 市+县+乡+校名 form: no 市+县 prefix, or no 乡 where the table's names have one. */
export interface NameIssue {
  readonly id: 'noPrefix' | 'noTown';
  readonly prefix: string;
  /** The registry's standard name, when it resolves the school and differs from the name written. */
  readonly standard?: string;
}

const nameIssueCache = new WeakMap<SchoolTable, WeakMap<DisclosureDocument, readonly (NameIssue | null)[]>>();

/**
 * The name issue of every row of a table (null where the name is fine or empty), judged against
 * the table's own norm: a prefix most names have, a 乡 most town-level names have. Computed once
 * per table (school-name-format reports them; school-code-missing notes them on a school it cannot
 * resolve, so an unmatched school is one finding, not two).
 */
export function nameIssues(document: DisclosureDocument, table: SchoolTable): readonly (NameIssue | null)[] {
  let byDoc = nameIssueCache.get(table);
  const cached = byDoc?.get(document);
  if (cached) return cached;
  const out = computeNameIssues(document, table);
  if (!byDoc) nameIssueCache.set(table, (byDoc = new WeakMap()));
  byDoc.set(document, out);
  return out;
}

function computeNameIssues(document: DisclosureDocument, table: SchoolTable): readonly (NameIssue | null)[] {
  const none = table.rows.map(() => null);
  const prefix = tablePrefix(table);
  if (prefix === '') return none;
  const matches = rowMatches(document, table);
  const named = table.rows.filter((r) => r.name.text.trim() !== '');
  if (named.length < 2) return none;
  const infos = table.rows.map((r, i) => {
    const { rest, hadPrefix } = stripPrefix(r.name.text, prefix);
    const m = matches[i];
    const entry = m?.kind === 'match' ? m.entry : undefined;
    // county-level: the registry says it has no town, or its name says so (第一中学, 职业中学…)
    const countyLevel = entry
      ? normalizeName(entry.town ?? '') === '' && townOf(normalizeName(entry.name)) === ''
      : isCountyLevelName(rest);
    return { rest, hadPrefix, town: townOf(rest), countyLevel, entry };
  });
  const withPrefix = infos.filter((x, i) => x.hadPrefix && table.rows[i]!.name.text.trim() !== '').length;
  const townLevel = infos.filter((x, i) => !x.countyLevel && table.rows[i]!.name.text.trim() !== '');
  const withTown = townLevel.filter((x) => x.town !== '').length;
  const prefixNorm = withPrefix * 2 > named.length;
  const townNorm = townLevel.length >= 2 && withTown * 2 > townLevel.length;
  return table.rows.map((row, i): NameIssue | null => {
    const name = row.name.text;
    const x = infos[i]!;
    if (name.trim() === '') return null;
    let id: NameIssue['id'] | null = null;
    if (prefixNorm && !x.hadPrefix) id = 'noPrefix';
    else if (townNorm && x.town === '' && !x.countyLevel) id = 'noTown';
    if (!id) return null;
    const standard =
      x.entry && (x.countyLevel || normalizeName(x.entry.town ?? '') !== '' || townOf(normalizeName(x.entry.name)) !== '')
        ? standardName(x.entry, prefix)
        : undefined;
    const fixable =
      standard !== undefined &&
      standard !== normalizeName(name) &&
      (id === 'noPrefix' || townOf(stripPrefix(standard, prefix).rest) !== '');
    return { id, prefix, ...(fixable && { standard }) };
  });
}

/**
 * Whether a row's missing 乡 is said by school-code-missing instead of school-name-format: the row
 * has no code (and no error value) and the registry cannot resolve it, so the name cannot be made
 * standard either — one finding for the school, its code, with a note that the name is incomplete.
 */
export function townNotedWithCode(row: SchoolRow, match: RegistryMatch | undefined, issue: NameIssue | null): boolean {
  if (issue?.id !== 'noTown' || issue.standard !== undefined) return false;
  if (row.code.digits !== '' || row.code.uncalculated || row.code.error !== undefined) return false;
  return !(match?.kind === 'match' && match.entry.code !== '');
}
