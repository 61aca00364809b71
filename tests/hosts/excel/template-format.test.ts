/**
 * The sheets 生成学校表 and 新建项目表 write in Excel carry the formats the .xlsx writer gives them
 * (issue 15): bold, centred, wrapped headers, a thin border on every line of the table, the template's
 * column widths (in points, as Range.format.columnWidth takes them), bold headings on a project sheet
 * and no borders there — all in the same batch as the values (the number of syncs is unchanged). The
 * table can also go below a project's text in its own sheet: read as that project's table, and refused
 * (nothing written) when a cell it would cover is not empty. Over the fake, read back through the API.
 */
import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { createExcelHost } from '../../../src/hosts/excel/host';
import { charsToPoints, writeTemplateSheet } from '../../../src/hosts/excel/school-table';
import { addProjectSheet } from '../../../src/hosts/excel/project-sheet';
import type { XlBorderIndex, XlContext } from '../../../src/hosts/excel/api';
import { planSchoolTable, type SchoolTablePlan } from '../../../src/core/schools/from-list';
import { newProjectSheet } from '../../../src/core/schools/project-style';
import { buildDocument } from '../../../src/core/document';
import { listSheet, sampleListRows, sampleSnapshot, withSheet } from '../../core/schools/list-fixtures';

const request = { config: {}, lang: 'zh' as const };
const snap = withSheet(sampleSnapshot(), listSheet('保安名单', sampleListRows()));

function plan(into?: string): SchoolTablePlan {
  const r = planSchoolTable(snap, { sheet: '保安名单' }, into === undefined ? {} : { into });
  if (!r.ok) throw new Error(r.message.en);
  return r.plan;
}

/** Reads formats of ranges of a sheet through the API, as an add-in would. */
async function formats(fake: FakeExcel, sheet: string, ranges: readonly string[], borders: readonly XlBorderIndex[] = []) {
  return fake.run(async (ctx: XlContext) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    const items = ranges.map((a) => {
      const f = ws.getRange(a).format;
      f.load('horizontalAlignment,verticalAlignment,wrapText,columnWidth');
      f.font.load('bold');
      const lines = borders.map((b) => f.borders.getItem(b).load('style,weight') as ReturnType<typeof f.borders.getItem>);
      return { a, f, lines };
    });
    await ctx.sync();
    return Object.fromEntries(
      items.map(({ a, f, lines }) => [
        a,
        {
          bold: f.font.bold,
          h: f.horizontalAlignment,
          v: f.verticalAlignment,
          wrap: f.wrapText,
          width: f.columnWidth,
          lines: lines.map((l) => `${l.style}/${l.weight}`),
        },
      ]),
    );
  });
}

describe('生成学校表 in Excel: formats', () => {
  it('bold centred wrapped headers, thin borders on every line of the table, the column widths — in the one sync of the write', async () => {
    const fake = FakeExcel.fromSnapshot(snap);
    const p = plan();
    const syncs = fake.syncs.length;
    await fake.run((ctx) => writeTemplateSheet(ctx, p.sheetName, p.template));
    expect(fake.syncs.length - syncs).toBe(1);
    const all: XlBorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
    const f = await formats(fake, '学校明细表', ['A1', 'C1:J1', 'A4:K4', 'A6:B34', 'A1:K34', 'B10', 'A1:A34', 'B1:B34'], all);
    // the header rows (the merged areas) are bold, centred both ways and wrapped
    expect(f.A1).toMatchObject({ bold: true, h: 'Center', v: 'Center', wrap: true });
    expect(f['A4:K4']).toMatchObject({ bold: false, h: 'Center' }); // the column numbers: centred, not bold
    // the school rows are neither bold nor centred
    expect(f['A6:B34']).toMatchObject({ bold: false, h: 'General', wrap: false });
    // every line of the table, outside and inside, thin and continuous
    expect(f['A1:K34']!.lines).toEqual(all.map(() => 'Continuous/Thin'));
    // the widths the template asks for, in points (characters × 7 px + 5 px, × 0.75)
    expect(f['A1:A34']!.width).toBe(charsToPoints(p.template.columnWidths[0]!));
    expect(f['B1:B34']!.width).toBe(charsToPoints(p.template.columnWidths[1]!));
    expect(charsToPoints(8.43)).toBeCloseTo(48, 0); // Excel's default column: 8.43 characters, 48 pt
    // outside the table: no border (a cell below reads the table's bottom line as its top, as Excel does)
    const below = await formats(fake, '学校明细表', ['A36'], ['EdgeTop', 'EdgeBottom']);
    expect(below.A36!.lines).toEqual(['None/Thin', 'None/Thin']);
    const touching = await formats(fake, '学校明细表', ['A35'], ['EdgeTop', 'EdgeBottom']);
    expect(touching.A35!.lines).toEqual(['Continuous/Thin', 'None/Thin']);
  });

  it('新建项目表: the title and headings bold, column A as wide as the template says, no borders, in one sync', async () => {
    const fake = FakeExcel.fromSnapshot(snap);
    const made = newProjectSheet(buildDocument(snap));
    const syncs = fake.syncs.length;
    await fake.run((ctx) => addProjectSheet(ctx, made.template));
    expect(fake.syncs.length - syncs).toBe(1);
    const headingRows = made.template.cells.filter((c) => c.bold).map((c) => `A${c.row + 1}`);
    expect(headingRows).toHaveLength(9);
    const f = await formats(fake, '项目十七', [...headingRows, 'A3', 'A1:A17'], ['EdgeTop', 'EdgeLeft', 'InsideHorizontal']);
    for (const a of headingRows) expect(f[a]!.bold).toBe(true);
    expect(f.A3!.bold).toBe(false); // the line left to fill in
    expect(f['A1:A17']!.width).toBe(charsToPoints(made.template.columnWidths[0]!));
    expect(f['A1:A17']!.lines).toEqual(['None/Thin', 'None/Thin', 'None/Thin']);
  });
});

