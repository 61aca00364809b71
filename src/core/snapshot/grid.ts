import type { Cell, Range, SheetSnapshot } from './types';

/**
 * Random access over a sheet's sparse cells, built once per sheet and cached.
 * Rows are kept as arrays of cells sorted by column, so a row scan costs its own length.
 */
export interface SheetGrid {
  readonly sheet: SheetSnapshot;
  /** The last row index that holds a cell, or -1 for an empty sheet. */
  readonly maxRow: number;
  readonly maxCol: number;
  get(row: number, col: number): Cell | undefined;
  /** The cells of one row, sorted by column (empty array when none). */
  row(row: number): readonly Cell[];
  /** Row indices that hold at least one cell, ascending. */
  readonly rowIndices: readonly number[];
  /** The merged area whose top-left is (row, col), or that covers it. */
  mergeAt(row: number, col: number): Range | undefined;
}

const EMPTY: readonly Cell[] = [];
const cache = new WeakMap<SheetSnapshot, SheetGrid>();

/** Whether the keys of a list never decrease. */
function ascending<T>(list: readonly T[], key: (x: T) => number): boolean {
  for (let i = 1; i < list.length; i++) if (key(list[i]!) < key(list[i - 1]!)) return false;
  return true;
}

export function gridOf(sheet: SheetSnapshot): SheetGrid {
  const hit = cache.get(sheet);
  if (hit) return hit;
  const rows = new Map<number, Cell[]>();
  let maxRow = -1;
  let maxCol = -1;
  for (const cell of sheet.cells) {
    let r = rows.get(cell.row);
    if (!r) {
      r = [];
      rows.set(cell.row, r);
    }
    r.push(cell);
    if (cell.row > maxRow) maxRow = cell.row;
    if (cell.col > maxCol) maxCol = cell.col;
  }
  // cells usually come in reading order (the .xlsx reader and Excel's values both give them so): sorted
  // only when they are not, since a sort copies its array (most of a grid's allocation, one per row)
  for (const r of rows.values()) if (!ascending(r, (c) => c.col)) r.sort((a, b) => a.col - b.col);
  const rowIndices = [...rows.keys()];
  if (!ascending(rowIndices, (r) => r)) rowIndices.sort((a, b) => a - b);
  const mergeIndex = new Map<number, Range[]>();
  for (const m of sheet.merges) {
    // index merges by each row they cover, but only for reasonably sized merges; huge ones
    // are checked linearly (there are never many of them).
    const height = m.bottom - m.top + 1;
    if (height <= 64) {
      for (let r = m.top; r <= m.bottom; r++) {
        let list = mergeIndex.get(r);
        if (!list) {
          list = [];
          mergeIndex.set(r, list);
        }
        list.push(m);
      }
    }
  }
  const huge = sheet.merges.filter((m) => m.bottom - m.top + 1 > 64);
  const grid: SheetGrid = {
    sheet,
    maxRow,
    maxCol,
    rowIndices,
    row: (r) => rows.get(r) ?? EMPTY,
    get(r, c) {
      const list = rows.get(r);
      if (!list) return undefined;
      // binary search by column
      let lo = 0;
      let hi = list.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const cell = list[mid]!;
        if (cell.col === c) return cell;
        if (cell.col < c) lo = mid + 1;
        else hi = mid - 1;
      }
      return undefined;
    },
    mergeAt(r, c) {
      for (const m of mergeIndex.get(r) ?? EMPTY_RANGES) {
        if (c >= m.left && c <= m.right) return m;
      }
      for (const m of huge) {
        if (r >= m.top && r <= m.bottom && c >= m.left && c <= m.right) return m;
      }
      return undefined;
    },
  };
  cache.set(sheet, grid);
  return grid;
}

const EMPTY_RANGES: readonly Range[] = [];

/** The text of a cell as shown, trimmed; '' for a missing cell. */
export function cellText(grid: SheetGrid, row: number, col: number): string {
  return grid.get(row, col)?.text.trim() ?? '';
}
