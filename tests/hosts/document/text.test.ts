/**
 * The text reader (src/hosts/document/text.ts): every encoding a Chinese text file comes in, a line a
 * row (row N is line N), tab-separated fields in columns, Word's one-cell-a-line tables read back, and
 * binary or empty files refused in one sentence.
 */
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../../src/hosts/document/read';
import { decodeText } from '../../../src/hosts/document/text';
import type { SheetSnapshot } from '../../../src/core/snapshot/types';
import type { DocumentPlaces } from '../../../src/core/report/places';

function read(bytes: Uint8Array): { sheet: SheetSnapshot; places: DocumentPlaces } {
  const r = readDocument(bytes, 'txt');
  if (!r.ok) throw new Error(r.error.zh);
  return { sheet: r.snapshot.sheets[0]!, places: r.places };
}
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const cells = (s: SheetSnapshot): string[] => s.cells.map((c) => `${c.row},${c.col}:${c.text}`);

/** UTF-16 code units as bytes, little- or big-endian, after their byte-order mark. */
function utf16(s: string, le: boolean): Uint8Array {
  const out = new Uint8Array(2 + s.length * 2);
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 + i * 2] = le ? u & 0xff : u >> 8;
    out[3 + i * 2] = le ? u >> 8 : u & 0xff;
  }
  return out;
}

describe('decoding', () => {
  const text = '项目一、资金';
  it('reads UTF-8 with and without its mark, and UTF-16 by its mark', () => {
    expect(decodeText(utf8(text))).toBe(text);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toBe(text);
    expect(decodeText(utf16(text, true))).toBe(text);
    expect(decodeText(utf16(text, false))).toBe(text);
  });

  it('reads GBK/GB18030 (Windows "ANSI" on a Chinese system) when the bytes are not UTF-8', () => {
    // 项目一、资金 in GB18030 (Python: '项目一、资金'.encode('gb18030'))
    const gb = new Uint8Array([0xcf, 0xee, 0xc4, 0xbf, 0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xca, 0xbd, 0xf0]);
    expect(decodeText(gb)).toBe(text);
  });

  it('reads UTF-8 with a few bad bytes (a file cut in a character, a stray byte) as UTF-8, not as GB18030', () => {
    const long = '六、资金安排情况：项目资金100万元，全部为县级财政资金。'.repeat(3);
    const bytes = utf8(long);
    // cut in the middle of the last character (。 is three bytes)
    expect(decodeText(bytes.subarray(0, bytes.length - 1))).toBe(`${long.slice(0, -1)}\ufffd`);
    // a stray byte in the middle
    const stray = new Uint8Array([...utf8('六、资金安排情况：'), 0xff, ...utf8(long)]);
    expect(decodeText(stray)).toBe(`六、资金安排情况：\ufffd${long}`);
    // GBK text stays GBK (项目一、资金, as in the test above, a few times)
    const gb = [0xcf, 0xee, 0xc4, 0xbf, 0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xca, 0xbd, 0xf0];
    expect(decodeText(new Uint8Array([...gb, ...gb, ...gb, ...gb]))).toBe(text.repeat(4));
  });

  it('refuses binary content and an empty file in one sentence', () => {
    const nul = readDocument(new Uint8Array([0x41, 0x00, 0x42]), 'txt');
    expect(nul.ok ? '' : nul.error.zh).toBe('不是文本文件（含有二进制内容），请另存为 UTF-8 编码的 .txt 或 Word .docx');
    const ctrl = readDocument(utf8('a\x01b'), 'txt');
    expect(ctrl.ok ? '' : ctrl.error.code).toBe('not-text');
    const empty = readDocument(new Uint8Array(0), 'txt');
    expect(empty.ok ? '' : empty.error.en).toBe('the file is empty (0 bytes)');
  });
});

describe('bounds', () => {
  it('counts the lines before splitting the text: line breaks alone stop at the limit', () => {
    for (const end of ['\n', '\r', '\r\n']) {
      const r = readDocument(utf8(end.repeat(100)), 'txt', { limits: { maxCells: 50 } });
      expect(r.ok ? '' : r.error.en).toBe('the number of cells exceeds the limit of 50; reading stopped');
    }
    // a line with text is a row and a cell: 20 lines are 40 of 50
    expect(readDocument(utf8('a\n'.repeat(20)), 'txt', { limits: { maxCells: 50 } }).ok).toBe(true);
  });
});

describe('lines', () => {
  it('puts line N in row N (empty lines kept), whatever the line ends', () => {
    const { sheet, places } = read(utf8('项目一\r\n\r\n一、项目名称\r专项经费\n'));
    expect(cells(sheet)).toEqual(['0,0:项目一', '2,0:一、项目名称', '3,0:专项经费']);
    expect(places.unit).toBe('line');
    expect(places.rows.map((p) => p?.n)).toEqual([1, 2, 3, 4]);
  });

  it('puts the tab-separated fields of a line (a form row) in columns A, B, C', () => {
    const { sheet } = read(utf8('项目名称\t百色天立学校办学补贴\n\t市本级\t1800\n'));
    expect(cells(sheet)).toEqual(['0,0:项目名称', '0,1:百色天立学校办学补贴', '1,1:市本级', '1,2:1800']);
  });

  it('reads a Word table flattened one cell a line (rows between blank lines) back as a table', () => {
    const text = [
      '六、资金安排情况',
      '\t学校代码',
      '\t学校名称',
      '\t备注',
      '',
      '\t2153030929',
      '\t第一小学',
      '\t',
      '',
      '七、项目实施计划',
    ].join('\n');
    const { sheet, places } = read(utf8(text));
    expect(cells(sheet)).toEqual([
      '0,0:六、资金安排情况',
      '1,0:学校代码',
      '1,1:学校名称',
      '1,2:备注',
      '2,0:2153030929',
      '2,1:第一小学',
      '4,0:七、项目实施计划',
    ]);
    // each cell keeps its own line for the report
    expect(places.rows[2]).toEqual({ n: 6, cellLines: [6, 7, 8] });
    // the blank line after the table is an empty row, as after a Word table
    expect(places.rows.slice(3)).toEqual([{ n: 9 }, { n: 10 }]);
  });

  it('keeps paragraphs indented with a tab as lines', () => {
    const { sheet } = read(utf8('\t第一段。\n\t第二段。\n'));
    expect(cells(sheet)).toEqual(['0,0:\t第一段。', '1,0:\t第二段。']);
  });

  it('puts the last cell of a short header row in the last column (the merged 备注 of a school table)', () => {
    const rows = [
      ['学校代码', '学校名称', '项目建设计划', '备注'],
      ['', '', '项目名称', '数量', ''],
      ['1', '2', '3', '4', '5', '6'],
    ];
    const text = rows.map((r) => r.map((c) => `\t${c}`).join('\n')).join('\n\n');
    const { sheet } = read(utf8(text));
    expect(cells(sheet).filter((c) => c.startsWith('0,'))).toEqual(['0,0:学校代码', '0,1:学校名称', '0,2:项目建设计划', '0,5:备注']);
    expect(cells(sheet).filter((c) => c.startsWith('1,'))).toEqual(['1,2:项目名称', '1,3:数量']);
  });
});
