import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/school-name-format';
import { at, run, schoolDoc, seedRegistryRows, seedRows } from '../schools/fixtures';

describe('school-name-format', () => {
  it('is silent on the seed names; county-level schools (第一中学, 职业中学, 第一幼儿园) need no 乡', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
  });

  it('fires on a name without its 乡镇, with the registry standard name as an overwrite fix', () => {
    const rows = seedRows();
    rows[4] = { ...rows[4]!, name: '玉溪市江川区大街小学' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'school-name-format',
      severity: 'warning',
      messageId: 'noTown',
      project: '项目十一',
      cell: at('B', 4),
      school: '玉溪市江川区大街小学',
      expected: '玉溪市江川区大街街道大街小学',
      actual: '玉溪市江川区大街小学',
    });
    expect(f[0]!.fix).toEqual({
      sheet: '学校明细表',
      cell: at('B', 4),
      value: '玉溪市江川区大街街道大街小学',
      kind: 'text',
      overwrite: true,
    });
    expect(f[0]!.message).toBe(
      '校名“玉溪市江川区大街小学”缺少乡镇（街道），不是“市+县+乡+校名”格式，标准名称应为“玉溪市江川区大街街道大街小学”',
    );
  });

  it('fires on a name without the 市+县 prefix', () => {
    const rows = seedRows();
    rows[6] = { ...rows[6]!, name: '江城镇江城中心小学' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f.map((x) => [x.messageId, x.cell, x.fix?.value])).toEqual([['noPrefix', at('B', 6), '玉溪市江川区江城镇江城中心小学']]);
  });

  it('works out the prefix from the names, for any county', () => {
    const rows = seedRows().map((r) => ({ ...r, name: (r.name as string).replace('玉溪市江川区', '曲靖市陆良县') }));
    rows[4] = { ...rows[4]!, name: '曲靖市陆良县大街小学' };
    const f = run(rule, schoolDoc({ rows, registry: null }));
    expect(f.map((x) => [x.cell, x.fix])).toEqual([
      [at('B', 4), undefined],
      [at('B', 21), undefined], // 螺蛳铺中学: no 乡 and no registry saying it is county-level
    ]);
  });

  it('gives no fix when the registry does not know the town', () => {
    const registry = seedRegistryRows().filter((r) => r.name !== '大街小学');
    const rows = seedRows();
    rows[4] = { ...rows[4]!, name: '玉溪市江川区大街小学' };
    const f = run(rule, schoolDoc({ rows, registry }));
    expect(f).toHaveLength(1);
    expect(f[0]!.fix).toBeUndefined();
    expect(f[0]!.expected).toBe('市+县+乡+校名');
  });
});
