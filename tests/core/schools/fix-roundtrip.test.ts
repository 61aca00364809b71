import { describe, expect, it } from 'vitest';
import { checkWorkbook } from '../../../src/core/check';
import { fromA1 } from '../../../src/core/snapshot/a1';
import type { Cell, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import type { Finding } from '../../../src/core/rules/types';
import { registrySheet, seedRegistryRows, seedRows, tableSheet } from './fixtures';

/** Applies every fix the way a host does (text as text, numbers as numbers). */
function applyFixes(snapshot: WorkbookSnapshot, findings: readonly Finding[]): WorkbookSnapshot {
  return {
    sheets: snapshot.sheets.map((s) => {
      const fixes = findings.filter((f) => f.fix?.sheet === s.name).map((f) => f.fix!);
      if (fixes.length === 0) return s;
      const cells = new Map(s.cells.map((c) => [`${c.row},${c.col}`, c]));
      for (const fx of fixes) {
        const p = fromA1(fx.cell)!;
        const c: Cell =
          fx.kind === 'text'
            ? { row: p.row, col: p.col, kind: 'text', value: String(fx.value), text: String(fx.value), numFmt: '@' }
            : { row: p.row, col: p.col, kind: 'number', value: Number(fx.value), text: String(fx.value) };
        cells.set(`${p.row},${p.col}`, c);
      }
      return { ...s, cells: [...cells.values()].sort((a, b) => a.row - b.row || a.col - b.col) };
    }),
  };
}

const SCHOOL = /^(table|school)-/;

describe('fix, then check again', () => {
  it('leaves nothing fixable: codes filled from the registry, names normalised, 小计 and 合计 computed', () => {
    const rows = seedRows();
    rows[4] = { ...rows[4]!, name: '玉溪市江川区大街小学' }; // no 乡镇
    rows[6] = { ...rows[6]!, subtotal: null }; // empty 小计
    rows[7] = { ...rows[7]!, code: { error: '#N/A' } };
    const snapshot: WorkbookSnapshot = {
      sheets: [
        { ...tableSheet({ sheet: '学校明细表', rows, totalRow: { count: null, subtotal: null } }), index: 0 },
        { ...registrySheet(seedRegistryRows()), index: 1 },
      ],
    };
    const before = checkWorkbook({ snapshot }).findings.filter((f) => SCHOOL.test(f.rule));
    expect(before.filter((f) => f.fix).map((f) => `${f.rule} ${f.cell}`)).toEqual(
      expect.arrayContaining([
        'school-code-missing A6',
        'school-code-missing A13',
        'school-name-format B10',
        'table-row-mismatch E12',
        'table-total-mismatch D5',
      ]),
    );
    const after = checkWorkbook({ snapshot: applyFixes(snapshot, before) }).findings.filter((f) => SCHOOL.test(f.rule));
    expect(after.map((f) => `${f.rule} ${f.cell} ${f.message}`)).toEqual([]);
  });
});
