/**
 * Inserting a row (section-missing's 插入缺少的部分), pure: what a row insert does to a workbook's
 * references, as Excel does it — the row and every row below move down one, merged areas below
 * move, a merged area the row falls inside grows by one, and every reference to a moved row (in
 * this sheet's formulas and in other sheets' `Sheet!A5`) follows it; a range whose end moved grows.
 * Hosts use `shiftFormulaRows` on their own formulas; `insertRow` does it on a snapshot.
 */
import type { Range, SheetSnapshot, WorkbookSnapshot } from './types';

/** Excel's last row (1-based). */
const MAX_ROW = 1048576;

/**
 * A token of a formula: a string literal (left alone), or a reference with an optional sheet
 * prefix: a cell `A5`, a range `A5:B9`, or a row range `5:9` (column ranges `A:A` never move).
 * Matched only where the previous character cannot continue a name (so `LOG10(` is a function).
 */
const TOKEN =
  /("(?:[^"]|"")*")|(?:(?:'((?:[^']|'')+)'|([A-Za-z_\u00c0-\uffff][\w.\u00c0-\uffff]*))!)?(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?|\$?\d{1,7}:\$?\d{1,7})(?![\w(!.\u00c0-\uffff])/y;

const CELL = /^(\$?[A-Za-z]{1,3})?(\$?)(\d{1,7})$/;

export interface RowShift {
  /** The sheet the row is inserted in. */
  readonly sheet: string;
  /** 0-based row inserted: rows at or below it move down. */
  readonly at: number;
  /** How many rows (1 for a heading). */
  readonly count?: number;
}

function sameSheet(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** One end of a reference (`$B$12`, `12`) moved when its row is at or below the insert; null: off the sheet. */
function moveEnd(end: string, shift: RowShift): string | null {
  const m = CELL.exec(end);
  if (!m) return end;
  const [, col = '', abs = '', digits = ''] = m;
  const row = Number(digits);
  const n = shift.count ?? 1;
  if (row - 1 < shift.at) return end;
  if (row + n > MAX_ROW) return null;
  return `${col}${abs}${row + n}`;
}

/**
 * `formula` (without `=`, written on sheet `formulaSheet`) with its references to moved rows of
 * `shift.sheet` moved: references without a sheet prefix point at `formulaSheet`. Text in double
 * quotes is left alone; a reference pushed off the sheet becomes `#REF!`.
 */
export function shiftFormulaRows(formula: string, formulaSheet: string, shift: RowShift): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const prev = i > 0 ? formula[i - 1]! : '';
    if (prev === '' || !/[\w.$\u00c0-\uffff]/.test(prev)) {
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(formula);
      if (m) {
        const [whole, str, quoted, bare, ref = ''] = m;
        if (str !== undefined) {
          out += whole;
        } else {
          const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? formulaSheet);
          if (!sameSheet(sheet, shift.sheet)) out += whole;
          else {
            const prefix = whole.slice(0, whole.length - ref.length);
            const ends = ref.split(':').map((e) => moveEnd(e, shift));
            out += ends.some((e) => e === null) ? `${prefix}#REF!` : prefix + ends.join(':');
          }
        }
        i += whole.length;
        continue;
      }
    }
    // a quoted sheet name not followed by a reference, or any other character: copied as is
    if (formula[i] === '"') {
      const j = formula.indexOf('"', i + 1);
      const end = j < 0 ? formula.length : j + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    out += formula[i]!;
    i++;
  }
  return out;
}

/** A merged area after the insert: below it moves, across it grows. */
export function shiftRange(r: Range, at: number, count = 1): Range {
  if (r.top >= at) return { ...r, top: r.top + count, bottom: r.bottom + count };
  if (r.bottom >= at) return { ...r, bottom: r.bottom + count };
  return r;
}

/** The snapshot with a row inserted at `shift.at` of `shift.sheet`: cells, merges and formulas (of every sheet) moved. */
export function insertRow(snapshot: WorkbookSnapshot, shift: RowShift): WorkbookSnapshot {
  const n = shift.count ?? 1;
  const sheets = snapshot.sheets.map((sheet): SheetSnapshot => {
    const here = sameSheet(sheet.name, shift.sheet);
    const anyFormula = sheet.cells.some((c) => c.formula !== undefined);
    if (!here && !anyFormula) return sheet;
    const cells = sheet.cells.map((c) => {
      const row = here && c.row >= shift.at ? c.row + n : c.row;
      const formula = c.formula !== undefined ? shiftFormulaRows(c.formula, sheet.name, shift) : undefined;
      if (row === c.row && formula === c.formula) return c;
      return { ...c, row, ...(formula !== undefined && { formula }) };
    });
    return { ...sheet, cells, merges: here ? sheet.merges.map((m) => shiftRange(m, shift.at, n)) : sheet.merges };
  });
  return { ...snapshot, sheets };
}

export { fixOrder, isInsert } from './fix-order';
