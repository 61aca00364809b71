/**
 * Ten more real texts of other bureaus, provinces and years (tests/fixtures/real/*.txt, each citing its source and
 * what it teaches): 湖北 随县 2023 and 青山 2021, 贵州 凯里 2010, 浙江 永康 2017 (卫健), 山东 龙口 2019, 湖南 怀化 2022,
 * 四川 宜宾 2015 (卫健) and 巴州 2012, 安徽 临泉 2020 and 淮南 2019. Each is checked as an accountant reads it:
 *
 * - on a sheet of its own (real.ts's three layouts): a text that is not a project is listed as skipped with its
 *   reason, a form is one project with one section-missing finding, never a silent pass;
 * - its figures set in the eight standard sections (cases-quantities.ts's three layouts): what adds up raises
 *   nothing, and the real defect (随县's 6674平方米 against 6404) is found; where a text is clean, one figure is
 *   changed (marked "changed") to prove the check reads that sentence at all.
 */
import type { VariantCase } from './cases';
import { allLayouts, project } from './cases-quantities';
import { LAYOUTS, realText, type LayoutName } from './real';

export const BUREAU_CASES: VariantCase[] = [];

const lines = (id: string): readonly string[] => realText(id, 'x').lines;
const line = (id: string, needle: string): string => {
  const l = lines(id).find((x) => x.includes(needle));
  if (l === undefined) throw new Error(`cases-bureaus: ${id} has no line with ${needle}`);
  return l;
};
const changed = (text: string, from: string, to: string): string => {
  if (!text.includes(from)) throw new Error(`cases-bureaus: no ${from} to change`);
  return text.replace(from, to);
};

// ------------------------------------------------------------------------------------------------
// On sheets of their own.

interface OwnSheet {
  readonly id: string;
  readonly sheet: string;
  /** Skipped with this reason on its own sheet; else a project labelled `label`, its one finding at `cell`. */
  readonly skipped?: string;
  readonly label?: string;
  readonly cell?: string;
}

const OWN: readonly OwnSheet[] = [
  // a report with no section heading
  { id: 'suixian-preschool-projects-report', sheet: '学前教育项目', skipped: 'no-sections' },
  { id: 'kaili-central-school-projects-news', sheet: '新增中央投资项目', skipped: 'no-sections' },
  { id: 'longkou-student-aid-news', sheet: '助学金', skipped: 'no-sections' },
  { id: 'huaihua-student-aid-disclosure', sheet: '学生资助', skipped: 'no-sections' },
  { id: 'yibin-health-central-budget-news', sheet: '医疗卫生', skipped: 'no-sections' },
  { id: 'linquan-school-projects-news', sheet: '改造维修', skipped: 'no-sections' },
  // a 批复 and a school's proposal in parts of their own, one or two of the eight: not project texts
  { id: 'yongkang-health-center-approval', sheet: '卫生院迁建', skipped: 'few-sections' },
  { id: 'liangyong-school-building-proposal', sheet: '教学综合楼', skipped: 'few-sections' },
  { id: 'huainan-edu-budget-performance-review', sheet: '绩效考核', skipped: 'few-sections' },
  // a 绩效目标表: 项目名称, 项目执行单位 and 资金情况 (three of the eight, 总体目标 the fourth in the two-column form):
  // one project, one finding at it
  { id: 'qingshan-bogai-target-form-2021', sheet: '薄改补助资金', label: '农村义务教育薄弱学校改造补助资金', cell: 'A3' },
];

for (const o of OWN) {
  for (const layout of Object.keys(LAYOUTS) as LayoutName[]) {
    const t = realText(o.id, o.sheet);
    const base = { id: `b-own-${o.id}-${layout}`, about: `${o.id} on its own sheet (${layout})`, snapshot: LAYOUTS[layout]([t]) };
    if (layout === 'oneSheet') {
      // under a 项目一 line: a project not in the eight-section form, one finding at its title
      BUREAU_CASES.push({ ...base, expected: [{ rule: 'section-missing', sheet: 'Sheet1', cell: 'A1', project: '项目一' }], projects: 1 });
    } else if (o.skipped !== undefined) {
      BUREAU_CASES.push({ ...base, expected: [], projects: 0, skipped: [{ sheet: o.sheet, reason: o.skipped }] });
    } else {
      BUREAU_CASES.push({
        ...base,
        expected: [{ rule: 'section-missing', sheet: o.sheet, cell: o.cell!, project: o.label! }],
        projects: 1,
      });
    }
  }
}

// all ten on one workbook, a sheet each: one project (the form), nine sheets listed as skipped, never a pass
BUREAU_CASES.push({
  id: 'b-own-all-perSheet',
  about: 'the ten texts, a sheet each: the form is checked, the nine others are listed with their reasons',
  snapshot: LAYOUTS.perSheet(OWN.map((o) => realText(o.id, o.sheet))),
  expected: [{ rule: 'section-missing', sheet: '薄改补助资金', cell: 'A3', project: '农村义务教育薄弱学校改造补助资金' }],
  projects: 1,
  skipped: OWN.filter((o) => o.skipped !== undefined).map((o) => ({ sheet: o.sheet, reason: o.skipped! })),
});

