/**
 * The fake Excel behaves as real Excel does on the points of issue 13 (sources in
 * src/hosts/excel/README.md): each test pins one behaviour the adapter must survive.
 */
import { describe, expect, it } from 'vitest';
import { FakeExcel, applyTint } from '../../../src/hosts/excel/fake';
import type { XlChangedArgs, XlContext } from '../../../src/hosts/excel/api';
import { tableSheet, workbook } from './workbook';

const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

async function listen(fake: FakeExcel): Promise<XlChangedArgs[]> {
  const seen: XlChangedArgs[] = [];
  await fake.run(async (ctx) => {
    ctx.workbook.worksheets.onChanged.add(async (a) => void seen.push(a));
    await ctx.sync();
  });
  return seen;
}

describe('fake Excel: worksheets', () => {
  it('sheet names are unique regardless of case: adding "SHEET" beside "Sheet" fails with ItemAlreadyExists; getItem ignores case', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.add('Sheet');
      await ctx.sync();
      ctx.workbook.worksheets.add('SHEET');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      const s = ctx.workbook.worksheets.getItem('sHeEt');
      s.load('name');
      await ctx.sync();
      expect(s.name).toBe('Sheet');
    });
  });

  it('refuses to delete a VeryHidden sheet (InvalidOperation); a Hidden one can be deleted', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add('秘');
      s.visibility = 'VeryHidden';
      await ctx.sync();
      ctx.workbook.worksheets.getItem('秘').delete();
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
      const again = ctx.workbook.worksheets.getItem('秘');
      again.visibility = 'Hidden';
      again.delete();
      await ctx.sync();
    });
    expect(fake.sheet('秘')).toBeUndefined();
  });
});

describe('fake Excel: onChanged', () => {
  it("fires after the batch for the add-in's own value and format writes, with triggerSource ThisLocalAddin (ExcelApi 1.14)", async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const seen = await listen(fake);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('项目1');
      ws.getRange('B1').values = [['x']];
      ws.getRange('C1').format.fill.color = '#FFC7CE';
      ws.getRange('D1').numberFormat = [['@']];
      await ctx.sync();
      expect(seen).toEqual([]); // not during the batch
    });
    await tick();
    expect(seen.map((a) => [a.address, a.triggerSource])).toEqual([
      ['B1', 'ThisLocalAddin'],
      ['C1', 'ThisLocalAddin'],
      ['D1', 'ThisLocalAddin'],
    ]);
    await fake.userEdit('项目1', 'A1', '改');
    expect(seen.at(-1)).toMatchObject({ address: 'A1', triggerSource: 'Unknown' });
  });

  it('before ExcelApi 1.14 the events carry no triggerSource', async () => {
    const fake = FakeExcel.fromSnapshot(workbook(), { apiVersion: 13 });
    const seen = await listen(fake);
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('项目1').getRange('C1').format.fill.clear();
    });
    await tick();
    expect(seen).toHaveLength(1);
    expect('triggerSource' in seen[0]!).toBe(false);
  });

  it('context.runtime.enableEvents = false drops the events of the changes made while it is off', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const seen = await listen(fake);
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('项目1');
      ctx.runtime.enableEvents = false;
      ws.getRange('B1').values = [['quiet']];
      ctx.runtime.enableEvents = true;
      ws.getRange('B2').values = [['heard']];
      ctx.runtime.load('enableEvents');
      await ctx.sync();
      expect(ctx.runtime.enableEvents).toBe(true);
    });
    await tick();
    expect(seen.map((a) => a.address)).toEqual(['B2']);
  });
});

describe('fake Excel: cell edit mode', () => {
  const write = (ctx: XlContext) => {
    ctx.workbook.worksheets.getItem('项目1').getRange('B1').values = [['x']];
    return ctx.sync();
  };

  it('a run without delayForCellEdit fails with InvalidOperationInCellEditMode and changes nothing', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.beginCellEdit();
    await expect(fake.run(write)).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(fake.cell('项目1', 'B1')).toBeUndefined();
    fake.endCellEdit();
    await fake.run(write);
    expect(fake.cell('项目1', 'B1')?.value).toBe('x');
  });

  it('with delayForCellEdit (ExcelApi 1.11) the batch waits for the edit to end; before 1.11 it still fails', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.beginCellEdit();
    const pending = fake.run(write, { delayForCellEdit: true });
    await tick();
    expect(fake.cell('项目1', 'B1')).toBeUndefined();
    fake.endCellEdit();
    await pending;
    expect(fake.cell('项目1', 'B1')?.value).toBe('x');

    const old = FakeExcel.fromSnapshot(workbook(), { apiVersion: 10 });
    old.beginCellEdit();
    await expect(old.run(write, { delayForCellEdit: true })).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });
});

