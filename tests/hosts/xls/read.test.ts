/**
 * The .xls reader gives the snapshot the .xlsx reader gives for the same workbook: the fixtures in
 * tests/fixtures/xls are the repo's .xlsx files saved as .xls by LibreOffice (README there), and
 * every cell (kind, value, text as shown, number format), merged area and hidden sheet must match,
 * and so must the check's findings and the document the Word export is built from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXls } from '../../../src/hosts/xls/read';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { readWorkbookFile } from '../../../src/hosts/xls/any';
import { checkWorkbook } from '../../../src/core/check';
import { buildDocument } from '../../../src/core/document';
import type { Range, WorkbookSnapshot } from '../../../src/core/snapshot/types';

const ROOT = join(__dirname, '../../..');
const FIXTURES = join(ROOT, 'tests/fixtures/xls');

function read(bytes: Uint8Array, xls: boolean): WorkbookSnapshot {
  const r = xls ? readXls(bytes) : readXlsx(bytes);
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.zh} ${r.error.detail.detail ?? ''}`);
  return r.snapshot;
}

/** Cells without their formula text: the .xls reader reads cached values only (see src/hosts/xls/read.ts). */
function cellsOf(s: WorkbookSnapshot): unknown[] {
  return s.sheets.map((sh) => ({
    name: sh.name,
    index: sh.index,
    cells: sh.cells.map((c) => ({ row: c.row, col: c.col, kind: c.kind, value: c.value, text: c.text, numFmt: c.numFmt })),
    merges: [...sh.merges].map((m: Range) => [m.top, m.left, m.bottom, m.right]).sort(),
  }));
}

const PAIRS: [string, string][] = [
  ['seeds/jiangchuan-2023.xlsx', 'jiangchuan-2023.xls'],
  ['seeds/jiangchuan-2023-one-sheet.xlsx', 'jiangchuan-2023-one-sheet.xls'],
  ['seeds/jiangchuan-2023-two-column.xlsx', 'jiangchuan-2023-two-column.xls'],
  ['tests/fixtures/fidelity/rich.xlsx', 'rich.xls'],
  ['tests/fixtures/xls/formats.xlsx', 'formats.xls'],
];

describe('an .xls reads as the same workbook saved as .xlsx', () => {
  it.each(PAIRS)('%s', (xlsxPath, xlsName) => {
    const a = read(readFileSync(join(ROOT, xlsxPath)), false);
    const b = read(readFileSync(join(FIXTURES, xlsName)), true);
    expect(cellsOf(b)).toEqual(cellsOf(a));
    // LibreOffice saves a very hidden sheet as hidden in .xls (rich.xlsx's 内部): hidden either way
    const hidden = (s: WorkbookSnapshot) => s.sheets.map((x) => (x.visibility === 'veryHidden' ? 'hidden' : x.visibility));
    expect(hidden(b)).toEqual(hidden(a));
    expect(b.sheets.some((x) => x.cells.length > 0)).toBe(true);
    const fa = checkWorkbook({ snapshot: a, lang: 'zh' });
    const fb = checkWorkbook({ snapshot: b, lang: 'zh' });
    expect(fb.findings).toEqual(fa.findings);
    expect(fb.summary).toEqual(fa.summary);
    // what the Word export is built from (the snapshot inside it compared above, formulas aside)
    const doc = (s: WorkbookSnapshot) => ({ ...buildDocument(s), snapshot: null });
    expect(doc(b)).toEqual(doc(a));
  });

  it('the seed has findings to compare (the comparison above is not of two empty lists)', () => {
    const b = read(readFileSync(join(FIXTURES, 'jiangchuan-2023.xls')), true);
    const r = checkWorkbook({ snapshot: b, lang: 'zh' });
    expect(r.summary.errors).toBeGreaterThan(0);
    expect(r.findings.some((f) => f.rule === 'school-code-missing')).toBe(true);
  });

  it('formats.xls: numbers shown as Excel shows them, merged areas, a hidden sheet, formula results', () => {
    const b = read(readFileSync(join(FIXTURES, 'formats.xls')), true);
    const sheet = b.sheets[0]!;
    const at = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col);
    expect(at(2, 0)).toMatchObject({ kind: 'number', value: 1234567.891, text: '1,234,567.89', numFmt: '#,##0.00' });
    expect(at(2, 2)).toMatchObject({ kind: 'number', value: 0.125, text: '12.5%' });
    expect(at(2, 3)).toMatchObject({ kind: 'number', value: 45000, text: '2023-03-15' });
    expect(at(2, 5)).toMatchObject({ kind: 'text', value: '3453009901', numFmt: '@' });
    expect(at(1, 2)).toMatchObject({ kind: 'number', value: 12.34, text: '12.34' });
    expect(at(3, 0)).toMatchObject({ kind: 'number', value: 84 });
    expect(at(3, 2)).toMatchObject({ kind: 'boolean', value: true, text: 'TRUE' });
    expect(at(3, 3)).toMatchObject({ kind: 'error', value: '#DIV/0!' });
    expect(at(4, 1)?.text).toBe('两行两列合并 Café ünïcödé');
    expect(sheet.merges).toContainEqual({ top: 4, bottom: 5, left: 1, right: 2 });
    expect(b.sheets[1]).toMatchObject({ name: '隐藏', visibility: 'hidden' });
  });

  it('readWorkbookFile chooses the reader by the bytes, not the name', () => {
    const xls = readWorkbookFile(readFileSync(join(FIXTURES, 'formats.xls')));
    const xlsx = readWorkbookFile(readFileSync(join(FIXTURES, 'formats.xlsx')));
    expect(xls.ok && xls.format).toBe('xls');
    expect(xlsx.ok && xlsx.format).toBe('xlsx');
  });
});
