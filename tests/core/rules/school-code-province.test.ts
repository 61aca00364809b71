import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/school-code-province';
import { at, run, schoolDoc, seedRows } from '../schools/fixtures';

describe('school-code-province', () => {
  it('is silent on the seed codes (all 53, 云南)', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
    expect(run(rule, schoolDoc(), { province: '53' })).toEqual([]);
  });

  it('fires on the code whose province differs from the table majority', () => {
    const rows = seedRows();
    rows[4] = { ...rows[4]!, code: '2152005307' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'school-code-province',
      messageId: 'differs',
      project: '项目十一',
      cell: at('A', 4),
      school: '玉溪市江川区大街街道大街小学',
      expected: '53',
      actual: '52',
    });
    expect(f[0]!.message).toBe(
      '玉溪市江川区大街街道大街小学 的学校代码 2152005307 第3–4位为 52（贵州），与本单位省份 53（云南，表中多数学校代码）不符',
    );
  });

  it('uses the configured province over the majority', () => {
    const f = run(rule, schoolDoc(), { province: '52' });
    expect(f).toHaveLength(22);
    expect(f.every((x) => x.expected === '52' && x.actual === '53')).toBe(true);
  });

  it('fires on province digits that are no province', () => {
    const rows = seedRows();
    rows[5] = { ...rows[5]!, code: '2199005313' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f.map((x) => [x.messageId, x.cell])).toEqual([['invalid', at('A', 5)]]);
  });
});
