/**
 * Variant workbooks (another province, other wording, other layouts) with the findings an
 * accountant expects, written beside each input, markdownlint-fixture style.
 *
 * `expected` lists every error and warning the check must produce (infos are not compared):
 * rule, sheet, cell (one A1, a list of acceptable cells, or '*' where any cell of the project
 * is acceptable) and project. A case with `expected: []` is clean: zero errors, zero warnings.
 *
 * The bureau: 四川省广元市苍溪县教育局 (province 51), school codes 2151xxxxxx etc.
 */
import type { WorkbookSnapshot } from '../../src/core/snapshot/types';
import { a1, column, rowOf, schoolTable, sheet, workbook, type SchoolRowSpec, type V } from './build';

export interface Expected {
  rule: string;
  sheet: string;
  cell: string | string[];
  project?: string;
}

export interface VariantCase {
  id: string;
  about: string;
  snapshot: WorkbookSnapshot;
  expected: Expected[];
  /** How many projects the reader must find (checked when given). */
  projects?: number;
  /** How many school tables the reader must find (checked when given). */
  tables?: number;
  /** The sheets that must be reported as skipped, with their reason (checked when given). */
  skipped?: { sheet: string; reason: string }[];
}

// ---------------------------------------------------------------------------------------------
// Project texts (eight sections), as lists of lines; `num` numbers the headings.

type Num = (i: number) => string;
export const CN = ['一', '二', '三', '四', '五', '六', '七', '八'];
export const numCnDun: Num = (i) => `${CN[i]}、`;
export const numCnParen: Num = (i) => `（${CN[i]}）`;
export const numArabicDot: Num = (i) => `${i + 1}.`;
export const numArabicDun: Num = (i) => `${i + 1}、`;
export const numNone: Num = () => '';

export const STANDARD = [
  '项目名称',
  '立项依据',
  '项目实施单位',
  '项目基本概况',
  '项目实施内容',
  '资金安排情况',
  '项目实施计划',
  '项目实施成效',
];
export const VARIANT = ['项目名称', '立项依据', '实施单位', '项目概况', '实施内容', '资金来源及安排', '进度安排', '绩效目标'];

/** A project: 8 section bodies (each a list of paragraphs; null = section left out). */
export interface ProjectText {
  title: string;
  bodies: (string[] | null)[];
}

export function projectLines(p: ProjectText, labels: string[] = STANDARD, num: Num = numCnDun): string[] {
  const lines = [p.title];
  p.bodies.forEach((b, i) => {
    if (b === null) return;
    lines.push(`${num(i)}${labels[i]}`);
    lines.push(...b);
  });
  return lines;
}

export const NUTRITION: ProjectText = {
  title: '项目一',
  bodies: [
    ['苍溪县农村义务教育学生营养改善计划'],
    [
      '根据《四川省人民政府办公厅关于实施农村义务教育学生营养改善计划的意见》（川办发〔2012〕12号）和《四川省教育厅 四川省财政厅关于调整农村义务教育学生营养膳食补助标准的通知》（川教〔2021〕98号）要求实施。',
    ],
    ['苍溪县教育局及各农村义务教育学校'],
    ['全县共有农村义务教育学校45所，在校学生2.3万人，其中寄宿制学生8600人，营养改善计划覆盖率100%。2023年9月1日起执行新的补助标准。'],
    [
      '（一）为农村义务教育学校学生提供营养膳食补助，补助标准为每生每天5元，全年按200天计算。',
      '（二）加强食堂管理，落实食品安全校长负责制，87个食堂全部实行“互联网+明厨亮灶”。',
    ],
    ['2024年安排资金2300万元，其中：中央财政补助资金2070万元，县级财政配套资金230万元。'],
    ['2024年春季学期拨付资金1150万元，秋季学期拨付资金1150万元。'],
    ['保障农村义务教育学生营养膳食供给，学生营养状况和体质健康水平明显提升，学生满意度达到90%以上。'],
  ],
};

export const REPAIR: ProjectText = {
  title: '项目二',
  bodies: [
    ['农村义务教育学校校舍维修改造项目'],
    ['《四川省义务教育薄弱环节改善与能力提升项目管理办法》（川教函〔2023〕215号）。'],
    ['苍溪县教育局'],
    ['全县部分农村学校校舍建于上世纪九十年代，屋面渗漏、墙体开裂，存在安全隐患，需进行维修改造，涉及学校6所，维修面积约12000平方米。'],
    ['1.屋面防水维修8600平方米；', '2.外墙及内墙维修3400平方米；', '3.改造厕所6座。'],
    ['项目总投资￥1,200,000.00（大写：壹佰贰拾万元整），全部由县级财政安排。'],
    ['2024年4月完成招标，5月至8月利用暑期施工，9月完成竣工验收并支付工程款120万元。'],
    ['消除校舍安全隐患，改善6所农村学校办学条件，惠及学生3200人。'],
  ],
};

export const PRESCHOOL: ProjectText = {
  title: '项目三',
  bodies: [
    ['学前教育保教费减免'],
    ['《四川省财政厅 四川省教育厅关于学前教育保教费减免的通知》（川财教〔2022〕45号）。'],
    ['苍溪县教育局'],
    ['全县公办幼儿园在园幼儿3500人，按规定减免保教费。'],
    ['对在园幼儿按每生每年1200元的标准减免保教费。'],
    ['需资金1200元×3500人=420万元，其中：中央资金210万元，省级资金126万元，县级资金84万元。'],
    ['春季学期拨付210万元，秋季学期拨付210万元。'],
    ['减轻家庭教育负担，学前三年毛入园率达到92%。'],
  ],
};

export const PUBLIC_FUNDS: ProjectText = {
  title: '项目四',
  bodies: [
    ['城乡义务教育学校公用经费保障'],
    ['《国务院关于进一步完善城乡义务教育经费保障机制的通知》（国发〔2015〕67号）。'],
    ['苍溪县教育局'],
    ['全县义务教育阶段学校78所，在校学生6.2万人。'],
    ['按小学每生每年720元、初中每生每年940元的标准安排公用经费，保障学校正常运转。'],
    ['2024年安排义务教育公用经费1.2亿元，其中：中央资金8000万元，省级资金2400万元，县级资金1600万元。'],
    ['第一季度拨付3000万元，第二季度拨付3000万元，第三季度拨付3000万元，第四季度拨付3000万元。'],
    ['保障义务教育学校正常运转，学校运转经费按时足额到位率100%。'],
  ],
};

export const TRAINING: ProjectText = {
  title: '项目五',
  bodies: [
    ['中小学教师全员培训'],
    ['《四川省中小学幼儿园教师培训管理办法》（川教〔2020〕36号）。'],
    ['苍溪县教师进修学校'],
    ['全县有专任教师4100人，每五年一周期完成不少于360学时的培训。'],
    ['（一）开展新课标全员培训；', '（二）开展骨干教师专项培训。'],
    ['项目预算约40万元，其中：省级培训经费约25万元，县级配套约15万元。'],
    ['上半年开展全员培训，支出约20万元；下半年开展骨干教师培训，支出约20万元。'],
    ['完成全员培训4100人次，参训教师满意度不低于95%。'],
  ],
};

export function oneProjectSheet(
  id: string,
  about: string,
  p: ProjectText,
  expected: (lines: string[]) => Expected[],
  opts: { labels?: string[]; num?: Num; sheetName?: string } = {},
): VariantCase {
  // a one-project workbook: the project is 项目一 (a lone 项目二 is a real numbering gap)
  const lines = projectLines({ ...p, title: '项目一' }, opts.labels, opts.num);
  const name = opts.sheetName ?? '项目一';
  return { id, about, snapshot: workbook(sheet(name, column(lines))), expected: expected(lines) };
}

export function replaceBody(p: ProjectText, section: number, body: string[] | null, title?: string): ProjectText {
  return { title: title ?? p.title, bodies: p.bodies.map((b, i) => (i === section ? body : b)) };
}

export const cellOfLine = (lines: string[], needle: string): string => a1(rowOf(lines, needle));

// ---------------------------------------------------------------------------------------------
// The school table case (附表1 on its own sheet, 元, codes as numbers, 合计 last) with registry.

