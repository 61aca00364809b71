/**
 * PENDING variant cases: inputs where the product is wrong today (not run by vitest: the file
 * name has no `.test`). Each is a complete case (input + expected findings) in the same form as
 * cases.ts; `NOTES` says what the product does instead and which module is the likely cause.
 * When a fix lands, move the case back into cases.ts (variants.test.ts runs it, also via .xlsx).
 *
 *   npx tsx tests/variants/dump.ts --pending          # expected vs actual, per case
 *   npx tsx tests/variants/write-failing.ts           # rewrites tests/fixtures/variants/failing.json
 */
import type { SchoolRowSpec, V } from './build';
import { column, rowOf, schoolTable, sheet, workbook } from './build';
import {
  NUTRITION,
  SC_REGISTRY,
  SC_SCHOOLS,
  SC_TOTAL,
  SUBSIDY,
  TRAINING,
  cellOfLine,
  projectLines,
  replaceBody,
  subsidyWorkbook,
  type VariantCase,
} from './cases';

export const PENDING_CASES: VariantCase[] = [];

{
  const p = replaceBody(SUBSIDY, 5, ['2024年安排家庭经济困难学生生活补助资金110万元，其中：中央资金55万元，省级资金33万元，县级资金22万元，补助学生900人，详见附表1。']);
  const plan = replaceBody(p, 6, ['春季学期拨付55万元，秋季学期拨付55万元。']);
  const { snapshot, lines } = subsidyWorkbook(SC_SCHOOLS, SC_TOTAL, plan);
  PENDING_CASES.push({
    id: 'defect-text-table-amount',
    about: 'text says 110万元, table 合计 1,000,000元',
    snapshot,
    expected: [{ rule: 'text-table-mismatch', sheet: '项目一', cell: cellOfLine(lines, '2024年安排家庭'), project: '项目一' }],
  });
}

// Sheet per project, title = the project's name (no 项目N anywhere).

{
  const wan: SchoolRowSpec[] = [
    ['2151004101 ', '广元市苍溪县陵江镇陵江小学', '学生营养改善计划', 320, { n: 32.0, text: '32.00' }, { n: 28.8, text: '28.80' }, null, null, { n: 3.2, text: '3.20' }, null],
    ['3151004102', '广元市苍溪县陵江镇陵江中学 ', '学生营养改善计划', 250, { n: 25.0, text: '25.00' }, { n: 22.5, text: '22.50' }, null, null, { n: 2.5, text: '2.50' }, null],
    ['3451004104', '广元市苍溪县苍溪中学', '学生营养改善计划', 150, { n: 15.0, text: '15.00' }, { n: 13.5, text: '13.50' }, null, null, { n: 1.5, text: '1.50' }, null],
  ];
  const p = replaceBody(replaceBody({ ...NUTRITION, title: '项目一' }, 5, ['2024年安排资金72万元，其中：中央财政补助资金64.8万元，县级财政配套资金7.2万元，受益学生720人，分校明细如下：']), 6, ['春季学期拨付36万元，秋季学期拨付36万元。']);
  const lines = projectLines(p);
  const at = rowOf(lines, '七、');
  const t = schoolTable(0, { countLabel: '学生数（人）', unit: '万元', numbersRow: true }, wan, { position: 'first', values: [720, { n: 72, text: '72.00' }, { n: 64.8, text: '64.80' }, null, null, { n: 7.2, text: '7.20' }, null] });
  const rows: V[][] = [...column(lines.slice(0, at)), ...t.rows, ...column(lines.slice(at))];
  const merges = t.merges.map((m) => ({ ...m, top: m.top + at, bottom: m.bottom + at }));
  PENDING_CASES.push({ id: 'clean-inline-wan-table', about: 'school table inline under 资金安排情况, 万元 decimals, 合计 first, numbers row, codes as text with trailing spaces', snapshot: workbook(sheet('项目一', rows, merges), SC_REGISTRY), expected: [], projects: 1, tables: 1 });
}


{
  const rows: SchoolRowSpec[] = [
    [2151004101, '广元市苍溪县陵江镇陵江小学', '教师培训', 60, 6, 0, 4, 0, 2, 0],
    [5151004106, '广元市苍溪县特殊教育学校', '教师培训', 20, 2, 0, 1, 0, 1, 0],
    [3151004107, '广元市苍溪县歧坪镇九年制学校', '教师培训', 40, 4, 0, 3, 0, 1, 0],
    [3651004108, '广元市苍溪县职业高级中学', '教师培训', 80, 8, 0, 5, 0, 3, 0],
    [1151004109, '广元市苍溪县实验幼儿园', '教师培训', 30, 3, 0, 2, 0, 1, 0],
    [2151004110, '广元市苍溪县元坝镇中心小学', '教师培训', 50, 5, 0, 3, 0, 2, 0],
  ];
  const t = schoolTable(1, { countLabel: '教师数（人）', unit: '万元' }, rows, { position: 'last', values: [280, 28, 0, 18, 0, 10, 0] });
  t.rows[0] = ['附表1  教师培训分校明细表'];
  const totalRow = t.rows[t.rows.length - 1]!;
  totalRow[1] = '合  计';
  const p = replaceBody(replaceBody({ ...TRAINING, title: '项目一' }, 5, ['2024年安排培训经费28万元，其中：省级资金18万元，县级资金10万元，培训教师280人，详见附表1。']), 6, ['上半年开展全员培训，支出14万元；下半年开展骨干教师培训，支出14万元。']);
  PENDING_CASES.push({
    id: 'clean-school-kinds-teachers',
    about: '特殊教育学校 51 in province 51, 九年制学校, 职业高级中学, county 幼儿园, 中心小学; 教师数（人）; 合  计',
    snapshot: workbook(sheet('项目一', column(projectLines(p))), sheet('附表1', t.rows, t.merges)),
    expected: [],
    projects: 1,
    tables: 1,
  });
}




export interface PendingNote {
  /** 1 = an accountant would call the product wrong (false error/warning); 2 = missed defect. */
  readonly priority: 1 | 2;
  readonly actual: string;
  /** Best guess of the responsible module/function. */
  readonly suspect: string;
}

export const NOTES: Readonly<Record<string, PendingNote>> = {

  'clean-inline-wan-table': {
    priority: 1,
    actual: 'text-table-mismatch ×2 at 项目一!A9 (项目基本概况): “2.3万人” and “8600人” vs table 合计 学生数 720, though 资金安排情况 says 受益学生720人',
    suspect: 'schools: src/core/rules/text-table-mismatch.ts compares counts from every section; should use the section that holds/refers to the table (or prefer a matching count)',
  },
  'clean-school-kinds-teachers': {
    priority: 1,
    actual: 'text-table-mismatch 项目一!A9 (项目基本概况 全县有专任教师4100人) vs 合计 教师数 280 (资金安排情况 says 培训教师280人)',
    suspect: 'schools: src/core/rules/text-table-mismatch.ts (same cause as clean-inline-wan-table)',
  },
  'defect-text-table-amount': {
    priority: 2,
    actual: 'nothing: text 安排…资金110万元，其中：中央55万元，省级33万元，县级22万元，…详见附表1 vs table 合计 1,000,000元 (100万元) not reported',
    suspect: 'schools: src/core/rules/text-table-mismatch.ts (commit 259e947: "without a total word, compare only a single stated amount" – a total followed by 其中 is a stated total)',
  },
};
