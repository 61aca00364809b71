/**
 * The .xls reader on hand-built files: each record and each damage placed exactly (build.ts).
 * Every bad file gives one sentence (zh and en), never a stack trace or an out-of-range read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXls, rkValue } from '../../../src/hosts/xls/read';
import { readWorkbookFile } from '../../../src/hosts/xls/any';
import type { ReadOptions } from '../../../src/hosts/xlsx/read';
import type { XlsxReadError } from '../../../src/hosts/xlsx/errors';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { BOF_SHEET, EOF, cell, cfbFile, chars, concat, f64le, le, record, sst, workbookStream, xlsFile, xlString } from './build';

function ok(bytes: Uint8Array, options?: ReadOptions): WorkbookSnapshot {
  const r = readXls(bytes, options);
  if (!r.ok) throw new Error(`expected a snapshot, got ${r.error.code}: ${r.error.zh} ${r.error.detail.detail ?? ''}`);
  return r.snapshot;
}

function fail(bytes: Uint8Array, options?: ReadOptions): XlsxReadError {
  const r = readXls(bytes, options);
  if (r.ok) throw new Error('expected a failure');
  // one sentence in each language: no stack, no line break, no JavaScript error name
  for (const m of [r.error.zh, r.error.en]) {
    expect(m).not.toMatch(/\n|at \w+ \(|Error|undefined/);
    expect(m.length).toBeGreaterThan(5);
  }
  expect(r.error.code).not.toBe('internal');
  return r.error;
}

/** A one-sheet workbook whose sheet holds these records. */
function oneSheet(globals: Uint8Array[], records: Uint8Array[], name = '项目一'): Uint8Array {
  return xlsFile(workbookStream(globals, [{ name, records }])).bytes;
}

/** Pads the globals so the Workbook stream is over 4,096 bytes (regular sectors, not the mini stream). */
const PAD = record(0x00ff, new Uint8Array(5000));

const DAMAGED_ZH = '.xls 文件已损坏或不完整（复合文档结构无法读取），请在 Excel 或 WPS 中打开并另存为 .xlsx';