export const SC_SCHOOLS: SchoolRowSpec[] = [
  [2151004101, '广元市苍溪县陵江镇陵江小学', '家庭经济困难学生生活补助', 320, 320000, 160000, 96000, 0, 64000, 0],
  [3151004102, '广元市苍溪县陵江镇陵江中学', '家庭经济困难学生生活补助', 250, 312500, 156250, 93750, 0, 62500, 0],
  [2151004103, '广元市苍溪县歧坪镇歧坪小学', '家庭经济困难学生生活补助', 180, 180000, 90000, 54000, 0, 36000, 0],
  [3451004104, '广元市苍溪县苍溪中学', '家庭经济困难学生生活补助', 150, 187500, 93750, 56250, 0, 37500, 0],
];
export const SC_TOTAL: [V, ...V[]] = [900, 1000000, 500000, 300000, 0, 200000, 0];

export const SC_REGISTRY = sheet('学校基本信息', [
  ['序号', '学校标识码', '学校名称', '所在乡镇', '办学类型'],
  [1, '2151004101', '陵江小学', '陵江镇', '小学'],
  [2, '3151004102', '陵江中学', '陵江镇', '初级中学'],
  [3, '2151004103', '歧坪小学', '歧坪镇', '小学'],
  [4, '3451004104', '苍溪中学', '', '完全中学'],
  [5, '1151004105', '元坝镇中心幼儿园', '元坝镇', '幼儿园'],
]);

export const SUBSIDY: ProjectText = {
  title: '项目一',
  bodies: [
    ['家庭经济困难学生生活补助'],
    ['《四川省学生资助资金管理办法》（川财规〔2022〕5号）。'],
    ['苍溪县学生资助管理中心'],
    ['对义务教育阶段家庭经济困难寄宿生给予生活补助，小学每生每年1000元，初中每生每年1250元。'],
    ['按学期核定受助学生名单，资金直接发放到学生银行卡。'],
    ['2024年安排家庭经济困难学生生活补助资金100万元，其中：中央资金50万元，省级资金30万元，县级资金20万元，补助学生900人，详见附表1。'],
    ['春季学期拨付50万元，秋季学期拨付50万元。'],
    ['保障家庭经济困难学生顺利完成学业，资助覆盖率100%。'],
  ],
};

export const SC_TABLE_OPTS = {
  countLabel: '学生人数（人）',
  unit: '元' as const,
  funding: ['小计', '中央', '省级', '市级', '县级', '其他'] as [string, string, string, string, string, string],
  codeLabel: '学校标识码',
  nameLabel: '学校名称',
};

export function subsidyWorkbook(
  rows: SchoolRowSpec[] = SC_SCHOOLS,
  total: [V, ...V[]] = SC_TOTAL,
  project: ProjectText = SUBSIDY,
): { snapshot: WorkbookSnapshot; lines: string[]; tableTop: number } {
  const lines = projectLines(project);
  const title: V[][] = [
    ['附表1'],
    ['苍溪县2024年家庭经济困难学生生活补助分校明细表'],
    [null, null, null, null, null, null, null, null, null, '单位：元'],
  ];
  const t = schoolTable(title.length, SC_TABLE_OPTS, rows, { position: 'last', values: total });
  const tableRows = t.rows.map((r, i) => (i < title.length ? title[i]! : r));
  const snapshot = workbook(
    sheet('封面', column(['苍溪县教育局2024年预算重点领域财政项目文本公开', '', '苍溪县教育局', '2024年2月'])),
    sheet('填报说明', column(['填报说明：', '1.本表金额单位除注明外为万元。', '2.学校代码为教育部10位学校标识码。'])),
    sheet('项目一', column(lines)),
    sheet('附表1', tableRows, [{ top: 1, left: 0, bottom: 1, right: 10 }, ...t.merges]),
    SC_REGISTRY,
  );
  return { snapshot, lines, tableTop: title.length };
}

/** 0-based sheet row of data row i (after the 3 title rows and 2 header rows). */
export const scRow = (i: number): number => 3 + 2 + i;

// ---------------------------------------------------------------------------------------------

export const CASES: VariantCase[] = [];

// 1–5: clean projects, one sheet each, standard labels, 一、 numbering.
for (const p of [NUTRITION, REPAIR, PRESCHOOL, PUBLIC_FUNDS, TRAINING]) {
  CASES.push(oneProjectSheet(`clean-${p.title}`, `clean ${p.bodies[0]![0]} (Sichuan)`, p, () => []));
}

// 6: all five clean projects in one workbook, sheets named "1.营养改善计划"-style (sheet name ≠ title).
{
  const ps = [NUTRITION, REPAIR, PRESCHOOL, PUBLIC_FUNDS, TRAINING];
  CASES.push({
    id: 'clean-five-sheets-named-by-project',
    about: 'five clean projects, sheets named 1.xxx, a cover sheet',
    snapshot: workbook(
      sheet('封面', column(['苍溪县教育局2024年预算重点领域财政项目文本公开'])),
      ...ps.map((p, i) => sheet(`${i + 1}.${p.bodies[0]![0]!.slice(0, 8)}`, column(projectLines(p)))),
    ),
    expected: [],
  });
}

// 7–10: variant labels with each numbering style: clean.
for (const [name, num] of [
  ['cn-paren', numCnParen],
  ['arabic-dot', numArabicDot],
  ['arabic-dun', numArabicDun],
  ['none', numNone],
] as const) {
  CASES.push(
    oneProjectSheet(
      `clean-variant-labels-${name}`,
      `variant labels (项目概况, 资金来源及安排, 进度安排, 绩效目标) numbered ${name}`,
      NUTRITION,
      () => [],
      { labels: VARIANT, num },
    ),
  );
}
// 11: 预期成效 / 实施成效 and 资金安排 / 实施计划 / 基本概况 labels.
CASES.push(
  oneProjectSheet('clean-labels-yuqi', 'labels 基本概况, 资金安排, 实施计划, 预期成效', REPAIR, () => [], {
    labels: ['项目名称', '立项依据', '项目实施单位', '基本概况', '项目实施内容', '资金安排', '实施计划', '预期成效'],
  }),
);
CASES.push(
  oneProjectSheet('clean-labels-shishi', 'labels 实施成效, half-width punctuation "1." and stray spaces', PRESCHOOL, () => [], {
    labels: ['项目名称 ', ' 立项依据', '实施单位', '项目概况', '实施内容', '资金安排情况', '实施计划', '实施成效'],
    num: (i) => `${i + 1}. `,
  }),
);

// 13: two-column form with multi-line cells.
export function twoColumn(p: ProjectText, labels: string[] = STANDARD): V[][] {
  const rows: V[][] = [[p.title]];
  p.bodies.forEach((b, i) => {
    if (b !== null) rows.push([labels[i]!, b.join('\n')]);
  });
  return rows;
}
CASES.push({
  id: 'clean-two-column',
  about: 'two-column form (A label, B multi-line content), variant labels, two projects',
  snapshot: workbook(sheet('项目一', twoColumn(NUTRITION, VARIANT)), sheet('项目二', twoColumn(REPAIR, VARIANT))),
  expected: [],
});

// 14: all projects on one sheet, titles 项目一：name.
{
  const lines = [
    '苍溪县教育局2024年预算重点领域财政项目文本公开',
    ...projectLines({ ...NUTRITION, title: '项目一：农村义务教育学生营养改善计划' }),
    ...projectLines({ ...REPAIR, title: '项目二：农村义务教育学校校舍维修改造项目' }),
    ...projectLines({ ...PRESCHOOL, title: '项目三：学前教育保教费减免' }),
  ];
  CASES.push({
    id: 'clean-one-sheet-titled',
    about: 'three projects on one sheet, titles 项目一：名称',
    snapshot: workbook(sheet('项目文本', column(lines))),
    expected: [],
  });
}
{
  const lines = [
    '苍溪县教育局2024年预算重点领域财政项目文本公开',
    ...projectLines(NUTRITION),
    ...projectLines(REPAIR),
    ...projectLines(PRESCHOOL),
  ];
  CASES.push({
    id: 'clean-one-sheet',
    about: 'three projects on one sheet, titles 项目一',
    snapshot: workbook(sheet('Sheet1', column(lines))),
    expected: [],
  });
}