// ------------------------------------------------------------------------------------------------
// Their figures in the eight sections.

// 随县 (湖北, 2023), as published: 建筑面积共计6674平方米，其中 1254 + 3250 + 1900 = 6404 (a real defect, 270 short); the
// money adds up (191 = 80 + 80万 + 31); `1.2023年度…备案表` (a list number before a year) is no figure.
const SUIXIAN = line('suixian-preschool-projects-report', '补助资金191万元');
BUREAU_CASES.push(
  ...allLayouts(
    'b-real-suixian-area',
    '建筑面积共计6674平方米 against 1254 + 3250 + 1900 = 6404 (real text, 随县)',
    project(
      '支持学前教育发展补助资金园舍建设项目',
      ['以上项目经县教育局、县财政局研究确定，报县政府批准。', line('suixian-preschool-projects-report', '1.2023年度')],
      [SUIXIAN],
      ['下达随县第二批支持学前教育发展补助资金191万元。'],
      ['2023年12月底前完成三个项目，拨付资金191万元。'],
    ),
    [{ rule: 'total-mismatch', section: 4, needle: '建筑面积共计6674平方米' }],
  ),
);

// 凯里 (贵州, 2010), as published: seven projects, 17593.84平方米 and 1915万元, every part named: nothing to raise.
const KAILI = lines('kaili-central-school-projects-news');
BUREAU_CASES.push(
  ...allLayouts(
    'b-real-kaili-clean',
    '17593.84平方米 = 4150 + … + 4119, 1915万元 = 503 + … + 429, 项目7个 (real text, 凯里)',
    project('新增中央投资教育项目', [KAILI[1]!], [KAILI[2]!], ['项目完成投资1915万元，全部为新增中央投资。'], ['项目已全部完工。']),
    [],
  ),
);

// 凯里 again, its two paragraphs in one section as published: the totals end the first, the seven projects are itemised in
// the next with no 其中 (a paragraph stating 项目7个, seven figures of each kind after it). Clean as published; 鸭塘中学's
// 429万元 changed to 492万元 is found against 完成投资1915万元.
const kaili = (items: string) =>
  project(
    '新增中央投资教育项目',
    [KAILI[1]!, items],
    ['新建特殊教育学校，改造农村初中校舍。'],
    ['项目完成投资1915万元。'],
    ['项目已全部完工。'],
  );
BUREAU_CASES.push(
  ...allLayouts(
    'b-real-kaili-itemised',
    '17593.84平方米 and 1915万元, then seven projects in the next paragraph (real text, 凯里)',
    kaili(KAILI[2]!),
    [],
  ),
  ...allLayouts(
    'b-defect-kaili-itemised',
    '完成投资1915万元 against the seven projects of the next paragraph, 鸭塘中学 492万元 (changed from 429)',
    kaili(changed(KAILI[2]!, '投资429万元', '投资492万元')),
    [{ rule: 'total-mismatch', section: 3, needle: '完成投资1915万元' }],
  ),
);

// 永康 (浙江, 卫健, 2017), as published: 总建筑面积8000 = 7770 + 230; 占地面积约1340 and 室外配套工程约4930 are other
// measures (the old code compared 项目用地面积6500 with 1340 + 7770: a false error).
const YONGKANG = line('yongkang-health-center-approval', '项目建设规模').replace(/^三、/u, '');
const yongkang = (scale: string) =>
  project(
    '花街中心卫生院迁建工程',
    [line('yongkang-health-center-approval', '该项目是根据').replace(/^一、/u, '')],
    [scale],
    [line('yongkang-health-center-approval', '项目估算总投资').replace(/^四、/u, '')],
    ['项目建设周期：三年。'],
  );
BUREAU_CASES.push(
  ...allLayouts('b-real-yongkang-clean', '总建筑面积8000 = 7770 + 230; 约1340 占地, 约4930 室外 (real text, 永康)', yongkang(YONGKANG), []),
  ...allLayouts(
    'b-defect-yongkang-area',
    '总建筑面积8000 against 7770 + 280 (changed from 230)',
    yongkang(changed(YONGKANG, '建筑面积230平方米', '建筑面积280平方米')),
    [{ rule: 'total-mismatch', section: 4, needle: '总建筑面积8000平方米' }],
  ),
);

// 龙口 (山东, 2019), as published: 602.44万元 and 5243人 add up (the title's 共600余万元 agrees); the standards (每生每年1200元…) do not multiply out to the
// half-year amounts, and nothing may say so.
const LONGKOU = lines('longkou-student-aid-news');
const LONGKOU_TEXT = line('longkou-student-aid-news', '今年以来');
const longkou = (funding: string) =>
  project(
    '学生资助助学金',
    [LONGKOU[0]!, LONGKOU_TEXT.slice(0, LONGKOU_TEXT.indexOf('，今年以来'))],
    LONGKOU.slice(3),
    [funding],
    ['2019年6月底前发放。'],
  );
