import { describe, expect, it } from 'vitest';
import { FakeExcel, FakeOfficeError } from '../../../src/hosts/excel/fake';
import { applyFixes } from '../../../src/hosts/excel/fixes';
import { createExcelHost } from '../../../src/hosts/excel/host';
import type { Fix } from '../../../src/core/rules/types';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { makeDocument } from '../../helpers/document';
import { toA1 } from '../../../src/core/snapshot/a1';
import { EXPLANATION_SHEET } from '../../../src/core/report/explanations';

const text = (row: number, col: number, t: string) => ({ row, col, kind: 'text' as const, value: t, text: t });

function small(): WorkbookSnapshot {
  return {
    sheets: [
      {
        name: '项目一',
        index: 0,
        visibility: 'visible',
        cells: [
          text(3, 0, 'above'),
          { ...text(3, 1, 'fmt'), numFmt: '0.00' },
          text(4, 0, 'moves'),
          { row: 6, col: 1, kind: 'number', value: 0, text: '0', formula: 'SUM(B1:B6)+$B$5' },
        ],
        merges: [
          { top: 2, left: 2, bottom: 5, right: 3 },
          { top: 4, left: 4, bottom: 4, right: 5 },
        ],
      },
      {
        name: '汇总',
        index: 1,
        visibility: 'visible',
        cells: [{ row: 0, col: 0, kind: 'number', value: 0, text: '0', formula: '项目一!B7+B7' }],
        merges: [],
      },
    ],
  };
}

describe('the fake: Range.insert of entire rows, as Excel does it', () => {
  it('moves cells, merges, notes and every formula referring to moved rows; the new row takes the format above', async () => {
    const fake = FakeExcel.fromSnapshot(small());
    fake.state.sheets[0]!.notes = { A5: 'n' };
    const events: { address: string; changeType: string }[] = [];
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => void events.push({ address: e.address, changeType: e.changeType }));
      ctx.workbook.worksheets.getItem('项目一').getRange('B5').getEntireRow().insert('Down');
      await ctx.sync();
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.cell('项目一', 'A5')).toEqual(undefined);
    expect(fake.cell('项目一', 'B5')).toEqual({ value: null, numberFormat: '0.00' });
    expect(fake.cell('项目一', 'A6')?.value).toBe('moves');
    expect(fake.cell('项目一', 'A4')?.value).toBe('above');
    expect(fake.cell('项目一', 'B8')?.formula).toBe('SUM(B1:B7)+$B$6');
    expect(fake.cell('汇总', 'A1')?.formula).toBe('项目一!B8+B7');
    expect(fake.state.sheets[0]!.merges).toEqual([
      { top: 2, left: 2, bottom: 6, right: 3 },
      { top: 5, left: 4, bottom: 5, right: 5 },
    ]);
    expect(fake.state.sheets[0]!.notes).toEqual({ A6: 'n' });
    expect(events).toEqual([{ address: '5:5', changeType: 'RowInserted' }]);
  });

  it('refuses on a protected sheet with AccessDenied, changing nothing', async () => {
    const snap = small();
    const fake = FakeExcel.fromSnapshot({ sheets: snap.sheets.map((s, i) => (i === 0 ? { ...s, protected: true } : s)) });
    const before = fake.dump();
    const err = await fake
      .run(async (ctx) => {
        ctx.workbook.worksheets.getItem('项目一').getRange('A5').getEntireRow().insert('Down');
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FakeOfficeError);
    expect((err as FakeOfficeError).code).toBe('AccessDenied');
    expect(fake.dump()).toEqual(before);
  });
});

describe('applyFixes with inserts', () => {
  it('writes first at the checked addresses, then inserts bottom-up; says where each value ended up', async () => {
    const fake = FakeExcel.fromSnapshot(small());
    const ins = (cell: string, value: string): Fix => ({ sheet: '项目一', cell, value, kind: 'text', insert: 'row' });
    const r = await fake.run((ctx) =>
      applyFixes(ctx, [ins('A4', '三、x'), { sheet: '项目一', cell: 'A9', value: 'w', kind: 'text' }, ins('A6', '五、y')]),
    );
    expect(r.written.map((w) => [w.cell, w.value, w.inserted ?? false])).toEqual([
      ['A11', 'w', false],
      ['A7', '五、y', true], // bottom-up: the lower insert first
      ['A4', '三、x', true],
    ]);
    expect(r.inserted).toEqual([
      { sheet: '项目一', row: 5 },
      { sheet: '项目一', row: 3 },
    ]);
    expect(['A4', 'A5', 'A6', 'A7', 'A11'].map((a) => fake.cell('项目一', a)?.value)).toEqual(['三、x', 'above', 'moves', '五、y', 'w']);
  });
});

