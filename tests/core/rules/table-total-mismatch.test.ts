import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/table-total-mismatch';
import { run, schoolDoc } from '../schools/fixtures';

describe('table-total-mismatch', () => {
  it('is silent on the seed table, 合计 first or last, numbers as text', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
    expect(run(rule, schoolDoc({ total: 'last' }))).toEqual([]);
    expect(run(rule, schoolDoc({ numbers: 'text', codes: 'number' }))).toEqual([]);
  });

  it('fires on the 合计 count that differs from the column (232 guards)', () => {
    const f = run(rule, schoolDoc({ totalRow: { count: 233 } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'table-total-mismatch',
      messageId: 'mismatch',
      project: '项目十一',
      sheet: '学校明细表',
      cell: 'D5',
      school: '合计',
      column: '保安数量（人）',
      expected: '232',
      actual: '233',
    });
    expect(f[0]!.message).toBe('合计行“保安数量（人）”为 233，该列各行之和为 232');
  });

  it('fires on the 合计 amount, at the last row when 合计 is last', () => {
    const f = run(rule, schoolDoc({ total: 'last', totalRow: { subtotal: 732.84 } }));
    expect(f.map((x) => [x.cell, x.column, x.expected, x.actual])).toEqual([['E32', '小计', '723.84', '732.84']]);
  });

  it('offers the computed value for an empty 合计 cell, as a number', () => {
    const f = run(rule, schoolDoc({ totalRow: { subtotal: null } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'empty', cell: 'E5', expected: '723.84' });
    expect(f[0]!.fix).toEqual({ sheet: '学校明细表', cell: 'E5', value: 723.84, kind: 'number' });
  });

  it('reads a 合计 written as text (232人) and reports one that is no number', () => {
    expect(run(rule, schoolDoc({ totalRow: { count: '232人' } }))).toEqual([]);
    const f = run(rule, schoolDoc({ totalRow: { subtotal: '共七百多万' } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'notNumber', cell: 'E5', actual: '共七百多万', expected: '723.84' });
  });

  it('says when the table has no 合计 row', () => {
    const f = run(rule, schoolDoc({ total: 'none' }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'noTotal', cell: 'A1', project: '项目十一' });
  });

  it('sums exactly: 10,000 rows of 0.01万元', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      code: String(2153000000 + i),
      name: `玉溪市江川区大街街道第${i}小学`,
      count: 1,
      subtotal: 0.01,
      county: 0.01,
    }));
    expect(run(rule, schoolDoc({ rows, totalRow: { subtotal: 100, county: 100, count: 10000 } }))).toEqual([]);
    const f = run(rule, schoolDoc({ rows, totalRow: { subtotal: 100.01, county: 100, count: 10000 } }));
    expect(f.map((x) => [x.cell, x.expected, x.actual])).toEqual([['E5', '100.00', '100.01']]);
  });
});

describe('table-total-mismatch: data safety', () => {
  it('marks the fix overwrite when the empty-looking 合计 cell holds a formula', () => {
    const doc = schoolDoc({ totalRow: { subtotal: null } });
    const sheets = doc.snapshot.sheets.map((s) =>
      s.name === '学校明细表'
        ? {
            ...s,
            cells: [...s.cells, { row: 4, col: 4, kind: 'text' as const, value: '', text: '', formula: 'IF(1,"","")' }].sort(
              (a, b) => a.row - b.row || a.col - b.col,
            ),
          }
        : s,
    );
    const f = run(rule, { ...doc, snapshot: { sheets } });
    expect(f).toHaveLength(1);
    expect(f[0]!.fix).toEqual({ sheet: '学校明细表', cell: 'E5', value: 723.84, kind: 'number', overwrite: true });
  });
});
