/**
 * Variant workbooks for issue 12 §4–5: totals of every quantity (money, counts, areas), totals without a
 * keyword, 其中 lists of funding sources, item names, repeated items. Each project's amount and count
 * sentences are taken from a real published text of another bureau (source address beside it; some
 * figures changed on purpose where a case must fire, marked "changed"), set in the eight standard
 * sections of a county education bureau's disclosure. The must-fire cases are built in all three
 * layouts (one column, the two-column form, all projects on one sheet).
 */
import { a1, column, sheet, workbook } from './build';
import { NUTRITION, projectLines, twoColumn, type Expected, type ProjectText, type VariantCase } from './cases';

/** A project of the eight standard sections with the given overview, content, funding and plan paragraphs. */
export function project(name: string, overview: string[], content: string[], funding: string[], plan: string[]): ProjectText {
  return {
    title: '项目一',
    bodies: [
      [name],
      ['《四川省义务教育薄弱环节改善与能力提升项目管理办法》（川教函〔2023〕215号）。'],
      ['苍溪县教育局'],
      overview,
      content,
      funding,
      plan,
      ['改善学校办学条件，项目验收合格率100%，师生满意度不低于95%。'],
    ],
  };
}

interface Want {
  readonly rule: string;
  /** Section (0-based) of the finding, and text the paragraph holds. */
  readonly section: number;
  readonly needle: string;
}

/** Row (0-based) of the first line holding `needle`. */
function lineOf(lines: readonly string[], needle: string): number {
  const i = lines.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`cases-quantities: no line holds ${needle}`);
  return i;
}

/** The case in one layout: one column, the two-column form, or second of two projects on one sheet. */
export function inLayout(
  layout: 'column' | 'two-column' | 'one-sheet',
  id: string,
  about: string,
  p: ProjectText,
  wants: readonly Want[],
): VariantCase {
  if (layout === 'column') {
    const lines = projectLines({ ...p, title: '项目一' });
    const expected: Expected[] = wants.map((w) => ({
      rule: w.rule,
      sheet: '项目一',
      cell: a1(lineOf(lines, w.needle)),
      project: '项目一',
    }));
    return { id, about, snapshot: workbook(sheet('项目一', column(lines))), expected, projects: 1 };
  }
  if (layout === 'two-column') {
    const rows = twoColumn({ ...p, title: '项目一' });
    const expected: Expected[] = wants.map((w) => {
      // the section's content is one multi-line cell in column B
      const label = [
        '项目名称',
        '立项依据',
        '项目实施单位',
        '项目基本概况',
        '项目实施内容',
        '资金安排情况',
        '项目实施计划',
        '项目实施成效',
      ][w.section]!;
      const row = rows.findIndex((r) => r[0] === label);
      return { rule: w.rule, sheet: '项目一', cell: a1(row, 1), project: '项目一' };
    });
    return { id: `${id} (two-column)`, about, snapshot: workbook(sheet('项目一', rows)), expected, projects: 1 };
  }
  // no year in this title: 项目二 is a real text of its own year (2009…2023) beside the 2024 project, which a
  // title naming 2024 would make a kept-over text (stale-year)
  const lines = ['苍溪县教育局预算重点领域财政项目文本公开', ...projectLines(NUTRITION), ...projectLines({ ...p, title: '项目二' })];
  const second = lines.indexOf('项目二');
  const expected: Expected[] = wants.map((w) => ({
    rule: w.rule,
    sheet: '项目文本',
    cell: a1(second + lineOf(lines.slice(second), w.needle)),
    project: '项目二',
  }));
  return { id: `${id} (one sheet)`, about, snapshot: workbook(sheet('项目文本', column(lines))), expected, projects: 2 };
}

export function allLayouts(id: string, about: string, p: ProjectText, wants: readonly Want[]): VariantCase[] {
  return (['column', 'two-column', 'one-sheet'] as const).map((l) => inLayout(l, id, about, p, wants));
}

