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
