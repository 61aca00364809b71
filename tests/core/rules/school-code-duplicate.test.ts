import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/school-code-duplicate';
import { at, run, schoolDoc, seedRows } from '../schools/fixtures';

describe('school-code-duplicate', () => {
  it('is silent on the seed codes', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
  });

  it('fires on the second row that carries a code already used, pointing back at the first', () => {
    const rows = seedRows();
    rows[5] = { ...rows[5]!, code: '2153005307 ' }; // 伏家营中心小学 given 大街小学's code (with a space)
    const f = run(rule, schoolDoc({ rows }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'school-code-duplicate',
      project: '项目十一',
      cell: at('A', 5),
      school: '玉溪市江川区大街街道伏家营中心小学',
      actual: '2153005307',
      related: [{ sheet: '学校明细表', cell: at('A', 4) }],
    });
    expect(f[0]!.message).toBe('玉溪市江川区大街街道伏家营中心小学 的学校代码 2153005307 与第 10 行“玉溪市江川区大街街道大街小学”重复');
  });

  it('matches a code stored as a number with the same code stored as text', () => {
    const rows = seedRows();
    rows[5] = { ...rows[5]!, code: 2153005307 };
    expect(run(rule, schoolDoc({ rows })).map((x) => x.cell)).toEqual([at('A', 5)]);
  });

  it('does not compare tables of different projects', () => {
    expect(run(rule, schoolDoc({ more: [{ rows: seedRows().slice(3, 6) }] }))).toEqual([]);
  });
});
