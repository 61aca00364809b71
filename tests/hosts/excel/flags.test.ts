import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { clearFlags, flag, FLAG_COLORS, NOTE_HEADER } from '../../../src/hosts/excel/flags';
import { FLAG_SETTING_KEY, FLAG_SHEET } from '../../../src/hosts/excel/record';
import type { HostCaps } from '../../../src/hosts/excel/caps';
import { finding, workbook, ALL_CAPS } from './workbook';

const ALL: HostCaps = ALL_CAPS;

/** A workbook with user formatting that the flags must not lose. */
function decorated(options?: ConstructorParameters<typeof FakeExcel>[1]): FakeExcel {
  const fake = FakeExcel.fromSnapshot(workbook(), options);
  fake.setCell('学校明细', 'D2', { fill: { pattern: 'Solid', color: '#00B050', patternColor: '#000000', tintAndShade: 0.4 } });
  fake.setCell('学校明细', 'D3', { fill: { pattern: 'Gray25', color: '#FFFF00', patternColor: '#FF0000', tintAndShade: 0 } });
  fake.setCell('学校明细', 'C3', { fill: { pattern: 'LinearGradient', color: '#FFFFFF', patternColor: '#000000', tintAndShade: 0 } });
  fake.setNote('学校明细', 'B2', '原有批注：代码已核对');
  return fake;
}

const FINDINGS = [
  finding('项目1', 'A5', 'error', '资金安排148.61万元与实施计划不一致'),
  finding('项目1', 'A5', 'warning', '金额大写缺失'),
  finding('项目2', 'A7', 'info', '提示'),
  finding('学校明细', 'D2', 'warning', '小计不等'),
  finding('学校明细', 'D3', 'error', '合计不等'),
  finding('学校明细', 'B2', 'error', '学校代码与名录不一致'),
  finding('学校明细', 'C3', 'warning', '学校名称不规范'),
  finding('学校明细', 'H40', 'error', '空单元格上的问题'),
];

