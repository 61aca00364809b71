/**
 * Fixes write only empty cells (unless the user confirmed an overwrite), codes as text
 * (number format '@' first, then the value, so Excel keeps 5304210001 as text), and return the
 * list of what was written so the user can undo it. 3 syncs whatever the number of fixes.
 *
 * Undo puts back exactly what the cell held: Excel retypes a string written into a General cell
 * (a code 00123 becomes 123, 2023-09-01 a date, =见附件 or -待定 a formula: typed-text.ts), so
 * such a text goes back through the Text format and the cell then gets its own format back. A
 * text typed with a leading quote ('=见附件) reads the same through `values` and `formulas`
 * (office-js 6687): it is taken for a formula only where the two differ.
 */
import { fromA1, toA1 } from '../../core/snapshot/a1';
import type { Fix, Lang } from '../../core/rules/types';
import type { XlContext, XlRange } from './api';
import { cellText } from './record';
import { retypedByExcel } from './typed-text';
import { fixOrder, isInsert } from '../../core/snapshot/fix-order';

export type SkipReason = 'not-empty' | 'protected' | 'missing-sheet' | 'bad-address' | 'duplicate' | 'failed' | 'flags';

export interface WrittenFix {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string | number;
  /** A row was inserted at `cell` first (插入缺少的部分): undo does not remove it (Excel's own undo does). */
  readonly inserted?: true;
  /** What the cell held before (a formula with its '='), for undo. */
  readonly previous: string | number | boolean;
  readonly previousNumberFormat: string;
  /** `previous` is a formula (otherwise a string starting with '=' is text the user typed with a quote). */
  readonly previousIsFormula?: true;
}

export interface FixResult {
  readonly written: readonly WrittenFix[];
  /** The rows inserted (0-based, where the check saw them, before any insert of the batch). */
  readonly inserted?: readonly { readonly sheet: string; readonly row: number }[];
  readonly skipped: readonly { readonly sheet: string; readonly cell: string; readonly reason: SkipReason }[];
}

const REASONS: Record<SkipReason, { zh: string; en: string }> = {
  'not-empty': { zh: '单元格不为空，未覆盖', en: 'the cell is not empty; not overwritten' },
  protected: { zh: '工作表受保护', en: 'the sheet is protected' },
  'missing-sheet': { zh: '找不到工作表', en: 'no such sheet' },
  'bad-address': { zh: '单元格地址无效', en: 'invalid cell address' },
  duplicate: { zh: '同一单元格已有修正', en: 'another fix writes the same cell' },
  failed: { zh: 'Excel 未能写入', en: 'Excel could not write it' },
  flags: { zh: '未能先清除标记，未插入行', en: 'the marks could not be cleared first; no row inserted' },
};

export function skipReasonText(reason: SkipReason, lang: Lang): string {
  return REASONS[reason][lang];
}

function isEmpty(value: unknown, formula: unknown): boolean {
  return (value === '' || value === null || value === undefined) && !(typeof formula === 'string' && formula.startsWith('='));
}

/** With `events` (ExcelApi 1.8) the writes run with this add-in's events off: they start no live check. */
export interface WriteOptions {
  readonly events?: boolean;
}

/** Queues the writes between events off and on (one sync, the same as without). */
export async function syncWrites(context: XlContext, options: WriteOptions, queue: () => void): Promise<void> {
  if (options.events) context.runtime.enableEvents = false;
  queue();
  if (options.events) context.runtime.enableEvents = true;
  try {
    await context.sync();
  } catch (e) {
    if (options.events) {
      context.runtime.enableEvents = true;
      await context.sync().catch(() => undefined);
    }
    throw e;
  }
}

