import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { applyFixes, undoFixes } from '../../../src/hosts/excel/fixes';
import type { Fix } from '../../../src/core/rules/types';
import { workbook } from './workbook';

const fix = (sheet: string, cell: string, value: string | number, kind: Fix['kind'] = 'text'): Fix => ({ sheet, cell, value, kind });

describe('applyFixes', () => {
  it('writes only empty cells, codes as text, and lists what it wrote and what it left', async () => {
    const snap = workbook();
    const fake = FakeExcel.fromSnapshot({ sheets: snap.sheets.map((s) => (s.name === '项目2' ? { ...s, protected: true } : s)) });
    const r = await fake.run((ctx) =>
      applyFixes(ctx, [
        fix('学校明细', 'B3', '5304210002'), // empty: written as text
        fix('学校明细', 'B2', '5304219999'), // has a code: left
        fix('学校明细', 'D4', 19.75, 'number'), // a formula: left
        fix('学校明细', 'D3', 1, 'number'), // a number: left
        fix('学校明细', 'E2', 12.5, 'number'), // empty: written as a number
        fix('学校明细', 'B3', '5304210003'), // same cell twice
        fix('项目2', 'B1', 'x'), // protected
        fix('无此表', 'A1', 'x'),
        fix('学校明细', 'B0', 'x'),
      ]),
    );
    expect(r.written).toEqual([
      { sheet: '学校明细', cell: 'B3', value: '5304210002', previous: '', previousNumberFormat: 'General' },
      { sheet: '学校明细', cell: 'E2', value: 12.5, previous: '', previousNumberFormat: 'General' },
    ]);
    expect(r.skipped.map((s) => [s.cell, s.reason])).toEqual([
      ['B3', 'duplicate'],
      ['B1', 'protected'],
      ['A1', 'missing-sheet'],
      ['B0', 'bad-address'],
      ['B2', 'not-empty'],
      ['D4', 'not-empty'],
      ['D3', 'not-empty'],
    ]);
    expect(fake.cell('学校明细', 'B3')).toEqual({ value: '5304210002', numberFormat: '@' });
    expect(fake.cell('学校明细', 'E2')).toEqual({ value: 12.5 });
    expect(fake.cell('学校明细', 'B2')?.value).toBe('5304210001');
    expect(fake.cell('学校明细', 'D4')?.formula).toBe('SUM(D2:D3)');
    expect(fake.syncCount).toBe(3); // sheets, cells, one write batch
  });

  it('overwrites only when confirmed, and undo puts the cells back', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const before = fake.dump();
    const r = await fake.run((ctx) =>
      applyFixes(ctx, [fix('学校明细', 'B2', '5304219999'), fix('学校明细', 'B3', '5304210002')], { overwrite: true }),
    );
    expect(r.written.map((w) => w.cell)).toEqual(['B2', 'B3']);
    expect(fake.cell('学校明细', 'B2')?.value).toBe('5304219999');
    const undone = await fake.run((ctx) => undoFixes(ctx, r.written));
    expect(undone).toBe(2);
    expect(fake.dump()).toEqual(before);
  });

  it('undo puts back texts Excel would retype (00123, 2023-09-01, -待定, a quoted =见附件) and a formula in a Text cell', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.setCell('学校明细', 'F2', { value: '00123' }); // typed as '00123 in a General cell
    fake.setCell('学校明细', 'F3', { value: '=见附件' }); // typed as '=见附件
    fake.setCell('学校明细', 'F4', { value: '2023-09-01' });
    fake.setCell('学校明细', 'F5', { value: '-待定' });
    // a formula formatted as Text after it was entered (the fake calculates SUM when read)
    fake.setCell('学校明细', 'F6', { value: null, formula: 'SUM(D2:D3)', numberFormat: '@' });
    fake.setCell('学校明细', 'F7', { value: -5, numberFormat: '0.00' });
    const before = fake.dump();
    const cells = ['F2', 'F3', 'F4', 'F5', 'F6', 'F7'];
    const r = await fake.run((ctx) =>
      applyFixes(
        ctx,
        cells.map((c) => fix('学校明细', c, '5304210009')),
        { overwrite: true },
      ),
    );
    expect(r.written.map((w) => [w.cell, w.previous, w.previousIsFormula ?? false])).toEqual([
      ['F2', '00123', false],
      ['F3', '=见附件', false],
      ['F4', '2023-09-01', false],
      ['F5', '-待定', false],
      ['F6', '=SUM(D2:D3)', true],
      ['F7', -5, false],
    ]);
    expect(await fake.run((ctx) => undoFixes(ctx, r.written))).toBe(6);
    expect(fake.dump()).toEqual(before);
  });
});
