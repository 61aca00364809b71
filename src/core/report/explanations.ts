import type { WorkbookSnapshot, StoredExplanation } from '../snapshot/types';
import { gridOf } from '../snapshot/grid';
import { fromA1, toA1 } from '../snapshot/a1';
import type { Finding } from '../rules/types';

/**
 * Explanations (说明) are stored in the workbook in a very hidden sheet of this name, one row
 * each: key, rule, sheet, cell, text, at. Hosts read it into `WorkbookSnapshot.explanations`
 * and write it; the disclosure reader skips it.
 */
export const EXPLANATION_SHEET = '_disclosure_check_说明';
export const EXPLANATION_HEADER = ['key', 'rule', 'sheet', 'cell', 'text', 'at'] as const;

/** A short stable hash (FNV-1a, 32 bit, hex) of a string. */
export function hashText(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

type SheetOf = WorkbookSnapshot['sheets'][number];
const sheetIndex = new WeakMap<readonly SheetOf[], Map<string, SheetOf>>();

/**
 * The first sheet of that name (what `sheets.find` returns), through an index built once per
 * sheets array: keying thousands of findings on a workbook of a thousand sheets stays linear.
 */
function sheetByName(snapshot: WorkbookSnapshot, name: string): SheetOf | undefined {
  let index = sheetIndex.get(snapshot.sheets);
  if (!index) {
    index = new Map();
    for (const s of snapshot.sheets) if (!index.has(s.name)) index.set(s.name, s);
    sheetIndex.set(snapshot.sheets, index);
  }
  const hit = index.get(name);
  // a sheet renamed since the index was built: the plain scan
  return hit?.name === name ? hit : snapshot.sheets.find((s) => s.name === name);
}

/**
 * The key of a finding: rule, message id, place, and a hash of the text of the cell it is
 * about, so an explanation survives edits elsewhere and lapses when that cell changes.
 */
export function explanationKey(
  f: Pick<Finding, 'rule' | 'messageId' | 'sheet' | 'cell' | 'row' | 'col'>,
  snapshot: WorkbookSnapshot,
): string {
  const sheet = sheetByName(snapshot, f.sheet);
  const text = sheet ? (gridOf(sheet).get(f.row, f.col)?.text ?? '') : '';
  return `${f.rule}|${f.messageId}|${f.sheet}|${f.cell}|${hashText(text)}`;
}

/** Reads the explanations sheet of a snapshot (when the host did not fill `explanations`). */
export function readExplanationSheet(snapshot: WorkbookSnapshot): StoredExplanation[] {
  const sheet = snapshot.sheets.find((s) => s.name === EXPLANATION_SHEET);
  if (!sheet) return [];
  const grid = gridOf(sheet);
  const out: StoredExplanation[] = [];
  for (const r of grid.rowIndices) {
    if (r === 0) continue; // header
    const get = (c: number): string => grid.get(r, c)?.text ?? '';
    const key = get(0);
    if (!key) continue;
    const at = get(5);
    out.push({ key, rule: get(1), sheet: get(2), cell: get(3), text: get(4), ...(at && { at }) });
  }
  return out;
}

/** The rows to write into the explanations sheet (header first). */
export function explanationRows(list: readonly StoredExplanation[]): string[][] {
  return [[...EXPLANATION_HEADER], ...list.map((e) => [e.key, e.rule, e.sheet, e.cell, e.text, e.at ?? ''])];
}

/** Sets each finding's key, and its explanation where one is stored under that key. */
export function applyExplanations(findings: readonly Finding[], snapshot: WorkbookSnapshot): Finding[] {
  const stored = snapshot.explanations ?? readExplanationSheet(snapshot);
  const byKey = new Map(stored.map((e) => [e.key, e.text]));
  return findings.map((f) => {
    const key = explanationKey(f, snapshot);
    const explanation = byKey.get(key);
    return explanation !== undefined && explanation !== '' ? { ...f, key, explanation } : { ...f, key };
  });
}

/**
 * The stored explanations once rows were inserted (插入缺少的部分): an explanation whose cell is at or
 * below an inserted row moves down with its finding — its cell, and the cell in its key — so it still
 * matches the finding the re-check gives there (the cell's text, whose hash the key ends with, moved with
 * it). `inserted`: 0-based rows as the check saw them, before any of them was inserted; each one at or
 * above a cell moves it down one (as Excel and the copy's insert do). Others are returned as they were.
 */
export function moveExplanations(
  list: readonly StoredExplanation[],
  inserted: readonly { readonly sheet: string; readonly row: number }[],
): StoredExplanation[] {
  return list.map((e) => {
    const p = fromA1(e.cell);
    if (!p) return e;
    const by = inserted.filter((x) => x.sheet === e.sheet && x.row <= p.row).length;
    if (by === 0) return e;
    const cell = toA1(p.row + by, p.col);
    // a finding's key is rule|messageId|sheet|cell|hash (explanationKey); others (heading-map|…) keep theirs
    const tail = `|${e.sheet}|${e.cell}|`;
    const at = e.key.lastIndexOf(tail);
    const hash = at >= 0 ? e.key.slice(at + tail.length) : '|';
    const key = hash.includes('|') ? e.key : `${e.key.slice(0, at)}|${e.sheet}|${cell}|${hash}`;
    return { ...e, key, cell };
  });
}
