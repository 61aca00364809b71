/** Shared formulas: the dependent cells' text is the master's with relative references moved. */
import { columnIndex, columnName } from '../../core/snapshot/a1';

const REF = /(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/y;

/** Moves the relative references of `formula` by (dr, dc); text in quotes is left alone. */
export function shiftFormula(formula: string, dr: number, dc: number): string {
  if (dr === 0 && dc === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"' || ch === "'") {
      const j = formula.indexOf(ch, i + 1);
      const end = j < 0 ? formula.length : j + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const prev = i > 0 ? formula[i - 1]! : '';
    if (!/[\w.]/.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const [, cAbs = '', letters = '', rAbs = '', digits = ''] = m;
        const col = cAbs ? columnIndex(letters) : columnIndex(letters) + dc;
        const row = rAbs ? Number(digits) : Number(digits) + dr;
        if (col >= 0 && row >= 1) {
          out += `${cAbs}${columnName(col)}${rAbs}${row}`;
        } else {
          out += '#REF!';
        }
        i += m[0].length;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}
