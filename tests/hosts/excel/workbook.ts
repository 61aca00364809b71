/** Test workbooks for the Excel host: a project text sheet, a school table with merges, formulas, errors. */
import type { Cell, SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot/types';
import type { Finding, Severity } from '../../../src/core/rules/types';
import { fromA1 } from '../../../src/core/snapshot/a1';
import type { HostCaps } from '../../../src/hosts/excel/caps';

/** Everything a current Excel (ExcelApi 1.18) can do. */
export const ALL_CAPS: HostCaps = {
  notes: true,
  merges: true,
  settings: true,
  xmlParts: true,
  events: true,
  comments: true,
  delayForCellEdit: true,
  triggerSource: true,
};

const text = (row: number, col: number, t: string): Cell => ({ row, col, kind: 'text', value: t, text: t });
const num = (row: number, col: number, n: number, numFmt?: string): Cell => ({
  row,
  col,
  kind: 'number',
  value: n,
  text: String(n),
  ...(numFmt !== undefined && { numFmt }),
});

export function projectSheet(name: string, index: number): SheetSnapshot {
  return {
    name,
    index,
    visibility: 'visible',
    cells: [
      text(0, 0, `${name}：学生资助补助经费`),
      text(1, 0, '一、项目名称'),
      text(2, 0, '学生资助补助经费'),
      text(3, 0, '六、资金安排情况'),
      text(4, 0, '2023年安排资金148.61万元。'),
      text(5, 0, '七、项目实施计划'),
      text(6, 0, '资金安排148.61万元，其中：省级资金100万元。'),
    ],
    merges: [],
  };
}

export function tableSheet(name: string, index: number): SheetSnapshot {
  return {
    name,
    index,
    visibility: 'visible',
    cells: [
      text(0, 0, '序号'),
      text(0, 1, '学校代码'),
      text(0, 2, '学校名称'),
      text(0, 3, '资金（万元）'),
      num(1, 0, 1),
      { row: 1, col: 1, kind: 'text', value: '5304210001', text: '5304210001', numFmt: '@' },
      text(1, 2, '玉溪市江川区第一中学'),
      num(1, 3, 12.5, '0.00'),
      num(2, 0, 2),
      text(2, 2, '玉溪市江川区前卫镇中心小学'),
      num(2, 3, 7.25, '0.00'),
      text(3, 0, '合计'),
      { row: 3, col: 3, kind: 'number', value: 19.75, text: '19.75', formula: 'SUM(D2:D3)', numFmt: '0.00' },
      { row: 4, col: 3, kind: 'error', value: '#REF!', text: '#REF!', formula: '#REF!+1' },
    ],
    merges: [{ top: 3, left: 0, bottom: 3, right: 2 }],
  };
}

export function workbook(projects = 2): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  for (let i = 0; i < projects; i++) sheets.push(projectSheet(`项目${i + 1}`, i));
  sheets.push(tableSheet('学校明细', projects));
  return { sheets };
}

let n = 0;
export function finding(sheet: string, cell: string, severity: Severity = 'error', message = `问题${++n}`): Finding {
  const p = fromA1(cell)!;
  return { rule: 'total-mismatch', severity, message, messageId: 'm', sheet, cell, row: p.row, col: p.col, key: `k|${sheet}|${cell}` };
}
