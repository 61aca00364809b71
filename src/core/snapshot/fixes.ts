/**
 * Fixes written into a snapshot (pure): what `--fix --export-docx` exports, and what the page's
 * 填入 does in memory. Only empty cells are written unless `overwrite` (SPEC §5); codes as text.
 * An insert fix (`insert: 'row'`) inserts a row and writes the heading into it; writes go first,
 * then inserts bottom-up, so every address the check gave stays right (insert-row.ts).
 */
import type { Fix } from '../rules/types';
import { fromA1 } from './a1';
import { fixOrder, isInsert } from './fix-order';
import { insertRow } from './insert-row';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from './types';

/** The sheet with `fix` written at (row, col): a text or number cell replacing what was there. */
export function writeCell(sheet: SheetSnapshot, fix: Fix, row: number, col: number): SheetSnapshot {
  const text = String(fix.value);
  const cell: Cell =
    fix.kind === 'number' && typeof fix.value === 'number'
      ? { row, col, kind: 'number', value: fix.value, text }
      : { row, col, kind: 'text', value: text, text };
  const cells = sheet.cells.filter((c) => !(c.row === row && c.col === col));
  cells.push(cell);
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { ...sheet, cells };
}

export interface FixedSnapshot {
  readonly snapshot: WorkbookSnapshot;
  readonly written: readonly Fix[];
  readonly skipped: readonly Fix[];
}

export function applyFixes(
  snapshot: WorkbookSnapshot,
  fixes: readonly Fix[],
  options: { readonly overwrite?: boolean } = {},
): FixedSnapshot {
  let sheets = [...snapshot.sheets];
  const written: Fix[] = [];
  const skipped: Fix[] = [];
  const seen = new Set<string>();
  for (const fix of fixOrder(fixes)) {
    const p = fromA1(fix.cell);
    const idx = sheets.findIndex((s) => s.name === fix.sheet);
    const sheet = sheets[idx];
    const key = `${fix.sheet}!${fix.cell.toUpperCase()}`;
    if (!p || !sheet || seen.has(key)) {
      skipped.push(fix);
      continue;
    }
    if (isInsert(fix)) {
      seen.add(key);
      sheets = [...insertRow({ ...snapshot, sheets }, { sheet: sheet.name, at: p.row }).sheets];
      sheets[idx] = writeCell(sheets[idx]!, fix, p.row, p.col);
      written.push(fix);
      continue;
    }
    const existing = sheet.cells.find((c) => c.row === p.row && c.col === p.col);
    if (existing && existing.text.trim() !== '' && !options.overwrite) {
      skipped.push(fix);
      continue;
    }
    seen.add(key);
    sheets[idx] = writeCell(sheet, fix, p.row, p.col);
    written.push(fix);
  }
  return { snapshot: { ...snapshot, sheets }, written, skipped };
}
