import { describe, expect, it } from 'vitest';
import rule from '../../../src/core/rules/school-code-missing';
import { at, run, schoolDoc, seedRegistryRows, seedRows, type RegistryRow } from '../schools/fixtures';

const DAJIE = 4; // 玉溪市江川区大街街道大街小学, 2153005307

/** The seed registry plus a near-name decoy in the same town. */
function withDecoy(): RegistryRow[] {
  return [...seedRegistryRows(), { code: '2153005399', name: '大街中心小学', town: '大街街道' }];
}

describe('school-code-missing', () => {
  it('fires on the five seed schools without codes, each with the registry code as a text fix', () => {
    const f = run(rule, schoolDoc());
    expect(f.map((x) => [x.cell, x.school, x.fix?.value])).toEqual([
      [at('A', 0), '玉溪市江川区第一中学', '3453000101'],
      [at('A', 1), '玉溪市江川区第二中学', '3153000102'],
      [at('A', 2), '玉溪市江川区职业中学', '3653000103'],
      [at('A', 25), '玉溪市江川区第一幼儿园', '1153000104'],
      [at('A', 26), '玉溪市江川区第二幼儿园', '1153000105'],
    ]);
    for (const x of f) {
      expect(x).toMatchObject({ rule: 'school-code-missing', messageId: 'fillable', project: '项目十一', sheet: '学校明细表' });
      expect(x.fix).toMatchObject({ sheet: '学校明细表', cell: x.cell, kind: 'text' });
      expect(x.fix?.overwrite).toBeUndefined();
    }
    expect(f[0]!.message).toBe('玉溪市江川区第一中学 缺少学校代码；学校名册中唯一对应“第一中学”，代码 3453000101，可自动填入');
  });

  it('fills 大街小学 from 大街小学, never from the near name 大街中心小学', () => {
    const rows = seedRows();
    rows[DAJIE] = { ...rows[DAJIE]!, code: null };
    const f = run(rule, schoolDoc({ rows, registry: withDecoy() })).filter((x) => x.cell === at('A', DAJIE));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      school: '玉溪市江川区大街街道大街小学',
      expected: '2153005307',
      fix: { value: '2153005307', kind: 'text' },
    });
  });

  it('does not guess between two registry entries of the same name: lists the candidates', () => {
    const rows = seedRows();
    rows[DAJIE] = { ...rows[DAJIE]!, code: null };
    const registry = [...withDecoy(), { code: '2153005398', name: '大街小学', town: '大街街道' }];
    const f = run(rule, schoolDoc({ rows, registry })).filter((x) => x.cell === at('A', DAJIE));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'ambiguous' });
    expect(f[0]!.fix).toBeUndefined();
    expect(f[0]!.message).toContain('2153005307');
    expect(f[0]!.message).toContain('2153005398');
    expect(f[0]!.message).not.toContain('2153005399');
  });

  it('says when the school is not in the registry, naming near names, and fills nothing', () => {
    const rows = seedRows();
    rows[DAJIE] = { ...rows[DAJIE]!, code: null, name: '玉溪市江川区前卫镇大街小学' };
    const f = run(rule, schoolDoc({ rows, registry: withDecoy() })).filter((x) => x.cell === at('A', DAJIE));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'notInRegistry', school: '玉溪市江川区前卫镇大街小学' });
    expect(f[0]!.fix).toBeUndefined();
    expect(f[0]!.message).toContain('相近的有：大街街道大街小学（2153005307）');
  });

  it('says when the workbook has no registry', () => {
    const f = run(rule, schoolDoc({ registry: null }));
    expect(f).toHaveLength(5);
    expect(f.every((x) => x.messageId === 'noRegistry' && x.fix === undefined)).toBe(true);
  });

  it('reports a #N/A code as a finding, with an overwrite fix when the registry knows the code', () => {
    const rows = seedRows();
    rows[DAJIE] = { ...rows[DAJIE]!, code: { error: '#N/A' } };
    const f = run(rule, schoolDoc({ rows })).filter((x) => x.cell === at('A', DAJIE));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ messageId: 'errorValue', actual: '#N/A', expected: '2153005307' });
    expect(f[0]!.fix).toEqual({ sheet: '学校明细表', cell: at('A', DAJIE), value: '2153005307', kind: 'text', overwrite: true });
  });

  it('treats placeholder codes (无, -) as missing; codes as numbers or with spaces are present', () => {
    const rows = seedRows({ codes: 'text-space' });
    rows[DAJIE] = { ...rows[DAJIE]!, code: '无' };
    const f = run(rule, schoolDoc({ rows }));
    expect(f).toHaveLength(6);
    expect(f.find((x) => x.cell === at('A', DAJIE))!.fix).toMatchObject({ value: '2153005307', overwrite: true });
    expect(run(rule, schoolDoc({ codes: 'number' }))).toHaveLength(5);
  });

  it('renders in English', () => {
    const [f] = run(rule, schoolDoc(), {}, 'en');
    expect(f!.message).toBe(
      '玉溪市江川区第一中学 has no school code; the registry has exactly one match, "第一中学", code 3453000101, which can be filled in',
    );
  });
});
