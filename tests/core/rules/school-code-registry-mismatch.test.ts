import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/school-code-registry-mismatch';
import { at, run, schoolDoc, seedRegistryRows, seedRows } from '../schools/fixtures';

describe('school-code-registry-mismatch', () => {
  it('is silent when every code agrees with the registry, or without a registry', () => {
    expect(run(rule, schoolDoc())).toEqual([]);
    expect(run(rule, schoolDoc({ registry: null, rows: seedRows().map((r) => ({ ...r, code: '2153000000' })) }))).toEqual([]);
  });

  it('fires on the code that differs from the registry, naming the registry cell', () => {
    const rows = seedRows();
    rows[4] = { ...rows[4]!, code: '2153005308' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      rule: 'school-code-registry-mismatch',
      project: '项目十一',
      cell: at('A', 4),
      school: '玉溪市江川区大街街道大街小学',
      expected: '2153005307',
      actual: '2153005308',
      related: [{ sheet: '学校名册', cell: 'B7' }],
    });
    expect(f[0]!.message).toBe('玉溪市江川区大街街道大街小学 的学校代码 2153005308 与学校名册（学校名册!B7）中的 2153005307 不一致');
  });

  it('says whose code it is when the code belongs to another school', () => {
    const rows = seedRows();
    rows[4] = { ...rows[4]!, code: '2153030929' };
    const [f] = run(rule, schoolDoc({ rows }));
    expect(f!.message).toContain('名册中 2153030929 是“三街中心小学”的代码');
  });

  it('never compares with a near name (大街中心小学)', () => {
    const registry = seedRegistryRows().filter((r) => r.name !== '大街小学');
    registry.push({ code: '2153005399', name: '大街中心小学', town: '大街街道' });
    expect(run(rule, schoolDoc({ registry }))).toEqual([]);
  });
});
