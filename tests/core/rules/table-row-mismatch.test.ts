import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/table-row-mismatch';
import { at, run, schoolDoc, seedRows } from '../schools/fixtures';

const SANJIE = 3; // 玉溪市江川区大街街道三街中心小学, 37.44

describe('table-row-mismatch', () => {
  it('is silent on the seed table (小计 = 县（市、区）, 合计 first or last)', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
    expect(run(rule, schoolDoc({ total: 'last', numbers: 'text' }))).toEqual([]);
  });

  it('fires on the one row whose 小计 differs from its sources', () => {
    const rows = seedRows();
    rows[SANJIE] = { ...rows[SANJIE]!, subtotal: 37.45 };
    const f = run(rule, schoolDoc({ rows, totalRow: { subtotal: 723.84 } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'table-row-mismatch',
      messageId: 'mismatch',
      project: '项目十一',
      sheet: '学校明细表',
      cell: at('E', SANJIE),
      school: '玉溪市江川区大街街道三街中心小学',
      column: '小计',
      expected: '37.44',
      actual: '37.45',
    });
    expect(f[0]!.message).toBe('玉溪市江川区大街街道三街中心小学：小计 37.45万元 不等于中央、省级、州市、县（市、区）、其它之和 37.44万元');
    expect(f[0]!.fix).toBeUndefined();
  });

  it('adds sources across columns exactly (0.1 + 0.2 = 0.3)', () => {
    const rows = seedRows();
    rows[0] = { ...rows[0]!, subtotal: 0.3, central: 0.1, county: 0.2 };
    const f = run(rule, schoolDoc({ rows, totalRow: { subtotal: 664.86, central: 0.1, county: 664.76 } }));
    expect(f).toEqual([]);
  });

  it('offers the computed 小计 for an empty 小计 cell, as a number', () => {
    const rows = seedRows();
    rows[SANJIE] = { ...rows[SANJIE]!, subtotal: null };
    const f = run(rule, schoolDoc({ rows, totalRow: { subtotal: 723.84 } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      messageId: 'empty',
      cell: at('E', SANJIE),
      expected: '37.44',
      school: '玉溪市江川区大街街道三街中心小学',
    });
    expect(f[0]!.fix).toEqual({ sheet: '学校明细表', cell: at('E', SANJIE), value: 37.44, kind: 'number' });
  });

  it('checks the 合计 row too', () => {
    const f = run(rule, schoolDoc({ totalRow: { subtotal: 723.85 } }));
    expect(f.map((x) => [x.cell, x.school, x.expected, x.actual])).toEqual([['E5', '合计', '723.84', '723.85']]);
  });

  it('reports an error value in a money cell instead of throwing', () => {
    const rows = seedRows();
    rows[SANJIE] = { ...rows[SANJIE]!, county: { error: '#REF!' } };
    const f = run(rule, schoolDoc({ rows, totalRow: { county: 723.84 } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'notNumber', cell: at('I', SANJIE), actual: '#REF!', column: '县（市、区）' });
  });

  it('says once when the whole table leaves its funding sources empty', () => {
    const rows = seedRows().map((r) => ({ ...r, county: null }));
    const f = run(rule, schoolDoc({ rows, totalRow: { county: null } }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'sourcesEmpty', project: '项目十一', cell: 'F1' });
  });

  it('renders in English with every placeholder filled', () => {
    const rows = seedRows();
    rows[SANJIE] = { ...rows[SANJIE]!, subtotal: 37.45 };
    const [f] = run(rule, schoolDoc({ rows, totalRow: { subtotal: 723.84 } }), {}, 'en');
    expect(f!.message).toContain('37.45');
    expect(f!.message).not.toMatch(/\{\w+\}/);
  });
});
