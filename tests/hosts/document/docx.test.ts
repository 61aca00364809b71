/**
 * The Word reader (src/hosts/document): paragraphs a row each in document order, automatic numbering
 * rendered from numbering.xml (direct and through a paragraph style), tables in their grid with
 * gridSpan/vMerge as merged areas, what Word does not show left out, and one sentence for each bad file.
 */
import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { documentKind, readDocument, type DocumentReadResult } from '../../../src/hosts/document/read';
import { checkWorkbook } from '../../../src/core/check';
import { documentPlace } from '../../../src/core/report/places';
import type { SheetSnapshot } from '../../../src/core/snapshot/types';
import { buildDocx, list, lvl, num, p, tbl, tc, tr } from './build-docx';

function read(bytes: Uint8Array, limits = {}): SheetSnapshot & { result: DocumentReadResult } {
  const r = readDocument(bytes, 'docx', { limits });
  if (!r.ok) throw new Error(r.error.zh);
  expect(r.snapshot.sheets).toHaveLength(1);
  return Object.assign({}, r.snapshot.sheets[0]!, { result: r });
}

const textAt = (s: SheetSnapshot, row: number, col = 0): string | undefined => s.cells.find((c) => c.row === row && c.col === col)?.text;
const column = (s: SheetSnapshot): (string | undefined)[] => {
  const rows = Math.max(...s.cells.map((c) => c.row)) + 1;
  return Array.from({ length: rows }, (_, r) => textAt(s, r));
};

/** The levels Chinese disclosures number their headings with: 一、 （一） 1. */
const CHINESE_LIST = list(1, lvl(0, 'chineseCounting', '%1、') + lvl(1, 'chineseCounting', '（%2）') + lvl(2, 'decimal', '%3.'));

