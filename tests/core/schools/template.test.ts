import { describe, expect, it } from 'vitest';
import { projectSheetTemplate, schoolTableTemplate, templateToSheet, type SchoolInput } from '../../../src/core/schools/template';
import { findSchoolTables, readRegistry } from '../../../src/core/schools/index';
import { checkWorkbook } from '../../../src/core/check';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { registrySheet, SEED_SCHOOLS, seedRegistryRows } from './fixtures';

const registrySnap: WorkbookSnapshot = { sheets: [registrySheet(seedRegistryRows())] };
const registry = readRegistry(registrySnap).entries;

/** The seed's schools as a user would list them: short names, counts, 3.12万元 a guard from the county. */
const inputs: SchoolInput[] = SEED_SCHOOLS.map(([, full, count, amount]) => ({
  name: full.replace('玉溪市江川区', ''),
  count,
  funding: { county: Math.round(Number(amount) * 100) * 10_000 },
}));

describe('schoolTableTemplate', () => {
  const t = schoolTableTemplate(inputs, registry, { prefix: '玉溪市江川区', projectName: '保安配置' });

  it('writes three merged header rows, the column-number row, the 合计 row first, one row per school', () => {
    expect(t.rows).toEqual({ headerTop: 0, headerBottom: 3, numberRow: 3, total: 4, schools: Array.from({ length: 27 }, (_, i) => 5 + i) });
    expect(t.merges).toContainEqual({ top: 0, left: 0, bottom: 2, right: 0 });
    expect(t.merges).toContainEqual({ top: 0, left: 2, bottom: 0, right: 9 });
    expect(t.merges).toContainEqual({ top: 1, left: 4, bottom: 1, right: 9 });
    expect(t.cells.filter((c) => c.row === 3).map((c) => c.value)).toEqual([1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 14]);
    expect(t.unresolved).toEqual([]);
  });

  it('writes codes as text from the registry and names in 市+县+乡+校名 form', () => {
    const code = t.cells.find((c) => c.row === 5 && c.col === 0)!;
    expect(code).toEqual({ row: 5, col: 0, value: '3453000101', kind: 'text', numFmt: '@' });
    expect(t.cells.find((c) => c.row === 9 && c.col === 1)!.value).toBe('玉溪市江川区大街街道大街小学');
    expect(t.cells.find((c) => c.row === 9 && c.col === 0)!.value).toBe('2153005307');
  });

  it('computes 小计 per row and the 合计 row (232 guards, 723.84万元), with SUM formulas', () => {
    const total = t.cells.filter((c) => c.row === 4);
    expect(total.find((c) => c.col === 3)).toMatchObject({ value: 232, formula: 'SUM(D6:D32)' });
    expect(total.find((c) => c.col === 4)).toMatchObject({ value: 723.84, numFmt: '0.00', formula: 'SUM(E6:E32)' });
    expect(t.cells.find((c) => c.row === 5 && c.col === 4)).toMatchObject({ value: 59.28, formula: 'SUM(F6:J6)' });
  });

  it('reads back as a standard table that every school rule passes', () => {
    const sheet = { ...templateToSheet({ name: '学校明细表', ...t }), index: 0 };
    const snapshot: WorkbookSnapshot = { sheets: [sheet, { ...registrySnap.sheets[0]!, index: 1 }] };
    const [table] = findSchoolTables(snapshot);
    expect(table!.rows).toHaveLength(27);
    expect(table!.total?.funding.subtotal?.fen).toBe(723_840_000);
    const result = checkWorkbook({ snapshot });
    expect(result.findings.filter((f) => /^(table|school)-/.test(f.rule))).toEqual([]);
  });

  it('reports a school the registry has without a code, and prefixes unresolved names only when asked', () => {
    const reg = readRegistry({
      sheets: [
        registrySheet([
          { code: null, name: '新村小学', town: '大街街道', type: '小学' },
          { code: '2153000001', name: '甲小学', town: '大街街道' },
        ]),
      ],
    }).entries;
    const r = schoolTableTemplate([{ name: '新村小学' }, { name: '旧村小学' }], reg, { prefix: '玉溪市江川区', prefixUnmatched: true });
    expect(r.unresolved.map((u) => [u.name, u.reason])).toEqual([
      ['新村小学', 'no-code'],
      ['旧村小学', 'none'],
    ]);
    expect(r.cells.filter((c) => c.col === 1 && c.row >= 5).map((c) => c.value)).toEqual([
      '玉溪市江川区大街街道新村小学',
      '玉溪市江川区旧村小学',
    ]);
    const plain = schoolTableTemplate([{ name: '旧村小学' }], reg, { prefix: '玉溪市江川区' });
    expect(plain.cells.find((c) => c.col === 1 && c.row === 5)!.value).toBe('旧村小学');
  });

  it('lists schools it cannot resolve and writes them without a code', () => {
    const r = schoolTableTemplate([{ name: '大街完小', count: 1 }], registry, { prefix: '玉溪市江川区', totalRow: 'last' });
    expect(r.unresolved.map((u) => [u.name, u.reason])).toEqual([['大街完小', 'none']]);
    expect(r.cells.find((c) => c.row === 4 && c.col === 0)!.value).toBeNull();
    expect(r.rows.total).toBe(5);
  });
});

describe('projectSheetTemplate', () => {
  it('writes the eight numbered headings and places the table under 六、资金安排情况', () => {
    const s = projectSheetTemplate({
      sheetName: '项目十七',
      sections: { name: ['保安服务项目'] },
      table: { schools: inputs.slice(0, 3), registry, options: { prefix: '玉溪市江川区' } },
    });
    const headings = s.cells
      .filter((c) => c.bold && c.col === 0 && typeof c.value === 'string' && /^[一二三四五六七八]、/.test(c.value))
      .map((c) => c.value);
    expect(headings).toEqual([
      '一、项目名称',
      '二、立项依据',
      '三、项目实施单位',
      '四、项目基本概况',
      '五、项目实施内容',
      '六、资金安排情况',
      '七、项目实施计划',
      '八、项目实施成效',
    ]);
    const funding = s.cells.find((c) => c.value === '六、资金安排情况')!;
    expect(s.table!.rows.headerTop).toBe(funding.row + 1);
    const plan = s.cells.find((c) => c.value === '七、项目实施计划')!;
    expect(plan.row).toBe(s.table!.endRow);
    expect(findSchoolTables({ sheets: [templateToSheet(s)] })[0]!.rows).toHaveLength(3);
  });
});