describe('flag and clearFlags', () => {
  it('flags by severity with notes, and clearing leaves the workbook cell for cell as it was', async () => {
    const fake = decorated();
    const before = fake.dump();
    const r = await fake.run((ctx) => flag(ctx, FINDINGS, ALL));
    expect(r).toEqual({ flagged: 7, protectedSheets: [], unplaced: 0, notes: true, filled: 0, notDone: [] });
    expect(fake.cell('项目1', 'A5')?.fill).toMatchObject({ pattern: 'Solid', color: FLAG_COLORS.error });
    expect(fake.cell('项目2', 'A7')?.fill?.color).toBe(FLAG_COLORS.info);
    expect(fake.cell('学校明细', 'D2')?.fill?.color).toBe(FLAG_COLORS.warning);
    expect(fake.cell('学校明细', 'C3')?.fill?.pattern).toBe('LinearGradient'); // a gradient is left alone
    expect(fake.sheet('项目1')!.notes.A5).toBe(`${NOTE_HEADER}\n资金安排148.61万元与实施计划不一致\n金额大写缺失`);
    expect(fake.sheet('学校明细')!.notes.B2).toBe(`原有批注：代码已核对\n\n${NOTE_HEADER}\n学校代码与名录不一致`);
    expect(fake.state.settings[FLAG_SETTING_KEY]).toBeTypeOf('string');
    expect(fake.dump()).not.toEqual(before);

    const c = await fake.run((ctx) => clearFlags(ctx, ALL));
    expect(c).toEqual({ restored: 7, skipped: [], notDone: [] });
    expect(fake.dump()).toEqual(before);
  });

  it('uses a constant number of syncs: 3 to flag, 3 to clear, for 2 sheets or 200', async () => {
    const counts: number[] = [];
    for (const n of [2, 200]) {
      const fake = FakeExcel.fromSnapshot(workbook(n));
      const findings = Array.from({ length: n }, (_, i) => finding(`项目${i + 1}`, 'A5'));
      await fake.run((ctx) => flag(ctx, findings, ALL));
      const afterFlag = fake.syncCount;
      await fake.run((ctx) => clearFlags(ctx, ALL));
      counts.push(afterFlag, fake.syncCount - afterFlag);
    }
    expect(counts).toEqual([3, 3, 3, 3]);
  });

  it('clears after the file was saved, closed and reopened (the record is in the workbook)', async () => {
    const fake = decorated();
    const before = fake.dump();
    await fake.run((ctx) => flag(ctx, FINDINGS, ALL));
    const reopened = FakeExcel.open(fake.save());
    await reopened.run((ctx) => clearFlags(ctx, ALL));
    expect(reopened.dump()).toEqual(before);
  });

  it('a second check replaces the flags: cells no longer found are restored, the originals kept', async () => {
    const fake = decorated();
    const before = fake.dump();
    await fake.run((ctx) => flag(ctx, FINDINGS, ALL));
    await fake.run((ctx) => flag(ctx, [finding('学校明细', 'D2', 'error', '新问题'), finding('项目2', 'A1')], ALL));
    expect(fake.cell('项目1', 'A5')?.fill).toBeUndefined();
    expect(fake.sheet('项目1')!.notes.A5).toBeUndefined();
    expect(fake.sheet('学校明细')!.notes.B2).toBe('原有批注：代码已核对');
    expect(fake.cell('学校明细', 'D2')?.fill?.color).toBe(FLAG_COLORS.error);
    await fake.run((ctx) => clearFlags(ctx, ALL));
    expect(fake.dump()).toEqual(before);
  });

  it('leaves alone what the user changed after flagging, and reports it', async () => {
    const fake = decorated();
    await fake.run((ctx) => flag(ctx, FINDINGS, ALL));
    fake.setCell('项目1', 'A5', { fill: { pattern: 'Solid', color: '#0070C0', patternColor: '#000000', tintAndShade: 0 } });
    fake.setNote('项目2', 'A7', '用户改过的批注');
    const c = await fake.run((ctx) => clearFlags(ctx, ALL));
    expect(c.skipped).toEqual([
      { sheet: '项目1', cell: 'A5', reason: 'changed' },
      { sheet: '项目2', cell: 'A7', reason: 'changed' },
    ]);
    expect(fake.cell('项目1', 'A5')?.fill?.color).toBe('#0070C0');
    expect(fake.sheet('项目1')!.notes.A5).toBeUndefined(); // the note was still ours: removed
    expect(fake.sheet('项目2')!.notes.A7).toBe('用户改过的批注');
    expect(fake.cell('项目2', 'A7')?.fill).toBeUndefined(); // the fill was still ours: removed
    expect(fake.state.settings[FLAG_SETTING_KEY]).toBeUndefined();
  });

  it('skips protected sheets, says which, and flags the rest', async () => {
    const snap = workbook();
    const fake = FakeExcel.fromSnapshot({ sheets: snap.sheets.map((s) => (s.name === '项目2' ? { ...s, protected: true } : s)) });
    const before = fake.dump();
    const r = await fake.run((ctx) => flag(ctx, [...FINDINGS, finding('不存在', 'A1')], ALL));
    expect(r.protectedSheets).toEqual(['项目2']);
    expect(r.unplaced).toBe(1);
    expect(r.flagged).toBe(6);
    expect(fake.cell('项目2', 'A7')?.fill).toBeUndefined();
    await fake.run((ctx) => clearFlags(ctx, ALL));
    expect(fake.dump()).toEqual(before);
  });

  it('without notes (before ExcelApi 1.18) flags by colour only, and clears exactly', async () => {
    const fake = decorated({ features: { notes: false } });
    const caps: HostCaps = { ...ALL, notes: false };
    const before = fake.dump();
    const r = await fake.run((ctx) => flag(ctx, FINDINGS, caps));
    expect(r.notes).toBe(false);
    expect(fake.cell('项目1', 'A5')?.fill?.color).toBe(FLAG_COLORS.error);
    expect(fake.sheet('项目1')!.notes).toEqual({});
    await fake.run((ctx) => clearFlags(ctx, caps));
    expect(fake.dump()).toEqual(before);
  });

  it('without workbook settings keeps the record in a very hidden sheet, removed on clear, also after reopening', async () => {
    const caps: HostCaps = { ...ALL, settings: false };
    const fake = decorated({ features: { settings: false } });
    const before = fake.dump();
    await fake.run((ctx) => flag(ctx, FINDINGS, caps));
    expect(fake.sheet(FLAG_SHEET)?.visibility).toBe('VeryHidden');
    await fake.run((ctx) => flag(ctx, FINDINGS.slice(0, 3), caps)); // rewrite the record
    const reopened = FakeExcel.open(fake.save(), { features: { settings: false } });
    await reopened.run((ctx) => clearFlags(ctx, caps));
    expect(reopened.sheet(FLAG_SHEET)).toBeUndefined();
    expect(reopened.dump()).toEqual(before);
  });

  it('keeps a big record: thousands of flagged cells in the hidden-sheet store', async () => {
    const caps: HostCaps = { ...ALL, settings: false };
    const fake = FakeExcel.fromSnapshot(workbook(1), { features: { settings: false } });
    const before = fake.dump();
    const many = Array.from({ length: 3000 }, (_, i) => finding('项目1', `C${i + 1}`, 'warning', `问题 ${i}`));
    await fake.run((ctx) => flag(ctx, many, caps));
    expect(Object.keys(fake.sheet(FLAG_SHEET)!.cells).length).toBeGreaterThan(1);
    await fake.run((ctx) => clearFlags(ctx, caps));
    expect(fake.dump()).toEqual(before);
  });
});

describe('flagging many cells', () => {
  it('stays under the 5 MB request limit: 6,000 flagged cells with notes in batches of 2,000, cleared exactly', async () => {
    const cells = Array.from({ length: 6000 }, (_, i) => ({
      row: i,
      col: 1,
      kind: 'text' as const,
      value: `学校${i}`,
      text: `学校${i}`,
    }));
    const fake = FakeExcel.fromSnapshot({ sheets: [{ name: '学校明细', index: 0, visibility: 'visible', cells, merges: [] }] });
    const before = fake.dump();
    const many = Array.from({ length: 6000 }, (_, i) =>
      finding('学校明细', `B${i + 1}`, 'error', `学校代码缺失：第${i + 1}行的学校没有填写10位学校代码，请从学校名录补充`),
    );
    const r = await fake.run((ctx) => flag(ctx, many, ALL));
    expect(r.flagged).toBe(6000);
    expect(fake.syncs.every((s) => s.ok && s.requestBytes <= 5 * 1024 * 1024)).toBe(true);
    // record+sheets, 2 read batches, 4 write batches (the record, too large for the settings,
    // goes into 2 custom XML parts and a pointer, 3 more units in the first batch of 2,000)
    expect(fake.syncCount).toBe(1 + 2 + 4);
    expect(fake.state.xmlParts).toHaveLength(2);
    expect(String(fake.state.settings[FLAG_SETTING_KEY])).toMatch(/^\{"version":1,"xml":/);
    expect(fake.sheet('学校明细')!.notes.B6000).toContain('第6000行');
    await fake.run((ctx) => clearFlags(ctx, ALL));
    expect(fake.syncs.every((s) => s.ok)).toBe(true);
    expect(fake.state.xmlParts).toEqual([]);
    expect(fake.dump()).toEqual(before);
  });
});