describe('applyFixes with inserts on a protected sheet', () => {
  it('skips them (protected) and changes nothing', async () => {
    const snap = small();
    const fake = FakeExcel.fromSnapshot({ sheets: snap.sheets.map((s, i) => (i === 0 ? { ...s, protected: true } : s)) });
    const before = fake.dump();
    const r = await fake.run((ctx) => applyFixes(ctx, [{ sheet: '项目一', cell: 'A4', value: '三、x', kind: 'text', insert: 'row' }]));
    expect(r.written).toEqual([]);
    expect(r.skipped).toEqual([{ sheet: '项目一', cell: 'A4', reason: 'protected' }]);
    expect(fake.dump()).toEqual(before);
  });
});

describe('ExcelHost: 插入缺少的部分', () => {
  const project = () => {
    const { unit: _u, ...rest } = {
      name: ['学生资助补助经费'],
      basis: ['依据'],
      unit: ['单位'],
      overview: ['概况'],
      content: ['内容'],
      funding: ['2023年安排资金148.61万元。'],
      plan: ['资金安排148.16万元。'], // a mismatch: flagged below the insert
      results: ['成效'],
    };
    return makeDocument([{ title: '项目一', sections: rest }]).snapshot;
  };

  it('inserts the heading, the re-check finds it empty, and clearing the flags leaves exactly the workbook plus the row', async () => {
    const fake = FakeExcel.fromSnapshot(project());
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    const first = await host.check({ config: {}, lang: 'zh' });
    if (!first.ok) throw new Error(first.message);
    const missing = first.result.findings.find((f) => f.rule === 'section-missing')!;
    expect(missing.fix).toMatchObject({ cell: 'A6', value: '三、项目实施单位', insert: 'row' });
    const below = first.result.findings.filter((f) => f.sheet === '项目一' && f.row > 5);
    expect(below.length).toBeGreaterThan(0); // flagged cells that the insert moves

    const out = await host.applyFixes([missing.fix!], { overwrite: false });
    expect(out).toEqual({ written: [{ sheet: '项目一', cell: 'A6', value: '三、项目实施单位' }], skipped: [] });
    const again = await host.check({ config: {}, lang: 'zh' });
    if (!again.ok) throw new Error(again.message);
    expect(again.result.findings.filter((f) => f.rule === 'section-missing')).toEqual([]);
    expect(again.result.findings.filter((f) => f.rule === 'section-empty').map((f) => f.cell)).toEqual(['A6']);

    await host.clearFlags();
    // the same insert on a never-flagged copy
    const plain = FakeExcel.fromSnapshot(project());
    await plain.run((ctx) => applyFixes(ctx, [missing.fix!]));
    expect(fake.dump()).toEqual(plain.dump());
  });
});

describe('ExcelHost: 说明 below an inserted row', () => {
  const project = () =>
    makeDocument([
      {
        title: '项目一',
        sections: {
          name: ['学生资助补助经费'],
          basis: ['依据'],
          overview: ['概况'],
          content: ['内容'],
          funding: ['2023年安排资金148.61万元。'],
          plan: ['资金安排148.16万元。'],
          results: ['成效'],
        },
      },
    ]).snapshot;

  it('moves with its finding: the re-check finds it explained at the moved cell, the stored row says the new cell', async () => {
    const fake = FakeExcel.fromSnapshot(project());
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    const first = await host.check({ config: {}, lang: 'zh' });
    if (!first.ok) throw new Error(first.message);
    const missing = first.result.findings.find((f) => f.rule === 'section-missing')!;
    const below = first.result.findings.find((f) => f.rule === 'plan-funding-mismatch')!;
    expect(below.cell).toBe('A13');
    await host.explain(below, '另有说明');

    await host.applyFixes([missing.fix!], { overwrite: false });
    const again = await host.check({ config: {}, lang: 'zh' });
    if (!again.ok) throw new Error(again.message);
    const moved = again.result.findings.find((f) => f.rule === 'plan-funding-mismatch')!;
    expect(moved.cell).toBe('A14');
    expect(moved.explanation).toBe('另有说明');
    expect(again.result.summary.explained).toBe(1);
    expect(await host.readExplanations()).toEqual([
      expect.objectContaining({ key: moved.key, rule: 'plan-funding-mismatch', sheet: '项目一', cell: 'A14', text: '另有说明' }),
    ]);
  });
});