// 16: school table on its own sheet 附表1, cover, notes, registry 学校基本信息: clean.
CASES.push({
  id: 'clean-school-table-sichuan',
  about: '附表1 on its own sheet, 元, 学生人数（人）, codes as numbers, 合计 last, 市级/县级/其他 columns, registry 学校基本信息',
  snapshot: subsidyWorkbook().snapshot,
  expected: [],
});

// 17: 资金明细 table under 资金安排情况, adding up.
export function detailTable(total: number): V[][] {
  return [
    ['序号', '支出项目', '金额（万元）'],
    [1, '设备购置', 80],
    [2, '安装调试', 25],
    [3, '人员培训', 15],
    ['合计', null, total],
  ];
}
export function withDetail(total: number): { snapshot: WorkbookSnapshot; totalCell: string } {
  const p = replaceBody({ ...REPAIR, title: '项目一' }, 5, ['项目总投资120万元，资金明细如下：']);
  const lines = projectLines(p);
  const at = rowOf(lines, '七、');
  const rows: V[][] = [...column(lines.slice(0, at)), ...detailTable(total), ...column(lines.slice(at))];
  return { snapshot: workbook(sheet('项目一', rows)), totalCell: a1(at + 4, 2) };
}
CASES.push({
  id: 'clean-detail-table',
  about: '资金明细 table (序号/支出项目/金额（万元）/合计) under 资金安排情况',
  snapshot: withDetail(120).snapshot,
  expected: [],
});

// ---------------------------------------------------------------------------------------------
// Defects.

CASES.push(
  oneProjectSheet(
    'defect-uppercase-wrong',
    '大写 壹佰伍拾万元整 beside ￥1,200,000.00',
    replaceBody(REPAIR, 5, ['项目总投资￥1,200,000.00（大写：壹佰伍拾万元整），全部由县级财政安排。']),
    (l) => [{ rule: 'uppercase-mismatch', sheet: '项目一', cell: cellOfLine(l, '项目总投资'), project: '项目一' }],
  ),
);
CASES.push(
  oneProjectSheet(
    'defect-uppercase-malformed',
    '大写 壹佰贰拾拾万元整 (malformed)',
    replaceBody(REPAIR, 5, ['项目总投资￥1,200,000.00（大写：壹佰贰拾拾万元整），全部由县级财政安排。']),
    (l) => [{ rule: 'uppercase-malformed', sheet: '项目一', cell: cellOfLine(l, '项目总投资'), project: '项目一' }],
  ),
);
CASES.push(
  oneProjectSheet(
    'clean-uppercase-only',
    '壹佰贰拾万元整 alone, plan 120万元',
    replaceBody(REPAIR, 5, ['项目总投资壹佰贰拾万元整，全部由县级财政安排。']),
    () => [],
  ),
);
CASES.push(
  oneProjectSheet(
    'defect-arithmetic',
    '1200元×3500人=402万元 (should be 420)',
    {
      ...PRESCHOOL,
      bodies: PRESCHOOL.bodies.map((b, i) =>
        i === 5
          ? ['需资金1200元×3500人=402万元，其中：中央资金201万元，省级资金120.6万元，县级资金80.4万元。']
          : i === 6
            ? ['春季学期拨付201万元，秋季学期拨付201万元。']
            : b,
      ),
    },
    (l) => [{ rule: 'arithmetic', sheet: '项目一', cell: cellOfLine(l, '需资金'), project: '项目一' }],
  ),
);
CASES.push(
  oneProjectSheet(
    'defect-total-mismatch',
    '合计150万元，其中 80+40',
    replaceBody(REPAIR, 5, ['项目资金合计150万元，其中：设备购置80万元，安装调试40万元。']),
    (l) => [
      { rule: 'total-mismatch', sheet: '项目一', cell: cellOfLine(l, '项目资金合计'), project: '项目一' },
      { rule: 'plan-funding-mismatch', sheet: '项目一', cell: '*', project: '项目一' },
    ],
  ),
);
CASES.push(
  oneProjectSheet(
    'defect-plan-funding',
    'funding 2300万元, plan 1150+1000',
    replaceBody(NUTRITION, 6, ['2024年春季学期拨付资金1150万元，秋季学期拨付资金1000万元。']),
    () => [{ rule: 'plan-funding-mismatch', sheet: '项目一', cell: '*', project: '项目一' }],
  ),
);
CASES.push(
  oneProjectSheet(
    'defect-plan-funding-yi',
    'funding 1.2亿元, plan quarters sum to 1.1亿',
    replaceBody(PUBLIC_FUNDS, 6, ['第一季度拨付3000万元，第二季度拨付3000万元，第三季度拨付3000万元，第四季度拨付2000万元。']),
    () => [{ rule: 'plan-funding-mismatch', sheet: '项目一', cell: '*', project: '项目一' }],
  ),
);
CASES.push(
  oneProjectSheet(
    'defect-funding-missing',
    '资金来源及安排 without an amount',
    replaceBody(NUTRITION, 5, ['资金由中央财政和县级财政共同承担，按规定比例分担。']),
    (l) => [
      { rule: 'funding-amount-missing', sheet: '项目一', cell: [cellOfLine(l, '（六）'), cellOfLine(l, '资金由')], project: '项目一' },
    ],
    { labels: VARIANT, num: numCnParen },
  ),
);
CASES.push(
  oneProjectSheet('defect-section-missing', '立项依据 left out (numbering keeps positions)', replaceBody(TRAINING, 1, null), () => [
    { rule: 'section-missing', sheet: '项目一', cell: '*', project: '项目一' },
  ]),
);
CASES.push(
  oneProjectSheet('defect-placeholder', '实施单位 XX镇中心学校', replaceBody(TRAINING, 2, ['XX镇中心学校']), (l) => [
    { rule: 'placeholder-text', sheet: '项目一', cell: cellOfLine(l, 'XX镇'), project: '项目一' },
  ]),
);
CASES.push(
  oneProjectSheet('defect-section-empty', '绩效目标 heading with nothing under it', replaceBody(TRAINING, 7, []), (l) => [
    { rule: 'section-empty', sheet: '项目一', cell: cellOfLine(l, '八、'), project: '项目一' },
  ]),
);

// School-table defects (附表1 on its own sheet).
{
  const rows = SC_SCHOOLS.map((r) => [...r] as SchoolRowSpec);
  rows[2]![0] = 3151004103; // 歧坪小学 with a 初中 code
  CASES.push({
    id: 'defect-code-category',
    about: '歧坪小学 coded 31… (初中)',
    snapshot: subsidyWorkbook(rows).snapshot,
    expected: [
      { rule: 'school-code-category', sheet: '附表1', cell: a1(scRow(2)), project: '项目一' },
      { rule: 'school-code-registry-mismatch', sheet: '附表1', cell: a1(scRow(2)), project: '项目一' },
    ],
  });
}
{
  const rows = SC_SCHOOLS.map((r) => [...r] as SchoolRowSpec);
  rows[1]![0] = 3153004102; // 云南 province digits in a Sichuan table
  CASES.push({
    id: 'defect-code-province',
    about: '陵江中学 coded 3153… (province 53) among 51 codes',
    snapshot: subsidyWorkbook(rows).snapshot,
    expected: [
      { rule: 'school-code-province', sheet: '附表1', cell: a1(scRow(1)), project: '项目一' },
      { rule: 'school-code-registry-mismatch', sheet: '附表1', cell: a1(scRow(1)), project: '项目一' },
    ],
  });
}
{
  const rows = SC_SCHOOLS.map((r) => [...r] as SchoolRowSpec);
  rows[3]![0] = null; // 苍溪中学 without a code: registry has exactly one
  CASES.push({
    id: 'defect-code-missing',
    about: '苍溪中学 (county level, no 乡) without a code; registry 学校基本信息 has it',
    snapshot: subsidyWorkbook(rows).snapshot,
    expected: [{ rule: 'school-code-missing', sheet: '附表1', cell: a1(scRow(3)), project: '项目一' }],
  });
}
{
  const rows = SC_SCHOOLS.map((r) => [...r] as SchoolRowSpec);
  rows[0]![0] = '215100410'; // nine digits, as text
  CASES.push({
    id: 'defect-code-format',
    about: '陵江小学 code with 9 digits',
    snapshot: subsidyWorkbook(rows).snapshot,
    expected: [
      { rule: 'school-code-format', sheet: '附表1', cell: a1(scRow(0)), project: '项目一' },
      // the registry knows 陵江小学 as 2151004101: pointing that out is right too
      { rule: 'school-code-registry-mismatch', sheet: '附表1', cell: a1(scRow(0)), project: '项目一' },
    ],
  });
}
{
  const rows = SC_SCHOOLS.map((r) => [...r] as SchoolRowSpec);
  rows[0]![4] = 330000; // 小计 330000, parts 320000
  CASES.push({
    id: 'defect-row-sum',
    about: '陵江小学 小计 330000 ≠ 160000+96000+0+64000+0; 合计 小计 column then off by 10000',
    snapshot: subsidyWorkbook(rows).snapshot,
    expected: [
      { rule: 'table-row-mismatch', sheet: '附表1', cell: a1(scRow(0), 4), project: '项目一' },
      { rule: 'table-total-mismatch', sheet: '附表1', cell: a1(scRow(4), 4), project: '项目一' },
    ],
  });
}
{
  const p = replaceBody(SUBSIDY, 5, [
    '2024年安排家庭经济困难学生生活补助资金100万元，其中：中央资金50万元，省级资金30万元，县级资金20万元，补助学生950人，详见附表1。',
  ]);
  const { snapshot, lines } = subsidyWorkbook(SC_SCHOOLS, SC_TOTAL, p);
  CASES.push({
    id: 'defect-text-table-count',
    about: 'text says 补助学生950人, table 合计 900',
    snapshot,
    expected: [{ rule: 'text-table-mismatch', sheet: '项目一', cell: cellOfLine(lines, '2024年安排家庭'), project: '项目一' }],
  });
}