describe('paragraphs', () => {
  it('puts each paragraph in column A of one sheet 正文, in order, an empty one an empty row, numbered 第N段', () => {
    const s = read(buildDocx({ body: p('江川区教育体育局2023年预算重点领域财政项目文本公开') + p('') + p('项目一') + p('一、项目名称') }));
    expect(s.name).toBe('正文');
    expect(column(s)).toEqual(['江川区教育体育局2023年预算重点领域财政项目文本公开', undefined, '项目一', '一、项目名称']);
    expect(s.result.ok && s.result.places.rows.map((x) => x?.n)).toEqual([1, 2, 3, 4]);
    expect(s.result.ok && s.result.places.unit).toBe('paragraph');
  });

  it('joins runs, reads tabs and breaks, and leaves out deleted, hidden, drawn and tracked-old text', () => {
    const body =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr>' +
      '<w:r><w:t>资金</w:t></w:r><w:r><w:tab/><w:t>30</w:t></w:r><w:r><w:br/><w:t>万元</w:t></w:r>' +
      '<w:del w:id="1" w:author="a"><w:r><w:delText>删去</w:delText></w:r></w:del>' +
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>' +
      '<w:r><w:drawing><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:drawing></w:r>' +
      '<w:ins w:id="2" w:author="a"><w:r><w:t>。</w:t></w:r></w:ins></w:p>';
    const s = read(buildDocx({ body }));
    expect(column(s)).toEqual(['资金\t30\n万元。']);
  });

  it('renders automatic numbering: 一、项目名称 from numPr and numbering.xml, levels restarting under a higher one', () => {
    const body = [
      p('项目一'),
      p('项目名称', { num: [1, 0] }),
      p('国家义务教育优质均衡评估专项经费'),
      p('项目实施内容', { num: [1, 0] }),
      p('强化工作保障', { num: [1, 1] }),
      p('加强组织领导', { num: [1, 2] }),
      p('强化行政推动', { num: [1, 2] }),
      p('资金安排情况', { num: [1, 0] }),
      p('资金来源', { num: [1, 1] }),
    ].join('');
    const s = read(buildDocx({ body, numbering: CHINESE_LIST }));
    expect(column(s)).toEqual([
      '项目一',
      '一、项目名称',
      '国家义务教育优质均衡评估专项经费',
      '二、项目实施内容',
      '（一）强化工作保障',
      '1.加强组织领导',
      '2.强化行政推动',
      '三、资金安排情况',
      '（一）资金来源',
    ]);
  });

  it('takes the numbering of a heading style (through basedOn), and a paragraph numId 0 turns it off', () => {
    const styles =
      '<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="heading 2"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>' +
      '<w:style w:type="paragraph" w:styleId="H2b"><w:basedOn w:val="H2"/></w:style>';
    const numbering = list(3, lvl(0, 'chineseCounting', '%1、', '<w:pStyle w:val="H2"/>'));
    const body = p('项目名称', { style: 'H2' }) + p('立项依据', { style: 'H2b' }) + p('不编号', { style: 'H2', num: [0, 0] });
    const s = read(buildDocx({ body, numbering, styles }));
    expect(column(s)).toEqual(['一、项目名称', '二、立项依据', '不编号']);
  });

  it('follows a numStyleLink to the list of a numbering style', () => {
    const styles =
      '<w:style w:type="numbering" w:styleId="ListA"><w:name w:val="公文标题列表"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>';
    const numbering =
      `<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="ListA"/>${lvl(0, 'chineseCounting', '%1、')}</w:abstractNum>` +
      '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="ListA"/></w:abstractNum>' +
      num(1, 1) +
      num(2, 2);
    const s = read(buildDocx({ body: p('项目名称', { num: [2, 0] }) + p('立项依据', { num: [2, 0] }), numbering, styles }));
    expect(column(s)).toEqual(['一、项目名称', '二、立项依据']);
  });

  it('starts a second list at its startOverride and keeps its own counter (counters per numId)', () => {
    const numbering = CHINESE_LIST + num(2, 1, '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride>');
    const s = read(buildDocx({ body: p('a', { num: [1, 0] }) + p('b', { num: [2, 0] }) + p('c', { num: [1, 0] }), numbering }));
    expect(column(s)).toEqual(['一、a', '五、b', '二、c']);
  });
});

