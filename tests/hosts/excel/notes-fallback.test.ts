/**
 * Notes refused (SPEC §9: "where one is missing (notes, comments), the product falls back and
 * says what it left out"). An Excel that claims ExcelApi 1.18 yet refuses every note call
 * (`features.notesRefused`), and Excel on the web, which refuses a note's visible / height / width
 * (office-js 6198). Sources in src/hosts/excel/README.md.
 */
import { describe, expect, it } from 'vitest';
import { FakeExcel, type FakeOptions } from '../../../src/hosts/excel/fake';
import { createExcelHost } from '../../../src/hosts/excel/host';
import { FLAG_COLORS, clearFlags, flag } from '../../../src/hosts/excel/flags';
import { makeDocument } from '../../helpers/document';
import type { CheckRequest } from '../../../src/taskpane/host';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { ALL_CAPS, finding, workbook } from './workbook';

const REFUSED: FakeOptions = { features: { notesRefused: true } };
const WEB: FakeOptions = { features: { noteShape: false } };

/** A disclosure whose 资金安排 and 实施计划 disagree (148.61 vs 148.16). */
function defective(): WorkbookSnapshot {
  const { snapshot } = makeDocument([
    {
      title: '项目一',
      sections: { name: ['学生资助补助经费'], funding: ['2023年安排资金148.61万元。'], plan: ['资金安排148.16万元。'] },
    },
  ]);
  return snapshot;
}

const cells = ['A2', 'A3', 'A4', 'A5'];
const findingsOn = (list: readonly string[]) => list.map((c) => finding('项目1', c, 'error', `问题 ${c}`));

