import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { annotateCopy } from '../../../src/hosts/xlsx/annotate';
import { shiftWorksheetXml } from '../../../src/hosts/xlsx/annotate-insert';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../../src/core/check';
import type { WorkbookSnapshot } from '../../../src/core/snapshot/types';
import { LINES, missingSectionWorkbook } from './insert-fixture';
import { str, workbook, workbookEntries, zip } from './hostile';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** 项目一 as plain rows (explicit addresses unless `implicit`), plus `extra` cells on row 13 and parts. */
function handMade(options: { implicit?: boolean; row13?: string; calcChain?: boolean } = {}): Uint8Array {
  const rows = LINES.map((t, i) =>
    options.implicit
      ? `<row><c t="inlineStr"><is><t>${t}</t></is></c></row>`
      : `<row r="${i + 1}">${str(`A${i + 1}`, t)}${i === 12 ? (options.row13 ?? '') : ''}</row>`,
  ).join('');
  const sheets = [{ name: '项目一', data: rows }];
  if (!options.calcChain) return workbook(sheets);
  const entries = workbookEntries(sheets);
  entries['xl/_rels/workbook.xml.rels'] = (entries['xl/_rels/workbook.xml.rels'] as string).replace(
    '</Relationships>',
    `<Relationship Id="rId9" Type="${REL}/calcChain" Target="calcChain.xml"/></Relationships>`,
  );
  entries['xl/calcChain.xml'] =
    '<calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B13" i="1"/><c r="B2"/><c r="B15"/></calcChain>';
  return zip(entries);
}

