import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { createExcelHost } from '../../../src/hosts/excel/host';
import { checkWorkbook } from '../../../src/core/check';
import { EXPLANATION_SHEET } from '../../../src/core/report/explanations';
import { FLAG_COLORS } from '../../../src/hosts/excel/flags';
import { makeDocument } from '../../helpers/document';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { finding, workbook } from './workbook';

function hostOf(fake: FakeExcel) {
  return createExcelHost({ run: fake.run, requirements: fake.requirements });
}

/** A disclosure with defects (a missing section, mismatching amounts) plus the school table. */
function defective(): WorkbookSnapshot {
  const { snapshot } = makeDocument([
    {
      title: '项目一',
      sections: {
        name: ['学生资助补助经费'],
        funding: ['2023年安排资金148.61万元。'],
        plan: ['资金安排148.16万元。'],
      },
    },
  ]);
  const table = workbook(0).sheets[0]!;
  return { sheets: [...snapshot.sheets, { ...table, index: snapshot.sheets.length }] };
}

describe('ExcelHost over the fake', () => {
  it('check: reads, checks (checkWorkbook), flags; clear leaves the workbook as it was', async () => {
    const snap = defective();
    const fake = FakeExcel.fromSnapshot(snap);
    const before = fake.dump();
    const host = hostOf(fake);
    const out = await host.check({ config: {}, lang: 'zh' });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.result.findings.length).toBeGreaterThan(0);
    // The same findings as the core finds on the snapshot itself.
    expect(out.result.findings).toEqual(checkWorkbook({ snapshot: snap, lang: 'zh' }).findings);
    for (const f of out.result.findings) expect(fake.cell(f.sheet, f.cell)?.fill?.color).toBe(FLAG_COLORS[f.severity]);
    expect(host.lastFlags?.flagged).toBe(new Set(out.result.findings.map((f) => `${f.sheet}!${f.cell}`)).size);
    await host.clearFlags();
    expect(fake.dump()).toEqual(before);
  });

  it('says what it left out: no notes API, protected sheets', async () => {
    const snap = workbook();
    const fake = FakeExcel.fromSnapshot(
      { sheets: snap.sheets.map((s) => (s.name === '项目2' ? { ...s, protected: true } : s)) },
      { features: { notes: false } },
    );
    const host = hostOf(fake);
    expect(host.caps.notes).toBe(false);
    const flags = await host.flag([finding('项目1', 'A1'), finding('项目2', 'A1')]);
    expect(flags).toMatchObject({ flagged: 1, protectedSheets: ['项目2'], notes: false });
    const out = await host.check({ config: {}, lang: 'en' });
    expect(out.ok).toBe(true);
  });

  it('refuses to run on a host older than ExcelApi 1.9, in one sentence', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const host = createExcelHost({ run: fake.run, requirements: { isSetSupported: () => false } });
    const out = await host.check({ config: {}, lang: 'zh' });
    expect(out).toMatchObject({ ok: false, tooOld: true });
    expect(fake.syncCount).toBe(0);
  });

  it('a failing host becomes a message, not an exception', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const host = createExcelHost({
      run: () => Promise.reject(Object.assign(new Error('Excel is busy'), { code: 'GeneralException' })),
      requirements: fake.requirements,
    });
    const out = await host.check({ config: {}, lang: 'en' });
    expect(out).toEqual({ ok: false, message: 'The check failed: Excel is busy (GeneralException)' });
  });

  it('explain: stores the 说明 in the very hidden sheet; the next check shows the finding as explained', async () => {
    const snap = defective();
    const fake = FakeExcel.fromSnapshot(snap);
    const before = fake.dump();
    const host = hostOf(fake);
    const out = await host.check({ config: {}, lang: 'zh' });
    if (!out.ok) throw new Error(out.message);
    // A finding alone on its cell, so that explaining it unflags the cell.
    const f = out.result.findings.find((x) => out.result.findings.filter((y) => y.sheet === x.sheet && y.cell === x.cell).length === 1);
    if (!f) throw new Error('the test workbook should have a finding alone on its cell');
    expect(fake.cell(f.sheet, f.cell)?.fill).toBeDefined();
    await host.explain(f, '已与财政局核对，金额以计划为准');
    expect(fake.sheet(EXPLANATION_SHEET)?.visibility).toBe('VeryHidden');
    const stored = await host.readExplanations();
    expect(stored).toMatchObject([{ key: f.key, rule: f.rule, sheet: f.sheet, cell: f.cell, text: '已与财政局核对，金额以计划为准' }]);
    expect(fake.cell(EXPLANATION_SHEET, 'A2')?.numberFormat).toBe('@');
    const again = await host.check({ config: {}, lang: 'zh' });
    if (!again.ok) throw new Error(again.message);
    expect(again.result.findings.find((x) => x.key === f.key)?.explanation).toBe('已与财政局核对，金额以计划为准');
    expect(again.result.summary).not.toEqual(out.result.summary);
    expect(fake.cell(f.sheet, f.cell)?.fill).toBeUndefined(); // explained: no longer flagged
    await host.explain(f, '');
    expect(fake.sheet(EXPLANATION_SHEET)).toBeUndefined();
    await host.clearFlags();
    expect(fake.dump()).toEqual(before);
  });

  it('select: activates the sheet and selects the cell; a missing sheet is not an error', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const host = hostOf(fake);
    await host.select('学校明细', 'D4');
    expect(fake.activeSheet).toBe('学校明细');
    expect(fake.selection).toEqual({ sheet: '学校明细', address: 'D4' });
    await expect(host.select('无此表', 'A1')).resolves.toBeUndefined();
  });

  it("onChanged: calls back on the user's edits until unsubscribed, not on the add-in's own writes", async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const host = hostOf(fake);
    let calls = 0;
    const stop = host.onChanged!(() => calls++);
    await new Promise((r) => setTimeout(r, 0));
    await fake.userEdit('项目1', 'A3', '改过的文字');
    expect(calls).toBe(1);
    const fixed = await host.applyFixes([{ sheet: '学校明细', cell: 'B3', value: '5304210002', kind: 'text' }], { overwrite: false });
    expect(fixed.written).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(1);
    await fake.userEdit('项目1', 'A3', '又改');
    expect(calls).toBe(2);
    stop();
    await new Promise((r) => setTimeout(r, 5));
    await fake.userEdit('项目1', 'A3', '再改');
    expect(calls).toBe(2);
  });
});

