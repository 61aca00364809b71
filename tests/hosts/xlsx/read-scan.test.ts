/**
 * The hand-written scanner (xml-scan.ts) against saxes: the same snapshot, or the same typed failure,
 * for every workbook in the repository, for synthetic bench workbooks and for random sheet XML.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx, type ReadOptions } from '../../../src/hosts/xlsx/read';
import { syntheticWorkbook } from '../../../bench/data';
import { writeXlsx } from '../../../bench/xlsx-writer';
import { sheetXml, workbook, workbookEntries, zip } from './hostile';

const ROOT = resolve(__dirname, '../../..');

function both(bytes: Uint8Array, options: ReadOptions = {}): void {
  const scan = readXlsx(bytes, { ...options, xmlEngine: 'scan' });
  const sax = readXlsx(bytes, { ...options, xmlEngine: 'saxes' });
  if (sax.ok) {
    expect(scan.ok ? 'ok' : `${scan.error.code}: ${scan.error.detail.detail ?? ''}`).toBe('ok');
    if (scan.ok) expect(scan.snapshot).toStrictEqual(sax.snapshot);
  } else {
    expect(scan.ok ? 'ok' : scan.error.code).toBe(sax.error.code);
    if (!scan.ok) expect([scan.error.detail.part, scan.error.detail.sheet]).toEqual([sax.error.detail.part, sax.error.detail.sheet]);
  }
}

function xlsxFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...xlsxFiles(p));
    else if (name.endsWith('.xlsx')) out.push(p);
  }
  return out;
}

describe('scanner and saxes read the same snapshot', () => {
  const files = [
    ...readdirSync(join(ROOT, 'seeds'))
      .filter((f) => f.endsWith('.xlsx'))
      .map((f) => join(ROOT, 'seeds', f)),
    ...xlsxFiles(join(ROOT, 'tests/fixtures')),
  ];

  it('finds the repository workbooks', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
  });

  for (const f of files) {
    it(f.slice(ROOT.length + 1), () => {
      const bytes = new Uint8Array(readFileSync(f));
      const r = readXlsx(bytes);
      expect(r.ok).toBe(true);
      both(bytes);
    });
  }

  it('synthetic bench workbooks (shared strings, many sheets, school table)', () => {
    for (const [p, r] of [
      [3, 20],
      [20, 200],
    ] as const) {
      const bytes = writeXlsx(syntheticWorkbook(p, r));
      const snap = readXlsx(bytes);
      expect(snap.ok && snap.snapshot.sheets.length).toBeGreaterThan(p);
      both(bytes);
    }
  });
});

// --- random sheet XML ---------------------------------------------------------------------

/** One character of text, written as itself, an entity, or a character reference. */
const charUnit = fc.constantFrom(
  'a',
  'Z',
  '1',
  '.',
  ' ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '中',
  '资',
  '金',
  '&',
  '<',
  '>',
  '"',
  "'",
  '_x0041_',
  '_x000D_',
  '😀',
  ']',
  ']]>',
  '-',
);
const textArb = fc.array(charUnit, { maxLength: 12 }).map((a) => a.join(''));

function encodeText(s: string, mode: number): string {
  if (mode === 1 && !s.includes(']]>')) return `<![CDATA[${s}]]>`;
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (mode === 2 && cp !== 0x0d) out += cp % 2 ? `&#${cp};` : `&#x${cp.toString(16)};`;
    else if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += mode === 3 ? '&gt;' : '>';
    else if (ch === '"') out += mode === 3 ? '&quot;' : '"';
    else if (ch === "'") out += mode === 3 ? '&apos;' : "'";
    else if (ch === '\r') out += mode === 0 ? '\r' : '&#13;';
    else out += ch;
  }
  // a literal "]]>" is not allowed in text
  return out.replace(/]]>/g, ']]&gt;');
}

