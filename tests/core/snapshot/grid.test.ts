import { describe, expect, it } from 'vitest';
import { gridOf } from '../../../src/core/snapshot/grid';
import type { Cell, SheetSnapshot } from '../../../src/core/snapshot/types';

const cell = (row: number, col: number): Cell => ({ row, col, kind: 'text', value: `${row},${col}`, text: `${row},${col}` });
const sheet = (cells: Cell[]): SheetSnapshot => ({ name: 'S', index: 0, visibility: 'visible', cells, merges: [] });

// the snapshot promises reading order, but a host that breaks it must not give a wrong grid
describe('gridOf', () => {
  const coords: [number, number][] = [
    [0, 0],
    [0, 3],
    [2, 1],
    [2, 2],
    [2, 7],
    [5, 0],
  ];
  const check = (cells: Cell[]): void => {
    const g = gridOf(sheet(cells));
    expect(g.rowIndices).toEqual([0, 2, 5]);
    expect(g.row(2).map((c) => c.col)).toEqual([1, 2, 7]);
    for (const [r, c] of coords) expect(g.get(r, c)?.text).toBe(`${r},${c}`);
    expect(g.get(2, 3)).toBeUndefined();
    expect([g.maxRow, g.maxCol]).toEqual([5, 7]);
  };

  it('indexes cells given in reading order', () => check(coords.map(([r, c]) => cell(r, c))));

  it('indexes cells given in any order: rows and columns sorted', () => {
    check([...coords].reverse().map(([r, c]) => cell(r, c)));
    check([coords[3]!, coords[5]!, coords[0]!, coords[4]!, coords[2]!, coords[1]!].map(([r, c]) => cell(r, c)));
  });
});