export const QUANTITY_CASES: VariantCase[] = [];

// ------------------------------------------------------------------------------------------------
// Must fire.

// Areas: 陕西省发展和改革委员会《关于长武县高级中学新校区建设项目可行性研究报告的批复》（陕发改社会〔2009〕1775号）,
// http://www.fsou.com.cn/html/text/lar/171340/17134026.html — as published, the six parts add up to
// 70760平方米 against a total of 70751平方米 (not changed).
QUANTITY_CASES.push(
  ...allLayouts(
    'q-defect-area-parts',
    'total area 70751平方米, its six parts 70760平方米 (real text)',
    project(
      '长武县高级中学新校区建设项目',
      ['为推动我县普通高中教育发展，新建高级中学新校区。'],
      [
        '总建筑面积70751平方米，其中：教学楼19136平方米，行政办公和专业教学楼15415平方米，图书实验楼11985平方米，学生宿舍13719平方米，师生餐厅5818平方米，体育看台4687平方米以及其它辅助设施建设和购置教学设备。',
      ],
      ['项目总投资5800万元，其中：中央预算内投资3000万元，县级财政配套2800万元。'],
      ['2024年3月开工，完成投资3000万元；2025年8月竣工，完成投资2800万元。'],
    ),
    [{ rule: 'total-mismatch', section: 4, needle: '总建筑面积70751平方米' }],
  ),
);

// Counts: 剑川县 2012年农村义务教育薄弱学校改造计划, http://dali8.net/archiver/tid-45424.html — as published,
// 22个 against 5 + 1 + 17 = 23 (not changed); the money sentence adds up.
QUANTITY_CASES.push(
  ...allLayouts(
    'q-defect-count-parts',
    '食堂(伙房)22个，其中新建5个，改建1个，新建17个 (real text: 23)',
    project(
      '农村义务教育薄弱学校食堂建设项目',
      ['计划新建或改建农村义务教育薄弱学校食堂（伙房）22个，建筑面积5000多平方米，其中新建寄宿制学校食堂5个，改建食堂1个，新建伙房17个。'],
      ['新建或改建学校食堂（伙房），改善学生就餐条件。'],
      ['规划投资934万元，其中中央投入517万元，省级投入282万元，州级投入40万元，县级投入95万元。'],
      ['2024年9月底前完成全部建设任务，拨付资金934万元。'],
    ),
    [{ rule: 'total-mismatch', section: 3, needle: '食堂（伙房）22个' }],
  ),
);

// A total without a keyword (`下达…资金N万元，其中：…`): 大关县获义务教育改薄资金, https://ztnews.net/article/show-37673.html
// (changed: 县级配套资金 218万元 where the text has 208万元, so the sources no longer add up).
QUANTITY_CASES.push(
  ...allLayouts(
    'q-defect-no-keyword-total',
    '下达…专项资金1500万元，其中：665+575+52+218 (changed from 208)',
    project(
      '全面改善贫困地区义务教育薄弱学校基本办学条件项目',
      ['对全县办学条件薄弱的学校进行新建、改建校舍，采购实验仪器和设备。'],
      ['新（改、扩）建校舍、运动场，采购实验仪器和设备。'],
      [
        '市财政局下达2015年第二批全面改善贫困地区义务教育薄弱学校基本办学条件专项资金1500万元，其中：中央资金665万元，省级资金575万元，市级配套资金52万元，县级配套资金218万元。',
      ],
      ['2024年12月底前按工程进度拨付资金1500万元。'],
    ),
    [{ rule: 'total-mismatch', section: 5, needle: '专项资金1500万元' }],
  ),
);

