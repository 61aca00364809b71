import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsx, type ReadOptions } from '../../../src/hosts/xlsx/read';
import type { XlsxReadError } from '../../../src/hosts/xlsx/errors';
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { EXPLANATION_SHEET, explanationRows } from '../../../src/core/report/explanations';
import { cfb, deflate, rawZip, sheetXml, str, workbook, workbookEntries, zip, zipBomb } from './hostile';

function ok(bytes: Uint8Array, options?: ReadOptions): WorkbookSnapshot {
  const r = readXlsx(bytes, options);
  if (!r.ok) throw new Error(`expected a snapshot, got ${r.error.code}: ${r.error.zh} ${r.error.detail.detail ?? ''}`);
  return r.snapshot;
}

function fail(bytes: Uint8Array, options?: ReadOptions): XlsxReadError {
  const r = readXlsx(bytes, options);
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

function cell(s: SheetSnapshot, row: number, col: number): Cell | undefined {
  return s.cells.find((c) => c.row === row && c.col === col);
}

async function excel(build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readXlsx: values as Excel shows them', () => {
  it('reads text, rich text, numbers with formats, dates, formulas, errors and booleans', async () => {
    const bytes = await excel((wb) => {
      const ws = wb.addWorksheet('项目一');
      ws.getCell('A1').value = '项目一 学生资助';
      ws.getCell('A2').value = { richText: [{ text: '资金' }, { text: '安排情况', font: { bold: true } }] };
      ws.getCell('B2').value = 1234.5;
      ws.getCell('B2').numFmt = '0.00';
      ws.getCell('B3').value = 2150000000;
      ws.getCell('B3').numFmt = '0.00E+00';
      ws.getCell('B4').value = new Date(Date.UTC(2023, 2, 15));
      ws.getCell('B4').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('B5').value = { formula: 'B2*2', result: 2469 };
      ws.getCell('B6').value = { error: '#REF!' };
      ws.getCell('B7').value = true;
      ws.getCell('B8').value = '5304210001';
      ws.getCell('B8').numFmt = '@';
      ws.getCell('B9').value = 0.1 + 0.2;
      ws.getCell('B10').value = 1234567.891;
      ws.getCell('B10').numFmt = '#,##0.00';
      ws.getCell('B11').value = 5304210001;
      ws.getCell('C1').numFmt = '@';
    });
    const s = ok(bytes).sheets[0]!;
    expect(s.name).toBe('项目一');
    expect(cell(s, 0, 0)).toMatchObject({ kind: 'text', value: '项目一 学生资助', text: '项目一 学生资助' });
    expect(cell(s, 1, 0)).toMatchObject({ kind: 'text', text: '资金安排情况' });
    expect(cell(s, 1, 1)).toMatchObject({ kind: 'number', value: 1234.5, text: '1234.50', numFmt: '0.00' });
    expect(cell(s, 2, 1)).toMatchObject({ kind: 'number', value: 2150000000, text: '2.15E+09' });
    expect(cell(s, 3, 1)).toMatchObject({ kind: 'number', value: 45000, text: '2023-03-15' });
    expect(cell(s, 4, 1)).toMatchObject({ kind: 'number', value: 2469, text: '2469', formula: 'B2*2' });
    expect(cell(s, 5, 1)).toMatchObject({ kind: 'error', value: '#REF!', text: '#REF!' });
    expect(cell(s, 6, 1)).toMatchObject({ kind: 'boolean', value: true, text: 'TRUE' });
    expect(cell(s, 7, 1)).toMatchObject({ kind: 'text', value: '5304210001', numFmt: '@' });
    expect(cell(s, 8, 1)).toMatchObject({ kind: 'number', text: '0.3' });
    expect(cell(s, 9, 1)).toMatchObject({ text: '1,234,567.89' });
    expect(cell(s, 10, 1)).toMatchObject({ kind: 'number', value: 5304210001, text: '5304210001' });
    // an empty cell that carries a (text) format is kept, so a fix knows to write text
    expect(cell(s, 0, 2)).toMatchObject({ kind: 'empty', value: null, text: '', numFmt: '@' });
    // sorted by row, then column
    const order = s.cells.map((c) => c.row * 20000 + c.col);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps merged areas as ranges and reads visibility and protection', async () => {
    const bytes = await excel(async (wb) => {
      const ws = wb.addWorksheet('表');
      ws.getCell('A1').value = '学校代码（10位代码）';
      ws.mergeCells('A1:A3');
      ws.mergeCells('E1:J1');
      await ws.protect('', {});
      wb.addWorksheet('隐藏', { state: 'hidden' }).getCell('A1').value = 'x';
      wb.addWorksheet('深度隐藏', { state: 'veryHidden' });
    });
    const snap = ok(bytes);
    expect(snap.sheets.map((s) => [s.name, s.index, s.visibility])).toEqual([
      ['表', 0, 'visible'],
      ['隐藏', 1, 'hidden'],
      ['深度隐藏', 2, 'veryHidden'],
    ]);
    const s = snap.sheets[0]!;
    expect([...s.merges].sort((a, b) => a.left - b.left)).toEqual([
      { top: 0, left: 0, bottom: 2, right: 0 },
      { top: 0, left: 4, bottom: 0, right: 9 },
    ]);
    expect(s.protected).toBe(true);
    expect(snap.sheets[1]!.protected).toBeUndefined();
  });

  it('reads sheets named __proto__ and constructor like any other', () => {
    const bytes = workbook([
      { name: '__proto__', data: `<row r="1">${str('A1', '项目一')}</row>` },
      { name: 'constructor', data: `<row r="1">${str('A1', '项目二')}</row>` },
      { name: 'hasOwnProperty', data: '' },
    ]);
    const snap = ok(bytes);
    expect(snap.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor', 'hasOwnProperty']);
    expect(snap.sheets[0]!.cells[0]!.text).toBe('项目一');
    expect(snap.sheets[1]!.cells[0]!.text).toBe('项目二');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('flattens rich shared strings, skips phonetic runs and decodes _xHHHH_ escapes', () => {
    const sst = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="3">
      <si><t>普通</t></si>
      <si><r><rPr><b/></rPr><t>资金</t></r><r><t xml:space="preserve">安排 </t></r><rPh sb="0" eb="1"><t>ZIJIN</t></rPh></si>
      <si><t>第一行_x000D_第二行_x005F_x</t></si></sst>`;
    const entries = workbookEntries(
      [
        {
          name: 'S',
          data: '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>99</v></c></row>',
        },
      ],
      { 'xl/sharedStrings.xml': sst },
    );
    // no relationship to sharedStrings: found by its conventional path
    const s = ok(zip(entries)).sheets[0]!;
    expect(s.cells.map((c) => c.text)).toEqual(['普通', '资金安排 ', '第一行\r第二行_x', '']);
  });

  it('expands shared formulas to each cell, moving relative references only', () => {
    const data =
      '<row r="2"><c r="C2"><f t="shared" ref="C2:C4" si="0">A2+$B$1*B2</f><v>3</v></c></row>' +
      '<row r="3"><c r="C3"><f t="shared" si="0"/><v>4</v></c></row>' +
      '<row r="4"><c r="C4"><f t="shared" si="0"/><v>5</v></c></row>';
    const s = ok(workbook([{ name: 'S', data }])).sheets[0]!;
    expect(s.cells.map((c) => c.formula)).toEqual(['A2+$B$1*B2', 'A3+$B$1*B3', 'A4+$B$1*B4']);
  });

  it('reads cells without addresses, out-of-order cells, string formulas and ISO dates', () => {
    const data =
      '<row r="3"><c t="inlineStr"><is><t>x</t></is></c><c><v>7</v></c></row>' +
      '<row r="1"><c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="A1" t="d"><v>2023-03-15T00:00:00Z</v></c></row>';
    const s = ok(workbook([{ name: 'S', data }])).sheets[0]!;
    expect(s.cells.map((c) => [c.row, c.col, c.kind, c.text])).toEqual([
      [0, 0, 'number', '2023-03-15'],
      [0, 1, 'text', 'ab'],
      [2, 0, 'text', 'x'],
      [2, 1, 'number', '7'],
    ]);
    expect(s.cells[1]!.formula).toBe('"a"&"b"');
  });

  it('keeps a whole-sheet merge as one range and ignores the dimension and row spans', () => {
    const xml = sheetXml(
      `<row r="1" spans="1:16384">${str('A1', '项目一')}</row><row r="1048576" spans="1:16384"/>`,
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
      '<dimension ref="A1:XFD1048576"/>',
    );
    const s = ok(workbook([{ name: 'S', xml }])).sheets[0]!;
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 1048575, right: 16383 }]);
    expect(s.cells).toHaveLength(1);
  });

  it('reads the explanations sheet into snapshot.explanations', () => {
    const rows = explanationRows([
      { key: 'k1', rule: 'section-missing', sheet: '项目一', cell: 'A1', text: '本项目不适用', at: '2026-11-25T10:00:00Z' },
    ]);
    const data = rows
      .map((r, i) => `<row r="${i + 1}">${r.map((v, c) => str(`${String.fromCharCode(65 + c)}${i + 1}`, v)).join('')}</row>`)
      .join('');
    const snap = ok(
      workbook([
        { name: '项目一', data: '' },
        { name: EXPLANATION_SHEET, data, state: 'veryHidden' },
      ]),
    );
    expect(snap.explanations).toEqual([
      { key: 'k1', rule: 'section-missing', sheet: '项目一', cell: 'A1', text: '本项目不适用', at: '2026-11-25T10:00:00Z' },
    ]);
  });

  it('reads the sample workbook when it is there', () => {
    const seedDir = resolve(__dirname, '../../../seeds');
    const files = readdirSync(seedDir).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const snap = ok(new Uint8Array(readFileSync(join(seedDir, f))));
      expect(snap.sheets.length).toBeGreaterThan(0);
      expect(snap.sheets.some((s) => s.cells.some((c) => c.text.includes('项目')))).toBe(true);
    }
  });
});

describe('readXlsx: bad input is a typed failure with one sentence', () => {
  it('empty file', () => {
    const e = fail(new Uint8Array(0));
    expect(e.code).toBe('empty-file');
    expect(e.zh).toContain('空');
  });

  it('text renamed .xlsx', () => {
    expect(fail(new TextEncoder().encode('学校代码,学校名称\n')).code).toBe('not-zip');
  });

  it('old .xls (OLE compound file)', () => {
    const e = fail(cfb(['Root Entry', 'Workbook', '\u0005SummaryInformation']));
    expect(e.code).toBe('xls-binary');
    expect(e.zh).toBe('这是旧版 .xls 文件，请在 Excel 中另存为 .xlsx');
  });

  it('encrypted workbook (CFB with EncryptionInfo)', () => {
    const e = fail(cfb(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']));
    expect(e.code).toBe('encrypted');
    expect(e.zh).toBe('工作簿设置了打开密码，请先取消密码保护');
  });

  it('truncated zip', () => {
    const full = workbook([{ name: 'S', data: `<row r="1">${str('A1', 'x')}</row>` }]);
    expect(fail(full.subarray(0, Math.floor(full.length / 2))).code).toBe('corrupt-zip');
    expect(fail(full.subarray(0, full.length - 30)).code).toBe('corrupt-zip');
  });

  it('damaged entry data names the part', () => {
    const entries = workbookEntries([{ name: 'S', data: '' }]);
    const raw = Object.entries(entries).map(([name, v]) => {
      const b = typeof v === 'string' ? Buffer.from(v) : v;
      const d = deflate(b);
      return { name, deflated: name.endsWith('sheet1.xml') ? d.subarray(0, 5) : d, declaredSize: b.length };
    });
    const e = fail(rawZip(raw));
    expect(e.code).toBe('corrupt-zip');
    expect(e.zh).toContain('xl/worksheets/sheet1.xml');
  });

  it('zip without xl/workbook.xml; binary .xlsb', () => {
    expect(fail(zip({ 'docProps/app.xml': '<w/>' })).code).toBe('not-a-workbook');
    expect(fail(zip({ 'xl/workbook.bin': new Uint8Array(4) })).code).toBe('xlsb-binary');
  });

  it('malformed sheet XML names the part and the sheet', () => {
    const e = fail(workbook([{ name: '项目一', xml: '<worksheet><sheetData><row></sheetData>' }]));
    expect(e.code).toBe('malformed-xml');
    expect(e.zh).toContain('xl/worksheets/sheet1.xml');
    expect(e.zh).toContain('项目一');
    expect(e.en).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses a DOCTYPE with an external entity, without resolving it', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row></sheetData></worksheet>`;
    const e = fail(workbook([{ name: 'S', xml: xxe }]));
    expect(e.code).toBe('doctype-refused');
    expect(e.zh).toContain('xl/worksheets/sheet1.xml');
    // also in the workbook part and in sharedStrings
    const entries = workbookEntries([{ name: 'S', data: '' }]);
    entries['xl/workbook.xml'] =
      `<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>${entries['xl/workbook.xml'] as string}`.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '',
      );
    expect(fail(zip(entries)).code).toBe('doctype-refused');
  });

  it('an undeclared entity is malformed XML, never resolved', () => {
    const xml = sheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>&xxe;</t></is></c></row>`);
    expect(fail(workbook([{ name: 'S', xml }])).code).toBe('malformed-xml');
  });

  it('no sheets', () => {
    expect(fail(workbook([])).code).toBe('no-sheets');
  });
});

describe('readXlsx: limits', () => {
  it('an honest zip bomb stops before anything is unpacked', () => {
    let ticks = 0;
    const e = fail(zipBomb(300, false), { now: () => (ticks++, 0) });
    expect(e.code).toBe('limit-exceeded');
    expect(e.detail.limit).toBe('uncompressed-size');
    expect(e.zh).toContain('200 MB');
    // the clock is read between inflate steps (the bomb's 300 KB would take about 75 of them):
    // only the few small parts before it were unpacked
    expect(ticks).toBeLessThan(10);
  });

  it('a zip bomb that lies about its size stops at the running count', () => {
    const e = fail(zipBomb(20, true), { limits: { maxUncompressedBytes: 5 * 1024 * 1024, maxTextRun: 1e9 } });
    expect(e.code).toBe('limit-exceeded');
    expect(e.detail.limit).toBe('uncompressed-size');
    expect(e.zh).toContain('5 MB');
  });

  it('a run of text without markup stops at the text-run limit', () => {
    const e = fail(zipBomb(300, true));
    expect(e.detail.limit).toBe('text-run');
    expect(e.zh).toContain('1,000,000');
  });

  it('entry count, cell count, merge count and time each name their limit', () => {
    const many = workbook([
      {
        name: 'S',
        data: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>',
        after: '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>',
      },
    ]);
    const entries = fail(many, { limits: { maxEntries: 3 } });
    expect([entries.detail.limit, entries.zh]).toEqual(['entries', '压缩包内的文件数超过上限 3 个，已停止读取']);
    const cells = fail(many, { limits: { maxCells: 2 } });
    expect(cells.detail.limit).toBe('cells');
    expect(cells.zh).toContain('单元格数超过上限 2 个');
    expect(cells.en).toContain('sheet "S"');
    const merges = fail(many, { limits: { maxMerges: 1 } });
    expect(merges.detail.limit).toBe('merges');
    let clock = 0;
    const time = fail(many, { limits: { timeBudgetMs: 1000 }, now: () => (clock += 600) });
    expect(time.detail.limit).toBe('time');
    expect(time.zh).toContain('读取时间超过上限 1 秒');
  });
});

describe('the reader runs in the browser too', () => {
  it('imports no Node built-in', () => {
    const dir = resolve(__dirname, '../../../src/hosts/xlsx');
    for (const f of ['read.ts', 'zip.ts', 'xml.ts', 'numfmt.ts', 'formula.ts', 'errors.ts']) {
      const src = readFileSync(join(dir, f), 'utf8');
      expect(src, f).not.toMatch(/from ['"](node:|fs|path|zlib|os|worker_threads)['"]/);
      expect(src, f).not.toMatch(/\b(Buffer|process|require)\b/);
    }
  });
});
