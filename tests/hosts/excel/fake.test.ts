import { describe, expect, it } from 'vitest';
import { FakeExcel } from '../../../src/hosts/excel/fake';
import { workbook } from './workbook';

describe('fake Excel object model is as strict as the host', () => {
  it('throws PropertyNotLoaded for a property read before load + sync', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('学校明细').getRange('A1:B2');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      await ctx.sync();
      expect(r.values).toEqual([
        ['序号', '学校代码'],
        [1, '5304210001'],
      ]);
      expect(() => r.text).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }) as Error);
      expect(() => r.isNullObject).not.toThrow();
    });
  });

  it('deletes at sync exactly the note, setting and cells asked for, and the file keeps the deletions', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    fake.setNote('学校明细', 'B2', '甲');
    fake.setNote('学校明细', 'B3', '乙');
    await fake.run(async (ctx) => {
      ctx.workbook.settings.add('a', '1');
      ctx.workbook.settings.add('b', '2');
      await ctx.sync();
      const ws = ctx.workbook.worksheets.getItem('学校明细');
      ws.notes.getItemOrNullObject('B2').delete();
      ctx.workbook.settings.getItemOrNullObject('a').delete();
      ws.getRange('A1:B1').clear();
      expect(fake.sheet('学校明细')!.notes.B2).toBe('甲');
      await ctx.sync();
    });
    const again = FakeExcel.open(fake.save());
    expect(again.sheet('学校明细')!.notes).toEqual({ B3: '乙' });
    expect(again.state.settings).toEqual({ b: '2' });
    expect(again.cell('学校明细', 'A1')).toBeUndefined();
    expect(again.cell('学校明细', 'B1')).toBeUndefined();
    expect(again.cell('学校明细', 'A2')?.value).toBe(1);
  });

  it('applies writes only at sync, and counts syncs', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('学校明细').getRange('E1');
      r.values = [['x']];
      expect(fake.cell('学校明细', 'E1')).toBeUndefined();
      await ctx.sync();
      expect(fake.cell('学校明细', 'E1')?.value).toBe('x');
    });
    expect(fake.syncCount).toBe(1);
  });

  it('stores a numeric string in a General cell as a number, in an @ cell as text', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('学校明细');
      ws.getRange('E1').values = [['5304210002']];
      const b = ws.getRange('E2');
      b.numberFormat = [['@']];
      b.values = [['5304210002']];
      await ctx.sync();
    });
    expect(fake.cell('学校明细', 'E1')?.value).toBe(5304210002);
    expect(fake.cell('学校明细', 'E2')?.value).toBe('5304210002');
  });

  it('fails a batch at a missing sheet, a protected sheet, a missing API; earlier ops stay applied', async () => {
    const snap = workbook();
    const fake = FakeExcel.fromSnapshot(
      { sheets: snap.sheets.map((s, i) => (i === 0 ? { ...s, protected: true } : s)) },
      { features: { notes: false } },
    );
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('学校明细').getRange('F1').values = [['ok']];
      ctx.workbook.worksheets.getItem('没有这个表');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
      ctx.workbook.worksheets.getItem('项目1').getRange('A1').format.fill.color = '#FF0000';
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      ctx.workbook.notes.add('学校明细!A1', 'x');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ApiNotFound' });
    });
    expect(fake.cell('学校明细', 'F1')?.value).toBe('ok');
    expect(fake.cell('项目1', 'A1')?.fill).toBeUndefined();
    expect(fake.requirements.isSetSupported('ExcelApi', '1.18')).toBe(false);
    expect(fake.requirements.isSetSupported('ExcelApi', '1.9')).toBe(true);
  });

  it('enforces the payload limit per sync', async () => {
    const fake = FakeExcel.fromSnapshot(workbook(), { payloadLimit: 600 });
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('学校明细').getRange('A1:D5').load('values,valueTypes,text,formulas,numberFormat');
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
      ctx.workbook.worksheets.getItem('学校明细').getRange('A1:A1').values = [['x'.repeat(700)]];
      await expect(ctx.sync()).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    });
    expect(fake.syncs.every((s) => !s.ok)).toBe(true);
  });

  it('null objects: isNullObject after sync, reading other properties is an error', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject('没有');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('address');
      await ctx.sync();
      expect(ws.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
      expect(() => used.address).toThrow();
    });
  });
});

describe('the Excel host is bundle-able for the browser', () => {
  it('imports no Node built-ins and names Office globals only in office.ts and commands', async () => {
    const { readdirSync, readFileSync, statSync } = await import('node:fs');
    const { join, resolve } = await import('node:path');
    const root = resolve(__dirname, '../../../src/hosts/excel');
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
    for (const f of files(root).filter((n) => n.endsWith('.ts'))) {
      const src = readFileSync(f, 'utf8');
      expect(src, f).not.toMatch(/from ['"](node:|fs|path|os|zlib|child_process)['"]/);
      if (!f.endsWith('office.ts'))
        expect(src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, ''), f).not.toMatch(/\b(Excel|Office)\.[a-z]/);
    }
  });
});

describe('fake run', () => {
  it('like Excel.run, syncs what the batch left queued (and counts it)', async () => {
    const fake = FakeExcel.fromSnapshot(workbook());
    await fake.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('学校明细').getRange('G1').values = [['left queued']];
    });
    expect(fake.cell('学校明细', 'G1')?.value).toBe('left queued');
    expect(fake.syncCount).toBe(1);
  });
});
