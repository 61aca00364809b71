/**
 * Issue 17: the fuzz harness. A small generated workbook (a project with its sections and amounts,
 * a school-code table with 小计/合计 formulas, shared strings, number formats, a shared formula,
 * merged cells) is mutated with a fixed seed — byte flips in the deflate streams, truncations,
 * attribute edits and structure edits of the XML (re-zipped, so the checksums hold and the edit
 * reaches the parser) — and every mutant goes through the reader and the checks in this process.
 * Each must end in a reading (checked, or stopped by the checks' budget) or a clear refusal: an
 * XlsxReadError with a Chinese and an English sentence, never 'internal', never another exception,
 * no rule failure; and within bounds, counted by work (cells, formula and format lengths, the
 * checks' budget asks), never by the wall clock.
 */
import { strFromU8, strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readXlsx, type ReadLimits } from '../../../src/hosts/xlsx/read';
import { XlsxReadError } from '../../../src/hosts/xlsx/errors';
import { listEntries } from '../../../src/hosts/xlsx/zip';
import { checkWorkbook } from '../../../src/core/check';
import { CheckBudgetExceeded } from '../../../src/core/budget';
import { str, workbookEntries } from './hostile';

/** mulberry32: a small seeded generator, the same mutants on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINES = [
  '项目一',
  '一、项目名称',
  '学生资助专项经费',
  '二、立项依据',
  '根据《学生资助资金管理办法》设立。',
  '三、项目实施单位',
  '江川区教育体育局',
  '四、项目基本概况',
  '为家庭经济困难学生提供资助。',
  '五、项目实施内容',
  '发放助学金。',
  '六、资金安排情况',
  '计划安排资金10万元，其中：中央资金6万元，县级资金4万元。',
  '七、项目实施计划',
  '2023年3月发放5万元，2023年9月发放5万元。',
  '八、项目实施成效',
  '保障困难学生顺利完成学业。',
];

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

function seedEntries(): Record<string, string> {
  const project = LINES.map(
    (t, i) => `<row r="${i + 1}">${i % 3 === 0 ? `<c r="A${i + 1}" t="s"><v>${i / 3}</v></c>` : str(`A${i + 1}`, t)}</row>`,
  ).join('');
  const shared = LINES.filter((_, i) => i % 3 === 0);
  const schools = [
    `<row r="1">${str('A1', '学校代码')}${str('B1', '学校名称')}${str('C1', '金额（万元）')}</row>`,
    `<row r="2">${str('A2', '3453009901')}${str('B2', '玉溪市江川区第一中学')}<c r="C2" s="1"><v>6</v></c></row>`,
    `<row r="3">${str('A3', '3453009902')}${str('B3', '玉溪市江川区大街街道螺蛳铺中学')}<c r="C3" s="2"><v>4</v></c></row>`,
    `<row r="4">${str('B4', '小计')}<c r="C4" s="1"><f t="shared" ref="C4:C5" si="0">SUM(C2:C3)</f><v>10</v></c></row>`,
    `<row r="5">${str('B5', '合计')}<c r="C5" s="1"><f t="shared" si="0"/><v>10</v></c></row>`,
  ].join('');
  const e = workbookEntries(
    [
      { name: '项目一', data: project, after: '<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>' },
      { name: '学校', data: schools },
    ],
    {
      'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${NS}">${shared.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`,
      'xl/styles.xml': `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00&quot;万元&quot;"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs></styleSheet>`,
    },
  );
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(e)) out[k] = typeof v === 'string' ? v : strFromU8(v);
  // the rels of the workbook name the shared strings and styles too
  out['xl/_rels/workbook.xml.rels'] = out['xl/_rels/workbook.xml.rels']!.replace(
    '</Relationships>',
    '<Relationship Id="rId90" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId91" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
  );
  return out;
}

function pack(entries: Record<string, string>): Uint8Array {
  const z: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(entries)) z[k] = strToU8(v);
  return zipSync(z);
}

const BASE = seedEntries();
const BASE_BYTES = pack(BASE);

/** Small limits, so a mutant that grows is stopped by a limit quickly: bounds by count, not time. */
const LIMITS: Partial<ReadLimits> = {
  maxCells: 5_000,
  maxMerges: 500,
  maxTextRun: 100_000,
  maxUncompressedBytes: 4 * 1024 * 1024,
  maxFormulaChars: 200_000,
};
/** Asks of the checks' budget before they are stopped: the checks' time, by work done. */
const CHECK_ASKS = 20_000;

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const ATTR_VALUES = [
  '',
  '0',
  '-1',
  '1e999',
  'NaN',
  '99999999',
  'A0',
  'XFD1048577',
  'ZZZZ1',
  'A1:XFD1048576',
  'B2:A1',
  's',
  'str',
  'inlineStr',
  'e',
  'b',
  'd',
  'x',
  'shared',
  'array',
  '&amp;',
  '&#0;',
  '&lt;',
  '"',
  "'",
  '万元'.repeat(300),
  '0.'.padEnd(120, '0'),
  '0'.repeat(40),
];
const ELEMENTS = [
  '<c r="A1" t="s"><v>99</v></c>',
  '<c t="inlineStr"><is><t>项目二</t></is></c>',
  '<f t="shared" si="0"/>',
  '<f t="shared" si="7" ref="A1:A9999">A1+1</f>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<v>-0</v>',
  '<row r="1048576"/>',
  '<row>',
  '</row>',
  '</c>',
  '<c r="A1">',
  '<![CDATA[六、资金安排情况]]>',
  '<!-- x -->',
  '<?pi x?>',
  '<numFmt numFmtId="164" formatCode="0.00000000000000000000000000000000000000"/>',
  '<xf numFmtId="164"/>',
  '<si><t>八、项目实施成效</t></si>',
  '<sheet name="X" sheetId="9" r:id="rId1"/>',
];

