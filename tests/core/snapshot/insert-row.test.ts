import { describe, expect, it } from 'vitest';
import { fixOrder, insertRow, shiftFormulaRows, shiftRange } from '../../../src/core/snapshot/insert-row';
import type { Fix } from '../../../src/core/rules/types';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';

const at5 = { sheet: '项目一', at: 4 }; // a row inserted at row 5 (0-based 4)

describe('shiftFormulaRows', () => {
  it('moves references at or below the row, in this sheet, absolute or not', () => {
    expect(shiftFormulaRows('A4+A5+$B$9+B$10', '项目一', at5)).toBe('A4+A6+$B$10+B$11');
  });
  it('grows a range whose end moved; leaves a range above alone; moves row ranges', () => {
    expect(shiftFormulaRows('SUM(B2:B8)+SUM(B1:B4)+SUM(5:6)+SUM(A:A)', '项目一', at5)).toBe('SUM(B2:B9)+SUM(B1:B4)+SUM(6:7)+SUM(A:A)');
  });
  it('moves references from other sheets to the sheet, by name, quoted or not, and no others', () => {
    expect(shiftFormulaRows("项目一!B7+'项目一'!C7+其他!B7+B7", '汇总', at5)).toBe("项目一!B8+'项目一'!C8+其他!B7+B7");
    expect(shiftFormulaRows("'It''s'!A9", 'x', { sheet: "It's", at: 0 })).toBe("'It''s'!A10");
  });
  it('leaves strings, function names and numbers alone', () => {
    expect(shiftFormulaRows('IF(LOG10(B6)>1.5E10,"A6",B6)', '项目一', at5)).toBe('IF(LOG10(B7)>1.5E10,"A6",B7)');
  });
  it('turns a reference pushed off the sheet into #REF!', () => {
    expect(shiftFormulaRows('A1048576', 's', { sheet: 's', at: 0 })).toBe('#REF!');
  });
});

describe('insertRow', () => {
  it('moves cells and merges below, grows a merge across, and adjusts formulas in every sheet', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        {
          name: '项目一',
          index: 0,
          visibility: 'visible',
          cells: [
            { row: 3, col: 0, kind: 'text', value: 'a', text: 'a' },
            { row: 4, col: 0, kind: 'text', value: 'b', text: 'b' },
            { row: 6, col: 1, kind: 'number', value: 3, text: '3', formula: 'SUM(B1:B6)' },
          ],
          merges: [
            { top: 0, left: 2, bottom: 1, right: 3 },
            { top: 3, left: 2, bottom: 5, right: 2 },
            { top: 4, left: 4, bottom: 4, right: 5 },
          ],
        },
        {
          name: '汇总',
          index: 1,
          visibility: 'visible',
          cells: [{ row: 0, col: 0, kind: 'number', value: 3, text: '3', formula: '项目一!B7' }],
          merges: [],
        },
      ],
    };
    const out = insertRow(snapshot, at5);
    expect(out.sheets[0]!.cells.map((c) => [c.row, c.col, c.formula])).toEqual([
      [3, 0, undefined],
      [5, 0, undefined],
      [7, 1, 'SUM(B1:B7)'],
    ]);
    expect(out.sheets[0]!.merges).toEqual([
      { top: 0, left: 2, bottom: 1, right: 3 },
      { top: 3, left: 2, bottom: 6, right: 2 },
      { top: 5, left: 4, bottom: 5, right: 5 },
    ]);
    expect(out.sheets[1]!.cells[0]!.formula).toBe('项目一!B8');
    expect(shiftRange({ top: 4, left: 0, bottom: 4, right: 0 }, 4)).toEqual({ top: 5, left: 0, bottom: 5, right: 0 });
  });
});

describe('fixOrder', () => {
  it('puts writes first, then inserts bottom-up', () => {
    const f = (cell: string, insert?: boolean): Fix => ({
      sheet: 's',
      cell,
      value: 'x',
      kind: 'text',
      ...(insert && { insert: 'row' as const }),
    });
    expect(fixOrder([f('A3', true), f('B2'), f('A9', true), f('C7')]).map((x) => x.cell)).toEqual(['B2', 'C7', 'A9', 'A3']);
  });
});