// ---------------------------------------------------------------------------------------------
// Harder variants: wording and forms real bureaus use.

export function single(
  id: string,
  about: string,
  lines: string[],
  expected: (l: string[]) => Expected[],
  extra: Partial<VariantCase> = {},
): VariantCase {
  return { id, about, snapshot: workbook(sheet('项目一', column(lines))), expected: expected(lines), projects: 1, ...extra };
}
export const L = (p: ProjectText, labels?: string[], num?: Num): string[] => projectLines({ ...p, title: '项目一' }, labels, num);

// Heading and content in one cell: `一、项目名称：xxx`.
{
  const lines = ['项目一'];
  NUTRITION.bodies.forEach((b, i) => {
    lines.push(`${CN[i]}、${STANDARD[i]}：${b![0]}`);
    lines.push(...b!.slice(1));
  });
  CASES.push(single('clean-heading-colon-content', 'each heading followed by ：and its content in the same cell', lines, () => []));
}
// Heading with a bracketed remark.
CASES.push(
  single(
    'clean-heading-remark',
    '六、资金安排情况（单位：万元）',
    L(NUTRITION, [...STANDARD.slice(0, 5), '资金安排情况（单位：万元）', ...STANDARD.slice(6)]),
    () => [],
  ),
);
// Title line with the project name after it, and a bureau title row above on every sheet.
// Nested 其中.
CASES.push(
  single(
    'clean-nested-qizhong',
    '共计120万元，其中：中央资金80万元（其中：设备60万元，培训20万元），县级资金40万元',
    L(replaceBody(REPAIR, 5, ['项目资金共计120万元，其中：中央资金80万元（其中：设备购置60万元，人员培训20万元），县级资金40万元。'])),
    () => [],
  ),
);
// Last year's money in the funding text.
CASES.push(
  single(
    'clean-previous-year-mentioned',
    '2023年已下达资金50万元（已拨付完毕）；2024年安排资金120万元; plan 120万元',
    L(replaceBody(REPAIR, 5, ['该项目2023年已下达资金50万元，已全部拨付完毕。2024年安排资金120万元，全部由县级财政安排。'])),
    () => [],
  ),
);
// Funding in 元 with commas, plan in 万元; full-width comma.
CASES.push(
  single(
    'clean-yuan-vs-wan',
    'funding ￥1，200，000.00 (full-width commas), plan 120万元',
    L(replaceBody(REPAIR, 5, ['项目总投资￥1，200，000.00，全部由县级财政安排。'])),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-wan-without-yuan',
    'funding 120万 (万 without 元), plan 80万+40万',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['项目总投资120万，全部由县级财政安排。']), 6, [
        '5月至8月暑期施工支付80万；9月竣工验收后支付40万。',
      ]),
    ),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-percent-payments',
    'plan pays 30%/60%/10% of 120万元 with the amounts',
    L(replaceBody(REPAIR, 6, ['2024年4月签订合同后预付30%即36万元；8月完工后支付至90%即72万元；9月验收合格后支付剩余10%即12万元。'])),
    () => [],
  ),
);
// Uppercase with 零 and 角: correct.
CASES.push(
  single(
    'clean-uppercase-ling',
    '人民币壹佰贰拾万零伍仟元整（¥1,205,000.00）; plan 120.5万元',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['项目总投资人民币壹佰贰拾万零伍仟元整（¥1,205,000.00），全部由县级财政安排。']), 6, [
        '2024年9月完成竣工验收并支付工程款120.5万元。',
      ]),
    ),
    () => [],
  ),
);
// Division, correct and wrong.
CASES.push(
  single(
    'clean-division',
    '420万元÷3500人=1200元/人',
    L(
      replaceBody(PRESCHOOL, 5, [
        '2024年安排资金420万元（420万元÷3500人=1200元/人），其中：中央资金210万元，省级资金126万元，县级资金84万元。',
      ]),
    ),
    () => [],
  ),
);
CASES.push(
  single(
    'defect-division',
    '420万元÷3500人=1000元/人 (should be 1200)',
    L(
      replaceBody(PRESCHOOL, 5, [
        '2024年安排资金420万元（420万元÷3500人=1000元/人），其中：中央资金210万元，省级资金126万元，县级资金84万元。',
      ]),
    ),
    (l) => [{ rule: 'arithmetic', sheet: '项目一', cell: a1(rowOf(l, '2024年安排资金420')), project: '项目一' }],
  ),
);
// Rates without a total: no arithmetic, no mismatch.
CASES.push(
  single(
    'clean-rates-only-in-plan',
    'plan speaks only of rates (每生每天5元, 每生每年1000元): no comparison possible',
    L(replaceBody(NUTRITION, 6, ['按每生每天5元标准，春秋两季学期按实际就餐天数拨付，寄宿生另按每生每年1000元标准补助。'])),
    () => [],
  ),
);
// 723.84万元/年 as the total of a multi-year project? A per-year amount with a per-year plan.
CASES.push(
  single(
    'clean-per-year',
    'funding 723.84万元/年, plan 上半年361.92万元, 下半年361.92万元',
    L(
      replaceBody(replaceBody(PUBLIC_FUNDS, 5, ['按标准测算，需安排公用经费723.84万元/年，全部由县级财政安排。']), 6, [
        '上半年拨付361.92万元，下半年拨付361.92万元。',
      ]),
    ),
    () => [],
  ),
);
// Wrong total in the funding text using 总计 with parts in 元.
CASES.push(
  single(
    'defect-total-yuan',
    '总计1,500,000元，其中：中央资金1,000,000元，县级资金400,000元',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['项目资金总计1,500,000元，其中：中央资金1,000,000元，县级资金400,000元。']), 6, [
        '2024年9月完成竣工验收并支付工程款150万元。',
      ]),
    ),
    (l) => [{ rule: 'total-mismatch', sheet: '项目一', cell: a1(rowOf(l, '项目资金总计')), project: '项目一' }],
  ),
);
// Two-column form with the school table on 附表1 referenced by 详见附表1, registry, cover.
{
  const { snapshot } = subsidyWorkbook();
  const sheets = snapshot.sheets.map((s) =>
    s.name === '项目一' ? { ...sheet('项目一', twoColumn({ ...SUBSIDY, title: '项目一' }, VARIANT)), index: s.index } : s,
  );
  CASES.push({
    id: 'clean-two-column-school-table',
    about: 'two-column form, 详见附表1, table on 附表1',
    snapshot: { sheets },
    expected: [],
    projects: 1,
    tables: 1,
  });
}
// School table inline under 资金安排情况, 万元 with decimals, 合计 first, column-number row, codes as text with trailing spaces.
// Registry with numbers as codes and 单位名称 / 标识码 headers; a row whose code is missing: fill.
{
  const reg = sheet('学校代码', [
    ['标识码', '单位名称', '乡镇（街道）'],
    [2151004101, '陵江小学', '陵江镇'],
    [3151004102, '陵江中学', '陵江镇'],
    [2151004103, '歧坪小学', '歧坪镇'],
    [3451004104, '苍溪中学', null],
  ]);
  const rows = SC_SCHOOLS.map((r) => [...r] as SchoolRowSpec);
  rows[2]![0] = null;
  const { snapshot } = subsidyWorkbook(rows);
  const sheets = snapshot.sheets.map((s) => (s.name === '学校基本信息' ? { ...reg, index: s.index } : s));
  CASES.push({
    id: 'defect-code-missing-numeric-registry',
    about: 'registry 学校代码 sheet, codes as numbers, headers 标识码/单位名称; 歧坪小学 without code',
    snapshot: { sheets },
    expected: [{ rule: 'school-code-missing', sheet: '附表1', cell: a1(scRow(2)), project: '项目一' }],
  });
}
// Duplicate code.
{
  const rows = SC_SCHOOLS.map((r) => [...r] as SchoolRowSpec);
  rows[2]![0] = 2151004101; // 歧坪小学 given 陵江小学's code
  CASES.push({
    id: 'defect-code-duplicate',
    about: '歧坪小学 carries 陵江小学 code',
    snapshot: subsidyWorkbook(rows).snapshot,
    expected: [
      { rule: 'school-code-duplicate', sheet: '附表1', cell: [a1(scRow(2)), a1(scRow(0))], project: '项目一' },
      { rule: 'school-code-registry-mismatch', sheet: '附表1', cell: a1(scRow(2)), project: '项目一' },
    ],
  });
}
// School name without 乡镇 where others have it.
{
  const rows = SC_SCHOOLS.map((r) => [...r] as SchoolRowSpec);
  rows[2]![1] = '广元市苍溪县歧坪小学';
  CASES.push({
    id: 'defect-school-name-format',
    about: '广元市苍溪县歧坪小学 (no 歧坪镇) where others carry the 乡镇',
    snapshot: subsidyWorkbook(rows).snapshot,
    expected: [{ rule: 'school-name-format', sheet: '附表1', cell: a1(scRow(2), 1), project: '项目一' }],
  });
}
// Table 合计 wrong in the count column.
{
  CASES.push({
    id: 'defect-table-total-count',
    about: '合计 学生人数 910 (rows sum to 900)',
    snapshot: subsidyWorkbook(SC_SCHOOLS, [910, 1000000, 500000, 300000, 0, 200000, 0]).snapshot,
    expected: [
      { rule: 'table-total-mismatch', sheet: '附表1', cell: a1(scRow(4), 3), project: '项目一' },
      // the text says 900人 and the 合计 now says 910
      { rule: 'text-table-mismatch', sheet: '项目一', cell: '*', project: '项目一' },
    ],
  });
}
// Heading numbering that mixes styles.
{
  const lines = L(NUTRITION, STANDARD, (i) => (i < 4 ? `${CN[i]}、` : `${i + 1}.`));
  CASES.push(
    single('defect-heading-mixed', '一、…四、 then 5.…8.', lines, () => [
      { rule: 'heading-numbering', sheet: '项目一', cell: '*', project: '项目一' },
    ]),
  );
}
// Sections out of order.
{
  const p = { ...NUTRITION, title: '项目一' };
  const order = [0, 1, 2, 3, 4, 6, 5, 7];
  const lines = ['项目一'];
  order.forEach((i) => {
    lines.push(`${STANDARD[i]}`);
    lines.push(...p.bodies[i]!);
  });
  CASES.push(
    single('defect-section-order', '项目实施计划 before 资金安排情况 (unnumbered)', lines, () => [
      { rule: 'section-order', sheet: '项目一', cell: '*', project: '项目一' },
    ]),
  );
}
// Project numbering gap on one sheet.
{
  const lines = [...projectLines(NUTRITION), ...projectLines({ ...PRESCHOOL })];
  CASES.push({
    id: 'defect-project-gap',
    about: '项目一 then 项目三 on one sheet',
    snapshot: workbook(sheet('项目文本', column(lines))),
    expected: [{ rule: 'project-numbering', sheet: '项目文本', cell: a1(rowOf(lines, '项目三')), project: '项目三' }],
    projects: 2,
  });
}
// A section copied from another project.
{
  const a = projectLines(NUTRITION);
  // (the rule compares across projects only texts of 50+ characters, by design: this one is 60+)
  const b = projectLines(replaceBody({ ...TRAINING, title: '项目二' }, 7, NUTRITION.bodies[3]!));
  CASES.push({
    id: 'defect-copied-results',
    about: '项目二 项目实施成效 is a copy of 项目一 项目基本概况 (60+ characters)',
    snapshot: workbook(sheet('项目一', column(a)), sheet('项目二', column(b))),
    expected: [{ rule: 'duplicate-text', sheet: '项目二', cell: [a1(rowOf(b, '八、')), a1(rowOf(b, '八、') + 1)], project: '项目二' }],
    projects: 2,
  });
}

