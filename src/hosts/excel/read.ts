/**
 * readWorkbook: the open workbook into the core's WorkbookSnapshot, in a constant number of
 * `context.sync()` calls whatever the number of sheets:
 *   1. the sheet list (name, position, visibility, protection);
 *   2. every sheet's used range (address and size);
 *   3. values, value types, text, formulas, number formats of every used range, and merged
 *      areas, all in one batch.
 * Used ranges whose estimated payload passes the budget are cut into row blocks, and blocks
 * are packed into as few batches as the budget allows: a workbook up to the budget (~4 MB of
 * cell data) is read in 3 syncs, a larger one in 3 + one per further ~4 MB, never one per
 * sheet. Excel counts UTF-8 bytes, so Chinese text weighs 3 bytes a character, three times
 * over (values, text and formulas all carry it): the estimate per cell is learnt from each batch
 * read, and made four times larger when the host refuses a batch as too large; what is still
 * queued (the refused batch included) is then planned again with it, so that a workbook of long
 * paragraphs costs a refusal or two, not one per batch. A single row refused is not retried.
 *
 * Merged areas are asked per block of MERGE_BLOCK_ROWS rows, in the first data batch: Excel
 * refuses getMergedAreasOrNullObject over a range with more than 512 merged areas. If it still
 * refuses, the cells are read without them and the merge blocks are retried apart, halved down
 * to a single row; a sheet whose merged areas cannot be read at all is named in the result and
 * the other sheets keep theirs. Cell edit mode is never taken for a merge problem: it is passed
 * up for the host to retry after the edit.
 */
import type { Cell, CellKind, Range, SheetSnapshot, SheetVisibility, StoredExplanation, WorkbookSnapshot } from '../../core/snapshot/types';
import { rangeFromA1 } from '../../core/snapshot/a1';
import { EXPLANATION_SHEET, readExplanationSheet } from '../../core/report/explanations';
import { isCellEditError, isPayloadError, type XlContext, type XlRange, type XlRangeAreas } from './api';
import { runUnits, utf8Length, type Unit } from './batches';
import type { HostCaps } from './caps';
import { FLAG_SHEET } from './record';

/** Cells (used-range area, all sheets) past which the read stops: a stray value in XFD1048576 must not hang Excel. */
export const MAX_USED_CELLS = 2_000_000;
/** Rows per merged-area request: at most 4 merged areas a row stay under Excel's 512. */
export const MERGE_BLOCK_ROWS = 128;

/** The workbook is too large to read inside Excel; says which sheet and the limit. */
export class ExcelReadLimitError extends Error {
  constructor(
    readonly sheet: string,
    readonly cells: number,
    readonly max: number,
  ) {
    super(`used range of "${sheet}" brings the workbook to ${cells} cells, over the limit of ${max}`);
    this.name = 'ExcelReadLimitError';
  }
}

export interface ReadOptions {
  readonly caps: HostCaps;
  /** Default MAX_USED_CELLS. */
  readonly maxCells?: number;
  /** Estimated bytes per batch (default 4 MB: under Excel on the web's 5 MB). */
  readonly batchBytes?: number;
  /** Estimated response bytes per cell for the five arrays (default 120). */
  readonly bytesPerCell?: number;
}

export interface ReadResult {
  readonly snapshot: WorkbookSnapshot;
  /** What could not be read ('merges'), to tell the user. */
  readonly omitted: readonly string[];
  /** Sheets whose merged areas Excel refused (the others were read); empty when none or when the API is missing. */
  readonly mergesOmitted: readonly string[];
}

