import { fromA1 } from '../../core/snapshot/a1';
import type { XlContext } from './api';

/**
 * Goes to a cell: activates its sheet, selects the cell (Excel scrolls it into view). One sync.
 * Returns false when the sheet or cell does not exist (or the sheet is hidden); never throws.
 */
export async function selectCell(context: XlContext, sheet: string, a1: string): Promise<boolean> {
  if (!fromA1(a1)) return false;
  try {
    const ws = context.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(a1.replace(/\$/g, '')).select();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