// ---------------------------------------------------------------------------------------------
// Number-heavy realistic texts.

export const BUILDING: ProjectText = {
  title: '项目一',
  bodies: [
    ['苍溪县城区学校扩容建设项目'],
    ['《苍溪县发展和改革局关于苍溪县城区学校扩容建设项目可行性研究报告的批复》（苍发改〔2023〕156号），《四川省“十四五”教育发展规划》。'],
    ['苍溪县教育局（项目业主），苍溪县陵江镇陵江小学（使用单位）'],
    [
      '城区小学现有在校学生5820人，平均班额56人，大班额问题突出。项目总建筑面积15600平方米，新增学位1350个，总投资5860万元，其中：建安工程费4680万元，工程建设其他费用760万元，预备费420万元。',
    ],
    ['1.新建教学楼1栋（5层）8600平方米；', '2.新建综合楼1栋7000平方米；', '3.配套建设200米环形运动场及附属设施。'],
    ['项目总投资5860万元，资金来源为：中央预算内投资2000万元，地方政府专项债券3000万元，县级财政自筹860万元。'],
    ['2024年3月开工建设，完成主体工程，完成投资2500万元；2025年完成装饰装修及附属工程，完成投资3360万元，2025年8月竣工交付使用。'],
    ['新增学位1350个，城区小学班额控制在45人以内，消除56人以上大班额。'],
  ],
};
CASES.push(
  single(
    'clean-building-multi-year',
    'construction project, 5860万元 over two years, areas, 班额, document numbers',
    L(BUILDING),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-sum-written',
    '2070万元+230万元=2300万元 (correct)',
    L(replaceBody(NUTRITION, 5, ['2024年安排资金2070万元+230万元=2300万元，其中中央财政补助资金2070万元，县级财政配套资金230万元。'])),
    () => [],
  ),
);
CASES.push(
  single(
    'defect-sum-written',
    '2070万元+230万元=2200万元 (wrong)',
    L(
      replaceBody(replaceBody(NUTRITION, 5, ['中央财政补助资金2070万元+县级财政配套资金230万元=2200万元。']), 6, [
        '2024年春季学期拨付资金1100万元，秋季学期拨付资金1100万元。',
      ]),
    ),
    (l) => [{ rule: 'arithmetic', sheet: '项目一', cell: a1(rowOf(l, '中央财政补助资金2070')), project: '项目一' }],
  ),
);
CASES.push(
  single(
    'clean-unit-price',
    '采购课桌椅3000套，单价450元/套，计135万元; plan 135万元',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['采购学生课桌椅3000套，单价450元/套，计135万元，全部由县级财政安排。']), 6, [
        '2024年6月完成政府采购，8月底前完成安装并支付货款135万元。',
      ]),
    ),
    () => [],
  ),
);
CASES.push(
  single(
    'defect-plan-restated-wrong-multi-year',
    'construction: plan 2500+3160 = 5660 against 5860万元',
    L(
      replaceBody(BUILDING, 6, [
        '2024年3月开工建设，完成主体工程，完成投资2500万元；2025年完成装饰装修及附属工程，完成投资3160万元，2025年8月竣工交付使用。',
      ]),
    ),
    () => [{ rule: 'plan-funding-mismatch', sheet: '项目一', cell: '*', project: '项目一' }],
  ),
);
CASES.push(
  single(
    'defect-overview-parts',
    'overview: 总投资5860万元，其中 4680+760+320 (=5760)',
    L(
      replaceBody(BUILDING, 3, [
        '城区小学现有在校学生5820人，平均班额56人，大班额问题突出。项目总建筑面积15600平方米，新增学位1350个，总投资5860万元，其中：建安工程费4680万元，工程建设其他费用760万元，预备费320万元。',
      ]),
    ),
    (l) => [{ rule: 'total-mismatch', sheet: '项目一', cell: a1(rowOf(l, '城区小学现有')), project: '项目一' }],
  ),
);