const LONGKOU_FUNDING = LONGKOU_TEXT.slice(LONGKOU_TEXT.indexOf('今年以来'));
BUREAU_CASES.push(
  ...allLayouts(
    'b-real-longkou-clean',
    '602.44万元 and 5243人 add up; standards are not products (real text, 龙口)',
    longkou(LONGKOU_FUNDING),
    [],
  ),
  ...allLayouts(
    'b-defect-longkou-count',
    '惠及学生5243人 against 1564 + 865 + 2841 (changed from 2814)',
    longkou(changed(LONGKOU_FUNDING, '2814名', '2841名')),
    [{ rule: 'total-mismatch', section: 5, needle: '惠及学生5243人' }],
  ),
);

// 怀化 (湖南, 2022), as published: every bracketed split adds up to the figure before it; 本级资金 of 学前 and of 中职 are
// items of their own paragraphs, not one item written twice (the old code said so, a false 提示).
const HUAIHUA = lines('huaihua-student-aid-disclosure');
const huaihua = (high: string) =>
  project('学生资助', [HUAIHUA[1]!], ['落实学前、高中、中职各项资助政策。'], [HUAIHUA[2]!, high, HUAIHUA[4]!], ['2021年按学期发放。']);
BUREAU_CASES.push(
  ...allLayouts(
    'b-real-huaihua-clean',
    'nested （分配市本级…，鹤城区…） splits, 1、2、4、 paragraphs (real text, 怀化)',
    huaihua(HUAIHUA[3]!),
    [],
  ),
  ...allLayouts(
    'b-defect-huaihua-nested',
    '上级资金133.67万元（分配市本级63.89万元，鹤城区96.78万元） (changed from 69.78)',
    huaihua(changed(HUAIHUA[3]!, '鹤城区69.78万元', '鹤城区96.78万元')),
    [{ rule: 'total-mismatch', section: 5, needle: '高中建档立卡免学费' }],
  ),
);

// 宜宾 (四川, 卫健, 2015), as published: 9918万元 in one paragraph, `这批争取到的资金分别是：` six items in the next; the 计划总投资
// of each item after them is another measure.
const YIBIN = lines('yibin-health-central-budget-news');
const yibin = (items: string) =>
  project('医疗卫生服务体系建设', [YIBIN[2]!], ['改善县级医院、乡镇卫生院、村卫生室条件。'], [YIBIN[0]!, items], ['2015年内开工建设。']);
BUREAU_CASES.push(
  ...allLayouts('b-real-yibin-clean', '9918万元 = 3910 + 500 + 1700 + 1500 + 2008 + 300 (real text, 宜宾)', yibin(YIBIN[1]!), []),
  ...allLayouts(
    'b-defect-yibin-items',
    '这批争取到的资金分别是：… 2080万元 (changed from 2008) against 9918万元 in the paragraph before',
    yibin(changed(YIBIN[1]!, '投资2008万元', '投资2080万元')),
    [{ rule: 'total-mismatch', section: 5, needle: '已争取到中央预算内投资9918万元' }],
  ),
);

// 临泉 (安徽, 2020), as published: two projects in one sentence, each with its area, schools and money: nothing to raise.
const LINQUAN = lines('linquan-school-projects-news');
BUREAU_CASES.push(
  ...allLayouts(
    'b-real-linquan-clean',
    '208030平方米 and 23615平方米 扩建 of 64所, 7178万元; 9所, 11070平方米, 1390万元 (real text, 临泉)',
    project(
      '义务教育及学前教育改扩建项目',
      [LINQUAN[0]!],
      [LINQUAN[1]!],
      ['两个项目总投资8568万元，其中义务教育项目7178万元，学前教育项目1390万元。'],
      [LINQUAN[2]!],
    ),
    [],
  ),
);

// 淮南 (安徽, 2019), as published: 132个 项目 of 31849.26万元，其中超过50万（含50万）项目48个: the bound names a class of projects;
// changed to 148个, a part larger than its whole is found.
const HUAINAN = line('huainan-edu-budget-performance-review', '部门预算项目132个');
const huainan = (overview: string) =>
  project(
    '部门预算项目绩效管理',
    [overview],
    ['高中军训、教师职称评审及教师资格认定、民生工程配套、教育费附加四个项目。'],
    ['项目资金总预算31849.26万元。'],
    ['2019年内完成考核评价。'],
  );
BUREAU_CASES.push(
  ...allLayouts('b-real-huainan-bound', '其中超过50万（含50万）项目48个 of 132个 (real text, 淮南)', huainan(HUAINAN), []),
  ...allLayouts(
    'b-defect-huainan-part',
    '其中超过50万（含50万）项目148个 (changed from 48) of 132个',
    huainan(changed(HUAINAN, '项目48个', '项目148个')),
    [{ rule: 'total-mismatch', section: 3, needle: '部门预算项目132个' }],
  ),
);
