import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { toA1 } from '../../../src/core/snapshot/a1';
import { annotate, AnnotateError, NOTE_AUTHOR, RESULTS_SHEET } from '../../../src/hosts/xlsx/annotate';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { gridOf } from '../../../src/core/snapshot/grid';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { bytesEqual, cellsOf, finding, fixture, itemsOf, rawEntries, relsOf, sheetParts, text, type RawEntry } from './annotate-helpers';

const FINDINGS = [
  finding({ sheet: '项目一', cell: 'B3', project: '项目一', expected: '200', actual: '120', message: '合计 <200> & "各项" 不符' }),
  finding({ sheet: '项目一', cell: 'A2', severity: 'warning', rule: 'placeholder-text', message: '占位符' }),
  finding({ sheet: '项目一', cell: 'E9', severity: 'info', rule: 'heading-numbering', message: '空单元格上的提示' }),
  finding({ sheet: '项目一', cell: 'C2', severity: 'warning', rule: 'duplicate-text', message: '有线程批注的单元格' }),
  finding({ sheet: '图表', cell: 'A2', severity: 'warning', rule: 'section-order', message: '图表页上的标记' }),
  finding({
    sheet: '学校名册',
    cell: 'A6',
    rule: 'school-code-missing',
    school: '新学校',
    fix: { sheet: '学校名册', cell: 'A6', value: '2153000009', kind: 'text' },
  }),
];

function snapshot(bytes: Uint8Array): WorkbookSnapshot {
  const r = readXlsx(bytes);
  if (!r.ok) throw r.error;
  return r.snapshot;
}
const cellText = (s: WorkbookSnapshot, sheet: string, a1: string): string | undefined => {
  const sh = s.sheets.find((x) => x.name === sheet);
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  // eslint-disable-next-line @typescript-eslint/no-misused-spread -- column letters, [A-Z]+ by the regex
  const col = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return sh ? gridOf(sh).get(Number(m[2]) - 1, col)?.text : undefined;
};

/** The parts annotation may touch for the fixture's flagged sheets. */
function allowedToChange(before: Map<string, RawEntry>, flaggedSheets: string[]): Set<string> {
  const parts = sheetParts(before);
  const out = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
  for (const s of flaggedSheets) {
    const p = parts.get(s)!;
    out.add(p);
    out.add(relsOf(p));
    const rels = text(before.get(relsOf(p)));
    for (const m of rels.matchAll(/Target="([^"]+)"[^>]*/g)) {
      if (/comments"|vmlDrawing"/.test(m[0]) || /\/comments|vmlDrawing/.test(m[1]!)) {
        out.add(new URL(m[1]!, `http://x/${p}`).pathname.slice(1));
      }
    }
  }
  return out;
}