describe('cells, strings and sheets', () => {
  it('reads LabelSst, Label, Number, RK (integer, ×100, double), MulRk, BoolErr and formula results', () => {
    const formula = (row: number, col: number, value: Uint8Array) => record(0x0006, le(row, col, 15), value, le(0, [0, 4], 0));
    const bytes = oneSheet(
      [sst(['项目一', 'Café'])],
      [
        cell.sst(0, 0, 0),
        cell.sst(0, 1, 1),
        cell.label(1, 0, '标签文字'),
        cell.number(2, 0, 1234.5),
        cell.rk(2, 1, (42 << 2) | 2),
        cell.rk(2, 2, (1234 << 2) | 3),
        record(0x00bd, le(3, 0, 15, [(7 << 2) | 2, 4], 15, [(-3 << 2) | 2, 4], 1)),
        record(0x0205, le(4, 0, 15), Uint8Array.of(1, 0)),
        record(0x0205, le(4, 1, 15), Uint8Array.of(0x07, 1)),
        formula(5, 0, f64le(99)),
        formula(5, 1, le(0, 0, 0, 0xffff)),
        record(0x0207, xlString('公式文字')),
        formula(5, 2, le(1, 1, 0, 0xffff)),
        formula(5, 3, le(2, 0x2a, 0, 0xffff)),
        formula(5, 4, le(3, 0, 0, 0xffff)),
      ],
    );
    const s = ok(bytes).sheets[0]!;
    const cells = s.cells.map((c) => [c.row, c.col, c.kind, c.value, c.text]);
    expect(cells).toEqual([
      [0, 0, 'text', '项目一', '项目一'],
      [0, 1, 'text', 'Café', 'Café'],
      [1, 0, 'text', '标签文字', '标签文字'],
      [2, 0, 'number', 1234.5, '1234.5'],
      [2, 1, 'number', 42, '42'],
      [2, 2, 'number', 12.34, '12.34'],
      [3, 0, 'number', 7, '7'],
      [3, 1, 'number', -3, '-3'],
      [4, 0, 'boolean', true, 'TRUE'],
      [4, 1, 'error', '#DIV/0!', '#DIV/0!'],
      [5, 0, 'number', 99, '99'],
      [5, 1, 'text', '公式文字', '公式文字'],
      [5, 2, 'boolean', true, 'TRUE'],
      [5, 3, 'error', '#N/A', '#N/A'],
      [5, 4, 'text', '', ''],
    ]);
  });

  it('an RK double keeps the high 30 bits of the IEEE number', () => {
    // 0.1 as a double is 0x3FB999999999999A: its high 32 bits with the two flag bits cleared
    expect(rkValue(0x3fb99998)).toBeCloseTo(0.1, 6);
    expect(rkValue(0x3ff00000)).toBe(1);
    expect(rkValue(0x3ff00001)).toBe(0.01);
  });

  it('hidden and very hidden sheets, merged areas, a chart sheet without cells, a VBA module not listed', () => {
    const stream = workbookStream(
      [sst(['正文'])],
      [
        { name: '可见', records: [cell.sst(0, 0, 0), record(0x00e5, le(2, 0, 0, 0, 3, 2, 5, 1, 1))] },
        { name: '隐藏', hs: 1, records: [cell.sst(0, 0, 0)] },
        { name: '深度隐藏', hs: 2, records: [] },
      ],
    );
    const s = ok(xlsFile(stream).bytes);
    expect(s.sheets.map((x) => [x.name, x.visibility, x.index])).toEqual([
      ['可见', 'visible', 0],
      ['隐藏', 'hidden', 1],
      ['深度隐藏', 'veryHidden', 2],
    ]);
    expect(s.sheets[0]!.merges).toEqual([
      { top: 0, bottom: 0, left: 0, right: 3 },
      { top: 2, bottom: 5, left: 1, right: 1 },
    ]);
  });

  it('number formats from Format + XF, and Date1904', () => {
    const xf = (ifmt: number) => record(0x00e0, le(0, ifmt, 0, 0, 0, 0, 0, 0, 0, 0));
    const xfs = Array.from({ length: 16 }, () => xf(0));
    const globals = [record(0x0022, le(1)), record(0x041e, le(164), xlString('#,##0.00"万元"')), ...xfs, xf(164), xf(14), xf(10)];
    const bytes = oneSheet(globals, [
      cell.number(0, 0, 1234.5, 16),
      cell.number(0, 1, 0, 17),
      cell.number(0, 2, 0.5, 18),
      record(0x0201, le(1, 0, 16)),
    ]);
    const c = ok(bytes).sheets[0]!.cells;
    expect(c[0]).toMatchObject({ text: '1,234.50万元', numFmt: '#,##0.00"万元"' });
    // serial 0 in the 1904 system is 1904-01-01
    expect(c[1]!.text).toMatch(/1904/);
    expect(c[2]).toMatchObject({ text: '50.00%' });
    // a blank cell with a format is kept (as the .xlsx reader keeps an empty styled cell)
    expect(c[3]).toMatchObject({ row: 1, col: 0, kind: 'empty', value: null, text: '', numFmt: '#,##0.00"万元"' });
  });

  it('an SST string split across Continue records, the fHighByte flag re-read at each (rich runs and phonetic data skipped)', () => {
    // string 1: "abc" compressed, then a Continue whose flag says UTF-16 for "中文d"
    // string 2: rich (1 run) + phonetic (6 bytes), the phonetic bytes split across a Continue (no flag there)
    // string 3: header says UTF-16, ends exactly at the record's end; the Continue's flag says compressed
    const head = concat([le([3, 4], [3, 4]), le(6), Uint8Array.of(0), chars('abc', false)]);
    const c1 = concat([
      Uint8Array.of(1),
      chars('中文d', true),
      le(3),
      Uint8Array.of(0x0c),
      le(1, [6, 4]),
      chars('xyz', false),
      le(0, 0),
      le(0xaaaa),
    ]);
    const c2 = concat([le(0xbbbb, 0xcccc), le(2), Uint8Array.of(1)]);
    const c3 = concat([Uint8Array.of(0), chars('ok', false)]);
    const sstRecords = concat([record(0x00fc, head), record(0x003c, c1), record(0x003c, c2), record(0x003c, c3)]);
    const bytes = oneSheet([sstRecords], [cell.sst(0, 0, 0), cell.sst(0, 1, 1), cell.sst(0, 2, 2)]);
    expect(ok(bytes).sheets[0]!.cells.map((c) => c.text)).toEqual(['abc中文d', 'xyz', 'ok']);
  });

  it('CODEPAGE 936: 8-bit strings of other writers are GBK; CODEPAGE 1200 (Excel) keeps them Latin-1', () => {
    const gbk = Uint8Array.of(0xd6, 0xd0, 0xce, 0xc4); // 中文
    const label = record(0x0204, le(0, 0, 15, 4), Uint8Array.of(0), gbk);
    expect(ok(oneSheet([record(0x0042, le(936))], [label])).sheets[0]!.cells[0]!.text).toBe('中文');
    expect(ok(oneSheet([record(0x0042, le(1200))], [label])).sheets[0]!.cells[0]!.text).toBe('ÖÐÎÄ');
    const e = fail(oneSheet([record(0x0042, le(4242))], [label]));
    expect(e.code).toBe('unsupported-encoding');
    expect(e.zh).toContain('CODEPAGE 4242');
  });

  it("a record longer than BIFF8's 8,224 bytes (other writers) is read while it fits in the stream", () => {
    const long = record(0x00ff, new Uint8Array(9000));
    expect(ok(oneSheet([long, sst(['长记录之后'])], [cell.sst(0, 0, 0)])).sheets[0]!.cells[0]!.text).toBe('长记录之后');
  });

  it('embedded chart substreams inside a sheet are skipped, not read as its cells', () => {
    const chart = concat([record(0x0809, le(0x0600, 0x0020, 0, 0, 0, 0, 0, 0)), cell.number(9, 9, 1), EOF]);
    const bytes = oneSheet([], [cell.number(0, 0, 1), chart, cell.number(1, 0, 2)]);
    expect(ok(bytes).sheets[0]!.cells.map((c) => [c.row, c.col])).toEqual([
      [0, 0],
      [1, 0],
    ]);
  });
});