describe('an Excel that claims ExcelApi 1.18 yet refuses notes', () => {
  it('the fake: isSetSupported says 1.18, every note call fails with NotImplemented', async () => {
    const fake = FakeExcel.fromSnapshot(workbook(1), REFUSED);
    expect(fake.requirements.isSetSupported('ExcelApi', '1.18')).toBe(true);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.notes.getCount();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'NotImplemented' });
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('项目1').notes.getItemOrNullObject('A2').load('content');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'NotImplemented' });
  });

  it('every cell is flagged by its fill, no note, nothing reported cell by cell; 清除标记 restores exactly', async () => {
    const fake = FakeExcel.fromSnapshot(workbook(2), REFUSED);
    fake.setNote('项目1', 'A3', '用户自己的批注');
    const before = fake.dump();
    const r = await fake.run((ctx) => flag(ctx, findingsOn(cells), ALL_CAPS));
    expect(r.error).toBeUndefined();
    expect(r.flagged).toBe(4);
    expect(r.notes).toBe(false);
    expect(r.notesRefused).toBe(true);
    expect(r.notDone).toEqual([]);
    for (const c of cells) expect(fake.cell('项目1', c)?.fill?.color).toBe(FLAG_COLORS.error);
    expect(fake.sheet('项目1')!.notes).toEqual({ A3: '用户自己的批注' });
    const cleared = await fake.run((ctx) => clearFlags(ctx, ALL_CAPS));
    expect(cleared.restored).toBe(4);
    expect(cleared.notDone).toEqual([]);
    expect(fake.dump()).toEqual(before);
  });

  it('a sync or two more than where notes work (the first sync made again without them), not one per cell', async () => {
    const syncsOf = async (options: FakeOptions) => {
      const fake = FakeExcel.fromSnapshot(workbook(2), options);
      await fake.run((ctx) => flag(ctx, findingsOn(cells), ALL_CAPS));
      const flagged = fake.syncCount;
      await fake.run((ctx) => clearFlags(ctx, ALL_CAPS));
      return { flag: flagged, clear: fake.syncCount - flagged };
    };
    const normal = await syncsOf({});
    const refused = await syncsOf(REFUSED);
    // flag: refused with the threaded comments and the notes, then with the notes alone (the comments may be what failed)
    expect(refused.flag).toBe(normal.flag + 2);
    expect(refused.clear).toBe(normal.clear + 1);
  });

  it('notes written earlier (by an Excel where they work) stay recorded: their fills go back now, the notes at a 清除标记 where notes work', async () => {
    const desktop = FakeExcel.fromSnapshot(workbook(2));
    const before = desktop.dump();
    await desktop.run((ctx) => flag(ctx, findingsOn(cells), ALL_CAPS));
    // the same file opened in an Excel that refuses notes: re-checked with two findings fixed
    const refusing = FakeExcel.open(desktop.save(), REFUSED);
    const r = await refusing.run((ctx) => flag(ctx, findingsOn(['A2', 'A3']), ALL_CAPS));
    expect(r.flagged).toBe(2);
    expect(r.notDone).toEqual([]);
    const original = FakeExcel.fromSnapshot(workbook(2));
    for (const c of ['A4', 'A5']) expect(refusing.cell('项目1', c)?.fill).toEqual(original.cell('项目1', c)?.fill);
    // their notes stay (they cannot be removed here), still recorded
    expect(Object.keys(refusing.sheet('项目1')!.notes).sort()).toEqual(cells);
    // then cleared there: fills back, the notes kept in the record
    const cleared = await refusing.run((ctx) => clearFlags(ctx, ALL_CAPS));
    expect(cleared.notesLeft).toBe(4);
    expect(Object.keys(refusing.sheet('项目1')!.notes).sort()).toEqual(cells);
    for (const c of cells) expect(refusing.cell('项目1', c)?.fill?.color).not.toBe(FLAG_COLORS.error);
    // back where notes work: 清除标记 removes them; the file is as before the first flagging
    const again = FakeExcel.open(refusing.save());
    const last = await again.run((ctx) => clearFlags(ctx, ALL_CAPS));
    expect(last.notDone).toEqual([]);
    expect(again.dump()).toEqual(before);
  });

  it('the host says so once, in one sentence (zh and en) naming where the messages are; later checks ask no more', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const fake = FakeExcel.fromSnapshot(defective(), REFUSED);
      const before = fake.dump();
      const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
      const req: CheckRequest = { config: {}, lang };
      const out = await host.check(req);
      if (!out.ok) throw new Error(out.message);
      const f = out.result.findings[0]!;
      expect(fake.cell(f.sheet, f.cell)?.fill?.color).toBeDefined();
      const sentence =
        lang === 'zh'
          ? 'Excel 拒绝写批注（虽声明支持 ExcelApi 1.18）：只用底色标记，问题说明见本面板的检查结果列表。'
          : 'Excel refused notes (though it claims ExcelApi 1.18): cells are flagged by colour only; the messages are in the list of findings in this pane.';
      expect(out.notes).toEqual([sentence]);
      // the next check asks Excel no more (no refused sync) and says the same
      const syncs = fake.syncCount;
      const second = await host.check(req);
      if (!second.ok) throw new Error(second.message);
      expect(second.notes).toEqual([sentence]);
      const normal = FakeExcel.fromSnapshot(defective());
      const normalHost = createExcelHost({ run: normal.run, requirements: normal.requirements });
      await normalHost.check(req);
      const n1 = normal.syncCount;
      await normalHost.check(req);
      expect(fake.syncCount - syncs).toBe(normal.syncCount - n1);
      await host.clearFlags();
      expect(fake.dump()).toEqual(before);
    }
  });

  it('a note left on its cell by a 清除标记 without notes is said at the next check', async () => {
    const desktop = FakeExcel.fromSnapshot(defective());
    const first = await createExcelHost({ run: desktop.run, requirements: desktop.requirements }).check({ config: {}, lang: 'zh' });
    expect(first.ok).toBe(true);
    const fake = FakeExcel.open(desktop.save(), REFUSED);
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    await host.clearFlags();
    const out = await host.check({ config: {}, lang: 'zh' });
    if (!out.ok) throw new Error(out.message);
    expect(out.notes?.join('\n')).toContain('本工具的批注仍在单元格上');
  });
});

describe('Excel on the web: a note has no visible, height or width (office-js 6198)', () => {
  it('the fake: loading every property of a note fails; its content alone loads', async () => {
    const fake = FakeExcel.fromSnapshot(workbook(1), WEB);
    fake.setNote('项目1', 'A2', '旧批注');
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.worksheets.getItem('项目1').notes.getItemOrNullObject('A2').load();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'NotImplemented' });
    const content = await fake.run(async (ctx) => {
      const note = ctx.workbook.worksheets.getItem('项目1').notes.getItemOrNullObject('A2');
      note.load('content');
      await ctx.sync();
      return note.content;
    });
    expect(content).toBe('旧批注');
  });

  it('flags with notes, re-checks and clears exactly: the adapter loads a note’s content only', async () => {
    const fake = FakeExcel.fromSnapshot(workbook(2), WEB);
    fake.setNote('项目1', 'A3', '用户自己的批注');
    const before = fake.dump();
    const r = await fake.run((ctx) => flag(ctx, findingsOn(cells), ALL_CAPS));
    expect(r).toMatchObject({ flagged: 4, notes: true, notDone: [] });
    expect(fake.sheet('项目1')!.notes.A3).toMatch(/^用户自己的批注\n\n/);
    await fake.run((ctx) => flag(ctx, findingsOn(['A2']), ALL_CAPS));
    await fake.run((ctx) => clearFlags(ctx, ALL_CAPS));
    expect(fake.dump()).toEqual(before);
  });
});