describe.each(['rich.xlsx', 'rich-lo.xlsx', 'rich.xlsm'])('annotate %s', (name) => {
  const original = fixture(name);
  const out = annotate(original, FINDINGS, { fix: true });
  const before = rawEntries(original);
  const after = rawEntries(out);
  const flagged = ['项目一', '图表', '学校名册'];
  const may = allowedToChange(before, flagged);
  const partsBefore = sheetParts(before);

  it('copies every part it does not need byte for byte (same compressed bytes)', () => {
    const untouched = [...before.keys()].filter((n) => !may.has(n));
    expect(untouched.length).toBeGreaterThan(5);
    for (const n of untouched) {
      const a = before.get(n)!;
      const b = after.get(n);
      expect(b, n).toBeDefined();
      expect(bytesEqual(a.raw, b!.raw), `${n} compressed bytes`).toBe(true);
      expect(b!.crc, n).toBe(a.crc);
    }
    // the parts the fixture exists for are among them
    const kept = untouched.join('\n');
    expect(kept).toMatch(/xl\/charts\/chart1\.xml/);
    expect(kept).toMatch(/xl\/media\/image1\.png/);
    expect(kept).toMatch(/customXml\/item1\.xml/);
    expect(kept).toMatch(/xl\/drawings\/drawing\d\.xml/);
    expect(kept).toMatch(/xl\/sharedStrings\.xml/);
    expect(kept).toContain(partsBefore.get('内部')!);
    if (name !== 'rich-lo.xlsx') {
      expect(kept).toMatch(/xl\/threadedComments\/threadedComment1\.xml/);
      expect(kept).toMatch(/xl\/persons\/person\.xml/);
    }
    if (name === 'rich.xlsm') expect(kept).toMatch(/xl\/vbaProject\.bin/);
    if (name !== 'rich-lo.xlsx') expect(kept).toMatch(/xl\/printerSettings\/printerSettings1\.bin/);
    if (name === 'rich-lo.xlsx') {
      expect(kept).toMatch(/xl\/pivotTables\/pivotTable1\.xml/);
      expect(kept).toMatch(/xl\/pivotCache\/pivotCacheDefinition1\.xml/);
      expect(kept).toMatch(/xl\/pivotCache\/pivotCacheRecords1\.xml/);
    }
  });

  it('keeps every relationship of the flagged sheets and appends only comments/VML ones', () => {
    for (const sheet of flagged) {
      const rels = relsOf(partsBefore.get(sheet)!);
      const a = itemsOf(text(before.get(rels)), 'Relationships', 'Relationship');
      const b = itemsOf(text(after.get(rels)), 'Relationships', 'Relationship');
      expect(b.slice(0, a.length), sheet).toEqual(a);
      for (const r of b.slice(a.length)) expect(r, sheet).toMatch(/relationships\/(comments|vmlDrawing)"/);
    }
  });

  it('every changed or added part is well-formed XML (strict parser)', () => {
    const changed = [...after.keys()].filter((n) => !before.has(n) || !bytesEqual(before.get(n)!.raw, after.get(n)!.raw));
    expect(changed.length).toBeGreaterThan(5);
    for (const n of changed) {
      expect(n, 'only XML parts change').toMatch(/\.(xml|rels|vml)$/);
      if (n.endsWith('.vml') && before.has(n)) continue; // producers' VML need not be XML
      const parser = new SaxesParser({ xmlns: true });
      expect(() => parser.write(text(after.get(n))).close(), n).not.toThrow();
    }
  });

  it('keeps the entries in their original order, new ones after', () => {
    const names = [...after.keys()];
    expect(names.slice(0, before.size)).toEqual([...before.keys()]);
  });

  it('keeps defined names and the sheet list, appending 检查结果', () => {
    const wbA = text(before.get('xl/workbook.xml'));
    const wbB = text(after.get('xl/workbook.xml'));
    const names = (x: string): string => x.slice(x.indexOf('<definedNames'), x.indexOf('</definedNames>'));
    expect(names(wbA)).toContain('省份代码');
    // the existing names are kept; one is added: 检查结果's header row printed on every page
    expect(names(wbB)).toBe(
      `${names(wbA)}<definedName name="_xlnm.Print_Titles" localSheetId="${itemsOf(wbA, 'sheets', 'sheet').length}">&apos;检查结果&apos;!$1:$1</definedName>`,
    );
    const sheetsA = itemsOf(wbA, 'sheets', 'sheet');
    const sheetsB = itemsOf(wbB, 'sheets', 'sheet');
    expect(sheetsB.slice(0, sheetsA.length)).toEqual(sheetsA);
    expect(sheetsB).toHaveLength(sheetsA.length + 1);
    expect(sheetsB.at(-1)).toContain(`name="${RESULTS_SHEET}"`);
    // the copy opens on 检查结果 (activeTab); outside <sheets>, the view and the added name, nothing changed
    expect(/<workbookView [^>]*activeTab="(\d+)"/.exec(wbB)?.[1]).toBe(String(sheetsA.length));
    const strip = (x: string): string =>
      x
        .replace(/<sheets>[\s\S]*<\/sheets>/, '')
        .replace(/<workbookView [^>]*>/, '')
        .replace('<bookViews></bookViews>', '')
        .replace(/<definedName name="_xlnm.Print_Titles"[^<]*<\/definedName>/, '');
    expect(strip(wbB)).toBe(strip(wbA));
    // 检查结果 is the selected tab, printed landscape on one page width
    const res = text(after.get(sheetParts(after).get(RESULTS_SHEET)!));
    expect(res).toContain('<sheetView tabSelected="1"');
    expect(res).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(res).toContain('orientation="landscape" fitToWidth="1" fitToHeight="0"');
  });

  it('changes only the s attribute of flagged cells and adds only flagged/fixed cells', () => {
    for (const sheet of flagged) {
      const part = partsBefore.get(sheet)!;
      const a = cellsOf(text(before.get(part)));
      const b = cellsOf(text(after.get(part)));
      const marked = new Set(FINDINGS.filter((f) => f.sheet === sheet).map((f) => f.cell));
      for (const [ref, c] of a) {
        const d = b.get(ref)!;
        expect(d, `${sheet}!${ref}`).toBeDefined();
        expect(d.inner, `${sheet}!${ref}`).toBe(c.inner);
        const { s: s1, ...rest1 } = c.attrs;
        const { s: s2, ...rest2 } = d.attrs;
        expect(rest2, `${sheet}!${ref}`).toEqual(rest1);
        if (marked.has(ref)) expect(s2).not.toBe(s1);
        else expect(s2).toBe(s1);
      }
      for (const ref of b.keys()) if (!a.has(ref)) expect(marked.has(ref), `${sheet}!${ref} added`).toBe(true);
      // outside sheetData: identical, except the one <legacyDrawing> added when the sheet had none
      const outside = (x: string): string =>
        x
          .replace(/<sheetData[\s\S]*<\/sheetData>|<sheetData\/>/, '')
          .replace(/<legacyDrawing [^>]*\/>/, '')
          .replace(/<dimension ref="[^"]*"/, '<dimension')
          // the copy opens on 检查结果: the sheet selected before is no longer selected
          .replace(/ tabSelected="(1|true)"/, '');
      expect(outside(text(after.get(part)))).toBe(outside(text(before.get(part))));
      // the dimension covers the added cells
      const dim = /<dimension ref="([A-Z]+\d+:)?([A-Z]+)(\d+)"/.exec(text(after.get(part)))!;
      for (const ref of b.keys()) {
        const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
        expect(Number(m[2]), ref).toBeLessThanOrEqual(Number(dim[3]));
        expect(m[1]!.length < dim[2]!.length || (m[1]!.length === dim[2]!.length && m[1]! <= dim[2]!), ref).toBe(true);
      }
    }
  });

  it("appends fills and cell formats to styles.xml, cloning the flagged cell's xf", () => {
    const sA = text(before.get('xl/styles.xml'));
    const sB = text(after.get('xl/styles.xml'));
    const xfA = itemsOf(sA, 'cellXfs', 'xf');
    const xfB = itemsOf(sB, 'cellXfs', 'xf');
    expect(xfB.slice(0, xfA.length)).toEqual(xfA);
    expect(xfB.length).toBeGreaterThan(xfA.length);
    expect(sB).toContain(`<cellXfs count="${xfB.length}"`);
    const fillsA = itemsOf(sA, 'fills', 'fill');
    const fillsB = itemsOf(sB, 'fills', 'fill');
    expect(fillsB.slice(0, fillsA.length)).toEqual(fillsA);
    expect(sB).toContain(`<fills count="${fillsB.length}"`);
    expect(itemsOf(sB, 'fonts', 'font').slice(0, itemsOf(sA, 'fonts', 'font').length)).toEqual(itemsOf(sA, 'fonts', 'font'));
    // B3 (bold blue, #,##0.00): the new xf differs from the old one only in fill
    const part = partsBefore.get('项目一')!;
    const oldS = Number(cellsOf(text(before.get(part))).get('B3')!.attrs.s ?? 0);
    const newS = Number(cellsOf(text(after.get(part))).get('B3')!.attrs.s);
    const norm = (x: string): string => x.replace(/\s*(fillId|applyFill)="[^"]*"/g, '');
    expect(norm(xfB[newS]!)).toBe(norm(xfA[oldS]!));
    const fillId = Number(/fillId="(\d+)"/.exec(xfB[newS]!)![1]);
    expect(fillsB[fillId]).toContain('FFFFC7CE'); // error: red-ish
    // other sections untouched
    for (const sec of ['numFmts', 'borders', 'cellStyleXfs', 'cellStyles', 'dxfs']) {
      const grab = (x: string): string => (x.includes(`<${sec}`) ? x.slice(x.indexOf(`<${sec}`), x.indexOf(`</${sec}>`)) : '');
      expect(grab(sB), sec).toBe(grab(sA));
    }
  });

  it('appends notes, keeping existing notes and threaded-comment notes unchanged', () => {
    const part = partsBefore.get('项目一')!;
    const rels = text(after.get(relsOf(part)));
    const commentsTarget = /Type="[^"]*\/comments" Target="([^"]+)"|Target="([^"]+)" Type="[^"]*\/comments"/.exec(rels)!;
    const commentsPart = new URL(commentsTarget[1] ?? commentsTarget[2]!, `http://x/${part}`).pathname.slice(1);
    const cA = text(before.get(commentsPart));
    const cB = text(after.get(commentsPart));
    const listA = itemsOf(cA, 'commentList', 'comment');
    const listB = itemsOf(cB, 'commentList', 'comment');
    expect(listB.slice(0, listA.length)).toEqual(listA);
    const added = listB.slice(listA.length);
    expect(added.map((c) => /ref="([^"]+)"/.exec(c)![1]).sort()).toEqual(['B3', 'E9']);
    expect(cB).toContain(`<author>${NOTE_AUTHOR}</author>`);
    expect(added.join('')).toContain('合计 &lt;200&gt; &amp; &quot;各项&quot; 不符');
    // the notes name the rule in Chinese, never by its English id
    expect(added.join('')).toContain('[错误] 合计与分项不符：');
    expect(added.join('')).not.toMatch(/[a-z]+-[a-z]+(-[a-z]+)*：/);
    expect(itemsOf(cB, 'authors', 'author').slice(0, itemsOf(cA, 'authors', 'author').length)).toEqual(itemsOf(cA, 'authors', 'author'));
    // the sheet without notes got a comments part, a VML drawing and a <legacyDrawing> after <drawing>
    const chartPart = partsBefore.get('图表')!;
    const chartXml = text(after.get(chartPart));
    expect(chartXml).toMatch(/<drawing r:id="[^"]+"\/><legacyDrawing r:id="[^"]+"\/><\/worksheet>$/);
    const chartRels = text(after.get(relsOf(chartPart)));
    expect(chartRels).toContain('/relationships/drawing"');
    expect(chartRels).toContain('/relationships/comments"');
    expect(chartRels).toContain('/relationships/vmlDrawing"');
    const ct = text(after.get('[Content_Types].xml'));
    expect(ct).toMatch(/Extension="vml"/);
  });

  it('re-reads with the same values, the 检查结果 sheet and the fix', () => {
    const a = snapshot(original);
    const b = snapshot(out);
    for (const sh of a.sheets) {
      const sb = b.sheets.find((x) => x.name === sh.name)!;
      expect(sb.visibility).toBe(sh.visibility);
      const gb = gridOf(sb);
      for (const c of sh.cells) expect(gb.get(c.row, c.col)?.text, `${sh.name} ${c.row},${c.col}`).toBe(c.text);
    }
    expect(cellText(b, '学校名册', 'A6')).toBe('2153000009');
    expect(b.sheets.find((s) => s.name === '学校名册')!.cells.find((c) => c.row === 5 && c.col === 0)?.kind).toBe('text');
    const res = b.sheets.find((s) => s.name === RESULTS_SHEET)!;
    expect(res).toBeDefined();
    expect(cellText(b, RESULTS_SHEET, 'A1')).toBe('规则');
    expect(cellText(b, RESULTS_SHEET, 'L1')).toBe('已填入');
    expect(cellText(b, RESULTS_SHEET, 'A2')).toBe('合计与分项不符');
    expect(cellText(b, RESULTS_SHEET, 'H1')).toBe('问题描述');
    expect(cellText(b, RESULTS_SHEET, 'K1')).toBe('说明');
    expect(cellText(b, RESULTS_SHEET, 'G2')).toBe('B3');
    expect(cellText(b, RESULTS_SHEET, 'L7')).toContain('2153000009');
    const resPart = sheetParts(after).get(RESULTS_SHEET)!;
    expect(text(after.get(resPart))).toContain(`<hyperlink ref="G2" location="&apos;项目一&apos;!B3"`);
  });
});

describe('annotate: bad input', () => {
  it('throws a typed error with zh and en messages for a non-zip', () => {
    const run = (): Uint8Array => annotate(new TextEncoder().encode('not a workbook at all, just text'), []);
    expect(run).toThrow(AnnotateError);
    try {
      run();
    } catch (e) {
      const err = e as AnnotateError;
      expect(err.code).toBe('not-zip');
      expect(err.message).toContain('.xlsx');
      expect(err.messageIn('en')).toMatch(/not an \.xlsx/);
    }
  });

  it('refuses an old .xls (OLE) file with the save-as hint', () => {
    const ole = new Uint8Array(64);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(() => annotate(ole, [])).toThrow(/另存为 \.xlsx/);
  });

  it('refuses a truncated zip', () => {
    const bytes = fixture('rich.xlsx');
    expect(() => annotate(bytes.subarray(0, bytes.length - 40), [])).toThrow(AnnotateError);
  });
});

describe('annotate the seed workbooks (every cell flagged)', () => {
  const SEEDS = join(__dirname, '../../../seeds');
  const seeds = readdirSync(SEEDS).filter((n) => n.endsWith('.xlsx'));

  it('finds the seed workbooks', () => expect(seeds.length).toBeGreaterThan(0));

  it.each(seeds)('%s: values unchanged, every cell flagged, shared parts untouched', (name) => {
    const original = new Uint8Array(readFileSync(join(SEEDS, name)));
    const a = snapshot(original);
    const sevs = ['error', 'warning', 'info'] as const;
    const findings = a.sheets.flatMap((sh) =>
      sh.cells.map((c, i) =>
        finding({ sheet: sh.name, cell: toA1(c.row, c.col), severity: sevs[i % 3]!, message: `检查 ${sh.name} ${c.text.slice(0, 20)}` }),
      ),
    );
    const out = annotate(original, findings, { lang: 'zh' });
    const b = snapshot(out);
    for (const sh of a.sheets) {
      const gb = gridOf(b.sheets.find((x) => x.name === sh.name)!);
      for (const c of sh.cells) expect(gb.get(c.row, c.col)?.text).toBe(c.text);
    }
    expect(b.sheets.find((s) => s.name === RESULTS_SHEET)!.cells.filter((c) => c.col === 0)).toHaveLength(findings.length + 1);
    const ea = rawEntries(original);
    const eb = rawEntries(out);
    for (const n of ['xl/sharedStrings.xml', 'xl/theme/theme1.xml', 'docProps/core.xml']) {
      if (ea.has(n)) expect(bytesEqual(ea.get(n)!.raw, eb.get(n)!.raw), n).toBe(true);
    }
    // every flagged cell got a note, except those that already had one
    const notes = [...eb.keys()].filter((k) => /comments\d*\.xml$/.test(k)).map((k) => (text(eb.get(k)).match(/<comment /g) ?? []).length);
    expect(notes.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(findings.length);
  });
});

describe('annotate: new notes parts are unique', () => {
  it('each new VML drawing gets its own shape-id block and each sheet its own comments part', () => {
    const original = fixture('rich.xlsx');
    const out = annotate(
      original,
      ['项目一', '学校名册', '图表', '内部'].map((sheet) => finding({ sheet, cell: 'H20' })),
    );
    const e = rawEntries(out);
    const vml = [...e.keys()].filter((k) => k.endsWith('.vml'));
    expect(vml.length).toBe(4);
    const blocks = vml.map((k) => /idmap v:ext="edit" data="(\d+)"/.exec(text(e.get(k)))![1]);
    expect(new Set(blocks).size).toBe(4);
    const ids = vml.flatMap((k) => [...text(e.get(k)).matchAll(/id="(_x0000_s\d+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
    const comments = [...e.keys()].filter((k) => /^xl\/comments\d+\.xml$/.test(k));
    expect(comments).toHaveLength(4);
    const ct = text(e.get('[Content_Types].xml'));
    for (const c of comments) expect(ct.split(`PartName="/${c}"`)).toHaveLength(2);
    expect(ct.match(/Extension="vml"/g)).toHaveLength(1);
  });
});