// A 其中： list of one funding source leaves part of the total without a source (issue 12 §4; the
// seed's 项目九 wording, `本项目计划安排资金10万元。其中：区级财政安排资金10万元。`, with the total changed to 12万元).
QUANTITY_CASES.push(
  ...allLayouts(
    'q-defect-single-source',
    '计划安排资金12万元。其中：区级财政安排资金10万元 (2万元 without a source)',
    project(
      '中小学教师培训项目',
      ['全县有专任教师4100人，每五年一周期完成不少于360学时的培训。'],
      ['开展新课标全员培训和骨干教师专项培训。'],
      ['本项目计划安排资金12万元。其中：区级财政安排资金10万元。'],
      ['上半年开展全员培训，支出6万元；下半年开展骨干教师培训，支出6万元。'],
    ),
    [{ rule: 'total-mismatch', section: 5, needle: '计划安排资金12万元' }],
  ),
);

// A count against the names listed: 舒城县2024年新建、改扩建公办幼儿园项目实施情况,
// https://www.shucheng.gov.cn/public/6618011/37063815.html (changed: 城关镇北隅幼儿园 left out, six names for 7所).
QUANTITY_CASES.push(
  ...allLayouts(
    'q-defect-named-count',
    '改扩建幼儿园7所，分别为 six names (changed)',
    project(
      '公办幼儿园改扩建项目',
      [
        '2024年，改扩建幼儿园7所，分别为干汊河镇七门堰幼儿园、棠树乡八里幼儿园、百神庙镇周公渡中学附属幼儿园、城关第二幼儿园、高峰初中附属幼儿园、城关镇第八幼儿园，总建筑面积4760平方米，总投资875.1万元。',
      ],
      ['改扩建园舍，购置保教设备。'],
      ['总投资875.1万元，全部为县级财政资金。'],
      ['2024年8月底前完工，拨付资金875.1万元。'],
    ),
    [{ rule: 'total-mismatch', section: 3, needle: '改扩建幼儿园7所' }],
  ),
);

// The same item listed twice (issue 12 §4): the twelve playgrounds of 玉林市玉州区名山中学等十二个学校运动场改造项目,
// http://3g.zp365.com/yl/News/Info/515026?t=h, given amounts and one item repeated (changed).
QUANTITY_CASES.push(
  ...allLayouts(
    'q-defect-repeated-item',
    '（一）…塑胶跑道改造30万元 listed again as （三）',
    project(
      '学校运动场改造项目',
      ['部分学校田径运动场为沙土跑道，篮球场地面破损，需进行改造。'],
      ['田径运动场铺设塑胶跑道，篮球、排球场地铺设硅PU。'],
      [
        '计划安排资金75万元，具体如下：',
        '（一）名山中学田径运动场铺设塑胶跑道30万元；',
        '（二）大塘镇初级中学篮球场地硅PU铺设15万元；',
        '（三）名山中学田径运动场铺设塑胶跑道30万元。',
      ],
      ['2024年7月至8月利用暑期施工，9月验收后拨付资金75万元。'],
    ),
    [{ rule: 'repeated-item', section: 5, needle: '（三）名山中学' }],
  ),
);

// ------------------------------------------------------------------------------------------------
// Must not fire: real wording that adds up, lists of some of a total, figures that are not parts.

// 龙陵县发展和改革局 立项批复 (龙山镇中心学校运动场厕所及附属工程), https://longling.gov.cn/info/8506/1450899.htm:
// an area total with parts that carry counts and lengths in their names; 资金来源为 a list of sources.
QUANTITY_CASES.push(
  ...allLayouts(
    'q-clean-area-longling',
    '新建运动场7332平方米。其中：…200米环形跑道…1个，建筑面积5394平方米；… 资金来源为 214+178+288',
    project(
      '龙山镇中心学校运动场厕所及附属工程建设项目',
      [
        '新建运动场7332平方米。其中：新建200米环形跑道（含100米直跑道）运动场1个，建筑面积5394平方米；新建篮球场2个，建筑面积1216平方米；新建排球场2个，建筑面积572平方米；新建器械场地1个，建筑面积150平方米。厕所两幢140平方米，配套建设大门、道路、围墙等附属工程。',
      ],
      ['新建运动场、厕所及附属工程。'],
      [
        '项目估算总投资680万元。资金来源为2018年第一批全面改善贫困地区义务教育薄弱学校办学条件中央专项资金214万元，2018年第一批全面改善贫困地区义务教育薄弱学校办学条件省级专项资金178万元，自筹288万元。',
      ],
      ['2018年6月开工，2019年3月完工，按进度拨付资金680万元。'],
    ),
    [],
  ),
);