function attrs(list: [string, string][], quote: string, order: number): string {
  const a = order % 2 ? [...list].reverse() : list;
  return a
    .map(
      ([k, v]) =>
        ` ${k}=${quote}${v
          .replace(/&/g, '&amp;')
          .replace(/</g, '&lt;')
          .replace(new RegExp(quote, 'g'), quote === '"' ? '&quot;' : '&apos;')}${quote}`,
    )
    .join('');
}

const cellArb = fc.record({
  row: fc.integer({ min: 1, max: 6 }),
  col: fc.integer({ min: 0, max: 5 }),
  withRef: fc.boolean(),
  type: fc.constantFrom(undefined, 'n', 's', 'str', 'b', 'e', 'd', 'inlineStr', 'inline&#x53;tr'),
  style: fc.constantFrom(undefined, '0', '1', '2', '3', 'x', '\t1\r\n', '&#9;2'),
  value: fc.oneof(
    textArb,
    fc.constantFrom('1', '0', '12.5', '-3', '1e3', '2', 'true', '#N/A', '2023-05-01', '2023-05-01T12:00:00', ' 7 ', ''),
  ),
  mode: fc.integer({ min: 0, max: 3 }),
  formula: fc.constantFrom('none', 'plain', 'master', 'child'),
  selfClosing: fc.boolean(),
  quote: fc.constantFrom('"', "'"),
  order: fc.nat(3),
  rich: fc.boolean(),
});

type CellSpec = typeof cellArb extends fc.Arbitrary<infer T> ? T : never;

const COLS = 'ABCDEF';

function cellXml(c: CellSpec, p: string): string {
  const list: [string, string][] = [];
  if (c.withRef) list.push(['r', `${COLS[c.col]}${c.row}`]);
  if (c.type !== undefined) list.push(['t', c.type]);
  if (c.style !== undefined) list.push(['s', c.style]);
  const head = `<${p}c${attrs(list, c.quote, c.order)}`;
  if (c.selfClosing) return `${head}/>`;
  let inner = '';
  if (c.formula === 'plain') inner += `<${p}f>${encodeText('A1+$B$2&"x"', c.mode === 1 ? 0 : c.mode)}</${p}f>`;
  else if (c.formula === 'master') inner += `<${p}f t="shared" ref="A1:F6" si="0">A1*2+B$1</${p}f>`;
  else if (c.formula === 'child') inner += `<${p}f t="shared" si="0"/>`;
  if (c.type === 'inlineStr') {
    const t = encodeText(c.value, c.mode);
    inner += c.rich
      ? `<${p}is><${p}r><${p}rPr><${p}b/></${p}rPr><${p}t xml:space="preserve">${t}</${p}t></${p}r><${p}rPh sb="0" eb="1"><${p}t>ヨミ</${p}t></${p}rPh><${p}r><${p}t>尾</${p}t></${p}r></${p}is>`
      : `<${p}is><${p}t>${t}</${p}t></${p}is>`;
  } else {
    const v = c.type === 's' ? String(c.value.length % 4) : c.value;
    inner += `<${p}v>${encodeText(v, c.mode)}</${p}v>`;
  }
  return `${head}>${inner}</${p}c>`;
}

const SST = `<?xml version="1.0" encoding="UTF-8"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4"><si><t>甲 &amp; 乙</t></si><si><r><rPr><sz val="11"/></rPr><t xml:space="preserve"> 富 </t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh></si><si><t><![CDATA[<x> & _x0041_]]></t></si><si><t/></si></sst>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>`;

function sheetOf(rows: CellSpec[][], prefixed: boolean, after: string): string {
  const p = prefixed ? 'x:' : '';
  const data = rows
    .map((cells, i) => `<${p}row${i % 2 ? ` r="${i + 1}"` : ''} spans="1:6">${cells.map((c) => cellXml(c, p)).join('')}</${p}row>`)
    .join('\n');
  if (!prefixed) return sheetXml(data, after, '<dimension ref="A1:F6"/>');
  return `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:F6"/><x:sheetData>${data}</x:sheetData>${after.replace(/<(\/?)/g, '<$1x:')}</x:worksheet>`;
}

