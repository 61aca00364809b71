import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/school-code-format';
import { at, run, schoolDoc, seedRows } from '../schools/fixtures';

describe('school-code-format', () => {
  it('is silent on the seed codes, as text, with trailing spaces, as numbers, in full-width digits', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
    expect(run(rule, schoolDoc({ codes: 'text-space' }))).toEqual([]);
    expect(run(rule, schoolDoc({ codes: 'number' }))).toEqual([]);
    const rows = seedRows();
    rows[4] = { ...rows[4]!, code: '２１５３００５３０７' };
    expect(run(rule, schoolDoc({ rows }))).toEqual([]);
  });

  it('fires on a code with nine digits', () => {
    const rows = seedRows();
    rows[4] = { ...rows[4]!, code: '215300530' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'school-code-format',
      messageId: 'length',
      project: '项目十一',
      cell: at('A', 4),
      school: '玉溪市江川区大街街道大街小学',
      actual: '215300530',
      expected: '10位数字',
    });
    expect(f[0]!.message).toBe('玉溪市江川区大街街道大街小学 的学校代码“215300530”有 9 位，应为10位数字');
  });

  it('fires on a code with a letter O for a zero', () => {
    const rows = seedRows();
    rows[5] = { ...rows[5]!, code: '2153OO5313' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f.map((x) => [x.messageId, x.cell, x.school])).toEqual([['chars', at('A', 5), '玉溪市江川区大街街道伏家营中心小学']]);
  });

  it('leaves missing codes and #N/A to school-code-missing', () => {
    const rows = seedRows();
    rows[5] = { ...rows[5]!, code: { error: '#N/A' } };
    expect(run(rule, schoolDoc({ rows }))).toEqual([]);
  });
});