// ---------------------------------------------------------------------------------------------
// Workbook furniture: table of contents, filling notes, blank rows, merged content cells.

CASES.push(
  single(
    'clean-plan-per-school-gongji',
    'plan lists each school then 共计72万元; funding 72万元',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['2024年安排维修资金72万元，全部由县级财政安排。']), 6, [
        '2024年暑期完成维修，其中陵江小学32万元、陵江中学25万元、苍溪中学15万元，共计72万元，9月完成验收并拨付。',
      ]),
    ),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-retention-money',
    'plan: 支付工程款114万元，预留质保金6万元 (= 120万元)',
    L(replaceBody(REPAIR, 6, ['2024年9月完成竣工验收，支付工程款114万元，预留质保金6万元于2025年9月质保期满后支付。'])),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-not-exceeding',
    'funding 不超过120万元 and plan 预计120万元',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['项目资金不超过120万元，全部由县级财政安排。']), 6, [
        '2024年9月完成竣工验收，预计支付工程款120万元左右。',
      ]),
    ),
    () => [],
  ),
);

// ---------------------------------------------------------------------------------------------
// More school kinds (特殊教育 51 in province 51, 九年一贯制, 职业高级中学, county-level 幼儿园), 合  计 with
// spaces, 教师数 count column.

// (restored)
CASES.push({
  id: 'clean-title-with-name-and-banner',
  about: 'A1 bureau banner, A2 `项目一  农村义务教育学生营养改善计划`',
  snapshot: workbook(
    sheet(
      '营养改善',
      column([
        '苍溪县教育局2024年预算重点领域财政项目文本公开',
        ...projectLines({ ...NUTRITION, title: '项目一  农村义务教育学生营养改善计划' }),
      ]),
    ),
  ),
  expected: [],
  projects: 1,
});

CASES.push({
  id: 'clean-title-is-name',
  about: 'sheets 营养改善 / 校舍维修, A1 the project name only',
  snapshot: workbook(
    sheet('营养改善', column(projectLines({ ...NUTRITION, title: '农村义务教育学生营养改善计划' }))),
    sheet('校舍维修', column(projectLines({ ...REPAIR, title: '农村义务教育学校校舍维修改造项目' }))),
  ),
  expected: [],
  projects: 2,
});

CASES.push(
  single(
    'clean-numbered-items-like-headings',
    'items （一）资金来源：… （二）资金使用：… and 1.产出指标 2.效益指标 3.满意度指标',
    L(
      {
        ...NUTRITION,
        bodies: NUTRITION.bodies.map((b, i) =>
          i === 5
            ? [
                '（一）资金来源：2024年安排资金2300万元，其中：中央财政补助资金2070万元，县级财政配套资金230万元。',
                '（二）资金使用：全部用于学生营养膳食补助，不得用于食堂人员工资等支出。',
              ]
            : i === 7
              ? [
                  '1.产出指标：受益学生2.3万人，补助标准每生每天5元。',
                  '2.效益指标：学生营养状况明显改善。',
                  '3.满意度指标：学生及家长满意度不低于90%。',
                ]
              : b,
        ),
      },
      VARIANT,
      numCnDun,
    ),
    () => [],
  ),
);

{
  const rows: V[][] = [];
  for (const l of projectLines(NUTRITION)) {
    rows.push([l]);
    if (/^[一二三四五六七八]、/.test(l) || l === '项目一') continue;
    rows.push([]); // a blank row after each paragraph
  }
  CASES.push({
    id: 'clean-blank-rows',
    about: 'blank rows after every paragraph',
    snapshot: workbook(sheet('项目一', rows)),
    expected: [],
    projects: 1,
  });
}
{
  // two-column, labels with a trailing colon and numbering, content merged over B:H
  const rows: V[][] = [['项目一'], ...NUTRITION.bodies.map((b, i) => [`${CN[i]}、${STANDARD[i]}：`, b!.join('\n')])];
  const merges = [
    { top: 0, left: 0, bottom: 0, right: 7 },
    ...NUTRITION.bodies.map((_, i) => ({ top: i + 1, left: 1, bottom: i + 1, right: 7 })),
  ];
  CASES.push({
    id: 'clean-two-column-merged',
    about: 'two-column, labels `一、项目名称：`, content merged over B:H, title merged over A:H',
    snapshot: workbook(sheet('项目一', rows, merges)),
    expected: [],
    projects: 1,
  });
}
CASES.push(
  single(
    'clean-uppercase-first',
    '大写：人民币壹佰贰拾万元整（小写：¥1,200,000.00）',
    L(replaceBody(REPAIR, 5, ['项目总投资大写：人民币壹佰贰拾万元整（小写：¥1,200,000.00），全部由县级财政安排。'])),
    () => [],
  ),
);

{
  const { snapshot, totalCell } = withDetail(130);
  CASES.push({
    id: 'defect-detail-table-total',
    about: '资金明细 table whose 合计 says 130 (rows 80+25+15=120)',
    snapshot,
    expected: [{ rule: 'total-mismatch', sheet: '项目一', cell: [totalCell, a1(Number(totalCell.slice(1)) - 1, 0)], project: '项目一' }],
  });
}

// ---------------------------------------------------------------------------------------------
// Accountants' calculations and plan wordings.

CASES.push(
  single(
    'clean-unit-area-price',
    '8600平方米×1800元/平方米=1548万元 (correct), funding 1548万元',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['按1800元/平方米测算，8600平方米×1800元/平方米=1548万元，全部由县级财政安排。']), 6, [
        '2024年9月完成竣工验收并支付工程款1548万元。',
      ]),
    ),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-carried-over',
    '上年结转资金30万元，本年新增安排90万元，合计120万元',
    L(replaceBody(REPAIR, 5, ['上年结转资金30万元，本年新增安排90万元，合计120万元，全部由县级财政安排。'])),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-percentage-product',
    '120万元×30%=36万元 (预付款, correct)',
    L(replaceBody(REPAIR, 6, ['2024年4月签订合同后预付120万元×30%=36万元；9月竣工验收后支付剩余84万元。'])),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-uppercase-yi',
    '壹亿贰仟万元整（1.2亿元）',
    L(
      replaceBody(PUBLIC_FUNDS, 5, [
        '2024年安排义务教育公用经费壹亿贰仟万元整（1.2亿元），其中：中央资金8000万元，省级资金2400万元，县级资金1600万元。',
      ]),
    ),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-monthly-product',
    'plan: 每月10万元×12个月=120万元',
    L(replaceBody(REPAIR, 6, ['按月拨付，每月10万元×12个月=120万元。'])),
    () => [],
  ),
);
CASES.push(
  single(
    'defect-monthly-product',
    'plan: 每月10万元×12个月=100万元 (wrong)',
    L(replaceBody(REPAIR, 6, ['按月拨付，每月10万元×12个月=100万元。'])),
    (l) => [
      { rule: 'arithmetic', sheet: '项目一', cell: a1(rowOf(l, '按月拨付')), project: '项目一' },
      // the plan now states 100万元 against the funding's 120万元
      { rule: 'plan-funding-mismatch', sheet: '项目一', cell: '*', project: '项目一' },
    ],
  ),
);
CASES.push(
  single(
    'clean-security-guards-rate',
    '每人每年3.12万元，聘用保安50人，需资金156万元',
    L(
      replaceBody(
        replaceBody(REPAIR, 5, ['按每人每年3.12万元的标准，为全县学校聘用专职保安50人，需资金156万元，全部由县级财政安排。']),
        6,
        ['按季度拨付，每季度39万元，全年156万元。'],
      ),
    ),
    () => [],
  ),
);