describe('ExcelHost sync budget', () => {
  it('a whole check (read, check, flag) and a clear take the same number of syncs for 2 sheets and for 200', async () => {
    const counts: number[][] = [];
    for (const n of [2, 200]) {
      const projects = Array.from({ length: n }, (_, i) => ({
        title: `项目${i + 1}`,
        sections: { name: ['学生资助补助经费'], funding: ['2023年安排资金148.61万元。'], plan: ['资金安排148.16万元。'] },
      }));
      const fake = FakeExcel.fromSnapshot(makeDocument(projects).snapshot);
      const host = hostOf(fake);
      const out = await host.check({ config: {}, lang: 'zh' });
      if (!out.ok) throw new Error(out.message);
      expect(out.result.findings.length).toBeGreaterThanOrEqual(n);
      const afterCheck = fake.syncCount;
      await host.clearFlags();
      counts.push([afterCheck, fake.syncCount - afterCheck]);
    }
    expect(counts[0]).toEqual([6, 3]); // read 3 + flag 3; clear 3
    expect(counts[1]).toEqual(counts[0]);
  });
});

describe('ExcelHost read limit', () => {
  it('a stray value far away (used range over the limit) stops the read with one sentence, after 2 syncs', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.setCell('学校明细', 'XFD1048576', { value: 'x' });
    const host = hostOf(fake);
    const out = await host.check({ config: {}, lang: 'zh' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toMatch(/^工作表“学校明细”的已用区域过大（工作簿共 \d+ 个单元格，上限 2000000 个），未检查。/);
    expect(fake.syncCount).toBe(2);
  });
});

describe('ExcelHost live re-check', () => {
  it('its own writes to its very hidden sheets (flag record, 说明) do not start another check', async () => {
    const fake = FakeExcel.fromSnapshot(workbook(), { features: { settings: false } });
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements, caps: { settings: false } });
    let calls = 0;
    const stop = host.onChanged!(() => calls++);
    await new Promise((r) => setTimeout(r, 0));
    await host.flag([finding('项目1', 'A5')]);
    await host.explain(finding('项目1', 'A5'), '已核对');
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.sheet('_disclosure_check_标记')).toBeDefined();
    expect(calls).toBe(0);
    await fake.userEdit('项目1', 'A3', '改过');
    await new Promise((r) => setTimeout(r, 5));
    expect(calls).toBe(1);
    stop();
  });
});