interface Block {
  readonly sheet: number;
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

interface SheetInfo {
  readonly name: string;
  readonly position: number;
  readonly visibility: SheetVisibility;
  readonly protected: boolean;
  used: { top: number; left: number; rows: number; cols: number } | null;
  cells: Cell[];
  merges: Range[];
}

export function toVisibility(v: string): SheetVisibility {
  return v === 'VeryHidden' ? 'veryHidden' : v === 'Hidden' ? 'hidden' : 'visible';
}

/** Splits `Sheet1!A1:B2, 'a, b'!C3` at the commas outside quotes and parses each range. */
export function parseAreas(address: string): Range[] {
  const parts: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  const out: Range[] = [];
  for (const p of parts) {
    const local = p.slice(p.lastIndexOf('!') + 1).trim();
    const r = rangeFromA1(local);
    if (r) out.push(r);
  }
  return out;
}

function columnLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function blockAddress(b: Block): string {
  return `${columnLetters(b.left)}${b.top + 1}:${columnLetters(b.right)}${b.bottom + 1}`;
}

/** One block per used range (cut into rows by `packBatches`). */
function usedBlocks(sheets: readonly SheetInfo[]): Block[] {
  const out: Block[] = [];
  sheets.forEach((s, i) => {
    if (s.used)
      out.push({
        sheet: i,
        top: s.used.top,
        bottom: s.used.top + s.used.rows - 1,
        left: s.used.left,
        right: s.used.left + s.used.cols - 1,
      });
  });
  return out;
}

/**
 * Blocks packed into batches at an estimate per cell: in order, each batch filled up to the
 * budget, a block cut at the row where the batch is full (at least one row a batch).
 */
export function packBatches(blocks: readonly Block[], budget: number, bytesPerCell: number): Block[][] {
  const batches: Block[][] = [];
  let cur: Block[] = [];
  let size = 0;
  for (const b of blocks) {
    const rowBytes = (b.right - b.left + 1) * bytesPerCell;
    let top = b.top;
    while (top <= b.bottom) {
      const fit = Math.floor((budget - size) / rowBytes);
      if (fit < 1 && cur.length > 0) {
        batches.push(cur);
        cur = [];
        size = 0;
        continue;
      }
      const bottom = Math.min(b.bottom, top + Math.max(1, fit) - 1);
      cur.push({ ...b, top, bottom });
      size += (bottom - top + 1) * rowBytes;
      top = bottom + 1;
    }
  }
  if (cur.length > 0) batches.push(cur);
  return batches;
}

/** Bytes of one value in a JSON response (UTF-8, with its quotes and comma). */
function wireBytes(v: unknown): number {
  if (typeof v === 'string') return utf8Length(v) + 3;
  if (typeof v === 'number') return String(v).length + 1;
  return 6;
}

/**
 * Row blocks for the merged-area requests, per used range. Excel returns only the merged areas
 * whose upper-left cell is in the range asked (office-js 3611), and the used range counts values
 * only: the first block reaches up to row 1 and every block left to column A, so that an area
 * whose (empty) upper-left cell lies above or left of the values is read as the file holds it.
 */
function planMergeBlocks(sheets: readonly SheetInfo[]): Block[] {
  const out: Block[] = [];
  sheets.forEach((s, i) => {
    if (!s.used) return;
    const { top, left, rows, cols } = s.used;
    const step = Math.max(MERGE_BLOCK_ROWS, Math.ceil(rows / 2000));
    for (let r = 0; r < rows; r += step) {
      out.push({ sheet: i, top: r === 0 ? 0 : top + r, bottom: top + Math.min(rows, r + step) - 1, left: 0, right: left + cols - 1 });
    }
  });
  return out;
}

function queueMerges(range: XlRange): XlRangeAreas {
  const areas = range.getMergedAreasOrNullObject();
  areas.load('address');
  return areas;
}

/** Adds the areas read (an area crossing two blocks is reported by both: kept once). */
function collectMerges(areas: XlRangeAreas | null, into: Map<string, Range>): void {
  if (!areas || areas.isNullObject) return;
  for (const r of parseAreas(areas.address)) into.set(`${r.top},${r.left},${r.bottom},${r.right}`, r);
}

function splitBatch(batch: Block[]): Block[][] | null {
  if (batch.length > 1) {
    const mid = Math.ceil(batch.length / 2);
    return [batch.slice(0, mid), batch.slice(mid)];
  }
  const b = batch[0];
  if (!b || b.bottom === b.top) return null;
  const mid = b.top + Math.floor((b.bottom - b.top) / 2);
  return [[{ ...b, bottom: mid }], [{ ...b, top: mid + 1 }]];
}

function kindOf(valueType: string, hasFormula: boolean, value: unknown): CellKind {
  switch (valueType) {
    case 'String':
      return 'text';
    case 'Double':
    case 'Integer':
      return 'number';
    case 'Boolean':
      return 'boolean';
    case 'Error':
      return 'error';
    case 'Empty':
      return hasFormula ? 'text' : 'empty';
    default:
      return typeof value === 'number' ? 'number' : 'text';
  }
}

function toCell(row: number, col: number, vt: string, value: unknown, text: string, formula: unknown, fmt: unknown): Cell | null {
  const hasFormula = typeof formula === 'string' && formula.startsWith('=');
  if (vt === 'Empty' && !hasFormula) return null;
  const kind = kindOf(vt, hasFormula, value);
  let v: string | number | boolean | null;
  if (kind === 'number') v = typeof value === 'number' ? value : Number(value);
  else if (kind === 'boolean') v = value === true || value === 'TRUE';
  else if (kind === 'empty') v = null;
  else v = typeof value === 'string' ? value : text;
  return {
    row,
    col,
    kind,
    value: v,
    text,
    ...(hasFormula && { formula: formula.slice(1) }),
    ...(typeof fmt === 'string' && fmt !== 'General' && { numFmt: fmt }),
  };
}

export async function readWorkbook(context: XlContext, options: ReadOptions): Promise<ReadResult> {
  const budget = options.batchBytes ?? 4 * 1024 * 1024;
  let perCell = options.bytesPerCell ?? 120;
  const omitted: string[] = [];

  // Sync 1: the sheet list.
  const collection = context.workbook.worksheets;
  collection.load('items/name,items/position,items/visibility,items/protection/protected');
  await context.sync();
  const worksheets = collection.items;

  // Sync 2: every used range.
  const used = worksheets.map((ws) => {
    const r = ws.getUsedRangeOrNullObject(true);
    r.load('rowIndex,columnIndex,rowCount,columnCount');
    return r;
  });
  await context.sync();
  const sheets: SheetInfo[] = worksheets.map((ws, i) => {
    const u = used[i]!;
    return {
      name: ws.name,
      position: ws.position,
      visibility: toVisibility(ws.visibility),
      protected: ws.protection.protected,
      used: u.isNullObject ? null : { top: u.rowIndex, left: u.columnIndex, rows: u.rowCount, cols: u.columnCount },
      cells: [],
      merges: [],
    };
  });

  const maxCells = options.maxCells ?? MAX_USED_CELLS;
  let total = 0;
  for (const s of sheets) {
    total += s.used ? s.used.rows * s.used.cols : 0;
    if (total > maxCells) throw new ExcelReadLimitError(s.name, total, maxCells);
  }

  // Sync 3 (and more only past the payload budget): the cells, and the merged areas.
  const queue = packBatches(usedBlocks(sheets), budget, perCell);
  /** What is still queued, planned again at `perCell`. */
  const replan = (): void => {
    const rest = packBatches(queue.flat(), budget, perCell);
    queue.length = 0;
    queue.push(...rest);
  };
  const mergeBlocks = options.caps.merges ? planMergeBlocks(sheets) : [];
  const mergeFound = sheets.map(() => new Map<string, Range>());
  const mergeFailed = new Set<number>();
  let mergesPending = mergeBlocks.length > 0;
  let mergesApart = false;
  if (queue.length === 0 && mergesPending) queue.push([]);
  while (queue.length > 0) {
    const batch = queue.shift()!;
    const loads = batch.map((b) => {
      const r: XlRange = worksheets[b.sheet]!.getRange(blockAddress(b));
      r.load('values,valueTypes,text,formulas,numberFormat');
      return r;
    });
    const withMerges = mergesPending && !mergesApart;
    const mergeLoads = withMerges ? mergeBlocks.map((b) => queueMerges(worksheets[b.sheet]!.getRange(blockAddress(b)))) : [];
    try {
      await context.sync();
    } catch (e) {
      if (isCellEditError(e)) throw e;
      if (isPayloadError(e) && splitBatch(batch)) {
        // the estimate was low (Chinese text, long paragraphs): this batch and the rest planned again at four times it
        perCell *= 4;
        queue.unshift(batch);
        replan();
        continue;
      }
      if (withMerges) {
        // Too many merged areas in a block (or another refusal): the cells without them, the merges apart.
        mergesApart = true;
        queue.unshift(batch);
        continue;
      }
      throw e;
    }
    if (withMerges) {
      mergesPending = false;
      mergeLoads.forEach((a, i) => collectMerges(a, mergeFound[mergeBlocks[i]!.sheet]!));
    }
    let bytes = 0;
    let count = 0;
    batch.forEach((b, k) => {
      const r = loads[k]!;
      const values = r.values;
      const types = r.valueTypes;
      const text = r.text;
      const formulas = r.formulas;
      const formats = r.numberFormat;
      const out = sheets[b.sheet]!.cells;
      for (let i = 0; i < values.length; i++) {
        const vr = values[i]!;
        for (let j = 0; j < vr.length; j++) {
          const c = toCell(b.top + i, b.left + j, types[i]?.[j] ?? 'Empty', vr[j], text[i]?.[j] ?? '', formulas[i]?.[j], formats[i]?.[j]);
          if (c) out.push(c);
          bytes +=
            wireBytes(vr[j]) +
            wireBytes(types[i]?.[j]) +
            wireBytes(text[i]?.[j]) +
            wireBytes(formulas[i]?.[j]) +
            wireBytes(formats[i]?.[j]);
          count++;
        }
      }
    });
    if (count > 0 && queue.length > 0) {
      // the estimate per cell learnt from this batch (a tenth over, for what varies; the budget leaves 1 MB besides), for what is left
      perCell = Math.max(16, Math.ceil((bytes / count) * 1.1));
      replan();
    }
  }
  if (mergesPending) {
    // Apart: halved down to single rows; a block that still fails loses its sheet's merges.
    const unit = (b: Block): Unit => {
      let areas: XlRangeAreas | null = null;
      return {
        bytes: 200,
        queue: () => void (areas = queueMerges(worksheets[b.sheet]!.getRange(blockAddress(b)))),
        done: () => collectMerges(areas, mergeFound[b.sheet]!),
        split: () => (b.top === b.bottom ? [] : (splitBatch([b]) ?? []).map((h) => unit(h[0]!))),
        fail: () => void mergeFailed.add(b.sheet),
      };
    };
    await runUnits(context, mergeBlocks.map(unit), { maxUnits: 4000, maxBytes: 4 * 1024 * 1024 });
  }
  sheets.forEach((s, i) => {
    if (!mergeFailed.has(i)) s.merges.push(...[...mergeFound[i]!.values()].sort((a, b) => a.top - b.top || a.left - b.left));
  });
  if (mergeFailed.size > 0) omitted.push('merges');
  if (!options.caps.merges) omitted.push('merges');

  const snapshots: SheetSnapshot[] = sheets.map((s) => ({
    name: s.name,
    index: s.position,
    visibility: s.visibility,
    cells: s.cells.sort((a, b) => a.row - b.row || a.col - b.col),
    merges: s.merges,
    ...(s.protected && { protected: true }),
  }));
  const mergesOmitted = [...mergeFailed].map((i) => sheets[i]!.name);
  const explanationSheet = snapshots.find((s) => s.name === EXPLANATION_SHEET);
  const explanations: StoredExplanation[] = explanationSheet ? readExplanationSheet({ sheets: [explanationSheet] }) : [];
  return {
    snapshot: {
      sheets: snapshots.filter((s) => s.name !== EXPLANATION_SHEET && s.name !== FLAG_SHEET),
      explanations,
    },
    omitted: [...new Set(omitted)],
    mergesOmitted,
  };
}
