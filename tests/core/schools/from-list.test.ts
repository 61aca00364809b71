import { describe, expect, it } from 'vitest';
import {
  freeSheetName,
  lastUsedRow,
  parseListSource,
  planSchoolTable,
  readSchoolList,
  workbookPrefix,
} from '../../../src/core/schools/from-list';
import { templateToSheet } from '../../../src/core/schools/template';
import { findSchoolTables, readRegistry } from '../../../src/core/schools/index';
import { checkWorkbook } from '../../../src/core/check';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import {
  county300,
  countyListSheet,
  listSheet,
  registrySheetOf,
  sampleListRows,
  sampleSnapshot,
  SAMPLE_LIST,
  withSheet,
} from './list-fixtures';

/** The workbook with the plan's table added as its new sheet, as a host writes it. */
function applied(
  snapshot: WorkbookSnapshot,
  plan: { sheetName: string; template: Parameters<typeof templateToSheet>[0] extends infer T ? Omit<T & object, 'name'> : never },
): WorkbookSnapshot {
  return withSheet(snapshot, templateToSheet({ name: plan.sheetName, ...plan.template }));
}

describe('readSchoolList', () => {
  it('finds the columns by their header words and the unit in the header', () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        listSheet('名单', [
          ['序号', '学校名称', '人数', '金额（元）'],
          [1, '大街小学', 11, 343200],
          [2, '海浒中学', 2, '62,400.5'],
        ]),
      ],
    };
    const r = readSchoolList(snap, { sheet: '名单' });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.list.columns).toEqual({ name: 1, count: 2, funding: { subtotal: 3 } });
    expect(r.list.unit).toBe('元');
    expect(r.list.unitFrom).toBe('header');
    expect(r.list.rows.map((x) => [x.name, x.count, x.funding.subtotal])).toEqual([
      ['大街小学', 11, 34_320_000],
      ['海浒中学', 2, 6_240_050],
    ]);
  });

  it('reads a merged two-row header with the source split, in 元', () => {
    const c = county300();
    const r = readSchoolList({ sheets: [countyListSheet(c, 0)] }, { sheet: '名单' });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.list.header).toEqual({ top: 0, bottom: 1 });
    expect(r.list.columns).toEqual({ name: 1, count: 2, funding: { central: 3, provincial: 4, county: 5 } });
    expect(r.list.unit).toBe('元');
    expect(r.list.rows).toHaveLength(300);
    // 1,000,000.25 元 is 100,000,025 fen, exactly
    expect(r.list.rows[0]!.funding.central).toBe(100_000_025);
  });

  it('without a header: the names by their endings, the integer column is the count, a caption gives the unit', () => {
    const snap: WorkbookSnapshot = {
      sheets: [listSheet('Sheet1', [['单位：万元'], ['大街小学', 11, 34.32], ['海浒中学', 2, 6.24], ['第一幼儿园', 5, 15.6]])],
    };
    const r = readSchoolList(snap, { sheet: 'Sheet1', range: { top: 1, left: 0, bottom: 3, right: 2 } });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.list.columns).toEqual({ name: 0, count: 1, funding: { subtotal: 2 } });
    expect(r.list.unit).toBe('万元');
    expect(r.list.unitFrom).toBe('caption');
    expect(r.list.rows.map((x) => x.funding.subtotal)).toEqual([34_320_000, 6_240_000, 15_600_000]);
  });

  it('says the unit was judged from the amounts when nothing states it', () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        listSheet('S', [
          ['学校', '金额'],
          ['大街小学', 343200],
          ['海浒中学', 62400],
        ]),
      ],
    };
    const r = readSchoolList(snap, { sheet: 'S' });
    if (!r.ok) throw new Error(r.message.en);
    expect([r.list.unit, r.list.unitFrom]).toEqual(['元', 'guessed']);
  });

  it('keeps only the range asked for, skips the list’s 合计 and reports what it left out', () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        listSheet('S', [
          ['项目说明'],
          ['学校', '人数', '金额（万元）'],
          ['大街小学', 11, 34.32],
          ['海浒中学', 'x', 6.24],
          [null, 3, 1],
          ['大街小学', 1, '三万'],
          ['合计', 14, 50],
          ['注：单位为万元'],
        ]),
      ],
    };
    const r = readSchoolList(snap, { sheet: 'S', range: { top: 1, left: 0, bottom: 7, right: 2 } });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.list.rows.map((x) => x.name)).toEqual(['大街小学', '海浒中学', '大街小学']);
    expect(r.list.problems.map((p) => p.kind).sort()).toEqual(['listed-twice', 'no-name', 'not-a-number', 'not-a-number', 'total-differs']);
  });

  it('refuses a range without school names, in one sentence', () => {
    const snap: WorkbookSnapshot = {
      sheets: [
        listSheet('S', [
          ['甲', '乙'],
          [1, 2],
        ]),
      ],
    };
    const r = readSchoolList(snap, { sheet: 'S' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message.zh).toMatch(/找不到学校名称列/);
    const none = readSchoolList(snap, { sheet: '没有' });
    expect(!none.ok && none.message.en).toBe('the workbook has no sheet named "没有"');
  });
});

