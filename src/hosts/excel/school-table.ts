/**
 * 生成学校表 in Excel (issue 15): the sheets to pick the list from, the user's selection as a list
 * source, and the generated table written on a new sheet — number formats first (`@` on the code
 * cells, so Excel keeps 2153005307 as text, and on any text Excel would retype: a note 2023-09-01
 * or -待定, see typed-text.ts), then values and `=SUM(…)` formulas (Excel calculates
 * them), then the merged header areas. One sync for the write.
 */
import type { TemplateBlock } from '../../core/schools/template';
import { parseListSource, type ListSource } from '../../core/schools/from-list';
import { rangeToA1 } from '../../core/snapshot/a1';
import type { XlContext } from './api';
import { syncWrites } from './fixes';
import { formatForText } from './typed-text';

/** The workbook's visible sheets, in order. */
export async function visibleSheets(context: XlContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await context.sync();
  return sheets.items.filter((s) => s.visibility === 'Visible').map((s) => s.name);
}

/** The selection as a list source: a range of several cells, or (a single cell) its whole sheet. */
export async function selectedSource(context: XlContext): Promise<ListSource | null> {
  const r = context.workbook.getSelectedRange();
  r.load('address,rowCount,columnCount');
  await context.sync();
  const parsed = parseListSource(r.address);
  if (!parsed) return null;
  return r.rowCount * r.columnCount > 1 ? parsed : { sheet: parsed.sheet };
}

/** Writes a template block on a new sheet `name`. With `events` (ExcelApi 1.8) no live check starts. */
export async function writeTemplateSheet(
  context: XlContext,
  name: string,
  block: TemplateBlock,
  options: { readonly events?: boolean } = {},
): Promise<void> {
  let top = Infinity;
  let left = Infinity;
  let bottom = 0;
  let right = 0;
  const grow = (r: number, c: number) => {
    top = Math.min(top, r);
    left = Math.min(left, c);
    bottom = Math.max(bottom, r);
    right = Math.max(right, c);
  };
  for (const c of block.cells) grow(c.row, c.col);
  for (const m of block.merges) {
    grow(m.top, m.left);
    grow(m.bottom, m.right);
  }
  if (top === Infinity) {
    top = 0;
    left = 0;
  }
  const rows = bottom - top + 1;
  const cols = right - left + 1;
  const formats: string[][] = Array.from({ length: rows }, () => Array<string>(cols).fill('General'));
  const formulas: (string | number)[][] = Array.from({ length: rows }, () => Array<string | number>(cols).fill(''));
  for (const c of block.cells) {
    const i = c.row - top;
    const j = c.col - left;
    if (c.numFmt !== undefined) formats[i]![j] = c.numFmt;
    // a text Excel would retype (a date, a number, a leading '-' or '+') goes in as Text
    else if (c.formula === undefined) formats[i]![j] = formatForText(c.value, 'General');
    formulas[i]![j] = c.formula !== undefined ? `=${c.formula}` : (c.value ?? '');
  }
  await syncWrites(context, options, () => {
    const sheet = context.workbook.worksheets.add(name);
    const range = sheet.getRange(rangeToA1({ top, left, bottom, right }));
    range.numberFormat = formats;
    range.formulas = formulas;
    for (const m of block.merges) sheet.getRange(rangeToA1(m)).merge(false);
  });
}