describe('fake Excel: fill readbacks (office-js 4900, 6218)', () => {
  async function readFill(fake: FakeExcel, a1: string) {
    return fake.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('项目1').getRange(a1).format.fill;
      f.load('pattern,color,patternColor,tintAndShade');
      await ctx.sync();
      return { pattern: f.pattern, color: f.color, tintAndShade: f.tintAndShade };
    });
  }

  function painted(quirks?: { patternNull?: boolean; tintedColor?: boolean }) {
    const fake = FakeExcel.fromSnapshot(workbook(), quirks ? { fillQuirks: quirks } : {});
    fake.setCell('项目1', 'B2', { fill: { pattern: 'Solid', color: '#FFFFFF', patternColor: '#000000', tintAndShade: 0 } });
    fake.setCell('项目1', 'B3', { fill: { pattern: 'Solid', color: '#5B9BD5', patternColor: '#000000', tintAndShade: 0.6 } });
    return fake;
  }

  it('no fill and solid white both read #FFFFFF with pattern null; tintAndShade is null only for no fill', async () => {
    const fake = painted();
    expect(await readFill(fake, 'B1')).toEqual({ pattern: null, color: '#FFFFFF', tintAndShade: null });
    expect(await readFill(fake, 'B2')).toEqual({ pattern: null, color: '#FFFFFF', tintAndShade: 0 });
  });

  it('a tinted theme colour reads as shown plus its tint; writing both back tints twice', async () => {
    const fake = painted();
    const read = await readFill(fake, 'B3');
    expect(read).toEqual({ pattern: null, color: applyTint('#5B9BD5', 0.6), tintAndShade: 0.6 });
    await fake.run(async (ctx) => {
      const f = ctx.workbook.worksheets.getItem('项目1').getRange('B3').format.fill;
      f.color = read.color;
      f.tintAndShade = read.tintAndShade!;
    });
    expect((await readFill(fake, 'B3')).color).toBe(applyTint(applyTint('#5B9BD5', 0.6), 0.6));
    expect((await readFill(fake, 'B3')).color).not.toBe(read.color);
  });

  it('the quirks can be switched off (the reading the reference alone suggests)', async () => {
    const fake = painted({ patternNull: false, tintedColor: false });
    expect(await readFill(fake, 'B1')).toEqual({ pattern: 'None', color: '#FFFFFF', tintAndShade: null });
    expect(await readFill(fake, 'B2')).toEqual({ pattern: 'Solid', color: '#FFFFFF', tintAndShade: 0 });
    expect(await readFill(fake, 'B3')).toEqual({ pattern: 'Solid', color: '#5B9BD5', tintAndShade: 0.6 });
  });
});

