import { describe, expect, it } from 'vitest';
import { findSchoolTables } from '../../../src/core/schools/index';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { cell, seedRows, tableSheet, type TableOptions } from './fixtures';

function wb(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets: sheets.map((s, index) => ({ ...s, index })) };
}

function one(opts: TableOptions = {}) {
  const tables = findSchoolTables(wb(tableSheet(opts)));
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

describe('findSchoolTables on the seed table', () => {
  it('reads 27 schools, the 合计 row first, 232 guards and 723.84万元 in exact fen', () => {
    const t = one();
    expect(t.sheet).toBe('项目十一');
    expect(t.headerTop).toBe(0);
    expect(t.headerBottom).toBe(3);
    expect(t.rows).toHaveLength(27);
    expect(t.unit).toBe('万元');
    expect(t.countLabel).toBe('保安数量（人）');
    expect(t.columns).toMatchObject({ code: 0, name: 1, projectName: 2, count: 3, note: 10 });
    expect(t.columns.funding).toEqual({ subtotal: 4, central: 5, provincial: 6, prefecture: 7, county: 8, other: 9 });
    expect(t.total?.row).toBe(4);
    expect(t.total?.count?.value).toBe(232);
    expect(t.total?.funding.subtotal?.fen).toBe(723_840_000);
    expect(t.total?.funding.subtotal?.decimals).toBe(2);
    const first = t.rows[0]!;
    expect(first.name.text).toBe('玉溪市江川区第一中学');
    expect(first.code.digits).toBe('');
    expect(first.funding.subtotal?.fen).toBe(59_280_000);
    const withCode = t.rows.filter((r) => r.code.digits !== '');
    expect(withCode).toHaveLength(22);
    expect(t.rows.reduce((s, r) => s + (r.funding.subtotal?.fen ?? 0), 0)).toBe(723_840_000);
    // 15.6 keeps its one decimal as written
    expect(t.rows.find((r) => r.name.text.endsWith('前卫镇前卫中学'))!.funding.subtotal).toMatchObject({ fen: 15_600_000, decimals: 1 });
  });

  it('reads codes stored as numbers as their digits, and as text with trailing spaces', () => {
    const a = one({ codes: 'number' });
    expect(a.rows[4]!.code.digits).toBe('2153005307');
    const b = one({ codes: 'text-space' });
    expect(b.rows[4]!.code.digits).toBe('2153005307');
    expect(b.rows[4]!.code.raw).toBe('2153005307 ');
  });

  it('reads a code shown as 2.15E+09 from its stored value', () => {
    const rows = seedRows();
    const s = tableSheet({ rows });
    const cells = s.cells.map((c): Cell => (c.text === '2153005307' ? { ...c, kind: 'number', value: 2153005307, text: '2.15E+09' } : c));
    const t = findSchoolTables(wb({ ...s, cells }))[0]!;
    expect(t.rows[4]!.code.digits).toBe('2153005307');
  });

  it('reads numbers stored as text, full-width digits and 万元 suffixes', () => {
    const rows = seedRows({ numbers: 'text' });
    rows[0] = { ...rows[0]!, count: '１９', subtotal: '59.28 ', county: '５９.２８万元' };
    const t = one({ rows, numbers: 'text' });
    expect(t.rows[0]!.count?.value).toBe(19);
    expect(t.rows[0]!.funding.subtotal?.fen).toBe(59_280_000);
    expect(t.rows[0]!.funding.county?.fen).toBe(59_280_000);
    expect(t.total?.funding.subtotal?.fen).toBe(723_840_000);
  });

  it('finds the table with two header rows, no column-number row, 合计 last, without merges', () => {
    for (const opts of [
      { headerRows: 2 as const },
      { numberRow: false },
      { total: 'last' as const },
      { merges: false },
      { headerRows: 2 as const, numberRow: false, total: 'last' as const, merges: false },
    ]) {
      const t = one(opts);
      expect(t.rows, JSON.stringify(opts)).toHaveLength(27);
      expect(t.total?.funding.subtotal?.fen, JSON.stringify(opts)).toBe(723_840_000);
      expect(t.columns.funding.county).toBe(8);
    }
  });

  it('finds the table anywhere: offset on a sheet with text around it, any count column', () => {
    const extra: Cell[] = [
      cell(2, 1, '六、资金安排情况')!,
      cell(40, 1, '七、项目实施计划')!,
      cell(41, 1, '根据项目开展情况，从2023年4月起……')!,
    ];
    const t = one({ top: 3, left: 1, extra, countLabel: '学生数' });
    expect(t.headerTop).toBe(3);
    expect(t.columns.code).toBe(1);
    expect(t.countLabel).toBe('学生数');
    expect(t.rows).toHaveLength(27);
    expect(t.rows[26]!.name.text).toBe('玉溪市江川区第二幼儿园');
  });

  it('reads several tables in one workbook and two on one sheet', () => {
    const a = tableSheet({ sheet: 'A' });
    const b = tableSheet({ sheet: 'B', rows: seedRows().slice(0, 3), total: 'last' });
    const second = tableSheet({ sheet: 'A', top: 40, rows: seedRows().slice(3, 5) });
    const both: SheetSnapshot = { ...a, cells: [...a.cells, ...second.cells], merges: [...a.merges, ...second.merges] };
    const tables = findSchoolTables(wb(both, b));
    expect(tables.map((t) => [t.sheet, t.rows.length])).toEqual([
      ['A', 27],
      ['A', 2],
      ['B', 3],
    ]);
  });

  it('never throws: #N/A codes, a 合计 row with text, broken headers', () => {
    const rows = seedRows();
    rows[5] = { ...rows[5]!, code: { error: '#N/A' } };
    const t = one({ rows, totalRow: { count: '232人', subtotal: '共723.84万元' } });
    expect(t.rows[5]!.code.error).toBe('#N/A');
    expect(t.total?.count?.value).toBe(232);
    expect(t.total?.funding.subtotal).toMatchObject({ value: null, fen: null, empty: false });
    // a header with a code column only is no table
    const broken: SheetSnapshot = {
      name: 'x',
      index: 0,
      visibility: 'visible',
      cells: [cell(0, 0, '学校代码')!, cell(1, 0, '2153005307')!],
      merges: [],
    };
    expect(findSchoolTables(wb(broken))).toEqual([]);
    expect(findSchoolTables({ sheets: [] })).toEqual([]);
  });

  it('reads a 10,000-row table in linear time', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      code: String(2153000000 + i),
      name: `玉溪市江川区大街街道第${i}小学`,
      project: '保安配置',
      count: 1,
      subtotal: 3.12,
      county: 3.12,
    }));
    const t = one({ rows });
    expect(t.rows).toHaveLength(10_000);
    expect(t.total?.funding.subtotal?.fen).toBe(31_200_000_000);
  });
});