// ---------------------------------------------------------------------------------------------
// Two tables on 附表1 / 附表2 for two projects; continuation rows in the two-column form.

{
  const p1 = replaceBody({ ...SUBSIDY, title: '项目一' }, 5, [SUBSIDY.bodies[5]![0]!]);
  const guards: SchoolRowSpec[] = [
    [2151004101, '广元市苍溪县陵江镇陵江小学', '校园保安', 2, 6.24, 0, 3.12, 0, 3.12, 0],
    [3151004102, '广元市苍溪县陵江镇陵江中学', '校园保安', 3, 9.36, 0, 4.68, 0, 4.68, 0],
    [2151004103, '广元市苍溪县歧坪镇歧坪小学', '校园保安', 1, 3.12, 0, 1.56, 0, 1.56, 0],
  ];
  const p2: ProjectText = {
    title: '项目二',
    bodies: [
      ['中小学校园专职保安'],
      ['《四川省中小学幼儿园安全防范工作规范》（川教〔2019〕63号）。'],
      ['苍溪县教育局'],
      ['为农村中小学配备专职保安，提升校园安全防范能力。'],
      ['按每人每年3.12万元的标准聘用专职保安。'],
      ['2024年安排资金18.72万元，其中：省级资金9.36万元，县级资金9.36万元，聘用保安6人，详见附表2。'],
      ['按季度拨付，每季度4.68万元。'],
      ['实现农村中小学专职保安全覆盖。'],
    ],
  };
  const t1 = subsidyWorkbook(SC_SCHOOLS, SC_TOTAL, p1).snapshot.sheets.find((s) => s.name === '附表1')!;
  const build = (badCode: V): WorkbookSnapshot => {
    const rows = guards.map((r) => [...r] as SchoolRowSpec);
    rows[1]![0] = badCode;
    const t2 = schoolTable(1, { countLabel: '保安数量（人）', unit: '万元' }, rows, {
      position: 'last',
      values: [6, 18.72, 0, 9.36, 0, 9.36, 0],
    });
    t2.rows[0] = ['附表2'];
    return workbook(
      sheet('项目一', column(projectLines(p1))),
      sheet('项目二', column(projectLines(p2))),
      t1,
      sheet('附表2', t2.rows, t2.merges),
      SC_REGISTRY,
    );
  };
  CASES.push({
    id: 'clean-two-annex-tables',
    about: '项目一 详见附表1, 项目二 详见附表2 (保安数量（人）, 万元)',
    snapshot: build(3151004102),
    expected: [],
    projects: 2,
    tables: 2,
  });
  CASES.push({
    id: 'defect-annex2-category',
    about: '附表2 陵江中学 coded 21… (小学): the finding belongs to 项目二',
    snapshot: build(2151004102),
    expected: [
      { rule: 'school-code-category', sheet: '附表2', cell: 'A5', project: '项目二' },
      { rule: 'school-code-registry-mismatch', sheet: '附表2', cell: 'A5', project: '项目二' },
    ],
    projects: 2,
    tables: 2,
  });
}
{
  // two-column, content continued on following rows with column A empty
  const rows: V[][] = [['项目一']];
  NUTRITION.bodies.forEach((b, i) => {
    rows.push([VARIANT[i]!, b![0]!]);
    for (const more of b!.slice(1)) rows.push([null, more]);
  });
  CASES.push({
    id: 'clean-two-column-continued',
    about: 'two-column, extra paragraphs on following rows with A empty',
    snapshot: workbook(sheet('项目一', rows)),
    expected: [],
    projects: 1,
  });
}
{
  // all projects on one sheet in the two-column form
  const rows: V[][] = [
    ['苍溪县教育局2024年预算重点领域财政项目文本公开'],
    ...twoColumn(NUTRITION),
    [],
    ...twoColumn(REPAIR),
    [],
    ...twoColumn(PRESCHOOL),
  ];
  CASES.push({
    id: 'clean-two-column-one-sheet',
    about: 'two-column form, three projects on one sheet',
    snapshot: workbook(sheet('项目表', rows)),
    expected: [],
    projects: 3,
  });
}

// ---------------------------------------------------------------------------------------------
// Precision: amounts rounded to the unit they are written in.

CASES.push(
  single(
    'clean-approx-parts',
    'funding 约40万元, plan 18.6万元 + 21.2万元 (= 39.8, 约40)',
    L(
      replaceBody(replaceBody(TRAINING, 5, ['项目预算约40万元，全部由县级财政安排。']), 6, [
        '上半年开展全员培训，支出18.6万元；下半年开展骨干教师培训，支出21.2万元。',
      ]),
    ),
    () => [],
  ),
);
CASES.push(
  single(
    'clean-funding-parts-no-total',
    'funding lists parts only (设备购置80万元，安装调试40万元), plan 共计120万元',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['设备购置80万元，安装调试40万元，全部由县级财政安排。']), 6, [
        '2024年9月完成验收，共计支付120万元。',
      ]),
    ),
    () => [],
  ),
);
CASES.push(
  single(
    'defect-funding-parts-no-total',
    'funding parts 80万元+40万元, plan 共计100万元',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['设备购置80万元，安装调试40万元，全部由县级财政安排。']), 6, [
        '2024年9月完成验收，共计支付100万元。',
      ]),
    ),
    () => [{ rule: 'plan-funding-mismatch', sheet: '项目一', cell: '*', project: '项目一' }],
  ),
);
CASES.push(
  single(
    'clean-dimensions-and-ranges',
    'non-money numbers: 3×3篮球场, 2024.3—2024.6, 第1—2季度, 0.5%, 12号文',
    L(
      replaceBody(REPAIR, 4, [
        '1.新建3×3篮球场2个；',
        '2.2024.3—2024.6完成屋面防水维修8600平方米，损耗率控制在0.5%以内；',
        '3.第1—2季度完成厕所改造6座。',
      ]),
    ),
    () => [],
  ),
);

// ---------------------------------------------------------------------------------------------
// 绩效目标表 under 绩效目标; funding given only by the annex table.

{
  const p = { ...TRAINING, title: '项目一' };
  const lines = projectLines(p, VARIANT);
  const table: V[][] = [
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '培训教师人次', '≥4100人次'],
    [null, '质量指标', '培训合格率', '≥95%'],
    [null, '成本指标', '人均培训成本', '≤100元/人'],
    ['效益指标', '社会效益指标', '教师教学能力提升', '明显提升'],
    ['满意度指标', '服务对象满意度指标', '参训教师满意度', '≥95%'],
  ];
  const rows: V[][] = [...column(lines), ...table];
  CASES.push({
    id: 'clean-performance-table',
    about: '绩效目标 followed by a 绩效指标 table (≥4100人次, ≤100元/人, ≥95%)',
    snapshot: workbook(sheet('项目一', rows)),
    expected: [],
    projects: 1,
  });
}
{
  const p = replaceBody(replaceBody({ ...SUBSIDY, title: '项目一' }, 5, ['各校补助资金详见附表1。']), 6, [
    '春季学期拨付50万元，秋季学期拨付50万元。',
  ]);
  CASES.push({
    id: 'clean-funding-only-annex',
    about: '资金安排情况 says only 各校补助资金详见附表1 (table 合计 100万元), plan 50+50',
    snapshot: subsidyWorkbook(SC_SCHOOLS, SC_TOTAL, p).snapshot,
    expected: [],
    projects: 1,
    tables: 1,
  });
}

// ---------------------------------------------------------------------------------------------
// Which lines make projects (reader, structure.ts): projects titled by their name, a 目录 on the
// cover, a 填报说明 sheet listing the eight sections. (Were pending.)