describe('fake Excel: merged areas, notes, XML parts', () => {
  it('getMergedAreasOrNullObject fails over more than 512 merged areas', async () => {
    const t = tableSheet('表', 0);
    const merges = Array.from({ length: 513 }, (_, i) => ({ top: i, left: 5, bottom: i, right: 6 }));
    const fake = FakeExcel.fromSnapshot({ sheets: [{ ...t, merges }] });
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('表');
      ws.getRange('A1:G513').getMergedAreasOrNullObject().load('address');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'GeneralException' });
      const half = ws.getRange('A1:G256').getMergedAreasOrNullObject();
      half.load('address');
      await ctx.sync();
      expect(half.address.split(', ')).toHaveLength(256);
    });
  });

  it('a cell with a threaded comment cannot take a note; the batch stops there', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.setComment('项目1', 'A2', '请核对');
    await fake.run(async (ctx) => {
      ctx.workbook.notes.add('项目1!A1', 'ok');
      ctx.workbook.notes.add('项目1!A2', 'refused');
      ctx.workbook.notes.add('项目1!A3', 'never reached');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    expect(fake.sheet('项目1')!.notes).toEqual({ A1: 'ok' });
  });

  it('custom XML parts (ExcelApi 1.5): add, find by namespace, read, delete; saved with the file', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      ctx.workbook.customXmlParts.add('<r xmlns="urn:t">1</r>');
      ctx.workbook.customXmlParts.add('<r xmlns="urn:other">2</r>');
      await ctx.sync();
    });
    const reopened = FakeExcel.open(fake.save());
    const xml = await reopened.run(async (ctx) => {
      const scoped = ctx.workbook.customXmlParts.getByNamespace('urn:t');
      scoped.load('items/id');
      await ctx.sync();
      const results = scoped.items.map((p) => p.getXml());
      scoped.items.forEach((p) => p.delete());
      await ctx.sync();
      return results.map((r) => r.value);
    });
    expect(xml).toEqual(['<r xmlns="urn:t">1</r>']);
    expect(reopened.state.xmlParts?.map((p) => p.namespaceUri)).toEqual(['urn:other']);
    await expect(
      FakeExcel.fromSnapshot(workbook(), { apiVersion: 4 }).run(async (ctx) => {
        ctx.workbook.customXmlParts.add('<r/>');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

describe('fake Excel: strings written are taken as typed (Range.values; office-js 229, 1559, 3256, 6687)', () => {
  async function write(fake: FakeExcel, a1: string, v: string, textFormat = false): Promise<void> {
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('项目1').getRange(a1);
      if (textFormat) r.numberFormat = [['@']];
      r.values = [[v]];
    });
  }

  it('in a General cell, "+" and "-" start a formula, as "=" does; a lone "-" stays text', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await write(fake, 'C1', '-待定');
    await write(fake, 'C2', '+1人');
    await write(fake, 'C3', '=见附件');
    await write(fake, 'C4', '-');
    await write(fake, 'C5', '-12.5');
    expect(fake.cell('项目1', 'C1')).toMatchObject({ formula: '-待定', error: true });
    expect(fake.cell('项目1', 'C2')?.formula).toBe('+1人');
    expect(fake.cell('项目1', 'C3')?.formula).toBe('见附件');
    expect(fake.cell('项目1', 'C4')).toEqual({ value: '-' });
    expect(fake.cell('项目1', 'C5')).toEqual({ value: -12.5 });
  });

  it('in a General cell, a date (en-US) becomes its serial number with a date format', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await write(fake, 'C1', '2023-09-01');
    await write(fake, 'C2', '12/31/2018');
    await write(fake, 'C3', '9-1');
    await write(fake, 'C4', '2023-13-01'); // no such month: text
    expect(fake.cell('项目1', 'C1')).toMatchObject({ value: 45170, numberFormat: 'm/d/yyyy' });
    expect(fake.cell('项目1', 'C2')).toMatchObject({ value: 43465, numberFormat: 'm/d/yyyy' });
    expect(fake.cell('项目1', 'C3')).toMatchObject({ numberFormat: 'd-mmm' });
    expect(typeof fake.cell('项目1', 'C3')?.value).toBe('number');
    expect(fake.cell('项目1', 'C4')).toEqual({ value: '2023-13-01' });
  });

  it('a Text (@) cell keeps every string as written, "=" included', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    for (const [a1, v] of [
      ['D1', '=见附件'],
      ['D2', '-待定'],
      ['D3', '2023-09-01'],
      ['D4', '0123'],
    ] as const) {
      await write(fake, a1, v, true);
      expect(fake.cell('项目1', a1)).toEqual({ value: v, numberFormat: '@' });
    }
  });

  it('a text cell that looks like a formula reads the same through values and formulas (the quote is not read back)', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.setCell('项目1', 'E1', { value: '=见附件' }); // typed as '=见附件
    fake.setCell('项目1', 'E2', { value: 3, formula: 'SUM(1,2)' });
    const read = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('项目1').getRange('E1:E2');
      r.load('values,formulas');
      await ctx.sync();
      return { values: r.values, formulas: r.formulas };
    });
    expect(read).toEqual({ values: [['=见附件'], [3]], formulas: [['=见附件'], ['=SUM(1,2)']] });
  });
});

