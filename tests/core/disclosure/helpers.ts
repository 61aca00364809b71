/** Small builders for reader tests: cells, sheets and a minimal school table. */
import type { Cell, Range, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import type { SchoolTable } from '../../../src/core/model';

export function t(row: number, col: number, text: string): Cell {
  return { row, col, kind: 'text', value: text, text };
}

/** A sheet from rows of cell texts ('' or undefined: no cell), starting at row `top`. */
export function sheet(
  name: string,
  rows: (string | undefined)[][],
  extra: { index?: number; merges?: Range[]; cells?: Cell[]; top?: number } = {},
): SheetSnapshot {
  const cells: Cell[] = [];
  const top = extra.top ?? 0;
  rows.forEach((r, i) =>
    r.forEach((v, c) => {
      if (v !== undefined && v !== '') cells.push(t(top + i, c, v));
    }),
  );
  cells.push(...(extra.cells ?? []));
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { name, index: extra.index ?? 0, visibility: 'visible', cells, merges: extra.merges ?? [] };
}

/** Down column A: one text per row. */
export function column(name: string, lines: string[], index = 0): SheetSnapshot {
  return sheet(
    name,
    lines.map((l) => [l]),
    { index },
  );
}

export function book(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets: sheets.map((s, index) => ({ ...s, index })) };
}

/** A school table occupying columns A..D, header at `top`, `n` school rows after it. */
export function schoolTable(sheetName: string, top: number, n: number): SchoolTable {
  const ref = (row: number, col: number) => ({ sheet: sheetName, row, col });
  return {
    sheet: sheetName,
    headerTop: top,
    headerBottom: top,
    columns: { code: 0, name: 1, count: 2, funding: { subtotal: 3 } },
    headers: { 0: '学校代码', 1: '学校名称', 2: '保安数量（人）', 3: '小计' },
    unit: '万元',
    rows: Array.from({ length: n }, (_, i) => ({
      row: top + 1 + i,
      code: { ref: ref(top + 1 + i, 0), raw: '', digits: '' },
      name: { ref: ref(top + 1 + i, 1), text: `学校${i}` },
      funding: {},
    })),
  };
}

/** Cells of that table (so the reader has something to cut out). */
export function schoolTableCells(_top: number, n: number): string[][] {
  const rows: string[][] = [['学校代码', '学校名称', '保安数量（人）', '小计']];
  for (let i = 0; i < n; i++) rows.push(['', `学校${i}`, String(i + 1), '3.12']);
  return rows;
}
