/**
 * 生成学校表 in Excel over the fake (issue 15): the selection or a sheet as the list, the preview, the
 * table written through Office.js (`@` before the codes, values and SUM formulas that Excel calculates,
 * the merged header areas), and a re-check that finds on it only the schools it could not match.
 */
import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { createExcelHost } from '../../../src/hosts/excel/host';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import {
  county300,
  countyListSheet,
  listSheet,
  registrySheetOf,
  sampleListRows,
  sampleSnapshot,
  withSheet,
} from '../../core/schools/list-fixtures';

const request = { config: {}, lang: 'zh' as const };

function hostOf(fake: FakeExcel) {
  return createExcelHost({ run: fake.run, requirements: fake.requirements });
}

describe('生成学校表 in Excel', () => {
  const snap = withSheet(sampleSnapshot(), listSheet('保安名单', sampleListRows()));

  it('offers the visible sheets and takes the selection as the list', async () => {
    const fake = FakeExcel.fromSnapshot(snap);
    const host = hostOf(fake);
    expect(await host.schoolTable!.sheets()).toContain('保安名单');
    fake.selection = { sheet: '保安名单', address: 'A1:C10' };
    expect(await host.schoolTable!.selection!()).toEqual({ sheet: '保安名单', range: { top: 0, left: 0, bottom: 9, right: 2 } });
    fake.selection = { sheet: '保安名单', address: 'B3' };
    expect(await host.schoolTable!.selection!()).toEqual({ sheet: '保安名单' });
  });

  it('previews without writing, then writes the table as Excel holds it, and the re-check finds only the unmatched', async () => {
    const fake = FakeExcel.fromSnapshot(snap);
    const host = hostOf(fake);
    const before = fake.dump();
    const preview = await host.schoolTable!.preview({ sheet: '保安名单' }, request);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.preview.unresolved.map((u) => u.name)).toEqual(['大街完小', '江川一中']);
    expect(fake.dump()).toEqual(before);

    const out = await host.schoolTable!.write({ sheet: '保安名单' }, request);
    expect(out).toEqual({ ok: true, sheet: '学校明细表' });
    expect(fake.cell('学校明细表', 'A10')).toMatchObject({ value: '2153005307', numberFormat: '@' });
    expect(fake.cell('学校明细表', 'B10')?.value).toBe('玉溪市江川区大街街道大街小学');
    expect(fake.cell('学校明细表', 'E5')).toMatchObject({ formula: 'SUM(E6:E34)', numberFormat: '0.00' });
    expect(fake.cell('学校明细表', 'E6')).toMatchObject({ formula: 'SUM(F6:J6)' });
    const sheet = fake.state.sheets.find((s) => s.name === '学校明细表')!;
    expect(sheet.merges).toContainEqual({ top: 0, left: 2, bottom: 0, right: 9 });
    expect(sheet.merges).toContainEqual({ top: 0, left: 0, bottom: 2, right: 0 });

    const checked = await host.check(request);
    if (!checked.ok) throw new Error(checked.message);
    const onTable = checked.result.findings.filter((f) => f.sheet === '学校明细表');
    expect(onTable.map((f) => `${f.rule} ${f.cell}`)).toEqual(['school-code-missing A33', 'school-code-missing A34']);
    // Excel calculated the formulas: the 合计 reads 730.08 (and agrees with its column)
    const table = checked.result.document.tables.find((t) => t.sheet === '学校明细表')!;
    expect(table.total?.funding.subtotal?.fen).toBe(730_080_000);
  });

  it('a second table is 学校明细表2; a list it cannot read is one sentence and writes nothing', async () => {
    const fake = FakeExcel.fromSnapshot(snap);
    const host = hostOf(fake);
    await host.schoolTable!.write({ sheet: '保安名单' }, request);
    expect(await host.schoolTable!.write({ sheet: '保安名单', range: { top: 0, left: 0, bottom: 3, right: 2 } }, request)).toEqual({
      ok: true,
      sheet: '学校明细表2',
    });
    const before = fake.dump();
    const bad = await host.schoolTable!.write({ sheet: '项目一', range: { top: 0, left: 0, bottom: 2, right: 0 } }, request);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^“项目一!A1:A3”中找不到学校名称列/);
    expect(fake.dump()).toEqual(before);
  });

  it("a list's notes are written as the text they are: Excel would take 2023-09-01 as a date and -待定 or +1人 as formulas", async () => {
    const notes = ['2023-09-01开工', '2023-09-01', '-待定', '+1人', '=见附件', '9-1', '0.5', 'TRUE', '#N/A', '按计划'];
    const rows = sampleListRows([]).map((r, i) => [...r, i === 0 ? '备注' : (notes[i - 1] ?? '')]);
    const fake = FakeExcel.fromSnapshot(withSheet(sampleSnapshot(), listSheet('保安名单', rows)));
    expect(await hostOf(fake).schoolTable!.write({ sheet: '保安名单' }, request)).toEqual({ ok: true, sheet: '学校明细表' });
    // the table's first school row is row 6 (after three header rows, the column numbers and the 合计)
    const written = notes.map((_, i) => fake.cell('学校明细表', `K${6 + i}`));
    expect(written.map((c) => c?.value)).toEqual(notes);
    expect(written.every((c) => c?.formula === undefined && c?.error === undefined)).toBe(true);
    // a note Excel keeps as typed keeps the General format
    expect(fake.cell('学校明细表', 'K15')?.numberFormat).toBeUndefined();
  });

  it('300 schools with 20 unmatched names: the re-check finds the 20 codes and nothing else but their names', async () => {
    const c = county300();
    const county: WorkbookSnapshot = {
      sheets: [listSheet('封面', [['玉溪市江川区教育体育局2024年学校补助']]), { ...registrySheetOf(c), index: 1 }, countyListSheet(c, 2)],
    };
    const fake = FakeExcel.fromSnapshot(county);
    const host = hostOf(fake);
    expect(await host.schoolTable!.write({ sheet: '名单' }, request)).toEqual({ ok: true, sheet: '学校明细表' });
    const checked = await host.check(request);
    if (!checked.ok) throw new Error(checked.message);
    const onTable = checked.result.findings.filter((f) => f.sheet === '学校明细表');
    const missing = onTable.filter((f) => f.rule === 'school-code-missing');
    expect(missing).toHaveLength(20);
    expect(onTable).toHaveLength(20);
  });
});