describe("fake Excel: the workbook's structure protected (ExcelApi 1.7 WorkbookProtection)", () => {
  it('refuses to add, delete, hide or rename a sheet, and reads protection.protected; cells stay writable', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.state.structureProtected = true;
    const tries: ((ctx: XlContext) => void)[] = [
      (ctx) => void ctx.workbook.worksheets.add('新表'),
      (ctx) => ctx.workbook.worksheets.getItem('项目2').delete(),
      (ctx) => void (ctx.workbook.worksheets.getItem('项目2').visibility = 'Hidden'),
      (ctx) => void (ctx.workbook.worksheets.getItem('项目2').name = '改名'),
    ];
    for (const t of tries) {
      await expect(
        fake.run(async (ctx) => {
          t(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(fake.state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['项目1', 'Visible'],
      ['项目2', 'Visible'],
      ['学校明细', 'Visible'],
    ]);
    const locked = await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('项目1').getRange('B1').values = [['x']];
      const p = ctx.workbook.protection;
      p.load('protected');
      await ctx.sync();
      return p.protected;
    });
    expect(locked).toBe(true);
    expect(fake.cell('项目1', 'B1')?.value).toBe('x');
  });
});

describe('fake Excel: payloads are counted in UTF-8 bytes (Excel on the web, 5 MB)', () => {
  it('a request of 2 million Chinese characters (6 MB) is refused, though its string length is under 5 MB', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const text = '预'.repeat(2_000_000);
    await expect(
      fake.run(async (ctx) => {
        ctx.workbook.settings.add('k', text);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    await fake.run(async (ctx) => {
      ctx.workbook.settings.add('k', 'a'.repeat(2_000_000));
      await ctx.sync();
    });
    expect(fake.syncs.map((s) => s.ok)).toEqual([false, true]);
  });
});

describe('fake Excel: null and "" in a 2-D array (Blank and null values in Excel add-ins)', () => {
  it('null leaves its cell as it is; "" clears the value or resets the number format', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.setCell('项目1', 'B1', { value: '甲', numberFormat: '@' });
    fake.setCell('项目1', 'C1', { value: 12.5, numberFormat: '0.00' });
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('项目1').getRange('B1:D1');
      r.values = [[null, '', 'x']];
      r.numberFormat = [[null, '', null]];
    });
    expect(fake.cell('项目1', 'B1')).toEqual({ value: '甲', numberFormat: '@' });
    expect(fake.cell('项目1', 'C1')).toEqual({ value: null });
    expect(fake.cell('项目1', 'D1')).toEqual({ value: 'x' });
  });
});

describe('fake Excel: where it was kinder than Excel (the fidelity pass; sources in src/hosts/excel/README.md)', () => {
  it('getMergedAreasOrNullObject returns only the areas whose upper-left cell is in the range, each whole (office-js 3611)', async () => {
    // 学校明细 has the merged area A4:C4 (合计)
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('学校明细');
      const overlapping = ws.getRange('B3:D5').getMergedAreasOrNullObject();
      const fromAnchor = ws.getRange('A4').getMergedAreasOrNullObject();
      fromAnchor.load('address');
      await ctx.sync();
      expect(overlapping.isNullObject).toBe(true);
      expect(fromAnchor.address).toMatch(/!A4:C4$/);
    });
  });

  it('an object kept from a run that has ended cannot be used: its sync fails with InvalidObjectPath, nothing is written', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    let kept: XlContext | null = null;
    await fake.run(async (ctx) => {
      kept = ctx;
      const r = ctx.workbook.worksheets.getItem('项目1').getRange('B1');
      r.load('values');
      await ctx.sync();
      expect(r.values).toEqual([['']]); // loaded values stay readable
    });
    const ctx = kept as unknown as XlContext;
    ctx.workbook.worksheets.getItem('项目1').getRange('B1').values = [['late']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    expect(fake.cell('项目1', 'B1')).toBeUndefined();
  });

  it('an event handler is removed over the context that added it, in a run given that context (RunOptions.previousObjects)', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    const added = await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.onChanged.add(async () => undefined);
      await ctx.sync();
      return r;
    });
    expect(fake.handlers.size).toBe(1);
    added.remove();
    await expect(added.context.sync()).rejects.toMatchObject({ code: 'InvalidObjectPath' });
    expect(fake.handlers.size).toBe(1);
    await fake.run(
      async (ctx) => {
        added.remove();
        await ctx.sync();
      },
      { previousObjects: added.context },
    );
    expect(fake.handlers.size).toBe(0);
  });

  it('a cell holds at most 32,767 characters: a longer string is refused and the batch stops there', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('项目1');
      ws.getRange('B1').values = [['甲'.repeat(32767)]];
      ws.getRange('B2').values = [['乙'.repeat(32768)]];
      ws.getRange('B3').values = [['after']];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(String(fake.cell('项目1', 'B1')?.value)).toHaveLength(32767);
    expect(fake.cell('项目1', 'B2')).toBeUndefined();
    expect(fake.cell('项目1', 'B3')).toBeUndefined();
  });

  it('an error cell reads its code through values and text, and Error through valueTypes (Div0ErrorCellValue)', async () => {
    // 学校明细!D5 holds #REF!
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('学校明细').getRange('D5');
      r.load('values,valueTypes,text');
      await ctx.sync();
      expect(r.values).toEqual([['#REF!']]);
      expect(r.valueTypes).toEqual([['Error']]);
      expect(r.text).toEqual([['#REF!']]);
    });
  });
});
