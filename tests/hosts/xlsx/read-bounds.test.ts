/**
 * Issue 17: damaged and disguised packages, and the bounds of a read (formula and number-format
 * length, the clock by work done). Every file is generated here, a few KB at most.
 */
import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, type ReadOptions } from '../../../src/hosts/xlsx/read';
import type { XlsxReadError } from '../../../src/hosts/xlsx/errors';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { deflate, rawZip, str, workbookEntries, zip, type Entries } from './hostile';

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
    const bytes = rawZip(entries.map(([name, text]) => ({ name, deflated: deflate(text), declaredSize: Buffer.byteLength(text), ...(name === 'xl/sharedStrings.xml' && { crc: 0x12345678 }) })));
    expect(fail(bytes).code).toBe('crc-mismatch');
  });

  it('a deflated entry read as a stream (its directory understates the size) is checked too', () => {
    const entries = Object.entries(withSharedStrings(SS(['第一中学'.repeat(200)]))) as [string, string][];
    const bytes = rawZip(entries.map(([name, text]) => ({ name, deflated: deflate(text), declaredSize: name === 'xl/sharedStrings.xml' ? 10 : Buffer.byteLength(text), ...(name === 'xl/sharedStrings.xml' && { crc: 1 }) })));
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
      'word/document.xml': '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>项目一</w:t></w:r></w:p></w:body></w:document>',
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

export { ok, fail, indexOf, str };
