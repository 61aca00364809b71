import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/formula-uncalculated';
import { buildDocument } from '../../../src/core/document';
import { withCalculatedValues } from '../../../src/core/formula/evaluate';
import { runRules } from '../../../src/core/rules/engine';
import type { Cell, WorkbookSnapshot } from '../../../src/core/snapshot/types';

function snap(cells: Cell[]): WorkbookSnapshot {
  return { sheets: [{ name: '明细', index: 0, visibility: 'visible', cells, merges: [] }] };
}
const num = (row: number, col: number, v: number): Cell => ({ row, col, kind: 'number', value: v, text: String(v) });
const f = (row: number, col: number, formula: string): Cell => ({ row, col, kind: 'empty', value: null, text: '', formula });

function run(s: WorkbookSnapshot, lang: 'zh' | 'en' = 'zh') {
  // as the package reader hands snapshots on: formulas it can compute already calculated
  return runRules(buildDocument(withCalculatedValues(s)), [rule], {}, lang).findings;
}

describe('formula-uncalculated', () => {
  it('is silent when every formula has a value, cached or evaluated', () => {
    expect(run(snap([num(0, 0, 1), { ...num(0, 1, 2), formula: 'A1*2' }, f(0, 2, 'SUM(A1:B1)')]))).toEqual([]);
  });

  it('fires once for the workbook, at the first formula it cannot read, counting every cell left without a value', () => {
    const out = run(snap([num(0, 0, 1), f(0, 1, 'C1+1'), f(0, 2, 'INDEX(A:A,1)'), f(1, 2, 'TODAY()')]));
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ rule: 'formula-uncalculated', severity: 'error', sheet: '明细', cell: 'C1', actual: '=INDEX(A:A,1)' });
    expect(out[0]!.message).toContain('3 个公式单元格没有结果');
    expect(run(snap([f(0, 2, 'INDEX(A:A,1)')]), 'en')[0]!.message).toBe(
      "The workbook was saved without calculated values (common in files written by programs): 1 formula cell(s) have no result (e.g. '明细'!C1: =INDEX(A:A,1)) and cannot be checked. Open and save it in Excel or WPS, then check again",
    );
  });

  it('a cycle alone is reported at its first cell', () => {
    const out = run(snap([f(0, 0, 'B1'), f(0, 1, 'A1')]));
    expect(out.map((x) => [x.cell, x.actual])).toEqual([['A1', '=B1']]);
  });
});
