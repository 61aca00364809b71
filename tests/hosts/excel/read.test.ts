import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { readWorkbook } from '../../../src/hosts/excel/read';
import type { HostCaps } from '../../../src/hosts/excel/caps';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { EXPLANATION_SHEET } from '../../../src/core/report/explanations';
import { projectSheet, tableSheet, workbook, ALL_CAPS } from './workbook';

const ALL: HostCaps = ALL_CAPS;

async function read(fake: FakeExcel, caps: HostCaps = ALL) {
  return fake.run((ctx) => readWorkbook(ctx, { caps }));
}

function manySheets(n: number): WorkbookSnapshot {
  const sheets = [];
  for (let i = 0; i < n; i++) sheets.push(i % 10 === 9 ? tableSheet(`表${i}`, i) : projectSheet(`项目${i}`, i));
  return { sheets };
}

describe('readWorkbook', () => {
  it('reads back the snapshot the fake was built from: cells, formulas, formats, merges, visibility, protection', async () => {
    const snap = workbook();
    const sheets = snap.sheets.map((s, i) => (i === 1 ? { ...s, visibility: 'hidden' as const, protected: true } : s));
    const fake = FakeExcel.fromSnapshot({ sheets });
    const { snapshot, omitted } = await read(fake);
    expect(omitted).toEqual([]);
    expect(snapshot.sheets).toEqual(sheets);
    expect(snapshot.explanations).toEqual([]);
  });

  it('uses the same number of syncs for 2 sheets and for 200 (3: sheet list, used ranges, data)', async () => {
    const small = FakeExcel.fromSnapshot(manySheets(2));
    const big = FakeExcel.fromSnapshot(manySheets(200));
    const a = await read(small);
    const b = await read(big);
    expect(a.snapshot.sheets).toHaveLength(2);
    expect(b.snapshot.sheets).toHaveLength(200);
    expect(b.snapshot.sheets[199]).toEqual(manySheets(200).sheets[199]);
    expect(small.syncCount).toBe(3);
    expect(big.syncCount).toBe(small.syncCount);
  });

  it('stays under the payload limit: large sheets are read in row blocks, halved when the host refuses', async () => {
    const snap = manySheets(40);
    const fake = FakeExcel.fromSnapshot(snap, { payloadLimit: 20000 });
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx, { caps: ALL, batchBytes: 15000, bytesPerCell: 10 }));
    expect(snapshot.sheets).toEqual(snap.sheets);
    expect(fake.syncs.filter((s) => s.ok).every((s) => s.responseBytes <= 20000)).toBe(true);
    expect(fake.syncs.some((s) => !s.ok)).toBe(true); // the estimate was low once: halved and retried
  });

  it('counts Chinese text as Excel does (3 bytes a character in UTF-8): after one refusal the rest is planned to fit', async () => {
    const sheets: WorkbookSnapshot['sheets'] = Array.from({ length: 20 }, (_, i) => ({
      name: `项目${i + 1}`,
      index: i,
      visibility: 'visible' as const,
      merges: [],
      cells: Array.from({ length: 100 * 4 }, (_, k) => {
        const t = `第${k}段：`.padEnd(60, '资金安排计划实施成效说明');
        return { row: Math.floor(k / 4), col: k % 4, kind: 'text' as const, value: t, text: t };
      }),
    }));
    const fake = FakeExcel.fromSnapshot({ sheets }, { payloadLimit: 1024 * 1024 });
    const { snapshot } = await fake.run((ctx) => readWorkbook(ctx, { caps: ALL, batchBytes: 800 * 1024 }));
    expect(snapshot.sheets).toEqual(sheets);
    const refused = fake.syncs.filter((s) => !s.ok).length;
    const received = fake.syncs.reduce((n, s) => n + s.responseBytes, 0);
    expect(refused).toBeLessThanOrEqual(2);
    // and few more syncs than the data needs at the budget
    expect(fake.syncs.filter((s) => s.ok).length).toBeLessThanOrEqual(2 + Math.ceil(received / (600 * 1024)));
  });

  it('reads one 8,000-row sheet whose data passes the payload limit (1 MB here), in blocks', async () => {
    const cells = [];
    for (let r = 0; r < 8000; r++) {
      cells.push({
        row: r,
        col: 0,
        kind: 'text' as const,
        value: `玉溪市江川区第${r}小学校的一段较长的说明文字`,
        text: `玉溪市江川区第${r}小学校的一段较长的说明文字`,
      });
      cells.push({ row: r, col: 1, kind: 'number' as const, value: r, text: String(r) });
    }
    const snap: WorkbookSnapshot = { sheets: [{ name: '大表', index: 0, visibility: 'visible', cells, merges: [] }] };
    const fake = FakeExcel.fromSnapshot(snap, { payloadLimit: 1024 * 1024 });
    const { snapshot } = await read(fake);
    expect(fake.syncs.filter((s) => s.ok).every((s) => s.responseBytes <= 1024 * 1024)).toBe(true);
    expect(snapshot.sheets[0]!.cells).toHaveLength(16000);
    expect(snapshot.sheets[0]!.cells[15999]).toEqual(cells[15999]);
  });

  it('without the merged-areas API (ExcelApi 1.13) reads everything else and says what it left out', async () => {
    const fake = FakeExcel.fromSnapshot(workbook(), { features: { merges: false } });
    const { snapshot, omitted } = await read(fake, { ...ALL, merges: false });
    expect(omitted).toEqual(['merges']);
    expect(snapshot.sheets.find((s) => s.name === '学校明细')!.merges).toEqual([]);
    expect(fake.syncCount).toBe(3);
  });

  it('reads more than 512 merged areas (Excel refuses them in one request): per block of rows, in the same 3 syncs', async () => {
    const t = tableSheet('学校明细', 0);
    const merges = Array.from({ length: 600 }, (_, i) => ({ top: i, left: 5, bottom: i, right: 6 }));
    const cells = [...t.cells, { row: 600, col: 6, kind: 'text' as const, value: '末', text: '末' }];
    const fake = FakeExcel.fromSnapshot({ sheets: [{ ...t, cells, merges }] });
    const { snapshot, omitted, mergesOmitted } = await read(fake);
    expect(omitted).toEqual([]);
    expect(mergesOmitted).toEqual([]);
    expect(snapshot.sheets[0]!.cells).toEqual(cells);
    expect(snapshot.sheets[0]!.merges).toEqual(merges);
    expect(fake.syncCount).toBe(3);
  });

  it('leaves its own very hidden sheets out of the sheets and reads the explanations', async () => {
    const snap = workbook(1);
    const expl = {
      name: EXPLANATION_SHEET,
      index: 2,
      visibility: 'veryHidden' as const,
      merges: [],
      cells: ['key', 'rule', 'sheet', 'cell', 'text', 'at', 'k1', 'total-mismatch', '项目1', 'A5', '已核对，系四舍五入', '']
        .map((t, i) => ({ row: Math.floor(i / 6), col: i % 6, kind: 'text' as const, value: t, text: t }))
        .filter((c) => c.value !== ''),
    };
    const fake = FakeExcel.fromSnapshot({ sheets: [...snap.sheets, expl] });
    const { snapshot } = await read(fake);
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['项目1', '学校明细']);
    expect(snapshot.explanations).toEqual([{ key: 'k1', rule: 'total-mismatch', sheet: '项目1', cell: 'A5', text: '已核对，系四舍五入' }]);
  });
});
