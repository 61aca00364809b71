import { describe, expect, it } from 'vitest';
import { commonPrefix, matchRegistry, readRegistry, standardName, expectedTypes } from '../../../src/core/schools/index';
import type { RegistryEntry } from '../../../src/core/model';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { registrySheet, seedRegistryRows, tableSheet } from './fixtures';

function wb(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets: sheets.map((s, index) => ({ ...s, index })) };
}

const entry = (name: string, code: string, town?: string): RegistryEntry => ({
  name,
  code,
  ...(town !== undefined && { town }),
  ref: { sheet: 'r', row: 0, col: 0 },
  source: 'workbook',
});

describe('readRegistry', () => {
  it('finds the registry by its header row whatever the sheet is called, not the school table', () => {
    const r = readRegistry(wb(tableSheet(), registrySheet(seedRegistryRows(), '基础数据')));
    expect(r.sheets).toEqual(['基础数据']);
    expect(r.entries).toHaveLength(27);
    expect(r.entries[4]).toMatchObject({
      code: '2153005307',
      name: '大街小学',
      town: '大街街道',
      source: 'workbook',
      ref: { sheet: '基础数据', row: 6, col: 1 },
    });
  });

  it('accepts the header variants: 标识码/机构代码, 学校/单位名称, 乡镇/街道, codes as numbers', () => {
    for (const headers of [
      ['标识码', '学校', '乡镇', '办学类型'],
      ['机构代码', '单位名称', '街道', '学校类型'],
      ['学校代码', '学校名称', '所在乡镇（街道）', '办学类型'],
    ]) {
      const sheet = registrySheet([{ code: 2153005307, name: '大街小学', town: '大街街道', type: '小学' }], '学校代码', headers);
      const r = readRegistry(wb(sheet), 'other.xlsx');
      expect(r.entries, headers.join()).toEqual([
        {
          code: '2153005307',
          name: '大街小学',
          town: '大街街道',
          type: '小学',
          ref: { sheet: '学校代码', row: 2, col: 1 },
          source: 'other.xlsx',
        },
      ]);
    }
  });

  it('returns nothing for a workbook without a registry and never throws', () => {
    expect(readRegistry(wb(tableSheet()))).toEqual({ entries: [], sheets: [] });
    expect(readRegistry({ sheets: [] })).toEqual({ entries: [], sheets: [] });
  });
});

describe('commonPrefix', () => {
  it('finds the 市+县 prefix from the names, for any county', () => {
    expect(commonPrefix(['玉溪市江川区第一中学', '玉溪市江川区大街街道大街小学', '玉溪市江川区江城镇江城中学'])).toBe('玉溪市江川区');
    expect(commonPrefix(['玉溪市江川区大街街道大街小学', '玉溪市江川区大街街道大街中学'])).toBe('玉溪市江川区');
    expect(commonPrefix(['曲靖市陆良县马街镇中心小学', '曲靖市陆良县第一中学', '陆良县三岔河镇小学'])).toBe('曲靖市陆良县');
    expect(commonPrefix(['大街小学', '江城中学'])).toBe('');
  });
});

describe('matchRegistry', () => {
  const registry = [
    entry('大街小学', '2153005307', '大街街道'),
    entry('大街中心小学', '2153005399', '大街街道'),
    entry('第一中学', '3453000101'),
    entry('九溪镇中心小学', '2153005351', '九溪镇'),
    entry('玉溪市江川区前卫镇前卫中学', '3153000395'),
  ];
  const ctx = { prefix: '玉溪市江川区' };

  it('matches exactly: full name, 乡镇 + short name, county-level names, names kept in full', () => {
    expect(matchRegistry('玉溪市江川区大街街道大街小学', registry, ctx)).toMatchObject({ kind: 'match', entry: { code: '2153005307' } });
    expect(matchRegistry('玉溪市江川区大街街道大街中心小学 ', registry, ctx)).toMatchObject({
      kind: 'match',
      entry: { code: '2153005399' },
    });
    expect(matchRegistry('玉溪市江川区第一中学', registry, ctx)).toMatchObject({ kind: 'match', entry: { code: '3453000101' } });
    expect(matchRegistry('玉溪市江川区九溪镇中心小学', registry, ctx)).toMatchObject({ kind: 'match', entry: { code: '2153005351' } });
    expect(matchRegistry('玉溪市江川区前卫镇前卫中学', registry, ctx)).toMatchObject({ kind: 'match', entry: { code: '3153000395' } });
    expect(matchRegistry('玉溪市江川区大街街道大街小学', registry, { city: '玉溪市', county: '江川区' })).toMatchObject({ kind: 'match' });
  });

  it('never matches near names', () => {
    expect(matchRegistry('玉溪市江川区大街街道大街完小', registry, ctx)).toMatchObject({ kind: 'none' });
    expect(matchRegistry('玉溪市江川区大街街道大街中学', registry, ctx)).toMatchObject({ kind: 'none' });
    expect(matchRegistry('玉溪市江川区前卫镇大街小学', registry, ctx)).toMatchObject({ kind: 'none', near: [{ code: '2153005307' }] });
  });

  it('reports two candidates as ambiguous, but one school listed twice (same code) as one', () => {
    const twice = [...registry, entry('大街小学', '2153005398', '大街街道')];
    const m = matchRegistry('玉溪市江川区大街街道大街小学', twice, ctx);
    expect(m.kind).toBe('ambiguous');
    expect(m.kind === 'ambiguous' && m.candidates.map((e) => e.code)).toEqual(['2153005307', '2153005398']);
    const same = [...registry, { ...entry('大街小学', '2153005307', '大街街道'), source: 'other.xlsx' }];
    expect(matchRegistry('玉溪市江川区大街街道大街小学', same, ctx).kind).toBe('match');
    expect(matchRegistry('玉溪市江川区大街街道大街小学', [], ctx).kind).toBe('no-registry');
  });

  it('builds the standard name from the registry town', () => {
    expect(standardName(registry[0]!, '玉溪市江川区')).toBe('玉溪市江川区大街街道大街小学');
    expect(standardName(registry[2]!, '玉溪市江川区')).toBe('玉溪市江川区第一中学');
    expect(standardName(registry[3]!, '玉溪市江川区')).toBe('玉溪市江川区九溪镇中心小学');
  });
});

describe('expectedTypes', () => {
  it('reads the type from the name only where the name says it', () => {
    expect(expectedTypes('玉溪市江川区大街街道大街小学')?.types).toEqual(['21', '22']);
    expect(expectedTypes('玉溪市江川区第一幼儿园')?.types).toEqual(['11']);
    expect(expectedTypes('玉溪市江川区职业中学')?.types).toContain('36');
    expect(expectedTypes('玉溪市江川区第一中学')?.types).toEqual(expect.arrayContaining(['31', '34']));
    expect(expectedTypes('玉溪市江川区特殊教育学校')?.types).toEqual(['51']);
    expect(expectedTypes('玉溪市江川区教育体育局')).toBeNull();
  });
});
