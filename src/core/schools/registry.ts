/**
 * The school registry (学校名册): any sheet whose header row has a code column and a name column
 * and no funding columns, whatever the sheet's name.
 */
import type { WorkbookSnapshot } from '../snapshot/types';
import { gridOf } from '../snapshot/grid';
import type { RegistryEntry } from '../model';
import { codeHeaderCells, hasCodeText, mapColumns, OWN_SHEETS, readHeader } from './table';
import { compact, readCode } from './values';

/** Finds registry sheets by their headers and reads their entries. `source` names the workbook. */
export function readRegistry(snapshot: WorkbookSnapshot, source = 'workbook'): { entries: RegistryEntry[]; sheets: string[] } {
  const entries: RegistryEntry[] = [];
  const sheets: string[] = [];
  // never throws: a malformed snapshot may come without its sheets
  for (const sheet of (snapshot.sheets as WorkbookSnapshot['sheets'] | undefined) ?? []) {
    if (OWN_SHEETS.has(sheet.name) || !hasCodeText(sheet)) continue;
    try {
      const grid = gridOf(sheet);
      for (const a of codeHeaderCells(grid)) {
        const h = readHeader(grid, a.row);
        const cols = mapColumns(h);
        if (cols.code === undefined || cols.name === undefined) continue;
        if (Object.keys(cols.funding).length > 0) continue; // a school table, not a registry
        if (cols.projectName !== undefined && cols.count !== undefined) continue;
        const found: RegistryEntry[] = [];
        let blanks = 0;
        for (const r of grid.rowIndices) {
          if (r <= h.bottom) continue;
          const nameCell = grid.get(r, cols.name);
          const name = nameCell?.text.trim() ?? '';
          const codeCell = grid.get(r, cols.code);
          if (codeCell?.kind === 'text' && codeCell.text.includes('码') && /^(?:学校|机构|代码|标识码)/.test(compact(codeCell.text))) break;
          if (name === '') {
            if (++blanks > 50) break;
            continue;
          }
          blanks = 0;
          if (/^(?:合计|总计|共计)/.test(compact(name))) continue;
          const code = readCode(codeCell, { sheet: sheet.name, row: r, col: cols.code });
          const town = cols.town !== undefined ? (grid.get(r, cols.town)?.text.trim() ?? '') : '';
          const type = cols.type !== undefined ? (grid.get(r, cols.type)?.text.trim() ?? '') : '';
          found.push({
            code: /^\d+$/.test(code.digits) ? code.digits : '',
            name,
            ...(town !== '' && { town }),
            ...(type !== '' && { type }),
            ref: { sheet: sheet.name, row: r, col: cols.name },
            source,
          });
        }
        if (found.length > 0) {
          entries.push(...found);
          if (!sheets.includes(sheet.name)) sheets.push(sheet.name);
          break; // one registry per sheet
        }
      }
    } catch {
      // an odd sheet is simply not a registry
    }
  }
  return { entries, sheets };
}