describe('生成学校表 in Excel: below a project’s text', () => {
  it('writes the table into 项目十六 two rows below its text, formatted, widths left alone; the re-check reads it as 项目十六’s table', async () => {
    const fake = FakeExcel.fromSnapshot(snap);
    const host = createExcelHost({ run: fake.run, requirements: fake.requirements });
    const before = structuredClone(fake.state.sheets.find((s) => s.name === '项目十六')!);
    const preview = await host.schoolTable!.preview({ sheet: '保安名单' }, request, { into: '项目十六' });
    expect(preview.ok && preview.preview.into).toEqual({ sheet: '项目十六', row: 18 });
    expect(await host.schoolTable!.write({ sheet: '保安名单' }, request, { into: '项目十六' })).toEqual({ ok: true, sheet: '项目十六' });
    const sheet = fake.state.sheets.find((s) => s.name === '项目十六')!;
    for (const [k, c] of Object.entries(before.cells)) expect(sheet.cells[k]).toEqual(c);
    expect(fake.cell('项目十六', 'A19')?.value).toBe('学校代码（10位代码）');
    expect(fake.cell('项目十六', 'A18')).toBeUndefined();
    expect(sheet.columnWidths).toBeUndefined();
    const f = await formats(fake, '项目十六', ['A19', 'A19:K52'], ['EdgeTop', 'InsideHorizontal']);
    expect(f.A19).toMatchObject({ bold: true, h: 'Center' });
    expect(f['A19:K52']!.lines).toEqual(['Continuous/Thin', 'Continuous/Thin']);
    const checked = await host.check(request);
    if (!checked.ok) throw new Error(checked.message);
    const { document, findings } = checked.result;
    const tables = document.tables.filter((t) => t.sheet === '项目十六');
    expect(tables).toHaveLength(1);
    expect(tables[0]!.project).toBe(document.projects.findIndex((x) => x.ref.sheet === '项目十六'));
    expect(findings.filter((x) => x.sheet === '项目十六' && x.row >= 18).map((x) => `${x.rule} ${x.cell}`)).toEqual([
      'school-code-missing A51',
      'school-code-missing A52',
    ]);
  });

  it('a cell the table would cover is not empty: one sentence, nothing written', async () => {
    const fake = FakeExcel.fromSnapshot(snap);
    const p = plan('项目十六');
    // the user typed in the sheet after the plan was made
    fake.state.sheets.find((s) => s.name === '项目十六')!.cells['30,3'] = { value: '备注' };
    const before = fake.dump();
    const out = await fake.run((ctx) => writeTemplateSheet(ctx, '项目十六', p.template, { into: true }));
    expect(out).toEqual({ notEmpty: 'D31' });
    expect(fake.dump()).toEqual(before);
  });
});