describe('tables', () => {
  // the head of a school table: 学校代码 and 备注 merged down two rows, 项目建设计划 across two columns
  const table = tbl(
    tr(
      tc('学校代码', { vMerge: 'restart' }),
      tc('学校名称', { vMerge: 'restart' }),
      tc('项目建设计划', { span: 2 }),
      tc('备注', { vMerge: 'restart' }),
    ),
    tr(tc('', { vMerge: 'continue' }), tc('', { vMerge: 'continue' }), tc('数量'), tc('资金'), tc('', { vMerge: 'continue' })),
    tr(tc('2153030929'), tc('玉溪市江川区第一小学'), tc('19'), tc('59.28\n（万元）'), tc('')),
  );

  it('puts a table row in a sheet row and each cell in its grid column, merges as merged areas', () => {
    const s = read(buildDocx({ body: p('六、资金安排情况') + table + p('') }));
    expect(textAt(s, 1, 0)).toBe('学校代码');
    expect(textAt(s, 1, 2)).toBe('项目建设计划');
    expect(textAt(s, 1, 4)).toBe('备注');
    expect(textAt(s, 2, 2)).toBe('数量');
    expect(textAt(s, 2, 3)).toBe('资金');
    expect(textAt(s, 3, 3)).toBe('59.28\n（万元）');
    expect([...s.merges].sort((a, b) => a.left - b.left || a.top - b.top)).toEqual([
      { top: 1, left: 0, bottom: 2, right: 0 },
      { top: 1, left: 1, bottom: 2, right: 1 },
      { top: 1, left: 2, bottom: 1, right: 3 },
      { top: 1, left: 4, bottom: 2, right: 4 },
    ]);
    const places = s.result.ok ? s.result.places.rows : [];
    expect(places[0]).toEqual({ n: 1 });
    expect(places[3]).toEqual({ table: 1, tableRow: 3 });
    // the paragraph after the table is the second paragraph of the document
    expect(places[4]).toEqual({ n: 2 });
  });

  it('folds the legacy w:hMerge (Word 2003) into one merged cell', () => {
    const h = (text: string, val?: string): string =>
      `<w:tc><w:tcPr><w:hMerge${val !== undefined ? ` w:val="${val}"` : ''}/></w:tcPr>${p(text)}</w:tc>`;
    const s = read(
      buildDocx({
        body: tbl(tr(h('资金需求（万元）', 'restart'), h(''), h(''), tc('备注')), tr(tc('小计'), tc('中央'), tc('省级'), tc(''))),
      }),
    );
    expect(textAt(s, 0, 0)).toBe('资金需求（万元）');
    expect(textAt(s, 0, 3)).toBe('备注');
    expect(s.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 2 }]);
  });

  it('skips the columns of w:gridBefore', () => {
    const s = read(buildDocx({ body: tbl(tr(tc('a'), tc('b')), `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('c')}</w:tr>`) }));
    expect(textAt(s, 1, 1)).toBe('c');
    expect(textAt(s, 1, 0)).toBeUndefined();
  });

  it('reads the school table of a Word document like the sheet’s: a missing code is found in its cell', () => {
    const head = tbl(
      tr(
        tc('学校代码（10位代码）', { vMerge: 'restart' }),
        tc('学校名称（市+县+乡+校名）', { vMerge: 'restart' }),
        tc('保安数量（人）', { vMerge: 'restart' }),
        tc('资金需求（万元）', { vMerge: 'restart' }),
      ),
      tr(tc('', { vMerge: 'continue' }), tc('', { vMerge: 'continue' }), tc('', { vMerge: 'continue' }), tc('', { vMerge: 'continue' })),
      tr(tc('合计', { span: 2 }), tc('31'), tc('96.72')),
      tr(tc('5304210001'), tc('玉溪市江川区大街街道第一小学'), tc('19'), tc('59.28')),
      tr(tc(''), tc('玉溪市江川区大街街道第二小学'), tc('12'), tc('37.44')),
    );
    const body = [p('项目一'), p('项目名称', { num: [1, 0] }), p('保安经费'), p('资金安排情况', { num: [1, 0] }), head, p('')].join('');
    const r = readDocument(buildDocx({ body, numbering: CHINESE_LIST }), 'docx');
    if (!r.ok) throw new Error(r.error.zh);
    const result = checkWorkbook({ snapshot: r.snapshot });
    expect(result.document.tables).toHaveLength(1);
    const missing = result.findings.filter((f) => f.rule === 'school-code-missing');
    expect(missing.map((f) => [f.cell, f.school])).toEqual([['A9', '玉溪市江川区大街街道第二小学']]);
    // which is the table's fifth row, first column
    expect(documentPlace(r.places, '正文', missing[0]!.row, missing[0]!.col)).toEqual({ table: { index: 1, row: 5, column: 1 } });
    // the headings were numbered by Word: the check sees 一、 and 二、
    expect(result.findings.filter((f) => f.rule === 'heading-numbering')).toEqual([]);
  });
});

describe('what a document is, by its bytes', () => {
  it('knows a Word package by word/document.xml whatever its name, and a text file by .txt', () => {
    const docx = buildDocx({ body: p('a') });
    expect(documentKind(docx, 'x.xlsx')).toBe('docx');
    expect(documentKind(docx, '-')).toBe('docx');
    expect(documentKind(strToU8('项目一'), 'a.TXT')).toBe('txt');
    expect(documentKind(strToU8('项目一'), 'a.csv')).toBeUndefined();
    // a workbook is never a document, even named .docx or .txt
    const xlsx = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>'), 'word/document.xml': strToU8('<x/>') });
    expect(documentKind(xlsx, 'a.docx')).toBeUndefined();
    expect(documentKind(xlsx, 'a.txt')).toBeUndefined();
  });
});

