import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { annotate, writeExplanations, RESULTS_SHEET } from '../../../src/hosts/xlsx/annotate';
import { cellHasContent, insertLegacyDrawing, patchSheet } from '../../../src/hosts/xlsx/annotate-sheet';
import { AnnotateError } from '../../../src/hosts/xlsx/annotate-errors';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { EXPLANATION_SHEET, readExplanationSheet } from '../../../src/core/report/explanations';
import { gridOf } from '../../../src/core/snapshot/grid';
import { fromA1 } from '../../../src/core/snapshot/a1';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { bytesEqual, cellsOf, finding, fixture, itemsOf, rawEntries, sheetParts, text } from './annotate-helpers';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A hand-made package: one sheet with the given sheetData, optional styles. */
function workbook(sheetXml: string, opts: { styles?: string; prefix?: string } = {}): Uint8Array {
  const p = opts.prefix ? `${opts.prefix}:` : '';
  const ns = opts.prefix ? `xmlns:${opts.prefix}` : 'xmlns';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${opts.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`,
    ),
    '_rels/.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns}="${MAIN}" xmlns:r="${R}"><${p}sheets><${p}sheet name="项目一" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${R}/worksheet" Target="worksheets/sheet1.xml"/>${opts.styles ? `<Relationship Id="rId2" Type="${R}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
    ),
    'xl/worksheets/sheet1.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns}="${MAIN}">${sheetXml}</${p}worksheet>`),
  };
  if (opts.styles) files['xl/styles.xml'] = strToU8(opts.styles);
  return zipSync(files);
}

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>`;

function snap(bytes: Uint8Array): WorkbookSnapshot {
  const r = readXlsx(bytes);
  if (!r.ok) throw r.error;
  return r.snapshot;
}
function at(s: WorkbookSnapshot, sheet: string, a1: string): string | undefined {
  const p = fromA1(a1)!;
  return gridOf(s.sheets.find((x) => x.name === sheet)!).get(p.row, p.col)?.text;
}
const sheet1 = (bytes: Uint8Array): string => text(rawEntries(bytes).get('xl/worksheets/sheet1.xml'));

describe('patchSheet', () => {
  const styleOf = (s: number): number => 100 + s;

  it('creates missing cells and rows in row/column order', () => {
    const xml = `<sheetData><row r="2"><c r="A2"><v>1</v></c><c r="C2"><v>3</v></c></row><row r="5"><c r="B5"><v>5</v></c></row></sheetData>`;
    const res = patchSheet(xml, [
      { row: 1, col: 1, style: styleOf },
      { row: 1, col: 3, style: styleOf },
      { row: 0, col: 0, style: styleOf },
      { row: 3, col: 2, style: styleOf },
      { row: 7, col: 0, style: styleOf },
      { row: 4, col: 1, style: styleOf },
    ]);
    expect(res.xml).toBe(
      `<sheetData><row r="1"><c r="A1" s="100"/></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" s="100"/><c r="C2"><v>3</v></c><c r="D2" s="100"/></row><row r="4"><c r="C4" s="100"/></row><row r="5"><c r="B5" s="100"><v>5</v></c></row><row r="8"><c r="A8" s="100"/></row></sheetData>`,
    );
  });

  it('expands a self-closing sheetData and a self-closing row, and uses row and column styles as the base', () => {
    expect(patchSheet('<sheetData/>', [{ row: 0, col: 0, style: styleOf }]).xml).toBe(
      '<sheetData><row r="1"><c r="A1" s="100"/></row></sheetData>',
    );
    const xml = `<cols><col min="2" max="3" width="9" style="7"/></cols><sheetData><row r="1" s="4" customFormat="1"/><row r="2"><c r="A2" s="2"><v>1</v></c></row></sheetData>`;
    const res = patchSheet(xml, [
      { row: 0, col: 0, style: styleOf },
      { row: 1, col: 2, style: styleOf },
      { row: 1, col: 0, style: styleOf },
    ]);
    expect(res.xml).toContain('<row r="1" s="4" customFormat="1"><c r="A1" s="104"/></row>');
    expect(res.xml).toContain('<c r="A2" s="102"><v>1</v></c><c r="C2" s="107"/>');
  });

  it('stretches <dimension> and row spans over added cells', () => {
    const xml = `<dimension ref="A1:B2"/><sheetData><row r="1" spans="1:2"><c r="A1"><v>1</v></c></row></sheetData>`;
    const res = patchSheet(xml, [
      { row: 0, col: 3, style: styleOf },
      { row: 6, col: 0, style: styleOf },
    ]);
    expect(res.xml).toContain('<dimension ref="A1:D7"/>');
    expect(res.xml).toContain('<row r="1" spans="1:4">');
    expect(patchSheet('<dimension ref="A1"/><sheetData/>', [{ row: 4, col: 2, style: styleOf }]).xml).toContain('<dimension ref="C5"/>');
    expect(
      patchSheet('<dimension ref="A1:C9"/><sheetData><row r="2"><c r="B2"/></row></sheetData>', [{ row: 1, col: 1, style: styleOf }]).xml,
    ).toContain('<dimension ref="A1:C9"/>');
  });

  it('puts <legacyDrawing> at its schema position', () => {
    const ns = `xmlns="${MAIN}" xmlns:r="${R}"`;
    const cases: [string, string][] = [
      ['<sheetData/><pageMargins/>', '<sheetData/><pageMargins/><legacyDrawing r:id="rId9"/>'],
      [
        '<sheetData/><drawing r:id="rId1"/><tableParts count="0"/><extLst/>',
        '<sheetData/><drawing r:id="rId1"/><legacyDrawing r:id="rId9"/><tableParts count="0"/><extLst/>',
      ],
      ['<sheetData/><legacyDrawingHF r:id="rId2"/>', '<sheetData/><legacyDrawing r:id="rId9"/><legacyDrawingHF r:id="rId2"/>'],
      [
        '<sheetData/><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="x14"><controls/></mc:Choice></mc:AlternateContent>',
        '<sheetData/><legacyDrawing r:id="rId9"/><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="x14"><controls/></mc:Choice></mc:AlternateContent>',
      ],
    ];
    for (const [body, want] of cases)
      expect(insertLegacyDrawing(`<worksheet ${ns}>${body}</worksheet>`, 'rId9', R)).toBe(`<worksheet ${ns}>${want}</worksheet>`);
    expect(insertLegacyDrawing(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`, 'rId9', R)).toBe(
      `<worksheet xmlns="${MAIN}" xmlns:r="${R}"><sheetData/><legacyDrawing r:id="rId9"/></worksheet>`,
    );
  });

  it('keeps a namespace prefix', () => {
    const res = patchSheet('<x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData>', [
      { row: 0, col: 1, style: styleOf, fix: { value: '2153000001', kind: 'text' } },
    ]);
    expect(res.xml).toContain('<x:c r="B1" s="100" t="inlineStr"><x:is><x:t xml:space="preserve">2153000001</x:t></x:is></x:c>');
  });

  it('writes fixes into empty cells only, unless overwrite; never over a formula', () => {
    const xml = `<sheetData><row r="1"><c r="A1" s="2"/><c r="B1" t="s"><v>3</v></c><c r="C1"><f>SUM(1,2)</f><v>3</v></c><c r="D1" t="s"><v>4</v></c></row></sheetData>`;
    const res = patchSheet(xml, [
      { row: 0, col: 0, fix: { value: '2153000001', kind: 'text' } },
      { row: 0, col: 1, fix: { value: 'x', kind: 'text' } },
      { row: 0, col: 2, fix: { value: 1, kind: 'number', overwrite: true } },
      { row: 0, col: 3, fix: { value: 12.5, kind: 'number', overwrite: true } },
      { row: 0, col: 4, fix: { value: 'a<b&c', kind: 'text' } },
    ]);
    const cells = cellsOf(res.xml);
    expect(cells.get('A1')).toEqual({
      attrs: { r: 'A1', s: '2', t: 'inlineStr' },
      inner: '<is><t xml:space="preserve">2153000001</t></is>',
    });
    expect(cells.get('B1')!.inner).toBe('<v>3</v>');
    expect(cells.get('C1')!.inner).toBe('<f>SUM(1,2)</f><v>3</v>');
    expect(cells.get('D1')).toEqual({ attrs: { r: 'D1' }, inner: '<v>12.5</v>' });
    expect(cells.get('E1')!.inner).toBe('<is><t xml:space="preserve">a&lt;b&amp;c</t></is>');
    expect([...res.written].sort()).toEqual(['A1', 'D1', 'E1']);
    expect([...res.refused].sort()).toEqual(['B1', 'C1']);
  });
});

describe('cellHasContent', () => {
  it.each([
    ['', false],
    ['<v></v>', false],
    ['<v/>', false],
    ['<is><t></t></is>', false],
    ['<is><r><t></t></r></is>', false],
    ['<v>0</v>', true],
    ['<f>A1</f>', true],
    ['<f t="shared" si="0"/>', true],
    ['<x:is><x:t>a</x:t></x:is>', true],
  ])('%s → %s', (inner, want) => expect(cellHasContent(inner)).toBe(want));

  it('writes a numeric-string fix of kind number as a number', () => {
    const res = patchSheet('<sheetData/>', [{ row: 0, col: 0, fix: { value: '12.50', kind: 'number' } }]);
    expect(res.xml).toContain('<c r="A1"><v>12.5</v></c>');
  });
});

describe('annotate on hand-made packages', () => {
  it('refuses Strict Open XML with a clear message', () => {
    const wb = workbook('<sheetData/>');
    const files = rawEntries(wb);
    const strict = zipSync(
      Object.fromEntries(
        [...files].map(([n, e]) => [
          n,
          n === 'xl/workbook.xml' ? strToU8(text(e).replace(MAIN, 'http://purl.oclc.org/ooxml/spreadsheetml/main')) : e.content,
        ]),
      ),
    );
    expect(() => annotate(strict, [])).toThrow(AnnotateError);
    expect(() => annotate(strict, [])).toThrow(/Strict/);
  });

  it('a fix on an empty cell is written as text; on a non-empty cell it is not', () => {
    const wb = workbook(`<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>大街小学</t></is></c><c r="B1" s="1"/></row></sheetData>`, {
      styles: STYLES,
    });
    const out = annotate(
      wb,
      [
        finding({
          sheet: '项目一',
          cell: 'B1',
          rule: 'school-code-missing',
          fix: { sheet: '项目一', cell: 'B1', value: '0021530001', kind: 'text' },
        }),
        finding({
          sheet: '项目一',
          cell: 'A1',
          rule: 'school-name-format',
          severity: 'warning',
          fix: { sheet: '项目一', cell: 'A1', value: '玉溪市江川区大街小学', kind: 'text' },
        }),
      ],
      { fix: true },
    );
    const s = snap(out);
    const b1 = s.sheets[0]!.cells.find((c) => c.row === 0 && c.col === 1)!;
    expect(b1.kind).toBe('text');
    expect(b1.value).toBe('0021530001'); // leading zeros kept: text, not a number
    expect(at(s, '项目一', 'A1')).toBe('大街小学');
    expect(at(s, RESULTS_SHEET, 'L2')).toBe('B1 ← 0021530001');
    expect(at(s, RESULTS_SHEET, 'L3')).toBe('未填入：A1 非空');
    // B1 keeps its number format (xf 1) in the flagged clone
    const styles = text(rawEntries(out).get('xl/styles.xml'));
    const xfs = itemsOf(styles, 'cellXfs', 'xf');
    const bS = Number(cellsOf(sheet1(out)).get('B1')!.attrs.s);
    expect(xfs[bS]).toContain('numFmtId="4"');
    expect(xfs[bS]).toContain('applyFill="1"');
  });

  it('a code the copy fills is marked as filled (green, note says from where), not as an open error', () => {
    const wb = workbook(
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>大街小学</t></is></c><c r="B1" s="1"/><c r="C1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>`,
      { styles: STYLES },
    );
    const code = finding({
      sheet: '项目一',
      cell: 'B1',
      rule: 'school-code-missing',
      message: '大街小学 缺少学校代码；学校名册中唯一对应“大街小学”，代码 0021530001，可自动填入',
      expected: '0021530001',
      actual: '',
      data: { registryName: '大街小学' },
      related: [{ sheet: '学校名册', cell: 'A2' }],
      fix: { sheet: '项目一', cell: 'B1', value: '0021530001', kind: 'text' },
    });
    const refused = finding({
      sheet: '项目一',
      cell: 'C1',
      rule: 'school-code-missing',
      fix: { sheet: '项目一', cell: 'C1', value: '0021530002', kind: 'text' },
    });
    const out = annotate(wb, [code, refused], { fix: true });
    const e = rawEntries(out);
    const comments = [...e.keys()]
      .filter((k) => /comments\d*\.xml$/.test(k))
      .map((k) => text(e.get(k)))
      .join('');
    expect(comments).toContain('[已填入] 已填入学校代码 0021530001（来自学校名册“大街小学”，学校名册!A2）');
    expect(comments).not.toContain('[错误] 缺少学校代码：大街小学');
    // the refused fix stays an error
    expect(comments).toContain('[错误] 缺少学校代码：');
    const styles = text(e.get('xl/styles.xml'));
    const xfs = itemsOf(styles, 'cellXfs', 'xf');
    const fills = itemsOf(styles, 'fills', 'fill');
    const fillOf = (ref: string) => fills[Number(/fillId="(\d+)"/.exec(xfs[Number(cellsOf(sheet1(out)).get(ref)!.attrs.s)]!)![1])];
    expect(fillOf('B1')).toContain('FFC6EFCE');
    expect(fillOf('C1')).toContain('FFFFC7CE');
    const s = snap(out);
    expect(at(s, RESULTS_SHEET, 'B2')).toBe('错误（已填入）');
    expect(at(s, RESULTS_SHEET, 'B3')).toBe('错误');
  });

  it('without fix nothing is written and no 已填入 column appears', () => {
    const wb = workbook(`<sheetData><row r="1"><c r="B1" s="1"/></row></sheetData>`, { styles: STYLES });
    const out = annotate(wb, [finding({ sheet: '项目一', cell: 'B1', fix: { sheet: '项目一', cell: 'B1', value: '1', kind: 'text' } })]);
    const s = snap(out);
    expect(at(s, '项目一', 'B1') ?? '').toBe('');
    expect(at(s, RESULTS_SHEET, 'K1')).toBe('说明');
    expect(at(s, RESULTS_SHEET, 'L1')).toBeUndefined();
  });

  it('works on a prefixed (x:) workbook without styles.xml', () => {
    const wb = workbook(`<x:sheetData><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>标题</x:t></x:is></x:c></x:row></x:sheetData>`, {
      prefix: 'x',
    });
    const out = annotate(wb, [finding({ sheet: '项目一', cell: 'A1' }), finding({ sheet: '项目一', cell: 'C4', severity: 'warning' })]);
    const e = rawEntries(out);
    expect(text(e.get('xl/workbook.xml'))).toMatch(/<x:sheet name="检查结果" sheetId="2" r:id="rId\d+"\/><\/x:sheets>/);
    expect(text(e.get('xl/styles.xml'))).toContain('FFFFC7CE');
    expect(text(e.get('xl/_rels/workbook.xml.rels'))).toContain('/styles"');
    expect(text(e.get('[Content_Types].xml'))).toContain('/xl/styles.xml');
    const sh = text(e.get('xl/worksheets/sheet1.xml'));
    expect(sh).toMatch(/<x:legacyDrawing r:id="rId\d"\/><\/x:worksheet>$/);
    expect(sh).toContain(`xmlns:r="${R}"`);
    const s = snap(out);
    expect(at(s, '项目一', 'A1')).toBe('标题');
    expect(at(s, RESULTS_SHEET, 'G3')).toBe('C4');
  });

  it('explained findings are listed with their explanation and not highlighted', () => {
    const wb = workbook(`<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row></sheetData>`, { styles: STYLES });
    const f1 = finding({ sheet: '项目一', cell: 'A1', explanation: '经财政局同意' });
    const f2 = finding({ sheet: '项目一', cell: 'B1', key: 'key-b1' });
    const out = annotate(wb, [f1, f2], {
      explanations: [{ key: 'key-b1', rule: 'total-mismatch', sheet: '项目一', cell: 'B1', text: '另有批复' }],
    });
    const s = snap(out);
    expect(at(s, RESULTS_SHEET, 'B2')).toBe('错误（已说明）');
    expect(at(s, RESULTS_SHEET, 'K2')).toBe('经财政局同意');
    expect(at(s, RESULTS_SHEET, 'K3')).toBe('另有批复');
    const cells = cellsOf(sheet1(out));
    expect(cells.get('A1')!.attrs.s).toBeUndefined();
    expect(cells.get('B1')!.attrs.s).toBeUndefined();
  });

  it('English headers with lang en; a second run names its sheet 检查结果(2)', () => {
    const wb = workbook(`<sheetData/>`, { styles: STYLES });
    const once = annotate(wb, [finding({ sheet: '项目一', cell: 'A1' })], { lang: 'en' });
    const s = snap(once);
    expect(
      s.sheets
        .find((x) => x.name === RESULTS_SHEET)!
        .cells.slice(0, 3)
        .map((c) => c.text),
    ).toEqual(['Rule', 'Severity', 'Project']);
    expect(at(s, RESULTS_SHEET, 'B2')).toBe('error');
    const twice = annotate(once, [finding({ sheet: '项目一', cell: 'A1' })]);
    expect(snap(twice).sheets.map((x) => x.name)).toEqual(['项目一', RESULTS_SHEET, `${RESULTS_SHEET}(2)`]);
  });

  it('a finding on an unknown sheet is listed without a link and flags nothing', () => {
    const wb = workbook(`<sheetData/>`, { styles: STYLES });
    const out = annotate(wb, [finding({ sheet: '不存在', cell: 'A1' })]);
    const e = rawEntries(out);
    expect(text(e.get('xl/worksheets/sheet1.xml'))).toBe(text(rawEntries(wb).get('xl/worksheets/sheet1.xml')));
    const res = text(e.get(sheetParts(e).get(RESULTS_SHEET)!));
    expect(res).not.toContain('<hyperlink ');
    expect(
      snap(out)
        .sheets.find((x) => x.name === RESULTS_SHEET)!
        .cells.some((c) => c.text === '不存在'),
    ).toBe(true);
  });

  it('user text is escaped as XML everywhere', () => {
    const wb = workbook(`<sheetData/>`, { styles: STYLES });
    const evil = `</t></is></c><c r="Z9"><v>1</v></c>&amp;<![CDATA[x]]>'"`;
    const out = annotate(wb, [finding({ sheet: '项目一', cell: 'A1', message: evil, expected: evil, school: evil })], { fix: true });
    const s = snap(out);
    expect(at(s, RESULTS_SHEET, 'H2')).toBe(evil);
    expect(at(s, RESULTS_SHEET, 'D2')).toBe(evil);
    expect(at(s, RESULTS_SHEET, 'Z9')).toBeUndefined();
  });
});

