/**
 * Issue 17: damaged and disguised packages, and the bounds of a read (formula and number-format
 * length, the clock by work done). Every file is generated here, a few KB at most.
 */
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, type ReadOptions } from '../../../src/hosts/xlsx/read';
import type { XlsxReadError } from '../../../src/hosts/xlsx/errors';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { deflate, rawZip, workbook, workbookEntries, zip, type Entries } from './hostile';
import { formatNumber } from '../../../src/hosts/xlsx/numfmt';

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

function indexOf(hay: Uint8Array, needle: string, from = 0): number {
  const n = strToU8(needle);
  outer: for (let i = from; i + n.length <= hay.length; i++) {
    for (let k = 0; k < n.length; k++) if (hay[i + k] !== n[k]) continue outer;
    return i;
  }
  return -1;
}

const SS = (texts: string[]): string =>
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${texts.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;

/** A one-sheet workbook whose A1 is shared string 0, with the sharedStrings part given. */
function withSharedStrings(ss: string): Entries {
  return workbookEntries([{ name: '项目一', data: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], { 'xl/sharedStrings.xml': ss });
}

function raw(entries: [string, string][]): Uint8Array {
  return rawZip(entries.map(([name, text]) => ({ name, deflated: deflate(text), declaredSize: Buffer.byteLength(text) })));
}

describe('duplicate entry names (issue 17, 7)', () => {
  it('the same entry twice, a decoy first, is refused as damaged', () => {
    const entries = Object.entries(withSharedStrings(SS(['玉溪市江川区第一中学']))) as [string, string][];
    const decoy: [string, string] = ['xl/sharedStrings.xml', SS(['诱饵'])];
    const bytes = raw([decoy, ...entries]);
    const e = fail(bytes);
    expect(e.code).toBe('duplicate-entry');
    expect(e.zh).toBe('文件已损坏（压缩包中有两个同名部件 xl/sharedStrings.xml，大小写不同也算同名），请在 Excel 中打开并重新保存');
    expect(e.en).toContain('two entries named xl/sharedStrings.xml');
  });

  it('names that differ only in letter case are the same part: refused too', () => {
    const entries = withSharedStrings(SS(['玉溪市江川区第一中学']));
    const e = fail(zip({ 'XL/SharedStrings.xml': SS(['诱饵']), ...entries }));
    expect(e.code).toBe('duplicate-entry');
    expect(e.detail.part?.toLowerCase()).toBe('xl/sharedstrings.xml');
  });

  it('a package without repeats reads as before', () => {
    const s = ok(zip(withSharedStrings(SS(['玉溪市江川区第一中学'])))).sheets[0]!;
    expect(s.cells[0]?.text).toBe('玉溪市江川区第一中学');
  });
});

describe('CRC-32 of every entry read (issue 17, 8)', () => {
  it('one flipped byte in a stored sharedStrings part is refused as damaged, never read with U+FFFD', () => {
    const entries = withSharedStrings(SS(['玉溪市江川区第一中学']));
    const z: Record<string, Uint8Array> = {};
    for (const [k, v] of Object.entries(entries)) z[k] = typeof v === 'string' ? strToU8(v) : v;
    const bytes = zipSync(z, { level: 0 }); // stored: the text is in the file as is
    const at = indexOf(bytes, '第一中学');
    expect(at).toBeGreaterThan(0);
    bytes[at + 1] = bytes[at + 1]! ^ 0x40; // a UTF-8 continuation byte no longer: U+FFFD if read
    const e = fail(bytes);
    expect(e.code).toBe('crc-mismatch');
    expect(e.zh).toBe('文件已损坏（部件 xl/sharedStrings.xml 的校验和不符），请在 Excel 中打开并重新保存');
    expect(e.en).toBe('the file is damaged (the checksum of xl/sharedStrings.xml does not match); open it in Excel and save it again');
  });

  it('a deflated entry whose directory records another checksum is refused as damaged', () => {
    const entries = Object.entries(withSharedStrings(SS(['第一中学']))) as [string, string][];
    const bytes = rawZip(
      entries.map(([name, text]) => ({
        name,
        deflated: deflate(text),
        declaredSize: Buffer.byteLength(text),
        ...(name === 'xl/sharedStrings.xml' && { crc: 0x12345678 }),
      })),
    );
    expect(fail(bytes).code).toBe('crc-mismatch');
  });

  it('a deflated entry read as a stream (its directory understates the size) is checked too', () => {
    const entries = Object.entries(withSharedStrings(SS(['第一中学'.repeat(200)]))) as [string, string][];
    const bytes = rawZip(
      entries.map(([name, text]) => ({
        name,
        deflated: deflate(text),
        declaredSize: name === 'xl/sharedStrings.xml' ? 10 : Buffer.byteLength(text),
        ...(name === 'xl/sharedStrings.xml' && { crc: 1 }),
      })),
    );
    expect(fail(bytes).code).toBe('crc-mismatch');
  });
});

describe('other Office documents renamed .xlsx (issue 17, 9)', () => {
  const CT = (main: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.x"/></Types>`;
  const RELS = (main: string): string =>
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${main}"/></Relationships>`;

  it('a .docx says it is a Word document, not that the workbook has no sheets', () => {
    const docx = zip({
      '[Content_Types].xml': CT('word/document.xml'),
      '_rels/.rels': RELS('word/document.xml'),
      'word/document.xml':
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>项目一</w:t></w:r></w:p></w:body></w:document>',
    });
    const e = fail(docx);
    expect(e.code).toBe('word-document');
    expect(e.zh).toBe('这是 Word 文档（.docx），不是 Excel 工作簿');
    expect(e.en).toBe('this is a Word document (.docx), not an Excel workbook');
  });

  it('a .docx without package relationships is known by its parts', () => {
    expect(fail(zip({ 'word/document.xml': '<w:document xmlns:w="x"/>' })).code).toBe('word-document');
  });

  it('a .pptx says it is a PowerPoint presentation', () => {
    const pptx = zip({
      '[Content_Types].xml': CT('ppt/presentation.xml'),
      '_rels/.rels': RELS('ppt/presentation.xml'),
      'ppt/presentation.xml': '<p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>',
    });
    const e = fail(pptx);
    expect(e.code).toBe('powerpoint-document');
    expect(e.zh).toBe('这是 PowerPoint 演示文稿（.pptx），不是 Excel 工作簿');
    expect(fail(zip({ 'ppt/presentation.xml': '<p:presentation xmlns:p="x"/>' })).code).toBe('powerpoint-document');
  });

  it('a zip that is none of them still says the workbook is missing', () => {
    expect(fail(zip({ 'readme.txt': 'x' })).code).toBe('not-a-workbook');
  });
});

/** `n` cells in column A sharing one formula of `length` characters (the master in A1). */
function sharedFormulaSheet(n: number, length: number): string {
  const body = `SUM(B1:B2)${'+1'.repeat(Math.max(0, (length - 10) / 2))}`.slice(0, length);
  const rows = [`<row r="1"><c r="A1"><f t="shared" ref="A1:A${n}" si="0">${body}</f><v>1</v></c></row>`];
  for (let r = 2; r <= n; r++) rows.push(`<row r="${r}"><c r="A${r}"><f t="shared" si="0"/><v>1</v></c></row>`);
  return rows.join('');
}

describe('formula length (issue 17, 2)', () => {
  it("a formula longer than Excel's 8,192 characters is refused, naming the sheet and the cell", () => {
    const e = fail(workbook([{ name: '项目一', data: `<row r="3"><c r="B3"><f>${'1+'.repeat(4100)}1</f><v>1</v></c></row>` }]));
    expect(e.code).toBe('limit-exceeded');
    expect(e.detail.limit).toBe('formula-length');
    expect(e.zh).toBe(
      '工作表“项目一”（xl/worksheets/sheet1.xml）单元格 B3 的公式超过 Excel 的上限 8,192 个字符（Excel 不会写出这样的文件，可能已损坏），已停止读取',
    );
    expect(e.en).toContain("longer than Excel's limit of 8,192 characters");
  });

  it('a formula of 8,192 characters is read', () => {
    const f = `${'1+'.repeat(4095)}1`;
    expect(f.length).toBe(8191);
    const s = ok(workbook([{ name: 'S', data: `<row r="1"><c r="A1"><f>${f}</f><v>1</v></c></row>` }])).sheets[0]!;
    expect(s.cells[0]?.formula).toBe(f);
  });

  it("the issue's file: 5,000 cells sharing one 450 KB formula end at the first cell, a few KB of input", () => {
    const bytes = workbook([{ name: 'S', data: sharedFormulaSheet(5000, 450_000) }]);
    expect(bytes.length).toBeLessThan(64 * 1024);
    const e = fail(bytes);
    expect(e.detail.limit).toBe('formula-length');
    expect(e.detail.cell).toBe('A1');
  });

  it('a shared formula costs its length in every cell that uses it', () => {
    const limits = { maxFormulaChars: 100_000 };
    // 99 cells × 1,000 characters: read; 101 cells: refused, although the file holds the formula once
    expect(ok(workbook([{ name: 'S', data: sharedFormulaSheet(99, 1000) }]), { limits }).sheets[0]!.cells).toHaveLength(99);
    const e = fail(workbook([{ name: 'S', data: sharedFormulaSheet(101, 1000) }]), { limits });
    expect(e.detail.limit).toBe('formula-chars');
    expect(e.zh).toBe(
      '公式总长度（共享公式按每个使用它的单元格计）超过上限 100,000 个字符（工作表“S”（xl/worksheets/sheet1.xml）），已停止读取',
    );
  });
});

const STYLES = (code: string): string =>
  `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="${code}"/></numFmts><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

function styled(code: string): Uint8Array {
  return workbook([{ name: 'S', data: '<row r="1"><c r="A1" s="1"><v>1234.5</v></c></row>' }], { 'xl/styles.xml': STYLES(code) });
}

describe('number formats (issue 17, 4)', () => {
  it("a number format longer than Excel's 255 characters is refused before any cell is formatted", () => {
    const e = fail(styled(`0.00${'&quot;万&quot;'.repeat(200)}`));
    expect(e.detail.limit).toBe('number-format-length');
    expect(e.zh).toBe('样式（xl/styles.xml）中有数字格式超过 Excel 的上限 255 个字符（Excel 不会写出这样的文件，可能已损坏），已停止读取');
  });

  it('a format with 101 decimals is shown with 30, never a RangeError', () => {
    const code = `0.${'0'.repeat(101)}`;
    expect(formatNumber(1234.5, code)).toBe(`1234.5${'0'.repeat(29)}`);
    expect(formatNumber(1234.5, `0.${'0'.repeat(101)}E+00`)).toMatch(/^1\.23450+E\+03$/);
    const cell = ok(styled(code)).sheets[0]!.cells[0]!;
    expect(cell.text).toBe(`1234.5${'0'.repeat(29)}`);
  });

  it('the clock is read by work done: a few heavy tags are stopped in time', () => {
    // 300 cells, each shifting an 8,000-character shared formula: 2.4 M characters of work in 600 tags.
    // A clock that moves one second per reading and a 10 s budget: stopped after about ten steps of work.
    let t = 0;
    const now = (): number => (t += 1000);
    const e = fail(workbook([{ name: 'S', data: sharedFormulaSheet(300, 8000) }]), { now, limits: { timeBudgetMs: 10_000 } });
    expect(e.detail.limit).toBe('time');
    expect(e.zh).toBe('读取时间超过上限 10 秒，已停止读取');
  });
});
