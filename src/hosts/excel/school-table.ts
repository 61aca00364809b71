/**
 * 生成学校表 in Excel (issue 15): the generated table written on a new sheet (or below a project's
 * text) — number formats first (`@` on the code cells, so Excel keeps 2153005307 as text, and on
 * any text Excel would retype: a note 2023-09-01 or -待定, see typed-text.ts), then values and
 * `=SUM(…)` formulas (Excel calculates them), then the merged header areas and the formats. One
 * sync for the write. Loaded when first used (the pane's initial bundle does not carry it); the
 * list's sheets and the selection are in ./school-list.
 */
import type { TemplateBlock, TemplateCell } from '../../core/schools/template';
import { rangeToA1, toA1 } from '../../core/snapshot/a1';
import type { XlBorderIndex, XlContext, XlWorksheet } from './api';
import { syncWrites } from './fixes';
import { formatForText } from './typed-text';

/**
 * Writes a template block on a new sheet `name`, or (`into`) into the existing sheet `name` at the
 * block's own rows (the plan placed it below the sheet's text), formatted as the .xlsx writer does.
 * Into a sheet, the cells it covers are read first: one not empty and nothing is written (its A1 is
 * returned). With `events` (ExcelApi 1.8) no live check starts.
 */
export async function writeTemplateSheet(
  context: XlContext,
  name: string,
  block: TemplateBlock,
  options: { readonly events?: boolean; readonly into?: boolean } = {},
): Promise<{ readonly notEmpty: string } | null> {
  const { top, left, bottom, right } = blockRect(block);
  if (options.into) {
    // nothing existing is overwritten: the cells the table covers are read first (one more sync, only here)
    const target = context.workbook.worksheets.getItem(name).getRange(rangeToA1({ top, left, bottom, right }));
    target.load('formulas');
    await context.sync();
    for (let i = 0; i < target.formulas.length; i++) {
      const j = target.formulas[i]!.findIndex((v) => v !== '' && v !== null);
      if (j >= 0) return { notEmpty: toA1(top + i, left + j) };
    }
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
    const sheet = options.into ? context.workbook.worksheets.getItem(name) : context.workbook.worksheets.add(name);
    const range = sheet.getRange(rangeToA1({ top, left, bottom, right }));
    range.numberFormat = formats;
    range.formulas = formulas;
    for (const m of block.merges) sheet.getRange(rangeToA1(m)).merge(false);
    queueTemplateFormat(sheet, block, { top, left, bottom, right }, { frame: true, widths: !options.into });
  });
  return null;
}

const TABLE_LINES: readonly XlBorderIndex[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

/** A width in characters (the .xlsx `<col width>`) in points, as Range.format.columnWidth takes it: (7 px a character + 5 px) × 0.75. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/**
 * Queues the formats the .xlsx writer gives a template block (in the same batch as its values, so
 * no extra sync): a thin border on every line of the table's rectangle (`frame`), bold cells, the
 * horizontal alignment (and vertical centring) and wrap of the cells that ask for them, and the
 * block's column widths (`widths`; left alone when writing into the user's own sheet).
 */
export function queueTemplateFormat(
  sheet: XlWorksheet,
  block: TemplateBlock,
  rect: { top: number; left: number; bottom: number; right: number },
  options: { readonly frame: boolean; readonly widths: boolean },
): void {
  if (options.frame && block.cells.length > 0) {
    const all = sheet.getRange(rangeToA1(rect));
    for (const side of TABLE_LINES) {
      const line = all.format.borders.getItem(side);
      line.style = 'Continuous';
      line.weight = 'Thin';
    }
  }
  for (const c of block.cells) {
    if (!c.bold && c.align === undefined && !c.wrap) continue;
    const f = sheet.getRange(toA1(c.row, c.col)).format;
    if (c.bold) f.font.bold = true;
    if (c.align !== undefined) f.horizontalAlignment = ALIGN[c.align];
    if (c.align !== undefined || c.wrap) f.verticalAlignment = 'Center';
    if (c.wrap) f.wrapText = true;
  }
  if (options.widths) {
    for (const [col, chars] of Object.entries(block.columnWidths)) {
      sheet.getRange(toA1(rect.top, Number(col))).format.columnWidth = charsToPoints(chars);
    }
  }
}

/** The rectangle a template's cells and merges cover (A1 alone for an empty block). */
export function blockRect(block: { readonly cells: readonly TemplateCell[]; readonly merges: TemplateBlock['merges'] }) {
  const rows = [...block.cells.map((c) => c.row), ...block.merges.flatMap((m) => [m.top, m.bottom])];
  const cols = [...block.cells.map((c) => c.col), ...block.merges.flatMap((m) => [m.left, m.right])];
  if (rows.length === 0) return { top: 0, left: 0, bottom: 0, right: 0 };
  return { top: Math.min(...rows), left: Math.min(...cols), bottom: Math.max(...rows), right: Math.max(...cols) };
}
