import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/school-code-category';
import { at, run, schoolDoc, seedRows } from '../schools/fixtures';

describe('school-code-category', () => {
  it('is silent on the seed codes (21 for 小学, 31 for 中学)', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
  });

  it('fires on a 中学 code on a 小学', () => {
    const rows = seedRows();
    rows[4] = { ...rows[4]!, code: '3153005307' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'school-code-category',
      messageId: 'contradiction',
      project: '项目十一',
      cell: at('A', 4),
      school: '玉溪市江川区大街街道大街小学',
      expected: '21/22',
      actual: '31',
    });
    expect(f[0]!.message).toBe(
      '玉溪市江川区大街街道大街小学 的学校代码 3153005307 前两位 31 表示“普通初中”，与校名（小学，应为 21/22）不符',
    );
  });

  it('accepts plausible types: 34 or 31 for 第一中学, 36 for 职业中学, 11 for 幼儿园', () => {
    const rows = seedRows();
    rows[0] = { ...rows[0]!, code: '3453000101' };
    rows[1] = { ...rows[1]!, code: '3153000102' };
    rows[2] = { ...rows[2]!, code: '3653000103' };
    rows[25] = { ...rows[25]!, code: '1153000104' };
    expect(run(rule, schoolDoc({ rows }))).toEqual([]);
  });

  it('fires on a 小学 code on a 幼儿园 and on an unknown type', () => {
    const rows = seedRows();
    rows[25] = { ...rows[25]!, code: '2153000104' };
    rows[26] = { ...rows[26]!, code: '8153000105' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f.map((x) => [x.messageId, x.cell, x.school])).toEqual([
      ['contradiction', at('A', 25), '玉溪市江川区第一幼儿园'],
      ['unknownType', at('A', 26), '玉溪市江川区第二幼儿园'],
    ]);
  });
});