// Projects titled by their name only (`一、农村义务教育学生营养改善计划`), sections numbered （一）.
{
  const lines = [
    '苍溪县教育局2024年预算重点领域财政项目文本公开',
    '一、农村义务教育学生营养改善计划',
    ...projectLines(NUTRITION, STANDARD, numCnParen).slice(1),
    '二、农村义务教育学校校舍维修改造项目',
    ...projectLines(REPAIR, STANDARD, numCnParen).slice(1),
  ];
  CASES.push({
    id: 'clean-projects-titled-cn-dun',
    about: 'one sheet, projects titled 一、xxx项目, sections （一）项目名称…',
    snapshot: workbook(sheet('项目文本', column(lines))),
    expected: [],
    projects: 2,
  });
}

CASES.push({
  id: 'clean-cover-with-contents',
  about: 'cover sheet with a 目录 listing 项目一 …, 项目二 … before the project sheets',
  snapshot: workbook(
    sheet(
      '封面',
      column([
        '苍溪县教育局2024年预算重点领域财政项目文本公开',
        '目录',
        '项目一  农村义务教育学生营养改善计划',
        '项目二  农村义务教育学校校舍维修改造项目',
      ]),
    ),
    sheet('项目一', column(projectLines(NUTRITION))),
    sheet('项目二', column(projectLines(REPAIR))),
  ),
  expected: [],
  projects: 2,
});

CASES.push({
  id: 'clean-notes-sheet-with-section-names',
  about: 'a 填报说明 sheet explaining each of the eight sections (1.项目名称：填写…)',
  snapshot: workbook(
    sheet(
      '填报说明',
      column([
        '填报说明',
        '每个项目按以下八个部分填写：',
        '1.项目名称：填写项目全称。',
        '2.立项依据：填写政策文件名称及文号。',
        '3.项目实施单位：填写具体实施单位。',
        '4.项目基本概况：简述项目背景。',
        '5.项目实施内容：填写主要建设或实施内容。',
        '6.资金安排情况：填写资金总额及来源，金额单位为万元。',
        '7.项目实施计划：按时间节点填写。',
        '8.项目实施成效：填写预期成效及绩效指标。',
      ]),
    ),
    sheet('项目一', column(projectLines(NUTRITION))),
  ),
  expected: [],
  projects: 1,
});

// Money fixes (engineer #11): moved from pending.
CASES.push(
  single(
    'clean-three-factor-product',
    '2.3万人×5元/天×200天=2300万元 (correct)',
    L(
      replaceBody(NUTRITION, 5, [
        '按2.3万人×5元/天×200天=2300万元测算，2024年安排资金2300万元，其中：中央财政补助资金2070万元，县级财政配套资金230万元。',
      ]),
    ),
    () => [],
  ),
);

CASES.push(
  single(
    'clean-cumulative-plan',
    'plan: 截至6月底累计拨付60万元，12月底前累计拨付120万元 (cumulative, not additive)',
    L(replaceBody(REPAIR, 6, ['截至2024年6月底累计拨付资金60万元，12月底前累计拨付资金120万元。'])),
    () => [],
  ),
);

CASES.push(
  single(
    'clean-rounded-wan',
    'funding ¥1,234,567.89, plan 123.46万元 (rounded to 0.01万元)',
    L(
      replaceBody(replaceBody(REPAIR, 5, ['项目总投资¥1,234,567.89，全部由县级财政安排。']), 6, [
        '2024年9月完成竣工验收并支付工程款123.46万元。',
      ]),
    ),
    () => [],
  ),
);

{
  const p = replaceBody(replaceBody({ ...SUBSIDY, title: '项目一' }, 5, ['各校补助资金详见附表1。']), 6, [
    '春季学期拨付50万元，秋季学期拨付40万元。',
  ]);
  const { snapshot, lines } = subsidyWorkbook(SC_SCHOOLS, SC_TOTAL, p);
  CASES.push({
    id: 'defect-plan-vs-annex',
    about: '资金安排情况 only 详见附表1 (合计 1,000,000元), plan 50+40=90万元',
    snapshot,
    expected: [{ rule: 'plan-funding-mismatch', sheet: '项目一', cell: cellOfLine(lines, '春季学期拨付50万元'), project: '项目一' }],
    projects: 1,
    tables: 1,
  });
}

// text-table-mismatch: counts of other subjects, a total 安排…资金 in the section that points at the table
{
  const p = replaceBody(SUBSIDY, 5, [
    '2024年安排家庭经济困难学生生活补助资金110万元，其中：中央资金55万元，省级资金33万元，县级资金22万元，补助学生900人，详见附表1。',
  ]);
  const plan = replaceBody(p, 6, ['春季学期拨付55万元，秋季学期拨付55万元。']);
  const { snapshot, lines } = subsidyWorkbook(SC_SCHOOLS, SC_TOTAL, plan);
  CASES.push({
    id: 'defect-text-table-amount',
    about: 'text says 110万元, table 合计 1,000,000元',
    snapshot,
    expected: [{ rule: 'text-table-mismatch', sheet: '项目一', cell: cellOfLine(lines, '2024年安排家庭'), project: '项目一' }],
  });
}

{
  const wan: SchoolRowSpec[] = [
    [
      '2151004101 ',
      '广元市苍溪县陵江镇陵江小学',
      '学生营养改善计划',
      320,
      { n: 32.0, text: '32.00' },
      { n: 28.8, text: '28.80' },
      null,
      null,
      { n: 3.2, text: '3.20' },
      null,
    ],
    [
      '3151004102',
      '广元市苍溪县陵江镇陵江中学 ',
      '学生营养改善计划',
      250,
      { n: 25.0, text: '25.00' },
      { n: 22.5, text: '22.50' },
      null,
      null,
      { n: 2.5, text: '2.50' },
      null,
    ],
    [
      '3451004104',
      '广元市苍溪县苍溪中学',
      '学生营养改善计划',
      150,
      { n: 15.0, text: '15.00' },
      { n: 13.5, text: '13.50' },
      null,
      null,
      { n: 1.5, text: '1.50' },
      null,
    ],
  ];
  const p = replaceBody(
    replaceBody({ ...NUTRITION, title: '项目一' }, 5, [
      '2024年安排资金72万元，其中：中央财政补助资金64.8万元，县级财政配套资金7.2万元，受益学生720人，分校明细如下：',
    ]),
    6,
    ['春季学期拨付36万元，秋季学期拨付36万元。'],
  );
  const lines = projectLines(p);
  const at = rowOf(lines, '七、');
  const t = schoolTable(0, { countLabel: '学生数（人）', unit: '万元', numbersRow: true }, wan, {
    position: 'first',
    values: [720, { n: 72, text: '72.00' }, { n: 64.8, text: '64.80' }, null, null, { n: 7.2, text: '7.20' }, null],
  });
  const rows: V[][] = [...column(lines.slice(0, at)), ...t.rows, ...column(lines.slice(at))];
  const merges = t.merges.map((m) => ({ ...m, top: m.top + at, bottom: m.bottom + at }));
  CASES.push({
    id: 'clean-inline-wan-table',
    about: 'school table inline under 资金安排情况, 万元 decimals, 合计 first, numbers row, codes as text with trailing spaces',
    snapshot: workbook(sheet('项目一', rows, merges), SC_REGISTRY),
    expected: [],
    projects: 1,
    tables: 1,
  });
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
  const p = replaceBody(
    replaceBody({ ...TRAINING, title: '项目一' }, 5, [
      '2024年安排培训经费28万元，其中：省级资金18万元，县级资金10万元，培训教师280人，详见附表1。',
    ]),
    6,
    ['上半年开展全员培训，支出14万元；下半年开展骨干教师培训，支出14万元。'],
  );
  CASES.push({
    id: 'clean-school-kinds-teachers',
    about: '特殊教育学校 51 in province 51, 九年制学校, 职业高级中学, county 幼儿园, 中心小学; 教师数（人）; 合  计',
    snapshot: workbook(sheet('项目一', column(projectLines(p))), sheet('附表1', t.rows, t.merges)),
    expected: [],
    projects: 1,
    tables: 1,
  });
}