describe('bad files: one sentence each', () => {
  const good = xlsFile(workbookStream([PAD, sst(['项目一'])], [{ name: '项目一', records: [cell.sst(0, 0, 0)] }]));

  it('the padded test file itself reads (so the damage below is what fails)', () => {
    expect(ok(good.bytes).sheets[0]!.cells[0]!.text).toBe('项目一');
    expect(good.start.get('Workbook')).toBeDefined();
  });

  it('a truncated file', () => {
    for (const cut of [100, 600, Math.floor(good.bytes.length * 0.6), good.bytes.length - 512]) {
      const e = fail(good.bytes.subarray(0, cut));
      expect(e.code).toBe('xls-damaged');
      expect(e.zh).toBe(DAMAGED_ZH);
    }
    const real = readFileSync(join(__dirname, '../../fixtures/xls/jiangchuan-2023.xls'));
    expect(fail(real.subarray(0, Math.floor(real.length * 0.6))).code).toBe('xls-damaged');
  });

  it('a FAT loop in the Workbook stream', () => {
    const bytes = good.bytes.slice();
    const start = good.start.get('Workbook')!;
    new DataView(bytes.buffer).setUint32(good.fatAt + 4 * (start + 3), start + 1, true);
    const e = fail(bytes);
    expect(e.code).toBe('xls-damaged');
    expect(e.detail.detail).toMatch(/loops at sector/);
  });

  it('a sector index out of range', () => {
    const bytes = good.bytes.slice();
    const start = good.start.get('Workbook')!;
    new DataView(bytes.buffer).setUint32(good.fatAt + 4 * start, 100_000, true);
    const e = fail(bytes);
    expect(e.code).toBe('xls-damaged');
    expect(e.detail.detail).toMatch(/outside/);
  });

  it('a directory whose sibling links form a cycle ends (no hang)', () => {
    const bytes = good.bytes.slice();
    // the Workbook entry (directory entry 1) names itself as its right sibling
    const dirAt = 512 * 2; // sector 1: the directory
    new DataView(bytes.buffer).setUint32(dirAt + 128 + 72, 1, true);
    expect(ok(bytes).sheets).toHaveLength(1);
  });

  it('a record running past the end of the stream', () => {
    const stream = workbookStream([sst(['项目一'])], [{ name: '项目一', records: [cell.sst(0, 0, 0)] }]);
    const cutRecord = concat([stream.subarray(0, stream.length - EOF.length), le(0x0203, 200), new Uint8Array(4)]);
    expect(fail(xlsFile(cutRecord).bytes).code).toBe('xls-damaged');
  });

  it('a cell pointing past the string table, a sheet offset not at a BOF', () => {
    expect(fail(oneSheet([sst(['a'])], [cell.sst(0, 0, 5)])).code).toBe('xls-damaged');
    const stream = workbookStream([], [{ name: 'x', records: [] }]);
    // BoundSheet8's lbPlyPos is at offset 4 of its data, after the globals BOF (4 + 16 bytes)
    new DataView(stream.buffer).setUint32(20 + 4, 3, true);
    expect(fail(xlsFile(stream).bytes).code).toBe('xls-damaged');
  });

  it('an encrypted workbook (FilePass), and an encrypted .xlsx (EncryptionInfo + EncryptedPackage)', () => {
    const e = fail(oneSheet([record(0x002f, le(1, 1, 1))], []));
    expect(e.code).toBe('encrypted');
    expect(e.zh).toBe('工作簿设置了打开密码，请先取消密码保护');
    const xlsx = cfbFile([
      { name: 'EncryptionInfo', data: new Uint8Array(200) },
      { name: 'EncryptedPackage', data: new Uint8Array(5000) },
    ]);
    expect(fail(xlsx.bytes).code).toBe('encrypted');
  });

  it('Excel 5.0/95 and earlier: a "Book" stream, a BIFF5 BOF, a BIFF4 BOF', () => {
    const biff5 = cfbFile([{ name: 'Book', data: concat([record(0x0809, le(0x0500, 5, 0, 0)), EOF]) }]);
    const e = fail(biff5.bytes);
    expect(e.code).toBe('xls-old-version');
    expect(e.zh).toBe('这是 Excel 5.0/95 或更早版本的 .xls 文件，无法读取，请在 Excel 或 WPS 中另存为 .xlsx');
    expect(fail(xlsFile(concat([record(0x0809, le(0x0500, 5, 0, 0)), EOF])).bytes).code).toBe('xls-old-version');
    expect(fail(xlsFile(concat([record(0x0409, le(0, 0x10, 0)), EOF])).bytes).code).toBe('xls-old-version');
    // Excel 2.x–4.0 saved a sheet as bare records, no compound file
    const bare = concat([record(0x0409, le(0, 0x10, 0)), cell.number(0, 0, 1), EOF]);
    expect(fail(bare).code).toBe('xls-old-version');
    expect(readWorkbookFile(bare)).toMatchObject({ ok: false, error: { code: 'xls-old-version' } });
  });

  it('a Word 97–2003 document', () => {
    const doc = cfbFile([{ name: 'WordDocument', data: new Uint8Array(100) }]);
    expect(fail(doc.bytes).code).toBe('xls-not-workbook');
  });

  it('no sheets; an empty file; bytes that are not a compound file', () => {
    expect(fail(xlsFile(workbookStream([], [])).bytes).code).toBe('no-sheets');
    expect(fail(new Uint8Array(0)).code).toBe('empty-file');
    expect(fail(new TextEncoder().encode('not a workbook at all')).code).toBe('not-zip');
  });
});

