/**
 * Writes a variant snapshot as a real .xlsx with exceljs (numbers stay numbers, multi-line cells
 * wrap, merges are merged) so the cases can also go through the .xlsx reader, as the CLI does.
 */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';

export async function toXlsx(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of snapshot.sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.visibility });
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const c of s.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = c.value;
      if (c.numFmt !== undefined) cell.numFmt = c.numFmt;
      if (typeof c.value === 'string' && c.value.includes('\n')) cell.alignment = { wrapText: true };
    }
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf);
}