describe('parseListSource, freeSheetName', () => {
  it('reads SHEET and SHEET!A1:D40, quoted names too', () => {
    expect(parseListSource('名单')).toEqual({ sheet: '名单' });
    expect(parseListSource('名单!A1:D40')).toEqual({ sheet: '名单', range: { top: 0, left: 0, bottom: 39, right: 3 } });
    expect(parseListSource("'学校 名单'!B2:C3")).toEqual({ sheet: '学校 名单', range: { top: 1, left: 1, bottom: 2, right: 2 } });
    expect(parseListSource('  ')).toBeNull();
  });
  it('picks 学校明细表, then 学校明细表2, …', () => {
    expect(freeSheetName(['项目一'])).toBe('学校明细表');
    expect(freeSheetName(['学校明细表', '学校明细表2'])).toBe('学校明细表3');
  });
});

describe('planSchoolTable on the sample', () => {
  const sample = sampleSnapshot();
  const snap = withSheet(sample, listSheet('保安名单', sampleListRows()));
  const r = planSchoolTable(snap, { sheet: '保安名单' });
  if (!r.ok) throw new Error(r.message.en);
  const plan = r.plan;

  it('uses the workbook’s 市+县 prefix and writes every registry school with its code and standard name', () => {
    expect(workbookPrefix(sample, readRegistry(sample).entries)).toBe('玉溪市江川区');
    expect(plan.sheetName).toBe('学校明细表');
    expect(plan.rows).toHaveLength(29);
    expect(plan.rows[4]).toMatchObject({
      listed: '大街小学',
      name: '玉溪市江川区大街街道大街小学',
      code: '2153005307',
      count: 11,
      subtotal: '34.32',
      matched: true,
    });
    expect(plan.rows[0]).toMatchObject({ name: '玉溪市江川区第一中学', code: '3453009901' });
    // never the decoy 大街中心小学, never a guess: 大街完小 and 江川一中 stay without a code
    expect(plan.rows.filter((x) => !x.matched).map((x) => [x.listed, x.code, x.name])).toEqual([
      ['大街完小', '', '玉溪市江川区大街完小'],
      ['江川一中', '', '玉溪市江川区江川一中'],
    ]);
    expect(plan.unresolved.map((u) => [u.name, u.reason])).toEqual([
      ['大街完小', 'none'],
      ['江川一中', 'none'],
    ]);
    expect(plan.summary.zh).toBe('29 所学校，27 所已从学校名册填入代码，2 所未能匹配；名单单位“万元”，已换算为万元');
  });

  it('writes codes as text, 小计 and 合计 as SUM formulas with the exact values cached', () => {
    const t = plan.template;
    const code = t.cells.find((c) => c.row === t.rows.schools[4] && c.col === 0)!;
    expect(code).toMatchObject({ value: '2153005307', kind: 'text', numFmt: '@' });
    const total = t.cells.filter((c) => c.row === t.rows.total);
    expect(total.find((c) => c.col === 3)).toMatchObject({ value: 234, formula: 'SUM(D6:D34)' });
    expect(total.find((c) => c.col === 4)).toMatchObject({ value: 730.08, formula: 'SUM(E6:E34)' });
    expect(total.find((c) => c.col === 8)).toMatchObject({ value: 730.08, formula: 'SUM(I6:I34)' });
    expect(t.cells.find((c) => c.row === 5 && c.col === 4)).toMatchObject({ value: 59.28, formula: 'SUM(F6:J6)' });
    expect(t.cells.find((c) => c.row === 5 && c.col === 8)).toMatchObject({ value: 59.28 });
    expect(t.cells.find((c) => c.row === 1 && c.col === 3)!.value).toBe('保安人数');
  });

  it('a re-check of the workbook with the table finds nothing on the new sheet but the two unmatched schools', () => {
    const after = applied(snap, plan);
    const found = checkWorkbook({ snapshot: after }).findings.filter((f) => f.sheet === plan.sheetName);
    // the two names the registry cannot resolve: one finding each, their code, which notes that the name
    // lacks the 乡 too (only the registry could have given it); every other row passes every rule
    expect(found.map((f) => [f.rule, f.cell, f.school])).toEqual([
      ['school-code-missing', 'A33', '玉溪市江川区大街完小'],
      ['school-code-missing', 'A34', '玉溪市江川区江川一中'],
    ]);
    for (const f of found)
      expect(f.message).toMatch(/学校名册中没有这所学校；校名也缺少乡镇（街道），不是“市\+县\+乡\+校名”格式，核对时请一并补全$/);
    const table = findSchoolTables(after).find((t) => t.sheet === plan.sheetName)!;
    expect(table.total?.funding.subtotal?.fen).toBe(730_080_000);
    expect(table.rows.reduce((s, x) => s + (x.count?.value ?? 0), 0)).toBe(SAMPLE_LIST.reduce((s, x) => s + x[1], 0) + 2);
  });

  it('a second table goes to 学校明细表2', () => {
    const again = planSchoolTable(applied(snap, plan), { sheet: '保安名单', range: { top: 0, left: 0, bottom: 5, right: 2 } });
    expect(again.ok && again.plan.sheetName).toBe('学校明细表2');
    expect(again.ok && again.plan.rows).toHaveLength(5);
  });
});