/** The cell formats of styles.xml, in order: the attributes compared and the alignment element. */
function cellXfs(styles: string): { fontId: string; borderId: string; fillId: string; alignment: string }[] {
  const list = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return [...list.matchAll(/<xf\b([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)].map((m) => ({
    fontId: /fontId="(\d+)"/.exec(m[1]!)?.[1] ?? '0',
    borderId: /borderId="(\d+)"/.exec(m[1]!)?.[1] ?? '0',
    fillId: /fillId="(\d+)"/.exec(m[1]!)?.[1] ?? '0',
    alignment: /<alignment[^>]*\/>/.exec(m[2] ?? '')?.[0] ?? '',
  }));
}

function snapshotOf(bytes: Uint8Array): WorkbookSnapshot {
  const r = readXlsx(bytes);
  if (!r.ok) throw new Error(r.error.zh);
  return r.snapshot;
}
const textAt = (s: WorkbookSnapshot, sheet: string, row: number, col = 0) =>
  s.sheets.find((x) => x.name === sheet)!.cells.find((c) => c.row === row && c.col === col);

describe('shiftWorksheetXml', () => {
  it('moves rows, cells, merges, lists of references, the dimension, the view and formulas at or below the row', () => {
    const xml =
      '<worksheet><dimension ref="A1:C9"/><sheetViews><sheetView><pane topLeftCell="A6"/><selection activeCell="B5" sqref="B5 A1:A2"/></sheetView></sheetViews>' +
      '<sheetData><row r="4"><c r="A4"><v>1</v></c></row><row r="5" spans="1:2"><c r="B5"><f>SUM(A1:A5)&amp;"A5"</f></c></row></sheetData>' +
      '<mergeCells><mergeCell ref="A2:A3"/><mergeCell ref="B4:B6"/></mergeCells><conditionalFormatting sqref="A5:A9 C1"><cfRule><formula>A5&gt;0</formula></cfRule></conditionalFormatting></worksheet>';
    expect(shiftWorksheetXml(xml, 'S', { sheet: 'S', at: 4 }, true)).toBe(
      '<worksheet><dimension ref="A1:C10"/><sheetViews><sheetView><pane topLeftCell="A7"/><selection activeCell="B6" sqref="B6 A1:A2"/></sheetView></sheetViews>' +
        '<sheetData><row r="4"><c r="A4"><v>1</v></c></row><row r="6" spans="1:2"><c r="B6"><f>SUM(A1:A6)&amp;&quot;A5&quot;</f></c></row></sheetData>' +
        '<mergeCells><mergeCell ref="A2:A3"/><mergeCell ref="B4:B7"/></mergeCells><conditionalFormatting sqref="A6:A10 C1"><cfRule><formula>A6&gt;0</formula></cfRule></conditionalFormatting></worksheet>',
    );
  });
  it('in another sheet, moves only the formulas that name the sheet', () => {
    const xml = '<worksheet><dimension ref="A1:A9"/><sheetData><row r="9"><c r="A9"><f>S!A5+A5</f></c></row></sheetData></worksheet>';
    expect(shiftWorksheetXml(xml, 'T', { sheet: 'S', at: 4 }, false)).toBe(
      '<worksheet><dimension ref="A1:A9"/><sheetData><row r="9"><c r="A9"><f>S!A6+A5</f></c></row></sheetData></worksheet>',
    );
  });
});

describe('the annotated copy with --fix inserts the missing section', () => {
  it('inserts the row: cells, merges, links, validations, formats, other sheets and names follow; the re-check finds the section empty', async () => {
    const bytes = await missingSectionWorkbook();
    const before = checkWorkbook({ snapshot: snapshotOf(bytes) });
    const missing = before.findings.find((f) => f.rule === 'section-missing')!;
    expect(missing.fix).toEqual({ sheet: '项目一', cell: 'A12', value: '六、资金安排情况', kind: 'text', insert: 'row' });

    const out = annotateCopy(bytes, before.findings, { fix: true });
    expect(out.inserted).toEqual([missing.fix]);
    expect(out.notInserted).toEqual([]);
    const copy = snapshotOf(out.bytes);
    expect(textAt(copy, '项目一', 11)?.text).toBe('六、资金安排情况');
    expect(textAt(copy, '项目一', 12)?.text).toBe('七、项目实施计划');
    expect(textAt(copy, '项目一', 10)?.text).toBe('发放助学金。');
    expect(textAt(copy, '项目一', 16, 2)?.formula).toBe('SUM(C14:C15)');
    expect(textAt(copy, '汇总', 0)?.formula).toBe("'项目一'!C17+项目一!C14");
    expect(textAt(copy, '汇总', 1)?.formula).toBe('项目一!A13');
    expect(copy.sheets.find((s) => s.name === '项目一')!.merges).toEqual([
      { top: 1, left: 3, bottom: 2, right: 4 },
      { top: 9, left: 3, bottom: 13, right: 3 },
      { top: 14, left: 3, bottom: 14, right: 4 },
    ]);
    const files = unzipSync(out.bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).toContain('<dataValidation type="whole" allowBlank="1" sqref="C14">');
    expect(sheet).toContain(
      '<conditionalFormatting sqref="C14:C15"><cfRule type="expression" dxfId="0" priority="1"><formula>C14&gt;4</formula>',
    );
    expect(sheet).toContain('location="#&apos;项目一&apos;!A15"');
    expect(strFromU8(files['xl/workbook.xml']!)).toContain('<definedName name="计划段">&apos;项目一&apos;!$A$13:$A$16</definedName>');

    const after = checkWorkbook({ snapshot: copy });
    expect(after.findings.filter((f) => f.rule === 'section-missing')).toEqual([]);
    expect(after.findings.filter((f) => f.rule === 'section-empty').map((f) => [f.sheet, f.cell])).toEqual([['项目一', 'A12']]);
    // 检查结果 says where the heading went
    const results = copy.sheets.find((s) => s.name === '检查结果')!;
    expect(results.cells.some((c) => c.text === 'A12 ← 六、资金安排情况（插入一行）')).toBe(true);
  });

  it('refuses, with one sentence, a sheet with objects anchored to its cells (a comment), and leaves it whole', async () => {
    const bytes = await missingSectionWorkbook({ comment: true });
    const findings = checkWorkbook({ snapshot: snapshotOf(bytes) }).findings;
    const out = annotateCopy(bytes, findings, { fix: true });
    expect(out.inserted).toEqual([]);
    expect(out.notInserted.map((x) => x.why.zh)).toEqual([
      '工作表“项目一”含有表格、图形、批注等对象，插入行无法安全移动它们，副本中未插入（请在 Excel 中插入）',
    ]);
    const copy = snapshotOf(out.bytes);
    expect(textAt(copy, '项目一', 11)?.text).toBe('七、项目实施计划');
    expect(textAt(copy, '汇总', 1)?.formula).toBe('项目一!A12');
    expect(checkWorkbook({ snapshot: copy }).findings.some((f) => f.rule === 'section-missing')).toBe(true);
  });

  it("the inserted heading takes its neighbour heading's format (font, border, alignment); its fill says filled", async () => {
    const bytes = await missingSectionWorkbook({ headings: true });
    const out = annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings, { fix: true });
    const files = unzipSync(out.bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    const xfs = cellXfs(strFromU8(files['xl/styles.xml']!));
    const xfOf = (a1: string) => xfs[Number(new RegExp(`<c r="${a1}"[^>]*? s="(\\d+)"`).exec(sheet)?.[1] ?? 0)]!;
    const heading = xfOf('A12');
    const neighbour = xfOf('A13'); // 七、项目实施计划, moved down by the insert
    const text = xfOf('A11'); // 发放助学金。, not a heading
    for (const k of ['fontId', 'borderId', 'alignment'] as const) expect(heading[k]).toBe(neighbour[k]);
    expect(heading.fontId).not.toBe(text.fontId);
    expect(heading.fillId).not.toBe(neighbour.fillId); // the light green of a value the copy filled
    expect(textAt(snapshotOf(out.bytes), '项目一', 11)?.text).toBe('六、资金安排情况');
  });

  it('without --fix, nothing is inserted', async () => {
    const bytes = await missingSectionWorkbook();
    const out = annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings);
    expect(out.inserted).toEqual([]);
    expect(textAt(snapshotOf(out.bytes), '项目一', 11)?.text).toBe('七、项目实施计划');
  });

  it('refuses a sheet whose rows have no address, and one with shared formulas; moves the calculation chain', () => {
    const refusedFor = (bytes: Uint8Array) => {
      const findings = checkWorkbook({ snapshot: snapshotOf(bytes) }).findings;
      expect(findings.find((f) => f.rule === 'section-missing')?.fix?.insert).toBe('row');
      return annotateCopy(bytes, findings, { fix: true }).notInserted.map((x) => x.why.en);
    };
    expect(refusedFor(handMade({ implicit: true }))).toEqual([
      'sheet "项目一" has rows or cells without an address, which an insert cannot move safely; not inserted in the copy (insert it in Excel)',
    ]);
    const shared = '<c r="B13"><f t="shared" ref="B13:B14" si="0">A13</f><v>0</v></c>';
    expect(refusedFor(handMade({ row13: shared }))).toEqual([
      'sheet "项目一" is involved in shared or array formulas that an insert cannot adjust safely; not inserted in the copy (insert it in Excel)',
    ]);
    const bytes = handMade({ row13: '<c r="B13"><f>LEN(A13)</f><v>8</v></c>', calcChain: true });
    const out = annotateCopy(bytes, checkWorkbook({ snapshot: snapshotOf(bytes) }).findings, { fix: true });
    expect(out.inserted).toHaveLength(1);
    expect(strFromU8(unzipSync(out.bytes)['xl/calcChain.xml']!)).toContain('<c r="B14" i="1"/><c r="B2"/><c r="B16"/>');
    expect(textAt(snapshotOf(out.bytes), '项目一', 13, 1)?.formula).toBe('LEN(A14)');
  });
});
