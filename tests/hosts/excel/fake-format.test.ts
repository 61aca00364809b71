/**
 * Range.format in the fake, as Excel behaves (docs: Excel.RangeFormat, RangeBorder, BorderIndex): reads
 * are the range's common value or null when mixed; a border line between two cells is read from either
 * side and removed from both; a weight on a line without one makes it Continuous; columnWidth is in
 * points (default 48), needs ExcelApi 1.2 and covers every column of the range; clear('Formats') drops
 * formats and clear('Contents') keeps them; formats count as cells (canonicalState keeps them).
 */
import { describe, expect, it } from 'vitest';
import { FakeExcel, canonicalState } from '../../../src/hosts/excel/fake';
import type { XlContext } from '../../../src/hosts/excel/api';

function book(apiVersion?: number) {
  return FakeExcel.fromSnapshot(
    {
      sheets: [
        { name: 'S', index: 0, visibility: 'visible', cells: [{ row: 0, col: 0, kind: 'text', value: 'a', text: 'a' }], merges: [] },
      ],
    },
    apiVersion === undefined ? {} : { apiVersion },
  );
}

describe('the fake’s Range.format', () => {
  it('bold and alignment read the common value, null when mixed', async () => {
    const fake = book();
    const out = await fake.run(async (ctx: XlContext) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1').format.font.bold = true;
      ws.getRange('A1:B1').format.horizontalAlignment = 'Center';
      const one = ws.getRange('A1').format.font;
      one.load('bold');
      const two = ws.getRange('A1:B1').format.font;
      two.load('bold');
      const al = ws.getRange('A1:B1').format;
      al.load('horizontalAlignment,wrapText');
      await ctx.sync();
      return [one.bold, two.bold, al.horizontalAlignment, al.wrapText];
    });
    expect(out).toEqual([true, null, 'Center', false]);
    expect(fake.cell('S', 'B1')).toEqual({ value: null, format: { horizontalAlignment: 'Center' } });
  });

  it('a border line is one line between two cells: set on one, read from both, removed from both', async () => {
    const fake = book();
    const read = async () =>
      fake.run(async (ctx: XlContext) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        const a = ws.getRange('A1').format.borders.getItem('EdgeBottom');
        a.load('style,weight');
        const b = ws.getRange('A2').format.borders.getItem('EdgeTop');
        b.load('style,weight');
        await ctx.sync();
        return [`${a.style}/${a.weight}`, `${b.style}/${b.weight}`];
      });
    await fake.run(async (ctx: XlContext) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1').format.borders.getItem('EdgeBottom').weight = 'Medium';
      await ctx.sync();
    });
    expect(await read()).toEqual(['Continuous/Medium', 'Continuous/Medium']);
    await fake.run(async (ctx: XlContext) => {
      ctx.workbook.worksheets.getItem('S').getRange('A2').format.borders.getItem('EdgeTop').style = 'None';
      await ctx.sync();
    });
    expect(await read()).toEqual(['None/Thin', 'None/Thin']);
    expect(fake.cell('S', 'A1')?.format).toBeUndefined();
  });

  it('InsideHorizontal draws between the rows only', async () => {
    const fake = book();
    const out = await fake.run(async (ctx: XlContext) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:B3').format.borders.getItem('InsideHorizontal').style = 'Continuous';
      const top = ws.getRange('A1:B1').format.borders.getItem('EdgeTop');
      top.load('style');
      const mid = ws.getRange('A2:B2').format.borders.getItem('EdgeTop');
      mid.load('style');
      const bottom = ws.getRange('A3:B3').format.borders.getItem('EdgeBottom');
      bottom.load('style');
      const side = ws.getRange('A1:B3').format.borders.getItem('EdgeLeft');
      side.load('style');
      await ctx.sync();
      return [top.style, mid.style, bottom.style, side.style];
    });
    expect(out).toEqual(['None', 'Continuous', 'None', 'None']);
  });

  it('columnWidth: points, default 48, every column of the range, ExcelApi 1.2', async () => {
    const fake = book();
    const out = await fake.run(async (ctx: XlContext) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      const before = ws.getRange('C1').format;
      before.load('columnWidth');
      ws.getRange('A5:B5').format.columnWidth = 120;
      const after = ws.getRange('B1').format;
      after.load('columnWidth');
      const mixed = ws.getRange('B1:C1').format;
      mixed.load('columnWidth');
      await ctx.sync();
      return [before.columnWidth, after.columnWidth, mixed.columnWidth];
    });
    expect(out).toEqual([48, 120, null]);
    expect(fake.state.sheets[0]!.columnWidths).toEqual({ 0: 120, 1: 120 });
    const old = book(1);
    await expect(
      old.run(async (ctx: XlContext) => {
        ctx.workbook.worksheets.getItem('S').getRange('A1').format.columnWidth = 10;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('clear(Formats) drops the formats, clear(Contents) keeps them; a formatted empty cell is a cell', async () => {
    const fake = book();
    await fake.run(async (ctx: XlContext) => {
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A1:B1').format.font.bold = true;
      ws.getRange('A1').clear('Contents');
      await ctx.sync();
    });
    expect(fake.cell('S', 'A1')).toEqual({ value: null, format: { bold: true } });
    expect(Object.keys(canonicalState(fake.state).sheets[0]!.cells).sort()).toEqual(['0,0', '0,1']);
    await fake.run(async (ctx: XlContext) => {
      ctx.workbook.worksheets.getItem('S').getRange('A1:B1').clear('Formats');
      await ctx.sync();
    });
    expect(canonicalState(fake.state).sheets[0]!.cells).toEqual({});
  });
});

/**
 * Range.copyFrom with Excel.RangeCopyType.formats (ExcelApi 1.9), as the reference documents it: "copies
 * the formatting of the range, including font, color, and other format settings, but no values"; "the
 * destination will be expanded automatically if it is smaller than the source".
 * https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-copyfrom-member(1)
 * https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-ranges-cut-copy-paste#copy-and-paste
 */
describe('the fake’s Range.copyFrom (formats)', () => {
  const thin = { style: 'Continuous', weight: 'Thin' };
  const formatted = (apiVersion?: number) => {
    const fake = book(apiVersion);
    fake.setCell('S', 'A1', {
      numberFormat: '0.00',
      fill: { pattern: 'Solid', color: '#FFFF00', patternColor: '#000000', tintAndShade: 0 },
      format: { bold: true, horizontalAlignment: 'Center', borders: { bottom: thin } },
    });
    fake.setCell('S', 'B1', { value: null });
    fake.setCell('S', 'A3', { value: 'kept', format: { wrapText: true } });
    fake.setCell('S', 'B3', { value: 'also kept', fill: { pattern: 'Solid', color: '#FF0000', patternColor: '#000000', tintAndShade: 0 } });
    return fake;
  };

  it("copies each source cell's number format, fill, font, alignment and borders; values stay; the destination grows to the source's size", async () => {
    const fake = formatted();
    const events: string[] = [];
    await fake.run(async (ctx: XlContext) => {
      ctx.workbook.worksheets.onChanged.add(async (e) => void events.push(e.address));
      const ws = ctx.workbook.worksheets.getItem('S');
      ws.getRange('A3').copyFrom(ws.getRange('A1:B1'), 'Formats');
      await ctx.sync();
    });
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.cell('S', 'A3')).toEqual({ ...fake.cell('S', 'A1'), value: 'kept' });
    // B1 has no format of its own: B3's fill is reset, its value kept
    expect(fake.cell('S', 'B3')).toEqual({ value: 'also kept' });
    expect(fake.cell('S', 'A1')?.format?.borders?.bottom).not.toBe(fake.cell('S', 'A3')?.format?.borders?.bottom); // a copy
    expect(events).toEqual(['A3:B3']);
  });

  it('needs ExcelApi 1.9; refuses what it does not model and a protected destination, changing nothing', async () => {
    const old = formatted(8);
    const before = old.dump();
    const err = await old
      .run(async (ctx: XlContext) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A3').copyFrom(ws.getRange('A1'), 'Formats');
        await ctx.sync();
      })
      .catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('ApiNotFound');
    expect(old.dump()).toEqual(before);
    for (const [copyType, skip, dest] of [
      ['All', false, 'A3'],
      ['Formats', true, 'A3'],
      ['Formats', false, 'A3:A4'],
    ] as const) {
      const fake = formatted();
      const e = await fake
        .run(async (ctx: XlContext) => {
          const ws = ctx.workbook.worksheets.getItem('S');
          ws.getRange(dest).copyFrom(ws.getRange('A1'), copyType, skip);
          await ctx.sync();
        })
        .catch((x: unknown) => x);
      expect((e as { code?: string }).code).toBe('InvalidArgument');
    }
    const locked = FakeExcel.fromSnapshot({
      sheets: [{ name: 'S', index: 0, visibility: 'visible', cells: [], merges: [], protected: true }],
    });
    const denied = await locked
      .run(async (ctx: XlContext) => {
        const ws = ctx.workbook.worksheets.getItem('S');
        ws.getRange('A3').copyFrom(ws.getRange('A1'), 'Formats');
        await ctx.sync();
      })
      .catch((x: unknown) => x);
    expect((denied as { code?: string }).code).toBe('AccessDenied');
  });
});