describe('findSchoolTables header variants', () => {
  it('reads 合计 as the money column label when the header says 合计 instead of 小计', () => {
    const s = tableSheet();
    const cells = s.cells.map((c) => (c.row === 2 && c.text === '小计' ? { ...c, value: '合计', text: '合计' } : c));
    const [t] = findSchoolTables({ sheets: [{ ...s, cells }] });
    expect(t!.headerBottom).toBe(3);
    expect(t!.columns.funding).toEqual({ subtotal: 4, central: 5, provincial: 6, prefecture: 7, county: 8, other: 9 });
    expect(t!.total?.row).toBe(4);
    expect(t!.rows).toHaveLength(27);
  });
});

describe('money unit', () => {
  it('reads 元 from the header or from a 单位：元 caption above the table', () => {
    const s = tableSheet({ top: 1 });
    const yuanHeader = s.cells.map((c) => (c.text === '资金需求（万元）' ? { ...c, value: '资金需求（元）', text: '资金需求（元）' } : c));
    const a = findSchoolTables({ sheets: [{ ...s, cells: yuanHeader }] })[0]!;
    expect(a.unit).toBe('元');
    expect(a.rows[0]!.funding.subtotal?.fen).toBe(5928);
    const caption = [
      { row: 0, col: 8, kind: 'text' as const, value: '单位：元', text: '单位：元' },
      ...s.cells.map((c) => (c.text === '资金需求（万元）' ? { ...c, value: '资金需求', text: '资金需求' } : c)),
    ];
    expect(findSchoolTables({ sheets: [{ ...s, cells: caption }] })[0]!.unit).toBe('元');
    expect(findSchoolTables({ sheets: [s] })[0]!.unit).toBe('万元');
  });
});

describe('where a table ends', () => {
  it('stops at a note line or a paragraph under the table', () => {
    const extra = [cell(33, 1, '注：表中金额单位为万元。')!, cell(34, 1, '玉溪市江川区第三中学')!];
    const t = findSchoolTables({ sheets: [tableSheet({ extra })] })[0]!;
    expect(t.rows).toHaveLength(27);
    const para = [cell(32, 0, '根据项目开展情况，从2023年4月起，每年每月按723.84万元/年÷12=60.32万元/月划拨中标的保安服务公司')!];
    expect(findSchoolTables({ sheets: [tableSheet({ extra: para })] })[0]!.rows).toHaveLength(27);
  });
});