describe('writeExplanations', () => {
  const list = [
    {
      key: 'total-mismatch|m|项目一|B3|0',
      rule: 'total-mismatch',
      sheet: '项目一',
      cell: 'B3',
      text: '已核对 <无误> & 确认',
      at: '2024-05-01T08:00:00Z',
    },
    { key: 'section-missing|m|项目一|A1|0', rule: 'section-missing', sheet: '项目一', cell: 'A1', text: '本项目无此节' },
  ];

  it('adds a very hidden sheet with the rows, keeping every other part byte for byte', () => {
    const original = fixture('rich.xlsx');
    const out = writeExplanations(original, list);
    const a = rawEntries(original);
    const b = rawEntries(out);
    for (const [n, e] of a) {
      if (['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml'].includes(n)) continue;
      expect(bytesEqual(e.raw, b.get(n)!.raw), n).toBe(true);
    }
    const s = snap(out);
    const sheet = s.sheets.find((x) => x.name === EXPLANATION_SHEET)!;
    expect(sheet.visibility).toBe('veryHidden');
    expect(readExplanationSheet(s)).toEqual(list);
  });

  it('replaces the rows when the sheet exists', () => {
    const once = writeExplanations(fixture('rich.xlsx'), list);
    const twice = writeExplanations(once, [list[1]!]);
    const s = snap(twice);
    expect(s.sheets.filter((x) => x.name === EXPLANATION_SHEET)).toHaveLength(1);
    expect(readExplanationSheet(s)).toEqual([list[1]]);
    expect(rawEntries(twice).size).toBe(rawEntries(once).size);
    const none = writeExplanations(twice, []);
    expect(readExplanationSheet(snap(none))).toEqual([]);
  });
});

