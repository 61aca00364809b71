/**
 * Issue 17 item 10: workbooks saved without calculated values (openpyxl, pandas, report generators
 * write `<f>` and an empty or no `<v>`). The school table's 小计 and 合计 are formulas: they get the
 * value Excel would compute; a formula beyond the evaluator gives one formula-uncalculated finding
 * and never a false "小计为空" or sum error.
 */
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { checkWorkbook } from '../../../src/core/check';
import type { Cell, SheetSnapshot } from '../../../src/core/snapshot/types';
import { toA1 } from '../../../src/core/snapshot/a1';
import { tableSheet } from '../../core/schools/fixtures';
import { sheetXml, str, workbook } from './hostile';

/** A cell the way openpyxl writes it: inline text, a number, or a formula with an empty `<v>`. */
function cellXml(c: Cell | { row: number; col: number; formula: string }): string {
  const ref = toA1(c.row, c.col);
  if ('formula' in c && !('kind' in c && c.kind !== 'empty')) {
    return `<c r="${ref}"><f>${c.formula.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</f><v></v></c>`;
  }
  const k = c;
  if (k.kind === 'number') return `<c r="${ref}"><v>${String(k.value)}</v></c>`;
  return str(ref, k.text);
}

function sheetData(cells: readonly (Cell | { row: number; col: number; formula: string })[]): string {
  const rows = new Map<number, string[]>();
  for (const c of [...cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
    const list = rows.get(c.row) ?? [];
    list.push(cellXml(c));
    rows.set(c.row, list);
  }
  return [...rows].map(([r, xs]) => `<row r="${r + 1}">${xs.join('')}</row>`).join('');
}

function mergesXml(s: SheetSnapshot): string {
  if (s.merges.length === 0) return '';
  return `<mergeCells count="${s.merges.length}">${s.merges.map((m) => `<mergeCell ref="${toA1(m.top, m.left)}:${toA1(m.bottom, m.right)}"/>`).join('')}</mergeCells>`;
}

/** The seed table (合计 first, schools in rows 6–32) with 小计 and 合计 replaced by `formula(row, col)`. */
function tableWithFormulas(formula: (row: number, col: number) => string | null): Uint8Array {
  const s = tableSheet();
  const cells = s.cells.map((c) => {
    const f = c.row >= 4 && c.kind === 'number' ? formula(c.row, c.col) : null;
    return f === null ? c : { row: c.row, col: c.col, formula: f };
  });
  return workbook([{ name: s.name, xml: sheetXml(sheetData(cells), mergesXml(s)) }]);
}

/** The seed table with the code cells of some rows replaced by `formula(row)`. */
function tableWithCodes(formula: (row: number) => string | null): Uint8Array {
  const s = tableSheet();
  const cells: (Cell | { row: number; col: number; formula: string })[] = s.cells.filter((c) => !(c.col === 0 && formula(c.row) !== null));
  for (let r = 0; r < 40; r++) {
    const f = formula(r);
    if (f !== null) cells.push({ row: r, col: 0, formula: f });
  }
  return workbook([{ name: s.name, xml: sheetXml(sheetData(cells), mergesXml(s)) }]);
}

function withValues(): Uint8Array {
  return tableWithFormulas(() => null);
}

/** openpyxl-style: every 小计 is SUM of its sources, every 合计 the SUM of its column. */
const SUMS = (row: number, col: number): string | null => {
  const r = row + 1;
  if (row === 4) return col === 3 || col >= 4 ? `SUM(${toA1(5, col)}:${toA1(31, col)})` : null; // 合计 row
  if (col === 4) return `SUM(F${r}:J${r})`;
  return null;
};

function check(bytes: Uint8Array) {
  const r = readXlsx(bytes);
  if (!r.ok) throw new Error(r.error.zh);
  return checkWorkbook({ snapshot: r.snapshot });
}

const summary = (fs: ReturnType<typeof check>['findings']) => fs.map((f) => `${f.rule} ${f.cell} ${f.message}`);

describe('formulas saved without values (issue 17 item 10)', () => {
  it('SUM in every 小计 and 合计: the same findings as the workbook with values, no "小计为空"', () => {
    const plain = check(withValues());
    const formulas = check(tableWithFormulas(SUMS));
    expect(summary(formulas.findings)).toEqual(summary(plain.findings));
    expect(formulas.findings.filter((f) => f.rule.startsWith('table-'))).toEqual([]);
  });

  it('+, absolute references, ROUND and ÷ are evaluated exactly', () => {
    const formulas = check(
      tableWithFormulas((row, col) => {
        const r = row + 1;
        if (row === 4) return col === 4 ? `ROUND(SUM($E$6:$E$32)*100/100,2)` : col >= 3 ? `SUM(${toA1(5, col)}:${toA1(31, col)})` : null;
        if (col === 4) return `(F${r}+G${r}+H${r})+$I${r}+J${r}*1`;
        if (col === 8) return `ROUND(D${r}*3.12,2)`; // 县（市、区） = guards × 3.12万元
        return null;
      }),
    );
    expect(formulas.findings.filter((f) => f.rule.startsWith('table-') || f.rule === 'formula-uncalculated')).toEqual([]);
    const t = formulas.document.tables[0]!;
    expect(t.total?.funding.subtotal?.fen).toBe(7_238_400_000 / 10); // 723.84万元 in fen
    expect(t.rows[0]!.funding.county).toMatchObject({ fen: 592_800_000 / 10, raw: '59.28' });
  });

  it('a wrong formula is a real finding, found exactly as Excel would compute it', () => {
    const formulas = check(tableWithFormulas((row, col) => (row === 5 && col === 4 ? 'SUM(F6:J6)+0.01' : SUMS(row, col))));
    expect(formulas.findings.filter((f) => f.rule === 'table-row-mismatch').map((f) => [f.cell, f.actual, f.expected])).toEqual([
      ['E5', '723.85', '723.84'], // the 合计 row's SUM carries the error up, as in Excel
      ['E6', '59.29', '59.28'],
    ]);
  });

  it('a formula beyond the evaluator: one formula-uncalculated finding, no false table findings', () => {
    const formulas = check(
      tableWithFormulas((row, col) => (row >= 5 && col === 4 ? `VLOOKUP(B${row + 1},名册!A:B,2,FALSE)` : SUMS(row, col))),
    );
    const rules = formulas.findings.map((f) => f.rule);
    expect(rules.filter((r) => r === 'formula-uncalculated')).toHaveLength(1);
    expect(rules.filter((r) => r.startsWith('table-'))).toEqual([]);
    const f = formulas.findings.find((x) => x.rule === 'formula-uncalculated')!;
    // the 合计 SUM reads them, so it has no value either: 27 + 1 cells; the example is the cause
    expect(f).toMatchObject({ sheet: '项目十一', cell: 'E6', severity: 'error' });
    expect(f.message).toBe(
      "工作簿保存时没有计算公式的值（常见于程序生成的文件）：28 个公式单元格没有结果（如 '项目十一'!E6：=VLOOKUP(B6,名册!A:B,2,FALSE)），这些单元格无法检查。请在 Excel 或 WPS 中打开并保存后再检查",
    );
    expect(f.message).toContain('请在 Excel 或 WPS 中打开并保存后再检查');
  });

  it('school codes: a text formula is evaluated, another formula is not a missing code', () => {
    const codes = (f: (r: number) => string) =>
      check(tableWithCodes((row) => (row >= 5 && row <= 7 ? f(row) : null)))
        .findings.filter((x) => x.rule.startsWith('school-code-') || x.rule === 'formula-uncalculated')
        .map((x) => [x.rule, x.cell]);
    // rows 6–8 hold the three schools without codes: a formula gives them one
    expect(codes(() => '"3453000101"').filter(([r, c]) => r === 'school-code-missing' && c === 'A6')).toEqual([]);
    expect(codes((r) => `TEXT(D${r + 1},"0")`)).toEqual([
      ['formula-uncalculated', 'A6'],
      ['school-code-missing', 'A31'], // the two kindergartens at the end have no code at all
      ['school-code-missing', 'A32'],
    ]);
  });

  it('no fill is offered into a formula cell without a value', () => {
    const formulas = check(tableWithFormulas((row, col) => (row >= 5 && col === 4 ? 'SUMPRODUCT(F6:J6)' : null)));
    expect(formulas.findings.filter((f) => f.fix !== undefined && f.cell.startsWith('E'))).toEqual([]);
  });
});