describe('scanner and saxes on random sheet XML', () => {
  it('random cells of every type, entities, CDATA, rich text, self-closing tags, attribute order and quotes, prefixes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 6 }),
        fc.boolean(),
        fc.constantFrom(
          '',
          '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
          '<sheetProtection sheet="1" objects="1"/>',
          "<sheetProtection sheet='0'/><mergeCells><mergeCell ref='C3:D4'/></mergeCells>",
        ),
        (rows, prefixed, after) => {
          const xml = sheetOf(rows, prefixed, after);
          both(workbook([{ name: '项目 & <一>', xml }], { 'xl/sharedStrings.xml': SST, 'xl/styles.xml': STYLES }));
        },
      ),
      { numRuns: 300, seed: 14 },
    );
  });

  it('random pieces of XML (often malformed): the same snapshot or the same error code', () => {
    const pieces = [
      '<row r="1">',
      '</row>',
      '<row>',
      '<c r="A1" t="s">',
      '<c t="inlineStr">',
      '<c r="ZZZZ9">',
      '<c/>',
      '<is><t>x</t></is>',
      '</c>',
      '<v>',
      '</v>',
      '<v>1e999</v>',
      '<v>abc</v>',
      '<f t="shared" si="0"/>',
      '<f t="shared" ref="A1:A3" si="0">A1</f>',
      '<mergeCell ref="A1:XFD1048576"/>',
      '<mergeCell ref="bogus"/>',
      '<sheetProtection sheet="1"/>',
      '&amp;',
      '&#0;',
      '&#x41;',
      '&bogus;',
      '&#xD800;',
      '<![CDATA[x]]>',
      '<!-- c -->',
      '<!-- a -- b -->',
      '<?pi x?>',
      ']]>',
      '<c r="B1" r="C1">',
      '<c r="A1"s="1">',
      '<c r=A1>',
      '<c r=\'A1\' t="str">',
      '< c>',
      '</ c>',
      '<x:c>',
      '</x:c>',
      'text',
      ' ',
      '\r\n',
      '<t xml:space="preserve"> </t>',
      '<c r="A1" t="e"><v>#REF!</v></c>',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), fc.boolean(), (ps, wrap) => {
        const data = ps.join('');
        const xml = wrap ? sheetXml(data) : data;
        both(zip(workbookEntries([{ name: 'S', xml }], { 'xl/sharedStrings.xml': SST })));
      }),
      { numRuns: 600, seed: 1414 },
    );
  });

  it('random pieces in sharedStrings: the same strings or the same error code', () => {
    const pieces = [
      '<si>',
      '</si>',
      '<t>',
      '</t>',
      '<t xml:space="preserve">',
      '<r>',
      '</r>',
      '<rPh>',
      '</rPh>',
      'a b',
      '&lt;',
      '&#x4E2D;',
      '&nope;',
      '<![CDATA[<]]>',
      '_x0041_',
      '<t/>',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 14 }), (ps) => {
        const sst = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${ps.join('')}</sst>`;
        const data = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>';
        both(workbook([{ name: 'S', data }], { 'xl/sharedStrings.xml': sst }));
      }),
      { numRuns: 400, seed: 141414 },
    );
  });
});

describe('scanner: refusals and limits', () => {
  const fail = (bytes: Uint8Array, options: ReadOptions = {}): { code: string; limit?: string; part?: string; sheet?: string } => {
    const r = readXlsx(bytes, { ...options, xmlEngine: 'scan' });
    if (r.ok) throw new Error('expected a failure');
    return {
      code: r.error.code,
      ...(r.error.detail.limit && { limit: r.error.detail.limit }),
      ...(r.error.detail.part !== undefined && { part: r.error.detail.part }),
      ...(r.error.detail.sheet !== undefined && { sheet: r.error.detail.sheet }),
    };
  };
  const S = 'xl/worksheets/sheet1.xml';

  it('a DOCTYPE or ENTITY declaration anywhere in a sheet or in sharedStrings is refused', () => {
    expect(fail(workbook([{ name: 'S', xml: `<!DOCTYPE w [<!ENTITY a "x">]>${sheetXml('')}` }]))).toEqual({
      code: 'doctype-refused',
      part: S,
      sheet: 'S',
    });
    expect(fail(workbook([{ name: 'S', xml: sheetXml('<row r="1"><!ENTITY a "x"></row>') }])).code).toBe('doctype-refused');
    expect(
      fail(
        workbook([{ name: 'S', data: '' }], {
          'xl/sharedStrings.xml': '<!DOCTYPE sst [<!ENTITY a SYSTEM "file:///etc/passwd">]><sst><si><t>&a;</t></si></sst>',
        }),
      ),
    ).toEqual({ code: 'doctype-refused', part: 'xl/sharedStrings.xml' });
  });

  it('truncated, mismatched, unclosed and stray tags, bad entities and bad characters are malformed-xml naming the part and sheet', () => {
    const full = sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>文字</t></is></c></row>');
    for (const cut of [10, 60, full.length - 30, full.length - 1]) {
      expect(fail(workbook([{ name: '项目一', xml: full.slice(0, cut) }]))).toEqual({ code: 'malformed-xml', part: S, sheet: '项目一' });
    }
    for (const data of [
      '<row><c><v>1</c></v></row>',
      '<row></c></row>',
      '<row><c r="A1"><v>&unknown;</v></c></row>',
      '<row><c r="A1"><v>&#0;</v></c></row>',
      '<row><c r="A1"><v>&#xFFFE;</v></c></row>',
      '<row><c r="A1"><v>a\u0001b</v></c></row>',
      '<row><c r="A1" r="B1"/></row>',
      '<row><c r="A1<"/></row>',
      '<row><c r=A1/></row>',
      '<row><c r="A1"><v>a]]>b</v></c></row>',
    ]) {
      expect(fail(workbook([{ name: 'S', data }])), data).toMatchObject({ code: 'malformed-xml', part: S });
    }
    expect(fail(workbook([{ name: 'S', xml: `${sheetXml('')}<worksheet/>` }])).code).toBe('malformed-xml');
    expect(fail(workbook([{ name: 'S', xml: '' }])).code).toBe('malformed-xml');
    expect(fail(workbook([{ name: 'S', data: '' }], { 'xl/sharedStrings.xml': '<sst><si><t>x</si></t></sst>' }))).toEqual({
      code: 'malformed-xml',
      part: 'xl/sharedStrings.xml',
    });
  });

  it('cells, merges, text runs and time are limited as before', () => {
    const many = workbook([
      {
        name: 'S',
        data: '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>',
        after: '<mergeCells><mergeCell ref="A1:B1"/><mergeCell ref="A2:B2"/></mergeCells>',
      },
    ]);
    expect(fail(many, { limits: { maxCells: 2 } })).toEqual({ code: 'limit-exceeded', limit: 'cells', part: S, sheet: 'S' });
    expect(fail(many, { limits: { maxMerges: 1 } }).limit).toBe('merges');
    const long = workbook([{ name: 'S', data: `<row r="1"><c r="A1" t="inlineStr"><is><t>${'长'.repeat(5000)}</t></is></c></row>` }]);
    expect(fail(long, { limits: { maxTextRun: 4000 } })).toEqual({ code: 'limit-exceeded', limit: 'text-run', part: S, sheet: 'S' });
    expect(readXlsx(long, { limits: { maxTextRun: 5000 }, xmlEngine: 'scan' }).ok).toBe(true);
    let clock = 0;
    expect(fail(many, { limits: { timeBudgetMs: 1000 }, now: () => (clock += 600) }).limit).toBe('time');
  });
});