describe('bad files: one sentence each', () => {
  const fail = (bytes: Uint8Array, limits = {}): { code: string; zh: string; en: string } => {
    const r = readDocument(bytes, 'docx', { limits });
    if (r.ok) throw new Error('read a bad file');
    return { code: r.error.code, zh: r.error.zh, en: r.error.en };
  };
  const good = buildDocx({ body: p('项目一') + p('一、项目名称') });

  it('a truncated package is damaged', () => {
    const e = fail(good.subarray(0, good.length - 30));
    expect(e.code).toBe('corrupt');
    expect(e.zh).toContain('Word 文档已损坏');
    expect(e.en).toContain('damaged');
  });

  it('an encrypted package and an old .doc are named as such', () => {
    const cfb = (stream: string): Uint8Array => {
      const b = new Uint8Array(1024);
      b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      for (let i = 0; i < stream.length; i++) b[600 + i * 2] = stream.charCodeAt(i);
      return b;
    };
    expect(documentKind(cfb('EncryptionInfo'), 'a.docx')).toBe('docx');
    expect(fail(cfb('EncryptionInfo')).zh).toBe('Word 文档设置了打开密码，请先取消密码保护');
    expect(documentKind(cfb('WordDocument'), 'a.doc')).toBe('docx');
    expect(fail(cfb('WordDocument')).en).toBe('this is an old Word .doc file; save it as .docx in Word or WPS');
  });

  it('refuses a DOCTYPE, and malformed XML is said with its part', () => {
    const doctype = buildDocx({
      body: '',
      extra: { 'word/document.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><w:document/>' },
    });
    expect(fail(doctype).code).toBe('doctype-refused');
    const broken = buildDocx({ body: '<w:p><w:r><w:t>a</w:r></w:p>' });
    const e = fail(broken);
    expect(e.code).toBe('malformed-xml');
    expect(e.zh).toContain('word/document.xml');
  });

  it('stops at the reader’s limits: unpacked size (a bomb), paragraphs', () => {
    const bomb = buildDocx({ body: p('零'.repeat(200_000)) });
    const e = fail(bomb, { maxUncompressedBytes: 100_000 });
    expect(e.code).toBe('limit');
    expect(e.zh).toContain('解压后的内容超过上限');
    const many = buildDocx({ body: p('a').repeat(50) });
    expect(fail(many, { maxCells: 10 }).en).toContain('the number of cells exceeds the limit of 10');
  });

  it('counts empty paragraphs, in the body and in cells, against the limit (they cost rows, not cells)', () => {
    expect(fail(buildDocx({ body: '<w:p/>'.repeat(50) }), { maxCells: 20 }).code).toBe('limit');
    expect(fail(buildDocx({ body: tbl(tr(`<w:tc>${'<w:p/>'.repeat(50)}</w:tc>`)) }), { maxCells: 20 }).code).toBe('limit');
    expect(readDocument(buildDocx({ body: '<w:p/>'.repeat(50) }), 'docx', { limits: { maxCells: 60 } }).ok).toBe(true);
  });

  it('reads no cell past the sheet’s last column (XFD), whatever the spans say', () => {
    const s = read(buildDocx({ body: tbl(tr(tc('a', { span: 16380 }), tc('b', { span: 9 }), tc('c'), tc('d'))) }));
    expect(s.cells.map((c) => [c.col, c.text])).toEqual([
      [0, 'a'],
      [16380, 'b'],
    ]);
    expect(s.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 16379 },
      { top: 0, left: 16380, bottom: 0, right: 16383 },
    ]);
  });

  it('a package without word/document.xml holds no Word body', () => {
    const z = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/other.xml': strToU8('<x/>') });
    expect(fail(z).code).toBe('not-a-document');
  });
});
