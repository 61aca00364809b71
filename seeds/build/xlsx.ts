/**
 * Writes a SeedBook to .xlsx bytes with exceljs (dev dependency, build time only): values,
 * merges, number formats, column widths, row heights, wrap text, borders. The zip is then
 * re-packed with fixed timestamps so rebuilding gives the same bytes.
 */
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import type { CellRole, SeedBook } from './layouts';

/** Fixed date for workbook properties and zip entries: rebuilding gives the same bytes. */
export const FIXED_DATE = new Date('2023-03-01T00:00:00Z');

const FONT = '宋体';
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleFor(role: CellRole): Partial<ExcelJS.Style> {
  switch (role) {
    case 'title':
      return { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
    case 'project':
      return { font: { name: FONT, size: 14, bold: true }, alignment: { vertical: 'middle', wrapText: true } };
    case 'heading':
      return { font: { name: FONT, size: 12, bold: true }, alignment: { vertical: 'middle', wrapText: true } };
    case 'label':
      return { font: { name: FONT, size: 11, bold: true }, alignment: { vertical: 'top', wrapText: true }, border: BORDER };
    case 'content':
      return { font: { name: FONT, size: 11 }, alignment: { vertical: 'top', wrapText: true }, border: BORDER };
    case 'body':
      return { font: { name: FONT, size: 11 }, alignment: { vertical: 'top', wrapText: true } };
    case 'th':
      return {
        font: { name: FONT, size: 10, bold: true },
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        border: BORDER,
      };
    case 'td':
      return { font: { name: FONT, size: 10 }, alignment: { vertical: 'middle', wrapText: true }, border: BORDER };
    case 'td-code':
      return { font: { name: FONT, size: 10 }, alignment: { horizontal: 'left', vertical: 'middle' }, border: BORDER, numFmt: '@' };
    case 'td-num':
      return { font: { name: FONT, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' }, border: BORDER };
    case 'td-money':
      return { font: { name: FONT, size: 10 }, alignment: { horizontal: 'right', vertical: 'middle' }, border: BORDER, numFmt: '0.00' };
  }
}

export async function bookToXlsx(book: SeedBook): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '玉溪市江川区教育体育局';
  wb.lastModifiedBy = 'disclosure-check seeds';
  wb.title = book.title;
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.lastPrinted = FIXED_DATE;
  for (const s of book.sheets) {
    const ws = wb.addWorksheet(s.name, {
      // 9 is A4 (ExcelJS's PaperSize is an ambient const enum, which isolatedModules cannot read)
      // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- PaperSize.A4 cannot be read as a value under isolatedModules
      pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    });
    s.widths.forEach((w, i) => {
      ws.getColumn(i + 1).width = w;
    });
    for (const [key, role] of s.roles) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      const cell = ws.getCell(r + 1, c + 1);
      cell.style = styleFor(role);
    }
    for (const c of s.cells) {
      const cell = ws.getCell(c.row + 1, c.col + 1);
      cell.value = c.kind === 'number' ? Number(c.value) : String(c.value ?? '');
      if (c.numFmt) cell.numFmt = c.numFmt;
    }
    for (const m of s.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    for (const [r, h] of s.heights) ws.getRow(r + 1).height = h;
  }
  const raw = new Uint8Array(await wb.xlsx.writeBuffer());
  return repack(raw);
}

/** Re-zips with a fixed entry order and fixed timestamps (exceljs stamps the current time). */
export function repack(zip: Uint8Array): Uint8Array {
  const files = unzipSync(zip);
  const out: Zippable = {};
  for (const name of Object.keys(files).sort(order)) {
    out[name] = [files[name]!, { mtime: FIXED_DATE, level: 6 }];
  }
  return zipSync(out);
}

/** [Content_Types].xml first (as Excel writes it), then the rest alphabetically. */
function order(a: string, b: string): number {
  const rank = (n: string): number => (n === '[Content_Types].xml' ? 0 : n.startsWith('_rels/') ? 1 : 2);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
