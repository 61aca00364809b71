/**
 * 生成学校表 in Excel (issue 15): the sheets to pick the list from and the user's selection as a list
 * source. The write is in ./school-table, loaded when first used.
 */
import { parseListSource, type ListSource } from '../../core/schools/list-source';
import type { XlContext } from './api';

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