describe('ExcelHost: 说明 that cannot be moved', () => {
  it('the row is inserted all the same, and the next check says in one sentence that the 说明 below were not moved', async () => {
    const snapshot = makeDocument([
      {
        title: '项目一',
        sections: {
          name: ['名称'],
          basis: ['依据'],
          overview: ['概况'],
          content: ['内容'],
          funding: ['2023年安排资金148.61万元。'],
          plan: ['资金安排148.16万元。'],
          results: ['成效'],
        },
      },
    ]).snapshot;
    const fake = FakeExcel.fromSnapshot(snapshot);
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    const first = await host.check({ config: {}, lang: 'zh' });
    if (!first.ok) throw new Error(first.message);
    await host.explain(
      first.result.findings.find((f) => f.rule === 'plan-funding-mismatch')!,
      '另有说明',
    );
    // the explanations sheet refuses writes (a protected sheet: AccessDenied)
    fake.state.sheets.find((s) => s.name === EXPLANATION_SHEET)!.protected = true;
    const fix = first.result.findings.find((f) => f.rule === 'section-missing')!.fix!;
    expect(await host.applyFixes([fix], { overwrite: false })).toEqual({
      written: [{ sheet: '项目一', cell: 'A6', value: fix.value }],
      skipped: [],
    });
    const again = await host.check({ config: {}, lang: 'zh' });
    if (!again.ok) throw new Error(again.message);
    expect(again.notes?.filter((n) => n.startsWith('已插入行，但其下各行的说明未能随之下移'))).toHaveLength(1);
  });
});

describe("ExcelHost: the inserted heading's format", () => {
  it("is its neighbour heading's (Range.copyFrom formats), not the text row's above it that Excel's insert gives", async () => {
    const snapshot = makeDocument([
      {
        title: '项目一',
        sections: {
          name: ['名称'],
          basis: ['依据'],
          overview: ['概况'],
          content: ['内容'],
          funding: ['资金'],
          plan: ['计划'],
          results: ['成效'],
        },
      },
    ]).snapshot;
    const fake = FakeExcel.fromSnapshot(snapshot);
    const headingFill = { pattern: 'Solid', color: '#DDEBF7', patternColor: '#000000', tintAndShade: 0 };
    const textFill = { pattern: 'Solid', color: '#FFF2CC', patternColor: '#000000', tintAndShade: 0 };
    for (const c of snapshot.sheets[0]!.cells) {
      const a1 = toA1(c.row, c.col);
      if (/^[一二三四五六七八]、/.test(c.text)) {
        fake.setCell('项目一', a1, {
          fill: headingFill,
          format: { bold: true, borders: { bottom: { style: 'Continuous', weight: 'Thin' } } },
        });
      } else if (c.row > 0) fake.setCell('项目一', a1, { fill: textFill, numberFormat: '@' });
    }
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    const first = await host.check({ config: {}, lang: 'zh' });
    if (!first.ok) throw new Error(first.message);
    const fix = first.result.findings.find((f) => f.rule === 'section-missing')!.fix!;
    expect(fix).toMatchObject({ cell: 'A6', value: '三、项目实施单位' });
    expect(fake.cell('项目一', 'A5')?.fill).toEqual(textFill); // the row above: 依据's text
    await host.applyFixes([fix], { overwrite: false });
    await host.clearFlags();
    const { value, ...heading } = fake.cell('项目一', 'A6')!;
    const { value: _v, ...neighbour } = fake.cell('项目一', 'A7')!;
    expect(value).toBe('三、项目实施单位');
    expect(fake.cell('项目一', 'A7')?.value).toBe('四、项目基本概况');
    expect(heading).toEqual(neighbour);
    expect(heading.fill).toEqual(headingFill);
  });
});