describe('annotate runs in the browser too', () => {
  it('src/hosts/xlsx/annotate*.ts import only fflate, the core and each other', async () => {
    expect(
      (await import('node:fs')).readFileSync(`${__dirname}/../../../src/hosts/xlsx/encoding.ts`, 'utf8').match(/from\s+'([^']+)'/g),
    ).toEqual(["from './errors'"]);
    expect((await import('node:fs')).readFileSync(`${__dirname}/../../../src/hosts/xlsx/crc32.ts`, 'utf8')).not.toMatch(/\bfrom\s+'/);
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(__dirname, '../../../src/hosts/xlsx');
    const files = readdirSync(dir).filter((n) => /^annotate.*\.ts$/.test(n));
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const src = readFileSync(join(dir, f), 'utf8');
      for (const m of src.matchAll(/from\s+'([^']+)'/g)) {
        const spec = m[1]!;
        // ./encoding: the declared-encoding decoder shared with the reader (imports only ./errors)
        // ./crc32: the zip checksum shared with the reader (imports nothing)
        const ok =
          spec === 'fflate' ||
          spec.startsWith('./annotate') ||
          spec === './encoding' ||
          spec === './crc32' ||
          spec.startsWith('../../core/');
        expect(ok, `${f} imports ${spec}`).toBe(true);
      }
      expect(src, f).not.toMatch(/\bBuffer\b|\bprocess\.|require\(/);
    }
  });
});