// 吉林市2014年农村义务教育薄弱校改造地方资金项目计划, https://e-chinaedu.cn/html/jydt/2014/09-05/c_24836.shtml:
// six districts, each a total with its sources (one with a single source equal to it, one 44万 without 元).
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-districts-jilin',
    '项目共100个，拟投入资金532.1万元，其中…; six districts each with 其中 sources',
    project(
      '农村义务教育薄弱校改造项目',
      ['2014年全市城区义务教育薄弱校改造地方资金项目共100个，拟投入资金532.1万元，其中省级补助资金483万元，地方配套资金49.1万元。'],
      [
        '为昌邑区拟投入资金46万元，其中省级补助资金44万，地方配套资金2万元，全部用于购买设备；为船营区拟投入资金325万元，全部为省级补助资金，其中校舍类资金104万元，设备类资金221万元；为丰满区拟投入资金48.1万元，其中省级补助资金21万元，地方配套资金27.1万元，全部用于校舍改造；为龙潭区拟投入资金53万元，其中省级补助资金53万元，全部用于校舍改造；为经开区拟投入资金30万元，其中省级补助资金20万元，地方配套资金10万元，全部用于购置设备；为高新区拟投入资金30万元，其中省级补助资金20万元，地方配套资金10万元，全部用于购置设备。',
      ],
      ['拟投入资金532.1万元，其中省级补助资金483万元，地方配套资金49.1万元。'],
      ['2014年12月底前完成项目建设，拨付资金532.1万元。'],
    ),
    [],
  ),
);

// 泸西县财政局 财政涉农整合资金结余情况的通报, https://www.hhlx.gov.cn/info/2861/221921.htm: one total with two
// breakdowns (by spender, by fund), each item followed by its 支出进度 percentage.
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-two-breakdowns-luxi',
    '共支出21621.62万元，其中：部门…；乡镇…。其中：扶贫…；整合…',
    project(
      '财政涉农整合资金项目',
      [
        '截至2019年12月18日，全县项目单位共支出2019年财政涉农整合资金21621.62万元，支出进度87.34%，其中：部门支出10282.59万元，支出进度89.45%；乡镇支出11339.03万元，支出进度85.51%。其中：财政专项扶贫资金支出8304.36万元，支出进度93.56%；财政涉农整合资金支出13317.26万元，支出进度83.86%。',
      ],
      ['加快项目实施和资金支出进度。'],
      ['2019年财政涉农整合资金21621.62万元，全部由县级统筹安排。'],
      ['2019年12月底前支出资金21621.62万元。'],
    ),
    [],
  ),
);

// 一批/二批/三批 totals each with one notable part in parentheses, then their 合计: 临城县财政衔接资金道路建设项目
// 绩效自评报告, https://or2.xixipi.tk/baogao/6505890.html.
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-batches-lincheng',
    '…总投资3374.3万元(其中建筑工程3292万元)，…，合计批复总投资6222.4万元(其中…)',
    project(
      '道路建设项目',
      [
        '该项目分三批实施，一批项目县级批复总投资3374.3万元（其中建筑工程3292万元），二批项目县级批复总投资2069.51万元（其中建筑工程1975.775万元），三批项目县级批复投资778.59万元（其中建筑工程757.44万元），合计批复总投资6222.4万元（其中建筑工程6025.215万元）。',
      ],
      ['建设道路、小桥、路灯及道路护栏。'],
      ['合计批复总投资6222.4万元，全部为财政衔接资金。'],
      ['2021年12月底前完工，拨付资金6222.4万元。'],
    ),
    [],
  ),
);

