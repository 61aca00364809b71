/**
 * Issue 17 item 11: parts that declare another encoding (GB2312, GBK, GB18030) or are UTF-16 are
 * read as declared, in both XML engines and in the annotated copy; an unknown encoding is refused
 * with one clear sentence (before: read as UTF-8 into U+FFFD, "nothing to check", exit 0).
 */
import { describe, expect, it } from 'vitest';
import { readXlsx, type ReadOptions } from '../../../src/hosts/xlsx/read';
import { annotate } from '../../../src/hosts/xlsx/annotate';
import { checkWorkbook } from '../../../src/core/check';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { sheetXml, str, workbook, workbookEntries, zip } from './hostile';
import { finding } from './annotate-helpers';

/** GBK (and GB18030's two-byte part) encoder built from the decoder under test's own platform. */
const GBK = ((): Map<string, number[]> => {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  return map;
})();

function gbk(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = GBK.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      out.push(...b);
    }
  }
  return new Uint8Array(out);
}

function utf16le(s: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + 2 * s.length);
  let o = 0;
  if (bom) {
    out[0] = 0xff;
    out[1] = 0xfe;
    o = 2;
  }
  for (let i = 0; i < s.length; i++) {
    out[o + 2 * i] = s.charCodeAt(i) & 0xff;
    out[o + 2 * i + 1] = s.charCodeAt(i) >> 8;
  }
  return out;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const TEXTS = ['项目一 学生资助', '六、资金安排情况', '玉溪市江川区大街街道大街小学'];

function sst(decl: string): string {
  return `<?xml version="1.0" encoding="${decl}" standalone="yes"?>\n<sst xmlns="${NS}" count="3" uniqueCount="3">${TEXTS.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;
}

/** A workbook whose sharedStrings part is `bytes`. */
function withSharedStrings(bytes: Uint8Array): Uint8Array {
  const e = workbookEntries([
    { name: '项目一', data: TEXTS.map((_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c></row>`).join('') },
  ]);
  e['xl/_rels/workbook.xml.rels'] = (e['xl/_rels/workbook.xml.rels'] as string).replace(
    '</Relationships>',
    `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  e['xl/sharedStrings.xml'] = bytes;
  return zip(e);
}

function texts(s: WorkbookSnapshot): string[] {
  return s.sheets[0]!.cells.map((c) => c.text);
}

const ENGINES: ReadOptions[] = [{}, { xmlEngine: 'saxes' }];

describe('declared encodings (issue 17 item 11)', () => {
  for (const opts of ENGINES) {
    const engine = opts.xmlEngine ?? 'scan';
    for (const label of ['GB2312', 'GBK', 'gb18030']) {
      it(`${engine}: sharedStrings declared ${label} is decoded as declared`, () => {
        const r = readXlsx(withSharedStrings(gbk(sst(label))), opts);
        expect(r.ok && texts(r.snapshot)).toEqual(TEXTS);
      });
    }

    it(`${engine}: a worksheet declared GBK is decoded as declared`, () => {
      const xml = sheetXml(TEXTS.map((t, i) => `<row r="${i + 1}">${str(`A${i + 1}`, t)}</row>`).join('')).replace(
        'encoding="UTF-8"',
        'encoding="GBK"',
      );
      const r = readXlsx(workbook([{ name: '项目一', xml: '' }], { 'xl/worksheets/sheet1.xml': gbk(xml) }), opts);
      expect(r.ok && texts(r.snapshot)).toEqual(TEXTS);
    });

    it(`${engine}: UTF-16 with a byte-order mark, and without one, is decoded`, () => {
      for (const bom of [true, false]) {
        const r = readXlsx(withSharedStrings(utf16le(sst('UTF-16'), bom)), opts);
        expect(r.ok && texts(r.snapshot)).toEqual(TEXTS);
      }
    });

    it(`${engine}: an encoding that cannot be decoded is refused in one sentence`, () => {
      const r = readXlsx(withSharedStrings(gbk(sst('EBCDIC-CN'))), opts);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe('unsupported-encoding');
      expect(r.error.zh).toBe('工作簿部件 xl/sharedStrings.xml 声明的字符编码“EBCDIC-CN”无法识别，请在 Excel 或 WPS 中打开并另存为 .xlsx');
      expect(r.error.en).toContain('"EBCDIC-CN"');
    });
  }

  it('a GBK workbook is checked like its UTF-8 twin (the heading is found)', () => {
    const utf8 = readXlsx(withSharedStrings(new TextEncoder().encode(sst('UTF-8'))));
    const gb = readXlsx(withSharedStrings(gbk(sst('GB2312'))));
    if (!utf8.ok || !gb.ok) throw new Error('unreadable');
    const a = checkWorkbook({ snapshot: utf8.snapshot });
    const b = checkWorkbook({ snapshot: gb.snapshot });
    expect(b.findings.map((f) => f.message)).toEqual(a.findings.map((f) => f.message));
    expect(b.nothingToCheck).toBe(a.nothingToCheck);
  });

  it('the annotated copy of a GBK worksheet keeps its text (re-encoded as UTF-8)', () => {
    const xml = sheetXml(TEXTS.map((t, i) => `<row r="${i + 1}">${str(`A${i + 1}`, t)}</row>`).join('')).replace(
      'encoding="UTF-8"',
      'encoding="GBK"',
    );
    const input = workbook([{ name: '项目一', xml: '' }], { 'xl/worksheets/sheet1.xml': gbk(xml) });
    const copy = annotate(input, [finding({ sheet: '项目一', cell: 'A2' })]);
    const r = readXlsx(copy);
    expect(r.ok && texts({ sheets: [r.snapshot.sheets[0]!] })).toEqual(TEXTS);
  });
});
