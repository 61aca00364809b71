import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findSchoolTables, readRegistry } from '../../../src/core/schools/index';
import { RULES } from '../../../src/core/rules/index';
import { runRules } from '../../../src/core/rules/engine';
import type { Cell, SheetSnapshot } from '../../../src/core/snapshot/types';
import { run, schoolDoc, seedRows, tableSheet } from './fixtures';

const SCHOOL_RULES = RULES.filter((r) => /^(table|school|text-table)/.test(r.meta.id));

const texts = [
  '学校代码（10位代码）',
  '学校名称（市+县+乡+校名）',
  '项目名称',
  '保安数量（人）',
  '资金需求（万元）',
  '小计',
  '中央',
  '省级',
  '州市',
  '县（市、区）',
  '其它',
  '备注',
  '合计',
  '学校标识码',
  '学校',
  '所在乡镇',
  '玉溪市江川区大街街道大街小学',
  '2153005307',
  '２１５３００５３０７ ',
  '-',
  '#N/A',
  '',
  '七、项目实施计划',
  '1.2E+09',
  '共723.84万元',
  '59.28',
];

const cellArb = fc.record({
  row: fc.integer({ min: 0, max: 12 }),
  col: fc.integer({ min: 0, max: 11 }),
  v: fc.oneof(fc.constantFrom(...texts), fc.double({ noNaN: false }), fc.integer(), fc.constant({ error: '#REF!' })),
});

function sheetOf(
  cells: { row: number; col: number; v: string | number | { error: string } }[],
  merges: SheetSnapshot['merges'],
): SheetSnapshot {
  const seen = new Set<string>();
  const out: Cell[] = [];
  for (const c of cells) {
    const k = `${c.row},${c.col}`;
    if (seen.has(k)) continue;
    seen.add(k);
    if (typeof c.v === 'object') out.push({ row: c.row, col: c.col, kind: 'error', value: c.v.error, text: c.v.error });
    else if (typeof c.v === 'number') out.push({ row: c.row, col: c.col, kind: 'number', value: c.v, text: String(c.v) });
    else out.push({ row: c.row, col: c.col, kind: 'text', value: c.v, text: c.v });
  }
  out.sort((a, b) => a.row - b.row || a.col - b.col);
  return { name: 'S', index: 0, visibility: 'visible', cells: out, merges };
}

describe('bad input never throws', () => {
  it('random sheets made of header words, codes, numbers and errors', () => {
    const mergeArb = fc
      .record({ top: fc.nat(10), left: fc.nat(10), h: fc.nat(3), w: fc.nat(6) })
      .map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w }));
    fc.assert(
      fc.property(fc.array(cellArb, { maxLength: 80 }), fc.array(mergeArb, { maxLength: 6 }), (cells, merges) => {
        const snapshot = { sheets: [sheetOf(cells, merges)] };
        const tables = findSchoolTables(snapshot);
        const registry = readRegistry(snapshot).entries;
        const { failures } = runRules({ projects: [], tables, registry, snapshot }, SCHOOL_RULES);
        expect(failures).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('a table of broken rows: error values everywhere, text in number columns, empty names', () => {
    const rows = seedRows();
    rows[0] = {
      code: { error: '#N/A' },
      name: { error: '#REF!' },
      count: { error: '#VALUE!' },
      subtotal: { error: '#DIV/0!' },
      county: 'abc',
    };
    rows[1] = { code: '', name: '', count: '', subtotal: '' };
    rows[2] = { code: 12, name: '   ', count: -3, subtotal: 1e21, county: 1e-9 };
    const doc = schoolDoc({ rows, totalRow: { count: '合计人数', subtotal: { error: '#REF!' } } });
    expect(doc.tables[0]!.rows.length).toBeGreaterThan(20);
    const { failures, findings } = runRules(doc, SCHOOL_RULES);
    expect(failures).toEqual([]);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(f.message).not.toMatch(/\{\w+\}/);
  });

  it('every message renders in both languages with no placeholder left', () => {
    const rows = seedRows();
    rows[3] = { ...rows[3]!, code: '215303092', subtotal: 1 };
    rows[4] = { ...rows[4]!, code: '3152005307', name: '玉溪市江川区大街小学' };
    rows[6] = { ...rows[6]!, code: rows[5]!.code };
    for (const lang of ['zh', 'en'] as const) {
      for (const rule of SCHOOL_RULES) {
        for (const f of run(rule, schoolDoc({ rows, totalRow: { count: 1, subtotal: null } }), {}, lang)) {
          expect(f.message, `${rule.meta.id} ${f.messageId}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });

  it('reads a header with spaces in its words, a 序号 column and half-width brackets', () => {
    const base = tableSheet({ left: 1 });
    const cells: Cell[] = base.cells.map((c) => {
      if (c.text === '学校代码（10位代码）') return { ...c, value: '学 校 代 码(10位代码)', text: '学 校 代 码(10位代码)' };
      if (c.text === '合计') return { ...c, value: '合　计', text: '合　计' };
      return c;
    });
    cells.push({ row: 0, col: 0, kind: 'text', value: '序号', text: '序号' });
    seedRows().forEach((_, i) => cells.push({ row: 5 + i, col: 0, kind: 'number', value: i + 1, text: String(i + 1) }));
    cells.sort((a, b) => a.row - b.row || a.col - b.col);
    const [t] = findSchoolTables({ sheets: [{ ...base, cells, merges: [...base.merges, { top: 0, left: 0, bottom: 2, right: 0 }] }] });
    expect(t!.columns.code).toBe(1);
    expect(t!.rows).toHaveLength(27);
    expect(t!.total?.count?.value).toBe(232);
  });
});