// A 其中 that names one notable part, then progress (目前已下达…): 福建为民办实事项目省级资金下达,
// http://m.folksfolks.com/fjnews/2023-08/02/content_31377715.htm.
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-notable-part',
    '总投资435.05亿元，其中省级资金109.98亿元，目前已下达123.01亿元',
    project(
      '为民办实事项目',
      ['根据年初计划，今年为民办实事项目总投资435.05亿元，其中省级资金109.98亿元，目前已下达123.01亿元，完成年初计划的111.8%。'],
      ['推进为民办实事项目早落实、早见效。'],
      ['今年为民办实事项目总投资435.05亿元。'],
      ['年内完成投资435.05亿元。'],
    ),
    [],
  ),
);

// 在这笔资金中: the parts of a total stated in the paragraph before, each with the pupils it reaches (受益学生…人
// four times, an attribute of each item, not an item listed twice): 攀枝花晚报, 三免一补资金下达到位,
// http://coffeezulin.com/zwgk/zdly/qmtjwgk/zxgk/czxx/zxzj_1/731363.shtml (written in simplified characters here).
QUANTITY_CASES.push(
  ...allLayouts(
    'q-clean-this-money',
    '补助资金646.3万元。在这笔资金中，…受益学生18862人；…',
    project(
      '城乡义务教育“三免一补”项目',
      ['落实城乡义务教育“三免一补”政策。'],
      ['免除学杂费、免费提供教科书、补助家庭经济困难寄宿生生活费。'],
      [
        '落实城乡义务教育“三免一补”市级补助资金646.3万元。',
        '在这笔资金中，农村义教家庭经济困难寄宿生生活补助资金115.26万元，受益学生18862人；农村义务教育肉食补助资金237.27万元，受益学生16855人；城市义教免教科书和生活补助资金174.12万元，受益学生60697人；城乡义教公用经费和免作业本费补助资金119.65万元，受益学生117313人。',
      ],
      ['资金已分解下达到各县（区）及相关学校，共646.3万元。'],
    ),
    [],
  ),
);

// Totals in one paragraph, their parts in the next, counts 7 = 1 + 6 and 3 + 3, and amounts inside programme
// names (第一批新增中央投资1000亿元…): 凯里市新增中央投资教育项目全部完工, http://3g.qdn.cn/news/kl/201001/25069.shtml.
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-kaili',
    '项目7个…建筑面积17593.84平方米，完成投资1915万元; the seven projects each with area and amount',
    project(
      '新增中央投资教育项目',
      [
        '共获取新增中央投资教育项目7个，包括新建凯里特殊教育学校和6所农村初中校舍改造项目。目前所有项目已全部完工，建筑面积17593.84平方米，完成投资1915万元。',
      ],
      [
        '新建凯里特殊教育学校工程，建筑面积4150平方米，完成投资503万元。第一批新增中央投资1000亿元农村初中校舍改造项目3个：龙场中学建筑面积1120平方米、投资133万元，舟溪中学建筑面积1910平方米、投资197万元，翁项九年制义务教育学校建筑面积1529.58平方米、投资158万元；第二批新增中央投资1300亿元农村初中校舍改造项目3个：万潮中学建筑面积1949.35平方米、投资206万元，大风洞正钰中学建筑面积2815.91平方米、投资289万元，鸭塘中学建筑面积4119平方米、投资429万元。',
      ],
      ['完成投资1915万元，全部为中央投资。'],
      ['项目已全部完工，拨付资金1915万元。'],
    ),
    [],
  ),
);