export async function applyFixes(
  context: XlContext,
  fixes: readonly Fix[],
  options: { readonly overwrite?: boolean } & WriteOptions = {},
): Promise<FixResult> {
  const ws = context.workbook.worksheets;
  ws.load('items/name,items/protection/protected');
  await context.sync();
  const sheets = new Map(ws.items.map((s) => [s.name, s]));

  const skipped: { sheet: string; cell: string; reason: SkipReason }[] = [];
  const seen = new Set<string>();
  const probes: { fix: Fix; cell: string; range: XlRange }[] = [];
  const inserts: { fix: Fix; cell: string }[] = [];
  for (const fix of fixOrder(fixes)) {
    const p = fromA1(fix.cell);
    const s = sheets.get(fix.sheet);
    const cell = fix.cell.replace(/\$/g, '').toUpperCase();
    const key = `${fix.sheet}\u0000${cell}`;
    if (!p) skipped.push({ sheet: fix.sheet, cell: fix.cell, reason: 'bad-address' });
    else if (!s) skipped.push({ sheet: fix.sheet, cell, reason: 'missing-sheet' });
    else if (s.protection.protected) skipped.push({ sheet: fix.sheet, cell, reason: 'protected' });
    else if (seen.has(key)) skipped.push({ sheet: fix.sheet, cell, reason: 'duplicate' });
    else if (isInsert(fix)) {
      seen.add(key);
      inserts.push({ fix, cell });
    } else {
      seen.add(key);
      const range = s.getRange(cell);
      range.load('values,formulas,numberFormat');
      probes.push({ fix, cell, range });
    }
  }
  await context.sync();

  const written: WrittenFix[] = [];
  const writes: (() => void)[] = [];
  for (const { fix, cell, range } of probes) {
    const value = range.values[0]?.[0];
    const formula = range.formulas[0]?.[0];
    if (!options.overwrite && !isEmpty(value, formula)) {
      skipped.push({ sheet: fix.sheet, cell, reason: 'not-empty' });
      continue;
    }
    writes.push(() => {
      const target = context.workbook.worksheets.getItem(fix.sheet).getRange(cell);
      if (fix.kind === 'text') {
        target.numberFormat = [['@']];
        target.values = [[String(fix.value)]];
      } else {
        target.values = [[typeof fix.value === 'number' ? fix.value : Number(fix.value)]];
      }
    });
    // a text typed as '=… reads the same through values and formulas (office-js 6687); a formula reads its result
    const prevFormula = typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : undefined;
    written.push({
      sheet: fix.sheet,
      cell,
      value: fix.value,
      previous: prevFormula ?? (value as string | number | boolean | undefined) ?? '',
      previousNumberFormat: cellText(range.numberFormat[0]?.[0], 'General'),
      ...(prevFormula !== undefined && { previousIsFormula: true as const }),
    });
  }
  // inserts after the writes, bottom-up in each sheet (fixOrder): a lower insert leaves a higher row in place
  for (const { fix, cell } of inserts) {
    writes.push(() => {
      const sheet = context.workbook.worksheets.getItem(fix.sheet);
      sheet.getRange(cell).getEntireRow().insert('Down');
      const target = sheet.getRange(cell);
      // the heading looks like its neighbour, the next section's heading now just below it (the row was
      // inserted at it): Range.copyFrom with Excel.RangeCopyType.formats (ExcelApi 1.9, the manifest's minimum)
      const p = fromA1(cell)!;
      target.copyFrom(sheet.getRange(toA1(p.row + 1, p.col)), 'Formats');
      const value = String(fix.value);
      if (retypedByExcel(value)) target.numberFormat = [['@']];
      target.values = [[value]];
    });
    written.push({ sheet: fix.sheet, cell, value: fix.value, inserted: true, previous: '', previousNumberFormat: 'General' });
  }
  if (written.length > 0) await syncWrites(context, options, () => writes.forEach((w) => w()));
  return {
    written: written.map((w) => movedBy(w, inserts)),
    skipped,
    ...(inserts.length > 0 && { inserted: inserts.map((x) => ({ sheet: x.fix.sheet, row: fromA1(x.cell)!.row })) }),
  };
}

/**
 * Where a written value ends up once the batch's rows are inserted: a write moves down one for each
 * insert in its sheet at or above it; an inserted heading for each insert above it.
 */
function movedBy(w: WrittenFix, inserts: readonly { readonly fix: Fix; readonly cell: string }[]): WrittenFix {
  const p = fromA1(w.cell);
  if (!p) return w;
  const by = inserts.filter((x) => {
    const r = fromA1(x.cell)?.row ?? Infinity;
    return x.fix.sheet === w.sheet && (w.inserted ? r < p.row : r <= p.row);
  }).length;
  return by === 0 ? w : { ...w, cell: toA1(p.row + by, p.col) };
}

/**
 * Queues putting a cell back as it was: a formula is written in General (a Text cell would keep it
 * as text), a text Excel would retype goes in as Text; then the cell's own format (a format change
 * does not retype what the cell holds).
 */
function queueRestore(target: XlRange, w: WrittenFix): void {
  if (w.previousIsFormula) {
    target.numberFormat = [['General']];
    target.formulas = [[w.previous]];
    if (w.previousNumberFormat !== 'General') target.numberFormat = [[w.previousNumberFormat]];
  } else if (typeof w.previous === 'string' && w.previousNumberFormat !== '@' && retypedByExcel(w.previous)) {
    target.numberFormat = [['@']];
    target.values = [[w.previous]];
    target.numberFormat = [[w.previousNumberFormat]];
  } else {
    target.numberFormat = [[w.previousNumberFormat]];
    target.values = [[w.previous]];
  }
}

/** Undoes fixes: puts back the previous value and number format where the cell still holds the fix. */
export async function undoFixes(context: XlContext, written: readonly WrittenFix[], options: WriteOptions = {}): Promise<number> {
  const ws = context.workbook.worksheets;
  const probes = written
    .filter((w) => !w.inserted)
    .map((w) => {
      const r = ws.getItemOrNullObject(w.sheet).getRange(w.cell);
      r.load('values');
      return { w, r };
    });
  await context.sync();
  const undo = probes.filter(({ w, r }) => !r.isNullObject && cellText(r.values[0]?.[0]) === String(w.value));
  if (undo.length > 0) {
    await syncWrites(context, options, () => {
      for (const { w } of undo) queueRestore(ws.getItem(w.sheet).getRange(w.cell), w);
    });
  }
  return undo.length;
}
