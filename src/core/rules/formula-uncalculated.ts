import { defineRule, type RawFinding } from './types';
import { qualifiedRef, toA1 } from '../snapshot/a1';
import { lacksValue } from '../formula/lacks-value';

type Id = 'noValues';

/** Longest formula quoted in the message. */
const QUOTE = 60;

/**
 * The workbook was saved without calculated values (openpyxl, pandas, report generators) and holds
 * formulas the evaluator (core/formula) does not compute: one finding for the workbook, at the first
 * such cell. The table rules skip those cells, so they never read as empty or as a wrong sum.
 */
export default defineRule<Id>({
  meta: {
    id: 'formula-uncalculated',
    name: { zh: '公式未计算', en: 'Formulas not calculated' },
    group: 'amount',
    defaultSeverity: 'error',
    fixable: false,
    description: {
      zh: '工作簿保存时未计算公式，有公式没有结果，无法检查',
      en: 'The workbook was saved without calculated values; some formulas have no result and cannot be checked',
    },
    messages: {
      noValues: {
        zh: '工作簿保存时没有计算公式的值（常见于程序生成的文件）：{count} 个公式单元格没有结果（如 {cell}：={formula}），这些单元格无法检查。请在 Excel 或 WPS 中打开并保存后再检查',
        en: 'The workbook was saved without calculated values (common in files written by programs): {count} formula cell(s) have no result (e.g. {cell}: ={formula}) and cannot be checked. Open and save it in Excel or WPS, then check again',
      },
    },
  },
  check(document) {
    // the example is the first formula the evaluator cannot read at all (the cause), else the
    // first cell left without a value (a cycle, a missing sheet, the work bound)
    let first: { sheet: string; row: number; col: number; formula: string } | undefined;
    let cause: typeof first;
    let count = 0;
    // a hidden sheet is not checked (document.skipped lists it)
    const hidden = new Set((document.skipped ?? []).filter((s) => s.reason === 'hidden').map((s) => s.sheet));
    for (const sheet of document.snapshot.sheets) {
      if (hidden.has(sheet.name)) continue;
      for (const c of sheet.cells) {
        if (!lacksValue(c)) continue;
        count++;
        const here = { sheet: sheet.name, row: c.row, col: c.col, formula: c.formula ?? '' };
        first ??= here;
        if (cause === undefined && beyondEvaluator(here.formula)) cause = here;
      }
    }
    first = cause ?? first;
    if (!first) return [];
    const formula = first.formula.length > QUOTE ? `${first.formula.slice(0, QUOTE)}…` : first.formula;
    const out: RawFinding<Id>[] = [
      {
        messageId: 'noValues',
        data: { count, cell: qualifiedRef(first.sheet, toA1(first.row, first.col)), formula },
        ref: { sheet: first.sheet, row: first.row, col: first.col },
        actual: `=${formula}`,
      },
    ];
    return out;
  },
});

/**
 * Whether a formula uses what core/formula does not compute (another function, text, comparison,
 * an array): such a cell is the one to quote. A cheap look at its words, so that the rules (in the
 * task pane's bundle) need not carry the formula parser; the evaluator itself runs in the package reader.
 */
function beyondEvaluator(formula: string): boolean {
  if (/["&<>={}#]/.test(formula)) return true;
  for (const m of formula.matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)) {
    if (!/^(?:SUM|ROUND)$/i.test(m[1] ?? '')) return true;
  }
  return false;
}