/** Attributes the reader acts on. */
const ACTED_ON = ['r', 't', 's', 'ref', 'si', 'formatCode', 'numFmtId', 'name', 'id', 'Id', 'Target', 'Type', 'state', 'sheet'];

interface Mutant {
  kind: string;
  bytes: Uint8Array;
}

/** One mutant of the base workbook: the kind and the bytes. */
function mutate(r: () => number): Mutant {
  const kind = pick(r, ['deflate-flip', 'truncate', 'attribute', 'structure', 'attribute', 'structure'] as const);
  if (kind === 'deflate-flip' || kind === 'truncate') {
    const b = Uint8Array.from(BASE_BYTES);
    if (kind === 'truncate') return { kind, bytes: b.subarray(0, Math.floor(r() * b.length)) };
    // flip bits inside one entry's compressed data (located from the directory)
    const entries = listEntries(b, 100);
    const e = pick(r, entries);
    const start =
      e.localOffset +
      30 +
      (b[e.localOffset + 26]! | (b[e.localOffset + 27]! << 8)) +
      (b[e.localOffset + 28]! | (b[e.localOffset + 29]! << 8));
    const flips = 1 + Math.floor(r() * 3);
    for (let k = 0; k < flips && e.compressedSize > 0; k++) b[start + Math.floor(r() * e.compressedSize)]! ^= 1 << Math.floor(r() * 8);
    return { kind, bytes: b };
  }
  const entries = { ...BASE };
  const names = Object.keys(entries).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'));
  // the parts with the most to read, twice as likely
  names.push('xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/styles.xml', 'xl/sharedStrings.xml');
  const edits = 1 + Math.floor(r() * 3);
  for (let k = 0; k < edits; k++) {
    const name = pick(r, names);
    const xml = entries[name]!;
    if (kind === 'attribute') {
      // replace one attribute value
      const all = [...xml.matchAll(/(\w+(?::\w+)?)="([^"]*)"/g)];
      // half the time one of the attributes the reader acts on
      const acted = all.filter((m) => ACTED_ON.includes(m[1]!));
      const attrs = acted.length > 0 && r() < 0.5 ? acted : all;
      if (attrs.length === 0) continue;
      const m = pick(r, attrs);
      const at = m.index + m[1]!.length + 2;
      entries[name] = xml.slice(0, at) + pick(r, ATTR_VALUES).replace(/"/g, '&quot;') + xml.slice(at + m[2]!.length);
    } else {
      // delete, duplicate or insert an element or a tag
      const tags = [...xml.matchAll(/<[^<>]+>/g)];
      if (tags.length === 0) continue;
      const m = pick(r, tags);
      const at = m.index;
      const op = r();
      if (op < 0.3) entries[name] = xml.slice(0, at) + xml.slice(at + m[0].length);
      else if (op < 0.6) entries[name] = xml.slice(0, at) + m[0].repeat(1 + Math.floor(r() * 50)) + xml.slice(at);
      else entries[name] = xml.slice(0, at) + pick(r, ELEMENTS).repeat(1 + Math.floor(r() * 3)) + xml.slice(at);
    }
  }
  return { kind, bytes: pack(entries) };
}

const MUTANTS = 300;

describe('fuzz harness: mutants of a small workbook through the reader and the checks (issue 17)', () => {
  it('the base workbook is read and checked', () => {
    const read = readXlsx(BASE_BYTES, { limits: LIMITS });
    if (!read.ok) throw new Error(read.error.zh);
    expect(read.snapshot.sheets.map((s) => s.name)).toEqual(['项目一', '学校']);
    const result = checkWorkbook({ snapshot: read.snapshot });
    expect(result.nothingToCheck).toBe(false);
    expect(result.failures).toEqual([]);
  });

  it(`${MUTANTS} mutants (seed 17): a reading or a clear refusal, no stray exception, within bounds`, () => {
    const r = rng(17);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < MUTANTS; i++) {
      const { kind, bytes } = mutate(r);
      const label = `mutant ${i} (${kind})`;
      let read: ReturnType<typeof readXlsx>;
      try {
        read = readXlsx(bytes, { limits: LIMITS });
      } catch (e) {
        throw new Error(`${label}: readXlsx threw ${String(e)}`, { cause: e });
      }
      if (!read.ok) {
        const e = read.error;
        expect(e, label).toBeInstanceOf(XlsxReadError);
        expect(e.code, `${label}: ${e.detail.detail ?? ''}`).not.toBe('internal');
        expect(e.zh, label).toMatch(/[\u4e00-\u9fff]/);
        expect(e.zh, label).not.toMatch(/Error|at \w+ \(|\n/);
        expect(e.en.length, label).toBeGreaterThan(0);
        outcomes.set(`${kind}: ${e.code}`, (outcomes.get(`${kind}: ${e.code}`) ?? 0) + 1);
        continue;
      }
      // bounds of what a reading holds
      let cells = 0;
      for (const s of read.snapshot.sheets) {
        cells += s.cells.length;
        for (const c of s.cells) {
          expect(c.row >= 0 && c.row < 1048576 && c.col >= 0 && c.col < 16384, label).toBe(true);
          expect((c.formula ?? '').length, label).toBeLessThanOrEqual(8192);
          expect((c.numFmt ?? '').length, label).toBeLessThanOrEqual(255);
          expect(c.text.length, label).toBeLessThanOrEqual(LIMITS.maxTextRun! * 2);
        }
        expect(s.merges.length, label).toBeLessThanOrEqual(LIMITS.maxMerges!);
      }
      expect(cells, label).toBeLessThanOrEqual(LIMITS.maxCells!);
      // the checks: in this process, their budget counted in asks
      let asks = 0;
      try {
        const result = checkWorkbook({ snapshot: read.snapshot, overBudget: () => ++asks > CHECK_ASKS });
        expect(result.failures, label).toEqual([]);
        for (const f of result.findings) expect(f.message.length, label).toBeGreaterThan(0);
        outcomes.set(`${kind}: checked`, (outcomes.get(`${kind}: checked`) ?? 0) + 1);
      } catch (e) {
        if (!(e instanceof CheckBudgetExceeded))
          throw new Error(`${label}: the checks threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`, { cause: e });
        outcomes.set(`${kind}: check budget`, (outcomes.get(`${kind}: check budget`) ?? 0) + 1);
      }
    }
    // every kind of mutant was made, and both readings and refusals happened
    const kinds = new Set([...outcomes.keys()].map((k) => k.split(':')[0]));
    expect([...kinds].sort()).toEqual(['attribute', 'deflate-flip', 'structure', 'truncate']);
    expect([...outcomes.keys()].some((k) => k.endsWith('checked'))).toBe(true);
    expect([...outcomes.keys()].some((k) => k.includes('crc-mismatch') || k.includes('corrupt-zip'))).toBe(true);
  });
});