describe('limits, as the .xlsx reader counts them', () => {
  const many = oneSheet(
    [sst(['长'.repeat(100)])],
    Array.from({ length: 50 }, (_, i) => cell.sst(i, 0, 0)),
  );

  it('cells', () => {
    const e = fail(many, { limits: { maxCells: 10 } });
    expect(e).toMatchObject({ code: 'limit-exceeded', detail: { limit: 'cells', max: 10, sheet: '项目一' } });
    expect(ok(many, { limits: { maxCells: 50 } }).sheets[0]!.cells).toHaveLength(50);
  });

  it('characters of cell text, a shared string counted in every cell that uses it', () => {
    expect(fail(many, { limits: { maxTextChars: 4_000 } }).detail.limit).toBe('text-chars');
    expect(ok(many, { limits: { maxTextChars: 5_000 } }).sheets).toHaveLength(1);
  });

  it('merged areas', () => {
    const merges = record(0x00e5, le(3, 0, 0, 0, 1, 1, 1, 0, 1, 2, 2, 0, 1));
    expect(fail(oneSheet([], [merges]), { limits: { maxMerges: 2 } }).detail.limit).toBe('merges');
  });

  it('sheets (BoundSheet8 entries), and directory entries of the container', () => {
    // one directory sector: 4 entries (root, Workbook, 2 unused), within a limit of 4; 5 sheets are not
    const names = ['a', 'b', 'c', 'd', 'e'];
    const stream = workbookStream(
      [],
      names.map((name) => ({ name, records: [] })),
    );
    const e = fail(xlsFile(stream).bytes, { limits: { maxEntries: 4 } });
    expect(e).toMatchObject({ code: 'limit-exceeded', detail: { limit: 'sheets', max: 4 } });
    expect(e.zh).toBe('工作表数超过上限 4 个，已停止读取');
    expect(ok(xlsFile(stream).bytes, { limits: { maxEntries: 5 } }).sheets).toHaveLength(5);
    // 9 directory entries in 3 sectors (12 slots) over a limit of 8: stopped before any stream is read
    const dir = fail(cfbFile(Array.from({ length: 8 }, (_, i) => ({ name: `s${i}`, data: new Uint8Array(10) }))).bytes, {
      limits: { maxEntries: 8 },
    });
    expect(dir.code).toBe('xls-damaged');
    expect(dir.detail.detail).toMatch(/directory holds 12 entries/);
  });

  it('number-format length', () => {
    const fmt = record(0x041e, le(164), xlString('0'.repeat(300)));
    expect(fail(oneSheet([fmt], [])).detail.limit).toBe('number-format-length');
  });

  it('time, read by work done', () => {
    let t = 0;
    const big = oneSheet(
      [],
      Array.from({ length: 20_000 }, (_, i) => cell.number(i, 0, i)),
    );
    const e = fail(big, { now: () => (t += 1000), limits: { timeBudgetMs: 5_000 } });
    expect(e.detail.limit).toBe('time');
  });
});

it('BOF_SHEET is a BIFF8 worksheet BOF (the builder the tests rely on)', () => {
  expect([...BOF_SHEET.subarray(0, 8)]).toEqual([0x09, 0x08, 16, 0, 0x00, 0x06, 0x10, 0x00]);
});