describe('planSchoolTable into a project’s sheet (below its text)', () => {
  const c = county300();
  const projectLines = ['项目一', '一、项目名称', '学校保安经费', '二、立项依据', '…', '六、资金安排情况', '各校保安经费见下表：'];
  const project = {
    ...listSheet(
      '项目一',
      projectLines.map((l) => [l]),
    ),
    index: 3,
  };
  const snap: WorkbookSnapshot = {
    sheets: [
      listSheet('封面', [['玉溪市江川区教育体育局2024年学校补助']]),
      { ...registrySheetOf(c), index: 1 },
      countyListSheet(c, 2),
      project,
    ],
  };

  it('starts two rows below the last used row, and the re-check reads the 300 rows as that project’s table, 20 findings', () => {
    expect(lastUsedRow(project)).toBe(6);
    const r = planSchoolTable(snap, { sheet: '名单' }, { into: '项目一' });
    if (!r.ok) throw new Error(r.message.en);
    expect(r.plan.into).toEqual({ sheet: '项目一', row: 8 });
    expect(r.plan.sheetName).toBe('项目一');
    expect(Math.min(...r.plan.template.cells.map((x) => x.row))).toBe(8);
    const part = templateToSheet({ name: '项目一', ...r.plan.template });
    const after: WorkbookSnapshot = {
      ...snap,
      sheets: snap.sheets.map((x) => (x.name === '项目一' ? { ...x, cells: [...x.cells, ...part.cells], merges: part.merges } : x)),
    };
    const result = checkWorkbook({ snapshot: after });
    const t = result.document.tables.filter((x) => x.sheet === '项目一');
    expect(t.map((x) => [x.project, x.rows.length])).toEqual([[0, 300]]);
    const onTable = result.findings.filter((f) => f.sheet === '项目一' && f.row >= 8);
    expect(onTable).toHaveLength(20);
    expect(new Set(onTable.map((f) => f.rule))).toEqual(new Set(['school-code-missing']));
  });

  it('a sheet that is not there is one sentence', () => {
    const r = planSchoolTable(snap, { sheet: '名单' }, { into: '项目九' });
    expect(r.ok || r.message).toEqual({ zh: '没有工作表“项目九”', en: 'There is no sheet "项目九"' });
  });
});

describe('planSchoolTable on 300 schools with 20 unmatched names', () => {
  const c = county300();
  const snap: WorkbookSnapshot = {
    sheets: [listSheet('封面', [['玉溪市江川区教育体育局2024年学校补助']]), { ...registrySheetOf(c), index: 1 }, countyListSheet(c, 2)],
  };
  const r = planSchoolTable(snap, { sheet: '名单' });
  if (!r.ok) throw new Error(r.message.en);
  const plan = r.plan;

  it('codes the 280 registry schools, leaves the 20 empty and lists them with the reason', () => {
    expect(plan.prefix).toBe('玉溪市江川区');
    expect(plan.rows).toHaveLength(300);
    expect(plan.rows.filter((x) => x.matched)).toHaveLength(280);
    const unmatched = new Map(plan.unresolved.map((u) => [u.name, u.reason]));
    expect(unmatched).toEqual(c.unmatched);
    for (const row of plan.rows) if (!row.matched) expect(row.code).toBe('');
    // every code is the registry's own for that school (by the town and the name), never a near one
    const byName = new Map(c.registry.map(([code, name, town]) => [`玉溪市江川区${town}${name}`, code]));
    for (const row of plan.rows.filter((x) => x.matched)) expect(row.code).toBe(byName.get(row.name));
  });

  it('converts 元 to 万元 exactly: six decimals where the amounts need them', () => {
    const t = plan.template;
    const first = t.cells.find((x) => x.row === t.rows.schools[0] && x.col === 5)!;
    expect(first).toMatchObject({ value: 100.000025, numFmt: '0.000000' });
    const central = c.list.reduce((s, x) => s + Math.round(x[2] * 100), 0);
    const total = t.cells.find((x) => x.row === t.rows.total && x.col === 5)!;
    expect(Math.round(Number(total.value) * 1e6)).toBe(central);
  });

  it('a re-check finds on the new table only the 20 unmatched codes, one finding a school', () => {
    const after = applied(snap, plan);
    const result = checkWorkbook({ snapshot: after });
    const found = result.findings.filter((f) => f.sheet === plan.sheetName);
    const missing = found.filter((f) => f.rule === 'school-code-missing');
    expect(missing).toHaveLength(20);
    expect(new Set(missing.map((f) => f.school))).toEqual(new Set(plan.rows.filter((x) => !x.matched).map((x) => x.name)));
    expect(found).toHaveLength(20);
  });
});