// 用于… clauses inside the parts of a 其中 list, counts and areas beside them: 昭通市农村教育中央预算内投资下达,
// https://ztnews.net/article/show-26606.html.
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-zhaotong',
    '预算13121万元，其中：…4290万元，用于…862套30030平方米；…8831万元，用于…46762平方米',
    project(
      '农村教育中央预算内投资项目',
      ['建设农村学校教师周转宿舍和农村初中学生食堂、学生宿舍。'],
      ['建设教师周转宿舍、学生食堂和学生宿舍。'],
      [
        '省财政厅下达我市农村教育中央预算内投资预算13121万元，其中：2015年边远艰苦地区农村学校教师周转宿舍建设中央预算内投资4290万元，用于我市昭阳、巧家、盐津等6县（区）63所农村学校教师周转宿舍建设，计划建设教师周转宿舍862套30030平方米；2015年中西部农村初中校舍改造工程中央预算内投资8831万元，用于我市镇雄、彝良、威信3县12所农村初中校舍改造，计划建设学生食堂和学生宿舍46762平方米。',
      ],
      ['2015年12月底前按进度拨付资金13121万元。'],
    ),
    [],
  ),
);

// A rate (生均1000元), a total with its two sources, and another total of what was spent: 耒阳市第四中学专项资金
// 绩效自评价报告, https://m.yzwku.com/doc/556425.html.
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-leiyang',
    '按生均1000元安排，共计239万元，其中上级资金179.25万元，本级59.75万元',
    project(
      '生均公用经费项目',
      ['我校2022年项目为一个：生均公用经费项目。'],
      ['保障学校正常运转、完成教学活动和其他日常工作任务。'],
      ['我校2022年按生均1000元安排，共计239万元，其中上级资金179.25万元，本级59.75万元，项目绩效目标是保证学校的正常运转。'],
      ['2022年按季度拨付，全年239万元。'],
    ),
    [],
  ),
);

// Counts of progress that are not parts, areas and amounts of three works (芷江县改善农村中小学办学条件,
// http://czt.hunan.gov.cn/czt/xxgk/dfcz/hh/201301/t20130115_2782951.html), and years, document numbers and
// percentages around them.
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-progress-counts',
    '计划投资1992万元，新建校舍17500平方米，…10个项目; 等21所中心幼儿园和14个教学点; 已完成4所…',
    project(
      '中小学校舍安全及薄弱学校改造工程',
      [
        '一是中小学校舍安全工程。计划投资1992万元，新建校舍17500平方米，新店坪中学综合楼等10个项目正在建设中。',
        '二是薄弱学校改造工程。计划投入资金1143万元，新建校舍9452平方米，改建食堂等校舍1610平方米，改造竹坪铺小学等17所。',
        '三是幼儿园建设工程。闲置校舍改造幼儿园建设计划投入资金948万元，改建面积14760平方米，将改造晓坪中心幼儿园等21所中心幼儿园和14个教学点。目前，已完成4所中心幼儿园和4个教学点建设。',
      ],
      ['实施校舍安全工程、薄弱学校改造工程和幼儿园建设工程（湘财教〔2012〕45号）。'],
      ['三项工程计划投资4083万元。'],
      ['2013年12月底前完成，拨付资金4083万元。'],
    ),
    [],
  ),
);

// Every layout of the clean named count (舒城县, as published: seven names for 7所).
QUANTITY_CASES.push(
  inLayout(
    'column',
    'q-clean-named-count',
    '改扩建幼儿园7所，分别为 seven names (real text)',
    project(
      '公办幼儿园改扩建项目',
      [
        '2024年，改扩建幼儿园7所，分别为干汊河镇七门堰幼儿园、棠树乡八里幼儿园、百神庙镇周公渡中学附属幼儿园、城关第二幼儿园、高峰初中附属幼儿园、城关镇第八幼儿园、城关镇北隅幼儿园，总建筑面积4760平方米，总投资875.1万元。',
      ],
      ['改扩建园舍，购置保教设备。'],
      ['总投资875.1万元，全部为县级财政资金。'],
      ['2024年8月底前完工，拨付资金875.1万元。'],
    ),
    [],
  ),
);
